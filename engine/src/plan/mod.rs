//! Recovery support plans: what a person plans to do with their budget, costed exactly
//! and checked against the rules their scheme declares as data.
//!
//! A plan refers to the scheme's life areas (its sections) and support categories; a
//! reference that does not resolve is an [`Issue`] (bad input), while a plan that breaks
//! one of the scheme's rules gets a [`Finding`] (blocking or advice) for the person to act on.

mod checks;
mod costing;
mod rules;

pub use checks::{Detail, Finding, Severity};
pub use costing::{Costing, GroupCost, SupportCost};
pub(crate) use rules::validate as validate_rules;
pub use rules::{
    Area, Category, CheckRule, HoldingOption, PlanPart, PlanRules, ProgressLevel, Rule,
};

use crate::amount::{Money, Number};
use crate::date::Date;
use crate::issue::{pointer, Issue};
use crate::scheme::Scheme;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A recovery support plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Where an editor finds the JSON Schema for this file; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// The first day of the plan.
    pub starts: Date,
    /// The last day of the plan.
    pub ends: Date,
    /// When the plan will be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Date>,
    /// The person's goals, in their own words.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The supports that will help, paid and free.
    #[serde(default)]
    pub supports: Vec<Support>,
    /// Money kept aside for when things get harder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contingency: Option<Contingency>,
    /// What to do in a crisis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crisis: Option<CrisisPlan>,
    /// How the money will be held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding: Option<Holding>,
    /// Who helped to write the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helpers: Vec<String>,
    /// Risks, and how they will be managed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risks: Option<String>,
    /// What happens if a support does not turn up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_support_fails: Option<String>,
}

/// A goal in the person's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Identifier that supports use to say which goals they serve.
    pub id: String,
    /// The goal, as the person puts it.
    pub text: String,
    /// The life area: the id of one of the scheme's sections.
    pub area: String,
    /// How the person will know it is working.
    #[serde(default)]
    pub measure: String,
}

/// One support: something paid for, or help that is free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// Identifier.
    pub id: String,
    /// What it is.
    pub description: String,
    /// The id of one of the scheme's support categories.
    pub category: String,
    /// The cost of one unit (zero for free supports).
    pub amount: Money,
    /// How many units each time.
    #[serde(default = "one")]
    pub units: Number,
    /// How often.
    pub frequency: Frequency,
    /// The first day, if later than the plan's; for a support paid once, the day it is paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<Date>,
    /// The last day, if earlier than the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<Date>,
    /// The ids of the goals it serves.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Who pays.
    pub payer: Payer,
    /// Whether the money goes to a close relative who lives in the same household.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative_in_household: bool,
}

fn one() -> Number {
    Number(rust_decimal::Decimal::ONE)
}

/// How often a support is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Once in the plan.
    Once,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

/// Who pays for a support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// The personal budget.
    Budget,
    /// Family and friends, for free.
    FamilyFriends,
    /// Community groups, for free.
    Community,
    /// Services everyone can use, like the GP or the library.
    Universal,
}

impl Payer {
    /// Whether the budget pays.
    pub fn is_budget(self) -> bool {
        self == Payer::Budget
    }
}

/// Money kept aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contingency {
    /// How much, for the plan.
    pub amount: Money,
    /// When it would be used.
    #[serde(default)]
    pub when: String,
}

/// A crisis plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CrisisPlan {
    /// Who to contact.
    #[serde(default)]
    pub contacts: String,
    /// What helps.
    #[serde(default)]
    pub helps: String,
    /// What does not help.
    #[serde(default)]
    pub does_not_help: String,
    /// Other preferences, such as where to be cared for.
    #[serde(default)]
    pub preferences: String,
}

/// How the money is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Holding {
    /// The way, or `split`.
    pub kind: HoldingKind,
    /// For a split: how much each way holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<HoldingPart>,
}

/// A part of a split holding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HoldingPart {
    /// The way this part is held (not `split`).
    pub kind: HoldingKind,
    /// How much.
    pub amount: Money,
}

/// The ways a budget can be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HoldingKind {
    /// Paid to the person, who manages it.
    DirectPayment,
    /// Managed by a third party for the person.
    ThirdParty,
    /// Held by the council or NHS body, which buys what the plan says.
    Council,
    /// Held by a provider as an individual service fund.
    IndividualServiceFund,
    /// Split between ways.
    Split,
}

/// A plan's costing and findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanReport {
    /// The costing.
    pub costing: Costing,
    /// What the checks found, blocking ones first.
    pub findings: Vec<Finding>,
    /// Whether any finding blocks submission.
    pub blocked: bool,
}

impl Plan {
    /// Reads a plan strictly.
    pub fn from_json(text: &str) -> Result<Plan, Vec<Issue>> {
        crate::limits::within(text, crate::limits::PLAN_BYTES, "plan")
            .and_then(|()| crate::json::from_str(text))
            .map_err(|e| vec![e])
    }
}

/// Costs a plan and checks it against the scheme's rules, for a yearly budget (for a
/// one-off scheme, the payment).
///
/// A plan with more goals or supports than [`limits`](crate::limits) allows, references
/// that do not resolve (a goal's life area, a support's category or goals), repeated ids
/// and impossible dates are issues; everything else is a finding. The work is linear in
/// the plan's size.
pub fn validate_plan(
    scheme: &Scheme,
    plan: &Plan,
    budget: Money,
) -> Result<PlanReport, Vec<Issue>> {
    too_many(plan)?;
    let issues = references(scheme, plan, budget);
    if !issues.is_empty() {
        return Err(issues);
    }
    let costing = costing::cost(scheme, plan, budget)?;
    let mut findings = checks::run(scheme, plan, &costing);
    findings.sort_by_key(|f| f.severity);
    let blocked = findings.iter().any(|f| f.severity == Severity::Blocks);
    Ok(PlanReport {
        costing,
        findings,
        blocked,
    })
}

/// The ids of the life areas goals can belong to: the plan rules' areas, or else the
/// scheme's sections.
pub fn area_ids(scheme: &Scheme) -> Box<dyn Iterator<Item = &str> + '_> {
    match scheme.plan.as_ref().filter(|r| !r.areas.is_empty()) {
        Some(rules) => Box::new(rules.areas.iter().map(|a| a.id.as_str())),
        None => Box::new(scheme.sections.iter().map(|s| s.id.as_str())),
    }
}

/// Refuses a plan with more goals or supports than the limits allow.
fn too_many(plan: &Plan) -> Result<(), Vec<Issue>> {
    let lists = [
        (
            "/goals",
            "goals",
            plan.goals.len(),
            crate::limits::PLAN_GOALS,
        ),
        (
            "/supports",
            "supports",
            plan.supports.len(),
            crate::limits::PLAN_SUPPORTS,
        ),
    ];
    let issues: Vec<Issue> = lists
        .into_iter()
        .filter(|(_, _, count, most)| count > most)
        .map(|(path, what, count, most)| {
            Issue::new(
                "too_many",
                path,
                format!("a plan may have at most {most} {what}, and this one has {count}"),
            )
        })
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn references(scheme: &Scheme, plan: &Plan, budget: Money) -> Vec<Issue> {
    let mut out = Vec::new();
    let rules = scheme.plan.as_ref();
    if plan.ends < plan.starts {
        out.push(Issue::new(
            "invalid_dates",
            "/ends",
            "the plan ends before it starts",
        ));
    }
    let mut goal_ids = BTreeSet::new();
    for (i, g) in plan.goals.iter().enumerate() {
        if !goal_ids.insert(g.id.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                pointer(["goals", &i.to_string(), "id"]),
                format!("goal id {:?} is used more than once", g.id),
            ));
        }
        if !area_ids(scheme).any(|id| id == g.area) {
            out.push(Issue::new(
                "unknown_area",
                pointer(["goals", &i.to_string(), "area"]),
                format!("{:?} is not one of this scheme's life areas", g.area),
            ));
        }
    }
    let mut support_ids = BTreeSet::new();
    for (i, s) in plan.supports.iter().enumerate() {
        let at = |field: &str| pointer(["supports", &i.to_string(), field]);
        if !support_ids.insert(s.id.as_str()) {
            out.push(Issue::new(
                "duplicate_id",
                at("id"),
                format!("support id {:?} is used more than once", s.id),
            ));
        }
        if !rules.is_some_and(|r| r.categories.iter().any(|c| c.id == s.category)) {
            out.push(Issue::new(
                "unknown_category",
                at("category"),
                format!(
                    "{:?} is not one of this scheme's kinds of support",
                    s.category
                ),
            ));
        }
        for (k, goal) in s.goals.iter().enumerate() {
            if !goal_ids.contains(goal.as_str()) {
                out.push(Issue::new(
                    "unknown_goal",
                    pointer(["supports", &i.to_string(), "goals", &k.to_string()]),
                    format!("there is no goal {goal:?}"),
                ));
            }
        }
        if s.amount.0.is_sign_negative() {
            out.push(Issue::new(
                "impossible_value",
                at("amount"),
                "a cost cannot be negative",
            ));
        }
        if s.units.0.is_sign_negative() {
            out.push(Issue::new(
                "impossible_value",
                at("units"),
                "the number of units cannot be negative",
            ));
        }
        let once_outside =
            s.frequency == Frequency::Once && s.starts.is_some_and(|d| d < plan.starts);
        if once_outside
            || s.starts.is_some_and(|d| d > plan.ends)
            || s.ends.is_some_and(|d| d < plan.starts)
        {
            out.push(Issue::new(
                "outside_plan",
                at("starts"),
                "this support's dates are all outside the plan's",
            ));
        }
        if let (Some(a), Some(b)) = (s.starts, s.ends) {
            if b < a {
                out.push(Issue::new(
                    "invalid_dates",
                    at("ends"),
                    "this support ends before it starts",
                ));
            }
        }
    }
    if budget.0.is_sign_negative() {
        out.push(Issue::new(
            "impossible_value",
            "",
            "the budget cannot be negative",
        ));
    }
    let parts = plan.holding.iter().flat_map(|h| h.split.iter());
    for (i, part) in parts.enumerate() {
        if part.amount.0.is_sign_negative() {
            out.push(Issue::new(
                "impossible_value",
                pointer(["holding", "split", &i.to_string(), "amount"]),
                "a part of the budget cannot be negative",
            ));
        }
    }
    if let Some(c) = &plan.contingency {
        if c.amount.0.is_sign_negative() {
            out.push(Issue::new(
                "impossible_value",
                "/contingency/amount",
                "money kept aside cannot be negative",
            ));
        }
    }
    out
}
