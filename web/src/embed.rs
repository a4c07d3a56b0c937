//! What the page tells a portal that frames or mounts it, as plain JSON messages built
//! here with no DOM (`dom::host` delivers them):
//!
//! - `{"source": "waymark", "type": "ready", "scheme": {"id", "version"}}` once loaded
//!   (`scheme` is null while the person is still choosing between several);
//! - `{"source": "waymark", "type": "estimate-updated", "scheme", "eligible",
//!   "conversation", "annual", "weekly", "currency"}` when every question is answered and
//!   the estimate changes, only if the configuration opts in (amounts only, never
//!   answers); `conversation` is true when the answers need a conversation with the
//!   council rather than an amount, and the amounts are then zero;
//! - `{"source": "waymark", "type": "submitted", "scheme", "reference"}` once a receiver
//!   accepted what the person sent.

use serde_json::{json, Value};
use waymark_engine::{Estimate, Scheme};

/// The value of every message's `source`, so a host can tell them from others.
pub const SOURCE: &str = "waymark";

fn stamp(scheme: Option<&Scheme>) -> Value {
    scheme.map_or(Value::Null, |s| json!({"id": s.id, "version": s.version}))
}

/// The page has loaded.
pub fn ready(scheme: Option<&Scheme>) -> Value {
    json!({"source": SOURCE, "type": "ready", "scheme": stamp(scheme)})
}

/// A new estimate, with amounts as decimal strings.
pub fn estimate_updated(scheme: &Scheme, estimate: &Estimate) -> Value {
    json!({
        "source": SOURCE,
        "type": "estimate-updated",
        "scheme": stamp(Some(scheme)),
        "eligible": estimate.eligible,
        "conversation": estimate.conversation,
        "annual": estimate.annual.0.to_string(),
        "weekly": estimate.weekly.map(|w| w.0.to_string()),
        "currency": scheme.currency,
    })
}

/// A receiver accepted a submission and gave this reference.
pub fn submitted(scheme: Option<&Scheme>, reference: &str) -> Value {
    json!({"source": SOURCE, "type": "submitted", "scheme": stamp(scheme),
           "reference": reference})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_amounts_as_strings_and_no_answers() {
        let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/schemes");
        let text = std::fs::read_to_string(www.join("northvale-recovery-2026.json")).unwrap();
        let scheme = Scheme::from_json(&text).unwrap();
        let cases: Value = serde_json::from_str(
            &std::fs::read_to_string(www.join("northvale-recovery-2026.tests.json")).unwrap(),
        )
        .unwrap();
        let case = &cases["cases"][0];
        let answers = serde_json::from_value(case["answers"].clone()).unwrap();
        let date = case["date"].as_str().unwrap().parse().unwrap();
        let estimate = waymark_engine::estimate(&scheme, &answers, date).unwrap();
        let message = estimate_updated(&scheme, &estimate);
        assert_eq!(message["type"], "estimate-updated");
        assert_eq!(message["scheme"]["id"], "northvale-recovery");
        assert_eq!(message["annual"], case["expect"]["annual"]);
        assert_eq!(message["currency"], "GBP");
        let keys: Vec<&str> = message
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "source",
                "type",
                "scheme",
                "eligible",
                "conversation",
                "annual",
                "weekly",
                "currency"
            ]
        );
        let text =
            std::fs::read_to_string(www.join("riverbend-individual-budget-2027.json")).unwrap();
        let scheme = Scheme::from_json(&text).unwrap();
        let answers = serde_json::from_value(serde_json::json!({
            "age_group": "age_22_64", "living": "group_home", "daily_living": "all",
            "behaviour": "constant", "health": "skilled", "overnight_awake": true
        }))
        .unwrap();
        let date = "2026-09-01".parse().unwrap();
        let estimate = waymark_engine::estimate(&scheme, &answers, date).unwrap();
        let message = estimate_updated(&scheme, &estimate);
        assert_eq!(
            message["conversation"], true,
            "a conversation, not an amount"
        );
        assert_eq!(message["annual"], "0.00");
        assert_eq!(
            message["weekly"],
            Value::Null,
            "a yearly scheme without weeks"
        );
        assert_eq!(message["currency"], "USD");
        assert_eq!(ready(None)["scheme"], Value::Null);
        assert_eq!(
            submitted(Some(&scheme), "WM-000001")["reference"],
            "WM-000001"
        );
    }
}
