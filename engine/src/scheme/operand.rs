//! Operands of allocation steps: what a calculation reads.

use crate::amount::{Money, Number};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Something a step reads: an earlier step's result, a parameter, an answer, points, or a
/// literal.
///
/// In JSON a plain string names an earlier step (`"points"`); anything else is an object
/// with one key: `{"param": "price_per_point"}`, `{"answer": "age"}`,
/// `{"points": "sleep"}` (a question's points), `{"section": "home"}` (a section's
/// points), `{"money": "12.50"}` or `{"number": "2"}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// The result of an earlier step.
    Step(String),
    /// A parameter's value on the assessment date.
    Param(String),
    /// The value of a number or money answer.
    Answer(String),
    /// The points a question's answer carries.
    Points(String),
    /// The points of a section's answers.
    Section(String),
    /// A fixed amount of money.
    Money(Money),
    /// A fixed number.
    Number(Number),
}

const KEYS: &[&str] = &["param", "answer", "points", "section", "money", "number"];

impl Serialize for Operand {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (key, value) = match self {
            Operand::Step(id) => return s.serialize_str(id),
            Operand::Param(id) => ("param", id.clone()),
            Operand::Answer(id) => ("answer", id.clone()),
            Operand::Points(id) => ("points", id.clone()),
            Operand::Section(id) => ("section", id.clone()),
            Operand::Money(m) => ("money", m.to_string()),
            Operand::Number(n) => ("number", n.to_string()),
        };
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(key, &value)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Operand {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OperandVisitor)
    }
}

struct OperandVisitor;

impl<'de> Visitor<'de> for OperandVisitor {
    type Value = Operand;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a step id, or an object with one of the keys param, answer, points, section, money, number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Operand, E> {
        Ok(Operand::Step(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Operand, A::Error> {
        let key: String = map
            .next_key()?
            .ok_or_else(|| de::Error::custom("an operand needs one key"))?;
        let operand = match key.as_str() {
            "param" => Operand::Param(map.next_value()?),
            "answer" => Operand::Answer(map.next_value()?),
            "points" => Operand::Points(map.next_value()?),
            "section" => Operand::Section(map.next_value()?),
            "money" => Operand::Money(map.next_value()?),
            "number" => Operand::Number(map.next_value()?),
            other => return Err(de::Error::unknown_field(other, KEYS)),
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "an operand has one key, but {extra:?} follows {key:?}"
            )));
        }
        Ok(operand)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Operand {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Operand".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let money = generator.subschema_for::<Money>();
        let number = generator.subschema_for::<Number>();
        let id = |key: &str| {
            schemars::json_schema!({
                "type": "object",
                "properties": { key: { "type": "string" } },
                "required": [key],
                "additionalProperties": false
            })
        };
        schemars::json_schema!({
            "description": "A step id, or an object with one key naming what to read.",
            "oneOf": [
                { "type": "string", "description": "The result of an earlier step." },
                id("param"), id("answer"), id("points"), id("section"),
                { "type": "object", "properties": { "money": money }, "required": ["money"], "additionalProperties": false },
                { "type": "object", "properties": { "number": number }, "required": ["number"], "additionalProperties": false }
            ]
        })
    }
}
