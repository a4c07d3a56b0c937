//! Running a scheme's plan checks. Each finding carries the scheme's own code, severity
//! and message, and a JSON Pointer to the part of the plan it is about.

use super::costing::Costing;
use super::rules::{CheckRule, PlanPart, Rule};
use super::{HoldingKind, Plan};
use crate::amount::{Rounding, RoundingRule};
use crate::explain::show;
use crate::issue::pointer;
use crate::scheme::Scheme;
use crate::scheme::Unit;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Pence, halves up: how limits worked out as percentages are shown.
const PENCE: Rounding = Rounding {
    places: 2,
    strategy: RoundingRule::HalfUp,
};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan cannot be sent until this is fixed.
    Blocks,
    /// Worth knowing; the plan can still be sent.
    Advice,
}

/// Something a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The check's code.
    pub code: String,
    /// Whether it blocks.
    pub severity: Severity,
    /// The scheme's message.
    pub message: String,
    /// What exactly, like the support's name or the amount over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// JSON Pointer to the part of the plan concerned.
    pub path: String,
}

pub(super) fn run(scheme: &Scheme, plan: &Plan, costing: &Costing) -> Vec<Finding> {
    let Some(rules) = &scheme.plan else {
        return Vec::new();
    };
    let symbol = scheme.currency.symbol();
    let mut out = Vec::new();
    for check in &rules.checks {
        let mut found = |path: String, detail: Option<String>| {
            out.push(Finding {
                code: check.code.clone(),
                severity: check.severity,
                message: check.message.clone(),
                detail,
                path,
            });
        };
        run_one(scheme, plan, costing, check, symbol, &mut found);
    }
    out
}

fn percent_of(base: Decimal, percent: Decimal) -> Decimal {
    base.checked_mul(percent)
        .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
        .unwrap_or(Decimal::MAX)
}

fn run_one(
    scheme: &Scheme,
    plan: &Plan,
    costing: &Costing,
    check: &CheckRule,
    symbol: &str,
    found: &mut impl FnMut(String, Option<String>),
) {
    let money = |d: Decimal| show(d, Unit::Money, symbol);
    let categories = scheme
        .plan
        .as_ref()
        .map(|r| r.categories.as_slice())
        .unwrap_or_default();
    let paid = || {
        plan.supports
            .iter()
            .enumerate()
            .filter(|(_, s)| s.payer.is_budget())
    };
    match &check.rule {
        Rule::OverBudget { tolerance_percent } => {
            let budget = costing.budget_for_plan.0;
            let allowed = budget.saturating_add(percent_of(budget, tolerance_percent.0));
            let asked = costing.planned.0.saturating_add(costing.contingency.0);
            if asked > allowed {
                let over = asked.saturating_sub(budget);
                let detail = format!(
                    "{} over the budget of {} for this plan",
                    money(over),
                    money(budget)
                );
                found("/supports".into(), Some(detail));
            }
        }
        Rule::UnlinkedSupport {} => {
            for (i, s) in paid().filter(|(_, s)| s.goals.is_empty()) {
                found(
                    pointer(["supports", &i.to_string(), "goals"]),
                    Some(s.description.clone()),
                );
            }
        }
        Rule::GoalWithoutSupport {} => {
            for (i, g) in plan.goals.iter().enumerate() {
                if !plan.supports.iter().any(|s| s.goals.contains(&g.id)) {
                    found(pointer(["goals", &i.to_string()]), Some(g.text.clone()));
                }
            }
        }
        Rule::ExcludedCategory {} => {
            for (i, s) in paid() {
                if categories.iter().any(|c| c.id == s.category && c.excluded) {
                    found(
                        pointer(["supports", &i.to_string(), "category"]),
                        Some(s.description.clone()),
                    );
                }
            }
        }
        Rule::NeedsApproval {} => {
            for (i, s) in paid() {
                let Some(c) = categories.iter().find(|c| c.id == s.category) else {
                    continue;
                };
                let per_year = costing
                    .supports
                    .get(i)
                    .map_or(Decimal::ZERO, |x| x.per_year.0);
                if c.needs_approval || c.approval_over.is_some_and(|limit| per_year > limit.0) {
                    found(
                        pointer(["supports", &i.to_string(), "category"]),
                        Some(format!("{}: {}", s.description, c.label)),
                    );
                }
            }
        }
        Rule::RelativeInHousehold {} => {
            for (i, s) in paid().filter(|(_, s)| s.relative_in_household) {
                found(
                    pointer(["supports", &i.to_string(), "relative_in_household"]),
                    Some(s.description.clone()),
                );
            }
        }
        Rule::HoldingNotOffered {} => {
            let offered = |k: HoldingKind| {
                scheme
                    .plan
                    .as_ref()
                    .is_some_and(|r| r.holding.iter().any(|h| h.kind == k))
            };
            if let Some(h) = &plan.holding {
                if h.kind == HoldingKind::Split && h.split.len() < 2 {
                    found(
                        "/holding/split".into(),
                        Some("a split needs at least two parts".into()),
                    );
                } else if h.kind == HoldingKind::Split {
                    for (i, part) in h.split.iter().enumerate() {
                        if !offered(part.kind) || part.kind == HoldingKind::Split {
                            found(pointer(["holding", "split", &i.to_string(), "kind"]), None);
                        }
                    }
                } else if !offered(h.kind) {
                    found("/holding/kind".into(), None);
                }
            }
        }
        Rule::ContingencyRange {
            min_percent,
            max_percent,
        } => {
            let pence = |d: Decimal| PENCE.apply(d);
            let min = pence(percent_of(costing.budget_for_plan.0, min_percent.0));
            let max = pence(percent_of(costing.budget_for_plan.0, max_percent.0));
            let c = costing.contingency.0;
            if c < min || c > max {
                let detail = format!(
                    "{} kept aside; between {} and {} is expected",
                    money(c),
                    money(min),
                    money(max)
                );
                found("/contingency/amount".into(), Some(detail));
            }
        }
        Rule::ReviewWithin { days } => match plan.review {
            Some(r) if r >= plan.starts && plan.starts.days_until(r) <= i64::from(*days) => {}
            Some(r) => found(
                "/review".into(),
                Some(format!(
                    "review on {r}; at most {days} days after the plan starts"
                )),
            ),
            None => found("/review".into(), None),
        },
        Rule::PlanLength { min_days, max_days } => {
            if costing.days < i64::from(*min_days) || costing.days > i64::from(*max_days) {
                found(
                    "/ends".into(),
                    Some(format!(
                        "{} days; between {min_days} and {max_days} days is allowed",
                        costing.days
                    )),
                );
            }
        }
        Rule::Required { parts } => {
            for part in parts {
                if let Some(path) = missing(plan, *part) {
                    found(path.into(), None);
                }
            }
        }
    }
}

/// The path of a required part that is missing or empty.
fn missing(plan: &Plan, part: PlanPart) -> Option<&'static str> {
    let blank = |s: &str| s.trim().is_empty();
    let absent = match part {
        PlanPart::Goals => plan.goals.is_empty(),
        PlanPart::Supports => plan.supports.is_empty(),
        PlanPart::Contingency => plan.contingency.as_ref().is_none_or(|c| blank(&c.when)),
        PlanPart::Crisis => plan.crisis.as_ref().is_none_or(|c| blank(&c.contacts)),
        PlanPart::Holding => plan.holding.is_none(),
        PlanPart::Helpers => plan.helpers.iter().all(|h| blank(h)),
        PlanPart::Risks => {
            plan.risks.as_deref().is_none_or(blank)
                || plan.if_support_fails.as_deref().is_none_or(blank)
        }
        PlanPart::Review => plan.review.is_none(),
    };
    let path = match part {
        PlanPart::Goals => "/goals",
        PlanPart::Supports => "/supports",
        PlanPart::Contingency => "/contingency",
        PlanPart::Crisis => "/crisis",
        PlanPart::Holding => "/holding",
        PlanPart::Helpers => "/helpers",
        PlanPart::Risks => "/risks",
        PlanPart::Review => "/review",
    };
    absent.then_some(path)
}
