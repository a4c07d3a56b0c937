//! The saved-answers document: what is kept on the device and in exported files.
//!
//! ```json
//! {"format": "waymark-saved", "version": 1,
//!  "scheme": {"id": "northvale-recovery", "version": "2026.1"},
//!  "answers": {"sleep": "often"}, "disagreement": "", "page": "questions/sleep",
//!  "saved_at": "2026-11-23T15:04:05.000Z"}
//! ```
//!
//! The format is versioned. Reading never fails silently: a document that cannot be read
//! comes back as a [`Problem`] naming why, and the caller keeps the text so the person can
//! download it before choosing to start again. The recovery support plan is in `plan`, as
//! a plan file for `waymark validate`; it is optional, so documents saved before there were
//! plans still read as version 1, and a plan that cannot be read makes the whole document
//! unreadable (and so kept for the person) rather than being dropped. What the person
//! agreed to send is in `outbox` until a receiver accepts it, so a send that failed can be
//! tried again with the same idempotency key after a reload; then it is in `sent`, with
//! the receiver's reference.

use crate::review::Kept;
use crate::send::{Outbox, Sent};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use waymark_engine::plan::Plan;
use waymark_engine::Answers;

/// The `format` every saved document carries.
pub const FORMAT: &str = "waymark-saved";

/// The version of the format this code writes and reads.
pub const VERSION: u64 = 1;

/// A person's saved answers and where they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this code.
    pub version: u64,
    /// The scheme the answers are for.
    pub scheme: SchemeKey,
    /// Question id to answer, as in an answers file for `waymark estimate` (a
    /// practitioner's adjustment with its reason, `{"answer": …, "reason": "…"}`).
    pub answers: Answers,
    /// Whether a practitioner is completing the assessment with the person.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub supported: bool,
    /// What the person wrote that they disagree with.
    #[serde(default)]
    pub disagreement: String,
    /// The page they were on, as a path (`questions/sleep`).
    #[serde(default)]
    pub page: String,
    /// When it was saved, as an ISO 8601 timestamp.
    #[serde(default)]
    pub saved_at: String,
    /// The person's recovery support plan, once they have started one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// What the person agreed to send that no receiver has accepted yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Outbox>,
    /// The last submission a receiver accepted, with its receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Sent>,
    /// Reviews of the plan: what was said so far, one waiting to be accepted, and those
    /// accepted, as the person's history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Kept>,
}

/// Which scheme, and which version of it, answers are for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeKey {
    /// The scheme's id.
    pub id: String,
    /// The scheme's version.
    pub version: String,
}

/// Why a saved document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It is not JSON, or not in the shape of this version.
    Damaged,
    /// It is not a saved-answers document at all.
    Foreign,
    /// It is a saved-answers document in a version this code does not know.
    Version(String),
}

impl Saved {
    /// Reads a saved document, checking its format and version first.
    pub fn read(text: &str) -> Result<Saved, Problem> {
        let value: Value = serde_json::from_str(text).map_err(|_| Problem::Damaged)?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(Problem::Foreign);
        }
        match value.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(other) => return Err(Problem::Version(other.to_string())),
            None => return Err(Problem::Damaged),
        }
        serde_json::from_value(value).map_err(|_| Problem::Damaged)
    }

    /// Writes the document as JSON.
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document() -> Saved {
        Saved {
            format: FORMAT.into(),
            version: VERSION,
            scheme: SchemeKey {
                id: "northvale-recovery".into(),
                version: "2026.1".into(),
            },
            answers: serde_json::from_value(json!({"sleep": "often", "age": "45", "ok": true}))
                .unwrap(),
            supported: false,
            disagreement: "I help my mum more than this shows.".into(),
            page: "questions/sleep".into(),
            saved_at: "2026-11-23T15:04:05.000Z".into(),
            plan: None,
            outbox: None,
            sent: None,
            review: None,
        }
    }

    #[test]
    fn a_document_survives_a_round_trip() {
        let saved = document();
        assert_eq!(Saved::read(&saved.to_json()), Ok(saved));
    }

    #[test]
    fn a_plan_survives_a_round_trip_and_a_damaged_one_is_reported() {
        let mut saved = document();
        let plan = json!({"starts": "2026-06-01", "ends": "2027-05-31",
            "goals": [{"id": "goal-1", "text": "Swim again", "area": "community"}]});
        saved.plan = serde_json::from_value(plan).ok();
        assert!(saved.plan.is_some());
        assert_eq!(Saved::read(&saved.to_json()), Ok(saved.clone()));
        let mut value: Value = serde_json::from_str(&saved.to_json()).unwrap();
        value["plan"] = json!({"goals": [{"text": "Swim again"}]});
        assert_eq!(Saved::read(&value.to_string()), Err(Problem::Damaged));
    }

    #[test]
    fn the_written_shape_is_the_documented_one() {
        let written: Value = serde_json::from_str(&document().to_json()).unwrap();
        assert_eq!(written["format"], "waymark-saved");
        assert_eq!(written["version"], 1);
        assert_eq!(written["scheme"]["id"], "northvale-recovery");
        assert_eq!(written["answers"]["sleep"], "often");
        assert!(written.get("plan").is_none());
    }

    #[test]
    fn damage_is_reported_never_panicked_on() {
        for text in ["", "{", "\u{0}", "{\"format\": \"waymark-saved\"}"] {
            assert_eq!(Saved::read(text), Err(Problem::Damaged), "{text:?}");
        }
        let mut value: Value = serde_json::from_str(&document().to_json()).unwrap();
        value["answers"] = json!("not a map");
        assert_eq!(Saved::read(&value.to_string()), Err(Problem::Damaged));
        value["answers"] = json!({});
        value["surprise"] = json!(1);
        assert_eq!(Saved::read(&value.to_string()), Err(Problem::Damaged));
    }

    #[test]
    fn other_documents_and_versions_are_named() {
        for text in ["{\"a\": 1}", "[]", "null", "{\"format\": \"other\"}"] {
            assert_eq!(Saved::read(text), Err(Problem::Foreign), "{text}");
        }
        let mut value: Value = serde_json::from_str(&document().to_json()).unwrap();
        value["version"] = json!(2);
        assert_eq!(
            Saved::read(&value.to_string()),
            Err(Problem::Version("2".into()))
        );
        value["version"] = json!("1");
        assert_eq!(
            Saved::read(&value.to_string()),
            Err(Problem::Version("\"1\"".into()))
        );
    }
}
