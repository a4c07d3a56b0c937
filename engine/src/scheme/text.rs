//! Words a person reads in a scheme: one string in a one-language scheme, or one string for
//! each of the scheme's languages.
//!
//! The engine never writes words of its own; it keeps the council's words as data, and
//! renderers pick the language they need with [`Text::get`].

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// Text a person reads, as the council wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The text in a scheme with one language.
    One(String),
    /// The text in each language, by language code (`{"en": "...", "cy": "..."}`).
    Each(BTreeMap<String, String>),
}

impl Text {
    /// The text in `language`; in a one-language scheme, its only text. A text without
    /// that language (which a checked scheme never has) gives its first one.
    pub fn get(&self, language: &str) -> &str {
        match self {
            Text::One(text) => text,
            Text::Each(texts) => texts
                .get(language)
                .or_else(|| texts.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether this text is given in `language`.
    pub fn has(&self, language: &str) -> bool {
        match self {
            Text::One(_) => true,
            Text::Each(texts) => texts.contains_key(language),
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::One(text.to_owned())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::One(text) => s.serialize_str(text),
            Text::Each(texts) => texts.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or an object of texts by language code like {\"en\": \"...\", \"cy\": \"...\"}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::One(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::One(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some((language, text)) = map.next_entry::<String, String>()? {
            texts.insert(language, text);
        }
        Ok(Text::Each(texts))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Words a person reads: a string in a scheme with one language, or an object with a string for each of the scheme's `languages`, like {\"en\": \"Your home\", \"cy\": \"Eich cartref\"}.",
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[a-z]{2,3}$" },
                    "additionalProperties": { "type": "string" },
                    "minProperties": 1
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language_asked_for() {
        let both: Text = serde_json::from_str(r#"{"en": "Home", "cy": "Cartref"}"#).unwrap();
        assert_eq!(both.get("cy"), "Cartref");
        assert_eq!(both.get("en"), "Home");
        assert!(both.has("cy") && !both.has("fr"));
        let one: Text = serde_json::from_str(r#""Home""#).unwrap();
        assert_eq!(one.get("cy"), "Home");
        assert_eq!(
            serde_json::to_string(&both).unwrap(),
            r#"{"cy":"Cartref","en":"Home"}"#
        );
    }
}
