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

/// The version of the submission format this engine writes and reads: 2, whose estimate
/// is data without words and which records the language used.
pub const VERSION: u32 = 2;

/// What a person sends: their answers and plan with everything worked out from them,
/// and a record of what they agreed to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Always `waymark-submission`.
    pub format: String,
    /// The format's version: 2.
    pub version: u32,
    /// The language the person used, one of the scheme's `languages`.
    pub language: String,
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
    /// Reads a submission strictly. A submission in another version of the format is
    /// refused with a message naming its version.
    pub fn from_json(text: &str) -> Result<Submission, Vec<Issue>> {
        crate::limits::within(text, crate::limits::SUBMISSION_BYTES, "submission")
            .map_err(|e| vec![e])?;
        crate::json::versioned(text, FORMAT, VERSION)
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

/// How a submission is sent: the assessment date, the language the person used, what
/// they agreed to, the app and the idempotency key.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The assessment date (for a review, the day of the review).
    pub date: Date,
    /// The language the person used.
    pub language: String,
    /// What the person agreed to send, and when.
    pub consent: Consent,
    /// The version of the app.
    pub app_version: String,
    /// The submission's idempotency key.
    pub idempotency_key: String,
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
    let mut canonical = scheme.file().clone();
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
    extras: Extras,
    envelope: Envelope,
) -> Result<Submission, Vec<Issue>> {
    let (estimate, plan_report) = work_out(scheme, answers, envelope.date, extras.plan.as_ref())?;
    Ok(assemble(
        scheme,
        answers,
        estimate,
        plan_report,
        extras,
        envelope,
    ))
}

/// Puts a submission together from an estimate and plan report already worked out from
/// `answers` and the plan in `extras` (as [`build`] does, for a caller that holds them).
pub fn assemble(
    scheme: &Scheme,
    answers: &Answers,
    estimate: Estimate,
    plan_report: Option<PlanReport>,
    extras: Extras,
    envelope: Envelope,
) -> Submission {
    Submission {
        format: FORMAT.into(),
        version: VERSION,
        language: envelope.language,
        scheme: SchemeStamp {
            id: scheme.id.clone(),
            version: scheme.version.clone(),
            hash: content_hash(scheme),
        },
        date: envelope.date,
        answers: answers.clone(),
        estimate,
        plan: extras.plan,
        plan_report,
        disagreement: extras.disagreement,
        consent: envelope.consent,
        app_version: envelope.app_version,
        idempotency_key: envelope.idempotency_key,
    }
}

/// The estimate and any plan report, with each problem located in the submission: an
/// answer's under `/answers`, the date's at `/date`, the plan's under `/plan`.
fn work_out(
    scheme: &Scheme,
    answers: &Answers,
    date: Date,
    plan: Option<&Plan>,
) -> Result<(Estimate, Option<PlanReport>), Vec<Issue>> {
    let located = |prefix: &str, issues: Vec<Issue>| -> Vec<Issue> {
        issues
            .into_iter()
            .map(|i| match i.code.as_str() {
                "date_outside_scheme" => Issue {
                    path: "/date".into(),
                    ..i
                },
                _ if i.in_scheme() => Issue {
                    path: "/estimate".into(),
                    message: format!("{} (the scheme's {})", i.message, i.path),
                    ..i
                },
                _ => Issue {
                    path: format!("{prefix}{}", i.path),
                    ..i
                },
            })
            .collect()
    };
    let estimate = estimate(scheme, answers, date).map_err(|i| located("/answers", i))?;
    let report = match plan {
        Some(plan) => {
            Some(validate_plan(scheme, plan, estimate.annual).map_err(|i| located("/plan", i))?)
        }
        None => None,
    };
    Ok((estimate, report))
}

/// Recomputes everything in a submission from its answers and plan with `scheme`, and
/// lists every difference; an empty list means the submission is exactly what the
/// engine works out. Amounts, ids and values are compared, never words.
pub fn verify(scheme: &Scheme, submitted: &Submission) -> Vec<Difference> {
    let mut out = sent_for(
        scheme,
        Sent {
            format: (&submitted.format, submitted.version, FORMAT, VERSION),
            language: &submitted.language,
            stamp: &submitted.scheme,
            made: ("submitted for", "this submission was worked out with"),
        },
    );
    out.extend(sent_by(
        &submitted.consent,
        &submitted.idempotency_key,
        &submitted.app_version,
    ));
    let mut differ = |path: &str, message: String| {
        out.push(Difference {
            path: path.into(),
            message,
        })
    };
    match work_out(
        scheme,
        &submitted.answers,
        submitted.date,
        submitted.plan.as_ref(),
    ) {
        Err(issues) => {
            for issue in issues {
                differ(&issue.path, issue.message);
            }
        }
        Ok((estimate, report)) => {
            let json = |v: serde_json::Result<serde_json::Value>| v.unwrap_or_default();
            compare(
                "/estimate",
                &json(serde_json::to_value(&submitted.estimate)),
                &json(serde_json::to_value(&estimate)),
                &mut differ,
            );
            compare(
                "/plan_report",
                &json(serde_json::to_value(&submitted.plan_report)),
                &json(serde_json::to_value(&report)),
                &mut differ,
            );
        }
    }
    out
}

/// What heads every document the app sends, as [`sent_for`] checks it.
pub(crate) struct Sent<'a> {
    /// The format and version given, and the ones this engine reads.
    pub format: (&'a str, u32, &'a str, u32),
    /// The language the person used.
    pub language: &'a str,
    /// The scheme version it was made under.
    pub stamp: &'a SchemeStamp,
    /// How the document says it was made under the scheme, and what its content was made
    /// with, for the messages.
    pub made: (&'a str, &'a str),
}

/// The differences in what heads a sent document: its format and version, its language
/// among the scheme's, and the scheme version and content it names.
pub(crate) fn sent_for(scheme: &Scheme, sent: Sent<'_>) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut differ = |path: &str, message: String| {
        out.push(Difference {
            path: path.into(),
            message,
        })
    };
    let (format, version, reads, read_version) = sent.format;
    if format != reads || version != read_version {
        differ(
            "/version",
            format!("this engine reads {reads} version {read_version}"),
        );
    }
    if !scheme.languages.iter().any(|l| l == sent.language) {
        differ(
            "/language",
            format!(
                "{:?} is not one of the scheme's languages ({})",
                sent.language,
                scheme.languages.join(", ")
            ),
        );
    }
    let (stamp, (made_for, made_with)) = (sent.stamp, sent.made);
    if stamp.id != scheme.id || stamp.version != scheme.version {
        differ(
            "/scheme/version",
            format!(
                "{made_for} {} version {}, checked with {} version {}",
                stamp.id, stamp.version, scheme.id, scheme.version
            ),
        );
    }
    if stamp.hash != content_hash(scheme) {
        differ(
            "/scheme/hash",
            format!("the scheme's content is not the one {made_with}"),
        );
    }
    out
}

/// The differences in how a document was sent: the consent recorded, the idempotency key
/// and the app's version.
pub(crate) fn sent_by(consent: &Consent, key: &str, app_version: &str) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut differ = |path: String, message: &str| {
        out.push(Difference {
            path,
            message: message.into(),
        })
    };
    if consent.agreed.is_empty() {
        differ("/consent/agreed".into(), "there is no record of consent");
    }
    for (i, words) in consent.agreed.iter().enumerate() {
        if words.trim().is_empty() || words.chars().any(char::is_control) {
            differ(
                format!("/consent/agreed/{i}"),
                "these are not words a person was shown",
            );
        }
    }
    if !crate::date::is_timestamp(&consent.at) {
        differ(
            "/consent/at".into(),
            &format!("{:?} is not a time like 2026-06-01T10:00:00Z", consent.at),
        );
    }
    if !is_uuid(key) {
        differ(
            "/idempotency_key".into(),
            "the idempotency key is not a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e",
        );
    }
    if app_version.trim().is_empty() || app_version.chars().any(char::is_control) {
        differ(
            "/app_version".into(),
            "the app version is missing or not text",
        );
    }
    out
}

/// Whether `key` is a UUID written as 32 lower-case hex digits in groups of 8, 4, 4, 4
/// and 12, the form the app makes.
pub fn is_uuid(key: &str) -> bool {
    let groups: Vec<&str> = key.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
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
