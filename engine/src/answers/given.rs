//! Answers as given, placed by question before they are checked: from an [`Answers`]
//! document, or read straight from JSON with [`AnswersSeed`], which finds each question
//! through the scheme's index and borrows the text from the input, so a caseload of a
//! hundred thousand rows is read without building a map of values for each.

use super::Answers;
use crate::scheme::Scheme;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// One answer as given, before it is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Given<'a> {
    /// Text: an option's id, `yes` or `no`, or a number written as a string.
    Text(Cow<'a, str>),
    /// `true` or `false`.
    Bool(bool),
    /// A whole JSON number.
    Whole(i128),
    /// `null`: no answer.
    Null,
    /// A practitioner's adjustment, `{"answer": …, "reason": "…"}`: the answer and the
    /// reason they gave for it.
    Adjusted(Box<Given<'a>>, Cow<'a, str>),
    /// Anything else (a number with a fraction, an array, an object): never an answer.
    Other,
}

impl<'a> Given<'a> {
    /// A JSON value as given.
    pub fn of(value: &'a serde_json::Value) -> Given<'a> {
        use serde_json::Value;
        match value {
            Value::String(s) => Given::Text(Cow::Borrowed(s)),
            Value::Bool(b) => Given::Bool(*b),
            Value::Number(n) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from))
                .map_or(Given::Other, Given::Whole),
            Value::Null => Given::Null,
            Value::Object(fields) => match (fields.get("answer"), fields.get("reason")) {
                (Some(answer), Some(Value::String(reason)))
                    if fields.len() == 2 && !answer.is_object() =>
                {
                    Given::Adjusted(Box::new(Given::of(answer)), Cow::Borrowed(reason))
                }
                _ => Given::Other,
            },
            _ => Given::Other,
        }
    }
}

/// Answers as given, by question position, with the ids the scheme has no question for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GivenAnswers<'a> {
    pub(crate) values: Vec<Option<Given<'a>>>,
    pub(crate) unknown: Vec<String>,
    /// The position after the last question answered: answers usually come in the
    /// scheme's order, so that question is tried before the index.
    next: usize,
}

impl<'a> GivenAnswers<'a> {
    /// No answers yet, for `scheme`.
    pub fn new(scheme: &Scheme) -> GivenAnswers<'a> {
        GivenAnswers {
            values: vec![None; scheme.question_count()],
            unknown: Vec::new(),
            next: 0,
        }
    }

    /// The answers of an answers document.
    pub fn of(scheme: &Scheme, answers: &'a Answers) -> GivenAnswers<'a> {
        let mut out = GivenAnswers::new(scheme);
        for (id, value) in &answers.0 {
            out.set(scheme, id, Given::of(value));
        }
        out
    }

    /// Gives the answer to question `id`; returns false if it was answered already.
    pub fn set(&mut self, scheme: &Scheme, id: &str, value: Given<'a>) -> bool {
        let in_order = scheme
            .question_at(self.next)
            .is_some_and(|q| q.id == id)
            .then_some(self.next);
        match in_order.or_else(|| scheme.question_index(id)) {
            Some(i) => {
                self.next = i + 1;
                self.values
                    .get_mut(i)
                    .is_some_and(|slot| slot.replace(value).is_none())
            }
            None if self.unknown.iter().any(|u| u == id) => false,
            None => {
                self.unknown.push(id.to_owned());
                true
            }
        }
    }
}

/// Reads a JSON object of answers (question id to answer) for a scheme, refusing a
/// question answered twice.
pub struct AnswersSeed<'s>(pub &'s Scheme);

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_> {
    type Value = GivenAnswers<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<GivenAnswers<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_> {
    type Value = GivenAnswers<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of answers, question id to answer")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<GivenAnswers<'de>, M::Error> {
        let scheme = self.0;
        let mut out = GivenAnswers::new(scheme);
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(GivenSeed)?;
            if !out.set(scheme, &key, value) {
                return Err(de::Error::custom(format!("{key:?} is answered twice")));
            }
        }
        Ok(out)
    }
}

/// Reads a question id, borrowed from the input when it can be.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a question id")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// Reads the answer inside an adjustment: anything but another object.
struct PlainSeed;

impl<'de> DeserializeSeed<'de> for PlainSeed {
    type Value = Given<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Given<'de>, D::Error> {
        let given = GivenSeed.deserialize(d)?;
        Ok(match given {
            Given::Adjusted(..) => Given::Other,
            given => given,
        })
    }
}

/// Reads one answer as given.
struct GivenSeed;

impl<'de> DeserializeSeed<'de> for GivenSeed {
    type Value = Given<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Given<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for GivenSeed {
    type Value = Given<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an answer")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Given<'de>, E> {
        Ok(Given::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Given<'de>, E> {
        Ok(Given::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Given<'de>, E> {
        Ok(Given::Text(Cow::Owned(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Given<'de>, E> {
        Ok(Given::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given<'de>, E> {
        Ok(Given::Whole(i128::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given<'de>, E> {
        Ok(Given::Whole(i128::from(v)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Given<'de>, E> {
        Ok(Given::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Given<'de>, E> {
        Ok(Given::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Given<'de>, E> {
        Ok(Given::Null)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Given<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Given::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given<'de>, A::Error> {
        let (mut answer, mut reason, mut other) = (None, None, false);
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key.as_ref() {
                "answer" if answer.is_none() => answer = Some(map.next_value_seed(PlainSeed)?),
                "reason" if reason.is_none() => match map.next_value_seed(GivenSeed)? {
                    Given::Text(text) => reason = Some(text),
                    _ => other = true,
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    other = true;
                }
            }
        }
        Ok(match (answer, reason, other) {
            (Some(answer), Some(reason), false) => Given::Adjusted(Box::new(answer), reason),
            _ => Given::Other,
        })
    }
}
