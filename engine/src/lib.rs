//! Waymark's engine: a council's resource allocation scheme, as data, turned into an
//! indicative personal budget with an exact, replayable explanation.
//!
//! The key decision is that a scheme is *data*: questions with points, dated parameters
//! with references, and an allocation written as named steps (`points`, `product`,
//! `band`, `at_most`, `require`, ...). Every shape a council uses (price per point, step
//! bands, per-domain tables, weighted formulas, cost of an existing package, one-off
//! payments) is a short list of such steps, and every step becomes one step of the
//! explanation. The explanation is data, not words: each step names what it did and the
//! values it read by id, and a renderer in the person's language (the `waymark-words`
//! crate) turns it into sentences. Nothing here does IO, knows about the browser or writes
//! a word a person reads, and no input can make it panic: problems come back as
//! [`Issue`]s with a code and a JSON path.
//!
//! Two paths share one evaluator: [`estimate`] records the explanation, and [`figures`]
//! gives the amounts alone, for callers that work out many estimates.
//!
//! ```
//! use waymark_engine::{estimate, Answers, Scheme};
//! let scheme = Scheme::from_json(r#"{
//!   "id": "example", "version": "1", "title": "Example", "owner": "Example Council",
//!   "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
//!   "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
//!   "text": {"introduction": "About you.", "next_steps": "Talk to us.", "not_eligible": "No budget."},
//!   "references": [{"id": "cabinet", "title": "Cabinet, 1 March 2026"}],
//!   "parameters": [{"id": "price", "label": "Price per point", "unit": "money",
//!     "values": [{"from": "2026-04-01", "value": "50.00", "reference": "cabinet"}]}],
//!   "sections": [{"id": "home", "title": "Home", "questions": [{"id": "cooking",
//!     "text": "Do you need help to cook?", "answer": {"yes_no": {"yes": 10, "no": 0}}}]}],
//!   "allocation": {"steps": [
//!     {"id": "points", "label": "Your points", "calc": {"points": {}}},
//!     {"id": "money", "label": "Points times the price", "calc": {"product": ["points", {"param": "price"}]}}
//!   ], "result": "money"}
//! }"#).expect("a valid scheme");
//! let answers = Answers::from_json(r#"{"cooking": true}"#).expect("answers");
//! let e = estimate(&scheme, &answers, "2026-06-01".parse().unwrap()).expect("an estimate");
//! assert_eq!(e.annual.to_string(), "500.00");
//! assert_eq!(e.weekly.unwrap().to_string(), "9.62");
//! assert_eq!(e.explanation[1].result.to_string(), "500.00");
//! let f = waymark_engine::figures(&scheme, &answers, "2026-06-01".parse().unwrap()).expect("figures");
//! assert_eq!(f.annual, e.annual);
//! ```

#![deny(missing_docs)]

pub mod alternatives;
pub mod amount;
pub mod answers;
pub mod cases;
pub mod compare;
pub mod date;
pub mod directory;
pub mod estimate;
pub mod explain;
pub mod fairness;
pub mod issue;
pub mod json;
pub mod limits;
pub mod plan;
mod program;
mod ranges;
pub mod review;
pub mod scheme;
pub mod submission;
mod units;

pub use alternatives::what_would_change;
pub use amount::{Money, Number, Rounding};
pub use answers::Answers;
pub use compare::{compare, Comparison};
pub use date::Date;
pub use estimate::{estimate, figures, Estimate, Figures};
pub use explain::replay;
pub use issue::Issue;
pub use rust_decimal::Decimal;
pub use scheme::{Scheme, SchemeFile, Text};

/// The JSON Schema for scheme files, for editors and validators.
#[cfg(feature = "schema")]
pub fn scheme_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(SchemeFile)).unwrap_or_default()
}

/// The JSON Schema for plan files.
#[cfg(feature = "schema")]
pub fn plan_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(plan::Plan)).unwrap_or_default()
}

/// The JSON Schema for submission documents.
#[cfg(feature = "schema")]
pub fn submission_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(submission::Submission)).unwrap_or_default()
}

/// The JSON Schema for review documents.
#[cfg(feature = "schema")]
pub fn review_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(review::Review)).unwrap_or_default()
}

/// The JSON Schema for community directories.
#[cfg(feature = "schema")]
pub fn directory_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(directory::Directory)).unwrap_or_default()
}

/// The JSON Schema for test-case files.
#[cfg(feature = "schema")]
pub fn cases_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(cases::CaseFile)).unwrap_or_default()
}
