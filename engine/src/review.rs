//! The review document a person sends when they choose to, after looking at how their
//! plan went: for each goal, how far it got on a scale and in their own words, what helped
//! and what got in the way, which supports they used and which not, and what they want to
//! change; whether the money kept aside was used; the plan reviewed, with its hash; and the
//! record of consent, like a submission's.
//!
//! A review carries the plan it reviews, so a council can count outcomes by life area and
//! by support category without the submission it came with; `plan_hash` ties the two
//! together. [`verify`] checks everything a receiver can check without trusting the
//! browser: the scheme, the plan against the scheme, every goal and support id against the
//! plan, the scale, the lengths of the texts, the consent and the key.

use crate::date::Date;
use crate::issue::{pointer, Issue};
use crate::plan::{Plan, PlanRules};
use crate::scheme::Scheme;
use crate::submission::{
    content_hash, sent_by, sent_for, sha256_hex, Consent, Difference, SchemeStamp, Sent,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The value of every review's `format`.
pub const FORMAT: &str = "waymark-review";

/// The version of the review format this engine writes and reads.
pub const VERSION: u32 = 1;

/// The scale a goal's progress is given on when the scheme's plan rules give none.
pub const PROGRESS: [&str; 4] = [
    "not_started",
    "some_progress",
    "achieved",
    "no_longer_my_goal",
];

/// What a person sends about how their plan went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Always `waymark-review`.
    pub format: String,
    /// The format's version: 1.
    pub version: u32,
    /// The language the person used, one of the scheme's `languages`.
    pub language: String,
    /// The scheme version the plan was made under, with a hash of its content.
    pub scheme: SchemeStamp,
    /// The day of the review.
    pub date: Date,
    /// The plan reviewed.
    pub plan: Plan,
    /// The plan's content hash from [`plan_hash`], to match the review to the submission
    /// that sent the plan.
    pub plan_hash: String,
    /// How each goal went, in the plan's order; a goal may be left out.
    pub goals: Vec<GoalReview>,
    /// Whether the money kept aside was used; absent when the plan kept none aside or the
    /// person did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contingency_used: Option<bool>,
    /// Anything else the person wants to say about the plan as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// What the person agreed to send, and when.
    pub consent: Consent,
    /// The version of the app that made the review.
    pub app_version: String,
    /// A key that stays the same when the same review is sent again, so a receiver stores
    /// it once.
    pub idempotency_key: String,
}

/// How one goal went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GoalReview {
    /// The id of the plan's goal.
    pub goal: String,
    /// How far it got: `not_started`, `some_progress`, `achieved` or `no_longer_my_goal`,
    /// or an id from the scheme's own scale (its plan rules' `progress`).
    pub progress: String,
    /// How it is going, in the person's own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub in_own_words: String,
    /// What helped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helped: String,
    /// What got in the way.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub got_in_the_way: String,
    /// The ids of the plan's supports for this goal that the person used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports_used: Vec<String>,
    /// The ids of the plan's supports for this goal that the person did not use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports_not_used: Vec<String>,
    /// What the person wants to change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change: String,
}

impl Review {
    /// Reads a review strictly. A review in another version of the format is refused
    /// with a message naming its version.
    pub fn from_json(text: &str) -> Result<Review, Vec<Issue>> {
        crate::limits::within(text, crate::limits::REVIEW_BYTES, "review").map_err(|e| vec![e])?;
        crate::json::versioned(text, FORMAT, VERSION)
    }
}

/// How a review is sent: the same envelope as a submission's, its date the day of the
/// review.
pub use crate::submission::Envelope;

/// What the person says about their plan: each goal, the money kept aside, and notes.
#[derive(Debug, Clone, Default)]
pub struct Said {
    /// How each goal went.
    pub goals: Vec<GoalReview>,
    /// Whether the money kept aside was used.
    pub contingency_used: Option<bool>,
    /// Anything else.
    pub notes: String,
}

/// The SHA-256 of a plan's content, as lower-case hex: the same plan with different
/// spacing or `$schema` has the same hash.
pub fn plan_hash(plan: &Plan) -> String {
    let mut canonical = plan.clone();
    canonical.json_schema = None;
    sha256_hex(&serde_json::to_vec(&canonical).unwrap_or_default())
}

/// The ids of the scale a goal's progress is given on: the scheme's own, or [`PROGRESS`].
pub fn scale(scheme: &Scheme) -> Vec<&str> {
    match scheme.plan.as_ref().filter(|r| !r.progress.is_empty()) {
        Some(PlanRules { progress, .. }) => progress.iter().map(|p| p.id.as_str()).collect(),
        None => PROGRESS.to_vec(),
    }
}

/// Puts a review together; [`verify`] it to find anything wrong with what was said.
pub fn build(scheme: &Scheme, plan: &Plan, said: Said, envelope: Envelope) -> Review {
    Review {
        format: FORMAT.into(),
        version: VERSION,
        language: envelope.language,
        scheme: SchemeStamp {
            id: scheme.id.clone(),
            version: scheme.version.clone(),
            hash: content_hash(scheme),
        },
        date: envelope.date,
        plan: plan.clone(),
        plan_hash: plan_hash(plan),
        goals: said.goals,
        contingency_used: said.contingency_used,
        notes: said.notes,
        consent: envelope.consent,
        app_version: envelope.app_version,
        idempotency_key: envelope.idempotency_key,
    }
}

/// Checks a review against the scheme its plan was made under, and lists every problem
/// by JSON Pointer; an empty list means the review can be stored.
pub fn verify(scheme: &Scheme, review: &Review) -> Vec<Difference> {
    let mut out = sent_for(
        scheme,
        Sent {
            format: (&review.format, review.version, FORMAT, VERSION),
            language: &review.language,
            stamp: &review.scheme,
            made: ("reviewed under", "this plan was made under"),
        },
    );
    let sent = sent_by(
        &review.consent,
        &review.idempotency_key,
        &review.app_version,
    );
    let mut differ = |path: String, message: String| out.push(Difference { path, message });
    if review.plan_hash != plan_hash(&review.plan) {
        differ(
            "/plan_hash".into(),
            "the plan's hash is not the hash of the plan in this review".into(),
        );
    }
    // The plan's references are checked as when it was made; its costing does not matter
    // here, so any budget that is not negative will do.
    if let Err(issues) = crate::plan::validate_plan(scheme, &review.plan, crate::Money::default()) {
        for issue in issues {
            differ(format!("/plan{}", issue.path), issue.message);
        }
    }
    if review.date < review.plan.starts {
        differ(
            "/date".into(),
            "the review is dated before the plan starts".into(),
        );
    }
    let levels = scale(scheme);
    let goals: BTreeSet<&str> = review.plan.goals.iter().map(|g| g.id.as_str()).collect();
    // Each support's goals, so every id said is checked in logarithmic time.
    let supports: BTreeMap<&str, BTreeSet<&str>> = review
        .plan
        .supports
        .iter()
        .map(|s| (s.id.as_str(), s.goals.iter().map(String::as_str).collect()))
        .collect();
    let (most_goals, most_supports) = (crate::limits::PLAN_GOALS, crate::limits::PLAN_SUPPORTS);
    if review.goals.len() > most_goals {
        differ(
            "/goals".into(),
            format!(
                "a review may have at most {most_goals} goals, and this one has {}",
                review.goals.len()
            ),
        );
    }
    let mut seen = BTreeSet::new();
    let most = crate::limits::REVIEW_TEXT_CHARS;
    for (i, g) in review.goals.iter().take(most_goals).enumerate() {
        let at = |field: &str| pointer(["goals", &i.to_string(), field]);
        if !goals.contains(g.goal.as_str()) {
            differ(at("goal"), format!("the plan has no goal {:?}", g.goal));
        } else if !seen.insert(g.goal.as_str()) {
            differ(
                at("goal"),
                format!("goal {:?} is reviewed more than once", g.goal),
            );
        }
        if !levels.contains(&g.progress.as_str()) {
            differ(
                at("progress"),
                format!(
                    "{:?} is not a step of the scale ({})",
                    g.progress,
                    levels.join(", ")
                ),
            );
        }
        let texts = [
            ("in_own_words", &g.in_own_words),
            ("helped", &g.helped),
            ("got_in_the_way", &g.got_in_the_way),
            ("change", &g.change),
        ];
        for (field, text) in texts {
            let chars = text.chars().count();
            if chars > most {
                differ(
                    at(field),
                    format!("this is {chars} characters long, and the most is {most}"),
                );
            }
        }
        let mut said = BTreeSet::new();
        let lists = [
            ("supports_used", &g.supports_used),
            ("supports_not_used", &g.supports_not_used),
        ];
        for (field, ids) in lists {
            if ids.len() > most_supports {
                differ(
                    at(field),
                    format!("a goal may list at most {most_supports} supports"),
                );
                continue;
            }
            for (k, id) in ids.iter().enumerate() {
                let at = pointer(["goals", &i.to_string(), field, &k.to_string()]);
                match supports.get(id.as_str()) {
                    None => differ(at, format!("the plan has no support {id:?}")),
                    Some(serves) if !serves.contains(g.goal.as_str()) => {
                        differ(at, format!("support {id:?} is not for goal {:?}", g.goal))
                    }
                    Some(_) if !said.insert(id.as_str()) => differ(
                        at,
                        format!("support {id:?} is said to be used and not used, or twice"),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    if review.contingency_used.is_some() && review.plan.contingency.is_none() {
        differ(
            "/contingency_used".into(),
            "the plan kept no money aside".into(),
        );
    }
    let chars = review.notes.chars().count();
    if chars > most {
        differ(
            "/notes".into(),
            format!("this is {chars} characters long, and the most is {most}"),
        );
    }
    out.extend(sent);
    out
}
