//! The submission document a person sends when they choose to, and its verification on
//! the server: everything is recomputed from the answers and the plan, so a receiver
//! never has to trust the browser.

use crate::answers::Answers;
use crate::date::Date;
use crate::estimate::{estimate, Estimate};
use crate::issue::Issue;
use crate::plan::{validate_plan, Plan, PlanReport};
use crate::scheme::Scheme;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The value of every submission's `format`.
pub const FORMAT: &str = "waymark-submission";

/// The version of the submission format this engine writes and reads.
pub const VERSION: u32 = 1;

/// What a person sends: their answers and plan with everything worked out from them,
/// and a record of what they agreed to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Always `waymark-submission`.
    pub format: String,
    /// The format's version: 1.
    pub version: u32,
    /// The scheme version used, with a hash of its content.
    pub scheme: SchemeStamp,
    /// The assessment date.
    pub date: Date,
    /// The answers.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")
    )]
    pub answers: Answers,
    /// The estimate worked out from the answers.
    pub estimate: Estimate,
    /// The recovery support plan, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// The plan's costing and findings, worked out against the estimate's yearly amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_report: Option<PlanReport>,
    /// Anything the person wrote about what they disagree with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreement: Option<String>,
    /// What the person agreed to send, and when.
    pub consent: Consent,
    /// The version of the app that made the submission.
    pub app_version: String,
    /// A key that stays the same when the same submission is sent again, so a receiver
    /// stores it once.
    pub idempotency_key: String,
}

impl Submission {
    /// Reads a submission strictly.
    pub fn from_json(text: &str) -> Result<Submission, Vec<Issue>> {
        crate::json::from_str(text).map_err(|e| vec![e])
    }
}

/// Which scheme version a submission was worked out with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemeStamp {
    /// The scheme's id.
    pub id: String,
    /// The version.
    pub version: String,
    /// The content hash from [`content_hash`].
    pub hash: String,
}

/// A record of consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// What the person agreed to send, in the words they were shown.
    pub agreed: Vec<String>,
    /// When, as an RFC 3339 time from their device.
    pub at: String,
}

/// What the person chose to send, besides their answers.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Their plan.
    pub plan: Option<Plan>,
    /// What they disagree with.
    pub disagreement: Option<String>,
}

/// A difference between what was submitted and what the engine works out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// JSON Pointer into the submission.
    pub path: String,
    /// What is different, in plain words.
    pub message: String,
}

/// The SHA-256 of a scheme's content, as lower-case hex. Only the content counts: the
/// same scheme with different spacing or `$schema` has the same hash.
pub fn content_hash(scheme: &Scheme) -> String {
    let mut canonical = scheme.clone();
    canonical.json_schema = None;
    sha256_hex(&serde_json::to_vec(&canonical).unwrap_or_default())
}

/// The SHA-256 of some bytes, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Builds a submission, working out the estimate and any plan report.
pub fn build(
    scheme: &Scheme,
    answers: &Answers,
    date: Date,
    extras: Extras,
    consent: Consent,
    app_version: &str,
    idempotency_key: &str,
) -> Result<Submission, Vec<Issue>> {
    let estimate = estimate(scheme, answers, date)?;
    let plan_report = match &extras.plan {
        Some(plan) => Some(validate_plan(scheme, plan, estimate.annual)?),
        None => None,
    };
    Ok(Submission {
        format: FORMAT.into(),
        version: VERSION,
        scheme: SchemeStamp {
            id: scheme.id.clone(),
            version: scheme.version.clone(),
            hash: content_hash(scheme),
        },
        date,
        answers: answers.clone(),
        estimate,
        plan: extras.plan,
        plan_report,
        disagreement: extras.disagreement,
        consent,
        app_version: app_version.into(),
        idempotency_key: idempotency_key.into(),
    })
}

/// Recomputes everything in a submission from its answers and plan with `scheme`, and
/// lists every difference; an empty list means the submission is exactly what the
/// engine works out.
pub fn verify(scheme: &Scheme, submitted: &Submission) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut differ = |path: &str, message: String| {
        out.push(Difference {
            path: path.into(),
            message,
        })
    };
    if submitted.format != FORMAT || submitted.version != VERSION {
        differ(
            "/version",
            format!("this engine reads {FORMAT} version {VERSION}"),
        );
    }
    let stamp = &submitted.scheme;
    if stamp.id != scheme.id || stamp.version != scheme.version {
        differ(
            "/scheme/version",
            format!(
                "submitted for {} version {}, checked with {} version {}",
                stamp.id, stamp.version, scheme.id, scheme.version
            ),
        );
    }
    if stamp.hash != content_hash(scheme) {
        differ(
            "/scheme/hash",
            "the scheme's content is not the one this submission was worked out with".into(),
        );
    }
    if submitted.consent.agreed.is_empty() || submitted.consent.at.trim().is_empty() {
        differ("/consent", "there is no record of consent".into());
    }
    if submitted.idempotency_key.trim().is_empty() {
        differ("/idempotency_key", "the idempotency key is empty".into());
    }
    let extras = Extras {
        plan: submitted.plan.clone(),
        disagreement: submitted.disagreement.clone(),
    };
    let consent = submitted.consent.clone();
    match build(
        scheme,
        &submitted.answers,
        submitted.date,
        extras,
        consent,
        &submitted.app_version,
        &submitted.idempotency_key,
    ) {
        Err(issues) => {
            for issue in issues {
                differ(&format!("/answers{}", issue.path), issue.message);
            }
        }
        Ok(fresh) => {
            let as_json = |s: &Submission| serde_json::to_value(s).unwrap_or_default();
            let (got, want) = (as_json(submitted), as_json(&fresh));
            for part in ["estimate", "plan_report"] {
                compare(&format!("/{part}"), &got[part], &want[part], &mut differ);
            }
        }
    }
    out
}

/// Lists the leaves where two JSON values differ.
fn compare(
    path: &str,
    got: &serde_json::Value,
    want: &serde_json::Value,
    differ: &mut impl FnMut(&str, String),
) {
    use serde_json::Value;
    match (got, want) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let null = Value::Null;
                let at = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                compare(
                    &at,
                    a.get(key).unwrap_or(&null),
                    b.get(key).unwrap_or(&null),
                    differ,
                );
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}/{i}"), x, y, differ);
            }
        }
        (a, b) if a == b => {}
        (a, b) => differ(path, format!("submitted {a}, but it works out as {b}")),
    }
}
