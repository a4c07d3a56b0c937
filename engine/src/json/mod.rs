//! Strict JSON reading: duplicate keys are refused and every error names its JSON path.

mod locate;

use crate::issue::{pointer, Issue};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// Reads a versioned document strictly, as [`from_str`] does; a document of `format` but
/// of another version is refused by name first, so it is not read as this one.
pub fn versioned<T: DeserializeOwned>(
    text: &str,
    format: &str,
    version: u32,
) -> Result<T, Vec<Issue>> {
    #[derive(serde::Deserialize)]
    struct Stamp {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    if let Ok(Stamp {
        format: given,
        version: found,
    }) = serde_json::from_str::<Stamp>(text)
    {
        let found = found.unwrap_or(serde_json::Value::Null);
        if given.as_ref().and_then(|f| f.as_str()) == Some(format)
            && found.as_u64() != Some(u64::from(version))
        {
            return Err(vec![Issue::new(
                "unsupported_version",
                "/version",
                format!(
                    "this is a {format} of version {found}, and this engine reads version {version} only"
                ),
            )]);
        }
    }
    from_str(text).map_err(|e| vec![e])
}

/// Reads `text` as a `T`, refusing duplicate keys and locating any error by JSON Pointer.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    check_duplicate_keys(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut de).map_err(|e| issue_in(text, &e))?;
    de.end().map_err(|e| issue_in(text, &e))?;
    Ok(value)
}

/// An error serde_json gave reading `text`, as an issue: in text that is not JSON it says
/// where by line and column; in JSON, it names the path of the value or key it is about.
pub fn issue_in(text: &str, e: &serde_json::Error) -> Issue {
    if serde_json::from_str::<de::IgnoredAny>(text).is_ok() {
        Issue::new(
            "invalid_value",
            locate::path_of(text, e),
            plain_serde_message(e),
        )
    } else {
        Issue::new("invalid_json", "", plain_serde_message(e))
    }
}

/// Serde's message without the trailing " at line 3 column 7", which the path replaces.
fn plain_serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => &text[..i],
        _ => &text,
    };
    if e.is_syntax() || e.is_eof() {
        format!("{message} (line {}, column {})", e.line(), e.column())
    } else {
        message.to_owned()
    }
}

/// Fails on the first object that repeats a key, naming the key's path.
fn check_duplicate_keys(text: &str) -> Result<(), Issue> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut found = None;
    let mut path = Vec::new();
    let walk = Walk {
        path: &mut path,
        found: &mut found,
    };
    let outcome = walk.deserialize(&mut de).and_then(|()| de.end());
    if let Some(issue) = found {
        return Err(issue);
    }
    outcome.map_err(|e| Issue::new("invalid_json", "", plain_serde_message(&e)))
}

/// Walks a document keeping the path to where it is, one part pushed on the way in and
/// popped on the way out, so no path is copied unless a key repeats.
struct Walk<'a> {
    path: &'a mut Vec<String>,
    found: &'a mut Option<Issue>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            self.path.push(index.to_string());
            let seed = Walk {
                path: &mut *self.path,
                found: &mut *self.found,
            };
            let more = seq.next_element_seed(seed)?;
            self.path.pop();
            if more.is_none() {
                return Ok(());
            }
            if self.found.is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push(key.clone());
            if !seen.insert(key.clone()) {
                *self.found = Some(Issue::new(
                    "duplicate_key",
                    pointer(&*self.path),
                    format!("the key {key:?} appears more than once"),
                ));
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(Walk {
                path: &mut *self.path,
                found: &mut *self.found,
            })?;
            self.path.pop();
            if self.found.is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Thing {
        #[allow(dead_code)]
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        n: u32,
    }

    #[test]
    fn duplicate_keys_are_located() {
        let e = check_duplicate_keys(r#"{"a": [{"b": 1, "b": 2}]}"#).unwrap_err();
        assert_eq!(e.code, "duplicate_key");
        assert_eq!(e.path, "/a/0/b");
    }

    #[test]
    fn type_errors_are_located() {
        let e = from_str::<Thing>(r#"{"items": [{"n": 1}, {"n": "x"}]}"#).unwrap_err();
        assert_eq!(e.path, "/items/1/n");
        let e = from_str::<Thing>(r#"{"items": [{"n": 1, "m": 2}]}"#).unwrap_err();
        assert_eq!(e.path, "/items/0/m");
        assert!(e.message.contains("unknown field"), "{}", e.message);
    }

    #[test]
    fn an_error_from_reading_with_a_seed_is_located_too() {
        let issue = |text: &str| issue_in(text, &serde_json::from_str::<Thing>(text).unwrap_err());
        let wrong = issue(r#"{"items": [{"n": true}]}"#);
        assert_eq!(
            (wrong.code.as_str(), wrong.path.as_str()),
            ("invalid_value", "/items/0/n")
        );
        let broken = issue(r#"{"items": [{"n": 1]}"#);
        assert_eq!(
            (broken.code.as_str(), broken.path.as_str()),
            ("invalid_json", "")
        );
        assert!(
            broken.message.ends_with("(line 1, column 19)"),
            "{}",
            broken.message
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = from_str::<Thing>("{\n  \"items\": [,]\n}").unwrap_err();
        assert_eq!(e.code, "invalid_json");
        assert!(e.message.contains("line 2"), "{}", e.message);
    }
}
