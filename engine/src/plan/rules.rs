//! The plan rules a scheme declares: support categories, ways to hold the money, and the
//! checks to run, each with its code, severity and plain-language message.

use super::HoldingKind;
use crate::amount::{Money, Number, Rounding};
use crate::issue::Issue;
use crate::plan::Severity;
use crate::scheme::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A scheme's rules for recovery support plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanRules {
    /// How each support's cost is rounded, like `{"places": 2, "strategy": "half_up"}`.
    pub rounding: Rounding,
    /// The life areas goals belong to; the scheme's sections when none are given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    /// The kinds of support a plan can include.
    pub categories: Vec<Category>,
    /// The ways the money can be held, with any conditions.
    pub holding: Vec<HoldingOption>,
    /// The checks, run in this order.
    pub checks: Vec<CheckRule>,
    /// The scale a person gives each goal's progress on at a review, from least to most;
    /// when none is given: `not_started`, `some_progress`, `achieved`, `no_longer_my_goal`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressLevel>,
}

/// A step of a scheme's own scale for how a goal went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressLevel {
    /// Identifier that reviews use.
    pub id: String,
    /// Its name as a person reads it.
    pub label: Text,
}

/// A life area a goal can belong to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Identifier that goals use.
    pub id: String,
    /// Its name as a person reads it.
    pub label: Text,
}

/// A kind of support.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier that supports use.
    pub id: String,
    /// Its name as a person reads it.
    pub label: Text,
    /// Examples or limits, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// The budget cannot pay for it (like alcohol, gambling or NHS services that are free).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
    /// Someone must agree to it before the budget pays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_approval: bool,
    /// Someone must agree to it when it costs more than this a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_over: Option<Money>,
}

/// A way to hold the money that the scheme allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HoldingOption {
    /// The way.
    pub kind: HoldingKind,
    /// Its name as a person reads it.
    pub label: Text,
    /// Who can choose it, in plain words (shown with the option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
}

/// One check a scheme runs on plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckRule {
    /// A stable code, like `over_budget`.
    pub code: String,
    /// Whether a finding stops the plan being sent, or is advice.
    pub severity: Severity,
    /// What to tell the person, in words that help rather than scold.
    pub message: Text,
    /// What is checked.
    pub rule: Rule,
}

/// The checks the engine knows how to run; each scheme chooses which, and with what
/// figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Planned spending and the contingency come to more than the budget plus a tolerance.
    OverBudget {
        /// How far over, as a percentage of the budget, is still fine.
        tolerance_percent: Number,
    },
    /// A paid support serves no goal.
    UnlinkedSupport {},
    /// A goal has no support, paid or free.
    GoalWithoutSupport {},
    /// A paid support is in a category the budget cannot pay for.
    ExcludedCategory {},
    /// A paid support is in a category that needs someone's agreement, or over its amount.
    NeedsApproval {},
    /// The budget pays a close relative who lives in the same household.
    RelativeInHousehold {},
    /// The plan holds the money in a way the scheme does not offer.
    HoldingNotOffered {},
    /// The contingency is outside a range, as percentages of the budget.
    ContingencyRange {
        /// The smallest contingency.
        min_percent: Number,
        /// The largest contingency.
        max_percent: Number,
    },
    /// The review date is missing, before the start, or too far after it.
    ReviewWithin {
        /// The most days from the plan's start to its review.
        days: u32,
    },
    /// The plan is shorter or longer than allowed.
    PlanLength {
        /// The fewest days.
        min_days: u32,
        /// The most days.
        max_days: u32,
    },
    /// Parts of the plan that must be filled in.
    Required {
        /// Which parts.
        parts: Vec<PlanPart>,
    },
}

/// Parts of a plan a scheme can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanPart {
    /// At least one goal.
    Goals,
    /// At least one support.
    Supports,
    /// A contingency and when it would be used.
    Contingency,
    /// A crisis plan with who to contact.
    Crisis,
    /// How the money is held.
    Holding,
    /// Who helped plan.
    Helpers,
    /// Risks, and what happens if a support does not turn up.
    Risks,
    /// A review date.
    Review,
}

/// Checks a scheme's plan rules; paths start at `/plan`.
pub(crate) fn validate(rules: &PlanRules) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, c) in rules.categories.iter().enumerate() {
        if !ids.insert(c.id.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                format!("/plan/categories/{i}/id"),
                format!("category id {:?} is used more than once", c.id),
            ));
        }
        if c.excluded && (c.needs_approval || c.approval_over.is_some()) {
            out.push(Issue::new(
                "invalid_value",
                format!("/plan/categories/{i}"),
                "an excluded category cannot also need approval",
            ));
        }
    }
    let mut areas = BTreeSet::new();
    for (i, a) in rules.areas.iter().enumerate() {
        if !areas.insert(a.id.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                format!("/plan/areas/{i}/id"),
                format!("area id {:?} is used more than once", a.id),
            ));
        }
    }
    let mut levels = BTreeSet::new();
    for (i, p) in rules.progress.iter().enumerate() {
        if !levels.insert(p.id.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                format!("/plan/progress/{i}/id"),
                format!("progress id {:?} is used more than once", p.id),
            ));
        }
    }
    let mut kinds = BTreeSet::new();
    for (i, h) in rules.holding.iter().enumerate() {
        if h.kind == HoldingKind::Split {
            out.push(Issue::new(
                "invalid_value",
                format!("/plan/holding/{i}/kind"),
                "split is allowed whenever two offered ways are",
            ));
        }
        if !kinds.insert(h.kind) {
            out.push(Issue::new(
                "duplicate_id",
                format!("/plan/holding/{i}/kind"),
                "this way of holding the money is listed twice",
            ));
        }
    }
    let mut codes = BTreeSet::new();
    for (i, check) in rules.checks.iter().enumerate() {
        if !codes.insert(check.code.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                format!("/plan/checks/{i}/code"),
                format!("check code {:?} is used more than once", check.code),
            ));
        }
        let at = format!("/plan/checks/{i}/rule");
        match &check.rule {
            Rule::OverBudget {
                tolerance_percent: t,
            } if t.0.is_sign_negative() => {
                out.push(Issue::new(
                    "impossible_value",
                    at,
                    "a tolerance cannot be negative",
                ));
            }
            Rule::ContingencyRange {
                min_percent,
                max_percent,
            } if min_percent > max_percent || min_percent.0.is_sign_negative() => {
                out.push(Issue::new(
                    "impossible_value",
                    at,
                    "the smallest contingency must be between 0 and the largest",
                ));
            }
            Rule::PlanLength { min_days, max_days } if min_days > max_days => {
                out.push(Issue::new(
                    "impossible_value",
                    at,
                    "the shortest plan must not be longer than the longest",
                ));
            }
            _ => {}
        }
    }
    out
}
