//! Reading a catalogue file into its structs, strictly: every key must be there, and no
//! other.
//!
//! This is written by hand rather than derived with serde because the catalogue has
//! hundreds of keys: serde's derive makes code for each key of each struct, about
//! 100 KB of gzipped wasm for the catalogue alone, where this reads every struct with one
//! loop over a table of its keys. The [`catalogue!`] macro declares a struct and its table.

use serde_json::Value;
use std::collections::BTreeMap;

/// A part of a catalogue that can be read from a JSON value, with problems located by the
/// JSON Pointer `path`.
pub trait Entry {
    /// Reads `value` into this part.
    fn read(&mut self, value: &Value, path: &str) -> Result<(), String>;
}

impl Entry for String {
    fn read(&mut self, value: &Value, path: &str) -> Result<(), String> {
        match value {
            Value::String(text) => {
                text.clone_into(self);
                Ok(())
            }
            _ => Err(format!("{path}: expected a text")),
        }
    }
}

impl<const N: usize> Entry for [String; N] {
    fn read(&mut self, value: &Value, path: &str) -> Result<(), String> {
        match value {
            Value::Array(items) if items.len() == N => {
                for (i, (slot, item)) in self.iter_mut().zip(items).enumerate() {
                    slot.read(item, &format!("{path}/{i}"))?;
                }
                Ok(())
            }
            _ => Err(format!("{path}: expected a list of {N} texts")),
        }
    }
}

impl Entry for BTreeMap<String, String> {
    fn read(&mut self, value: &Value, path: &str) -> Result<(), String> {
        let Value::Object(map) = value else {
            return Err(format!("{path}: expected an object of texts"));
        };
        for (key, item) in map {
            let mut text = String::new();
            text.read(item, &format!("{path}/{key}"))?;
            self.insert(key.clone(), text);
        }
        Ok(())
    }
}

/// A struct of the catalogue: its keys, in order, and a way to each field by position.
pub trait Fields {
    /// The keys.
    const KEYS: &'static [&'static str];
    /// The field at a position among the keys.
    fn field(&mut self, position: usize) -> Option<&mut dyn Entry>;
}

/// Reads a JSON object into a struct of the catalogue: each key into its field, refusing a
/// key the struct does not have and naming the first one missing.
pub fn read_fields<T: Fields>(out: &mut T, value: &Value, path: &str) -> Result<(), String> {
    let Value::Object(map) = value else {
        return Err(format!("{path}: expected an object"));
    };
    let mut seen = vec![false; T::KEYS.len()];
    for (i, (key, item)) in map.iter().enumerate() {
        // Files list their keys in the struct's order, so the key at the same place is
        // tried first.
        let position = T::KEYS
            .get(i)
            .filter(|k| **k == key)
            .map(|_| i)
            .or_else(|| T::KEYS.iter().position(|k| k == key))
            .ok_or_else(|| format!("{path}/{key}: unknown key"))?;
        if let Some(field) = out.field(position) {
            field.read(item, &format!("{path}/{key}"))?;
        }
        seen[position] = true;
    }
    match seen.iter().position(|s| !s) {
        Some(missing) => Err(format!("{path}/{}: missing", T::KEYS[missing])),
        None => Ok(()),
    }
}

/// Reads a whole catalogue text.
pub fn read_text<T: Fields + Default>(text: &str) -> Result<T, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = T::default();
    read_fields(&mut out, &value, "")?;
    Ok(out)
}

/// Declares a struct of the catalogue: its fields, each documented, and its table of keys.
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl $crate::catalogue::read::Fields for $name {
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn field(&mut self, position: usize) -> Option<&mut dyn $crate::catalogue::read::Entry> {
                let fields: [&mut dyn $crate::catalogue::read::Entry; Self::KEYS.len()] =
                    [$(&mut self.$field),*];
                fields.into_iter().nth(position)
            }
        }

        impl $crate::catalogue::read::Entry for $name {
            fn read(&mut self, value: &serde_json::Value, path: &str) -> Result<(), String> {
                $crate::catalogue::read::read_fields(self, value, path)
            }
        }
    };
}

pub(crate) use catalogue;

#[cfg(test)]
mod tests {
    use super::*;

    catalogue! {
        /// A small catalogue part.
        pub struct Small {
            /// One.
            pub one: String,
            /// Two.
            pub two: String,
        }
    }

    #[test]
    fn every_key_and_no_other() {
        let small: Small = read_text(r#"{"two": "2", "one": "1"}"#).unwrap();
        assert_eq!((small.one.as_str(), small.two.as_str()), ("1", "2"));
        assert_eq!(
            read_text::<Small>(r#"{"one": "1"}"#).unwrap_err(),
            "/two: missing"
        );
        assert_eq!(
            read_text::<Small>(r#"{"one": "1", "two": "2", "three": "3"}"#).unwrap_err(),
            "/three: unknown key"
        );
        assert_eq!(
            read_text::<Small>(r#"{"one": 1, "two": "2"}"#).unwrap_err(),
            "/one: expected a text"
        );
        let mut s = Small::default();
        assert!(read_fields(&mut s, &Value::Array(Vec::new()), "").is_err());
    }
}
