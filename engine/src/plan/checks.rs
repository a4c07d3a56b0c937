//! Running a scheme's plan checks. Each finding carries the scheme's own code and
//! severity, a JSON Pointer to the part of the plan it is about, and the figures behind it
//! as data; renderers find the scheme's message by the code.

use super::costing::Costing;
use super::rules::{Category, CheckRule, PlanPart, Rule};
use super::{HoldingKind, Plan};
use crate::amount::{Money, Rounding, RoundingRule};
use crate::date::Date;
use crate::issue::pointer;
use crate::scheme::Scheme;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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

/// Something a check found. The scheme's message for it is the check's with this code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The check's code.
    pub code: String,
    /// Whether it blocks.
    pub severity: Severity,
    /// The figures behind the finding, when there are any beyond the part of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
    /// JSON Pointer to the part of the plan concerned.
    pub path: String,
}

/// The figures behind a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Detail {
    /// What is planned and kept aside is more than the budget for the plan allows.
    OverBudget {
        /// How far over the budget for the plan.
        over: Money,
        /// The budget for the plan.
        budget: Money,
    },
    /// A paid support that needs someone's agreement, because of its category.
    Approval {
        /// The support's id.
        support: String,
        /// The category's id.
        category: String,
    },
    /// A split way of holding the money has fewer than two parts.
    SplitParts,
    /// The money kept aside is outside the range expected.
    Contingency {
        /// The money kept aside.
        amount: Money,
        /// The least expected.
        min: Money,
        /// The most expected.
        max: Money,
    },
    /// The review date is too late, or before the plan starts.
    Review {
        /// The review date.
        date: Date,
        /// The most days after the plan starts.
        days: u32,
    },
    /// The plan is shorter or longer than allowed.
    Length {
        /// The plan's days.
        days: i64,
        /// The fewest days allowed.
        min_days: u32,
        /// The most days allowed.
        max_days: u32,
    },
}

pub(super) fn run(scheme: &Scheme, plan: &Plan, costing: &Costing) -> Vec<Finding> {
    let Some(rules) = &scheme.plan else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for check in &rules.checks {
        let mut found = |path: String, detail: Option<Detail>| {
            out.push(Finding {
                code: check.code.clone(),
                severity: check.severity,
                detail,
                path,
            });
        };
        run_one(scheme, plan, costing, check, &mut found);
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
    found: &mut impl FnMut(String, Option<Detail>),
) {
    let categories: BTreeMap<&str, &Category> = scheme
        .plan
        .iter()
        .flat_map(|r| r.categories.iter().map(|c| (c.id.as_str(), c)))
        .collect();
    let category = |id: &str| categories.get(id).copied();
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
                let detail = Detail::OverBudget {
                    over: Money(asked.saturating_sub(budget)),
                    budget: Money(budget),
                };
                found("/supports".into(), Some(detail));
            }
        }
        Rule::UnlinkedSupport {} => {
            for (i, _) in paid().filter(|(_, s)| s.goals.is_empty()) {
                found(pointer(["supports", &i.to_string(), "goals"]), None);
            }
        }
        Rule::GoalWithoutSupport {} => {
            let served: BTreeSet<&str> = plan
                .supports
                .iter()
                .flat_map(|s| s.goals.iter().map(String::as_str))
                .collect();
            for (i, g) in plan.goals.iter().enumerate() {
                if !served.contains(g.id.as_str()) {
                    found(pointer(["goals", &i.to_string()]), None);
                }
            }
        }
        Rule::ExcludedCategory {} => {
            for (i, s) in paid() {
                if category(&s.category).is_some_and(|c| c.excluded) {
                    found(pointer(["supports", &i.to_string(), "category"]), None);
                }
            }
        }
        Rule::NeedsApproval {} => {
            for (i, s) in paid() {
                let Some(c) = category(&s.category) else {
                    continue;
                };
                let per_year = costing
                    .supports
                    .get(i)
                    .map_or(Decimal::ZERO, |x| x.per_year.0);
                if c.needs_approval || c.approval_over.is_some_and(|limit| per_year > limit.0) {
                    let detail = Detail::Approval {
                        support: s.id.clone(),
                        category: c.id.clone(),
                    };
                    found(
                        pointer(["supports", &i.to_string(), "category"]),
                        Some(detail),
                    );
                }
            }
        }
        Rule::RelativeInHousehold {} => {
            for (i, _) in paid().filter(|(_, s)| s.relative_in_household) {
                found(
                    pointer(["supports", &i.to_string(), "relative_in_household"]),
                    None,
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
                    found("/holding/split".into(), Some(Detail::SplitParts));
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
                let detail = Detail::Contingency {
                    amount: Money(c),
                    min: Money(min),
                    max: Money(max),
                };
                found("/contingency/amount".into(), Some(detail));
            }
        }
        Rule::ReviewWithin { days } => match plan.review {
            Some(r) if r >= plan.starts && plan.starts.days_until(r) <= i64::from(*days) => {}
            Some(r) => found(
                "/review".into(),
                Some(Detail::Review {
                    date: r,
                    days: *days,
                }),
            ),
            None => found("/review".into(), None),
        },
        Rule::PlanLength { min_days, max_days } => {
            if costing.days < i64::from(*min_days) || costing.days > i64::from(*max_days) {
                found(
                    "/ends".into(),
                    Some(Detail::Length {
                        days: costing.days,
                        min_days: *min_days,
                        max_days: *max_days,
                    }),
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
