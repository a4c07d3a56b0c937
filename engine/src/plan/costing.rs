//! Exact costing of a plan: each support over the plan and per year, and totals by goal,
//! by category and by who pays. Every total is the sum of its parts, to the penny.

use super::{Frequency, Payer, Plan, Support};
use crate::amount::{Money, Rounding, RoundingRule};
use crate::date::Date;
use crate::issue::{pointer, Issue};
use crate::scheme::{Period, Scheme};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A plan's costs and how they compare with the budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Costing {
    /// Days in the plan, counting both its first and last day.
    pub days: i64,
    /// Each support's cost.
    pub supports: Vec<SupportCost>,
    /// Costs by goal; a support serving several goals is shared between them, and
    /// supports serving none are under the key `""`.
    pub by_goal: Vec<GroupCost>,
    /// Costs by category.
    pub by_category: Vec<GroupCost>,
    /// Costs by who pays.
    pub by_payer: Vec<GroupCost>,
    /// The budget: a yearly amount, or the one-off payment.
    pub budget: Money,
    /// The budget for the plan's days: the yearly budget times the plan's days over 365,
    /// rounded as the scheme says; the whole payment for a one-off scheme.
    pub budget_for_plan: Money,
    /// What the budget pays for over the plan.
    pub planned: Money,
    /// Money kept aside.
    pub contingency: Money,
    /// The budget for the plan less what is planned and kept aside; negative when over.
    pub remaining: Money,
}

/// One support's cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportCost {
    /// The support's id.
    pub id: String,
    /// Its category.
    pub category: String,
    /// Who pays.
    pub payer: Payer,
    /// The cost for a year.
    pub per_year: Money,
    /// The cost over the days of the plan it runs.
    pub over_plan: Money,
}

/// A total for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupCost {
    /// The goal id, category id or payer.
    pub key: String,
    /// The cost for a year.
    pub per_year: Money,
    /// The cost over the plan.
    pub over_plan: Money,
}

fn overflow(path: String) -> Vec<Issue> {
    vec![Issue::new(
        "arithmetic_overflow",
        path,
        "these amounts are too large to work out",
    )]
}

pub(super) fn cost(scheme: &Scheme, plan: &Plan, budget: Money) -> Result<Costing, Vec<Issue>> {
    let rounding = scheme.plan.as_ref().map_or(PENCE, |r| r.rounding);
    let weeks = scheme.weeks_per_year.map_or(Decimal::from(52), |w| w.0);
    let supports = plan
        .supports
        .iter()
        .enumerate()
        .map(|(i, s)| {
            support_cost(s, plan, weeks, rounding)
                .ok_or_else(|| overflow(pointer(["supports", &i.to_string()])))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let days = plan.starts.days_until(plan.ends) + 1;
    let budget_for_plan = if scheme.period == Period::OneOff {
        budget.0
    } else {
        let share = Decimal::from(days.max(0));
        let prorated = budget
            .0
            .checked_mul(share)
            .and_then(|b| b.checked_div(Decimal::from(365)));
        rounding.apply(prorated.ok_or_else(|| overflow("/ends".into()))?)
    };
    let planned = supports
        .iter()
        .filter(|s| s.payer.is_budget())
        .try_fold(Decimal::ZERO, |sum, s| sum.checked_add(s.over_plan.0))
        .ok_or_else(|| overflow("/supports".into()))?;
    let contingency = plan
        .contingency
        .as_ref()
        .map_or(Decimal::ZERO, |c| c.amount.0);
    let remaining = budget_for_plan
        .checked_sub(planned)
        .and_then(|r| r.checked_sub(contingency))
        .ok_or_else(|| overflow("/contingency".into()))?;
    Ok(Costing {
        days,
        by_goal: by_goal(plan, &supports, rounding),
        by_category: group(&supports, |s| &s.category),
        by_payer: group(&supports, |s| payer_key(s.payer)),
        supports,
        budget,
        budget_for_plan: Money(budget_for_plan),
        planned: Money(planned),
        contingency: Money(contingency),
        remaining: Money(remaining),
    })
}

/// Pence, halves up: the costing rounding when a scheme has no plan rules.
const PENCE: Rounding = Rounding {
    places: 2,
    strategy: RoundingRule::HalfUp,
};

fn support_cost(
    s: &Support,
    plan: &Plan,
    weeks: Decimal,
    rounding: Rounding,
) -> Option<SupportCost> {
    let each = s.amount.0.checked_mul(s.units.0)?;
    let days = Decimal::from(active_days(s, plan));
    // A recurring support costs its yearly amount spread evenly over the days of a year,
    // the same way the scheme turns a yearly budget into a weekly one, so a plan that
    // spends the weekly budget every week fits the budget for any number of days.
    let (per_year, over_plan) = match s.frequency {
        Frequency::Once => (each, if days.is_zero() { Decimal::ZERO } else { each }),
        recurring => {
            let per_year = match recurring {
                Frequency::Weekly => each.checked_mul(weeks)?,
                Frequency::Monthly => each.checked_mul(Decimal::from(12))?,
                _ => each,
            };
            (
                per_year,
                per_year
                    .checked_mul(days)?
                    .checked_div(Decimal::from(365))?,
            )
        }
    };
    Some(SupportCost {
        id: s.id.clone(),
        category: s.category.clone(),
        payer: s.payer,
        per_year: Money(rounding.apply(per_year)),
        over_plan: Money(rounding.apply(over_plan)),
    })
}

/// The days of the plan a support runs, counting both ends.
fn active_days(s: &Support, plan: &Plan) -> i64 {
    if s.frequency == Frequency::Once {
        let day = s.starts.unwrap_or(plan.starts);
        return i64::from(day >= plan.starts && day <= plan.ends);
    }
    let from: Date = s.starts.map_or(plan.starts, |d| d.max(plan.starts));
    let to: Date = s.ends.map_or(plan.ends, |d| d.min(plan.ends));
    (from.days_until(to) + 1).max(0)
}

/// Totals by key, each key in the order it is first seen; a sum cannot overflow because
/// the plan's total did not.
#[derive(Default)]
struct Groups {
    totals: Vec<GroupCost>,
    positions: BTreeMap<String, usize>,
}

impl Groups {
    fn add(&mut self, key: &str, per_year: Decimal, over_plan: Decimal) {
        let position = match self.positions.get(key) {
            Some(i) => *i,
            None => {
                self.positions.insert(key.to_owned(), self.totals.len());
                self.totals.push(GroupCost {
                    key: key.to_owned(),
                    per_year: Money(Decimal::ZERO),
                    over_plan: Money(Decimal::ZERO),
                });
                self.totals.len() - 1
            }
        };
        if let Some(g) = self.totals.get_mut(position) {
            g.per_year.0 = g.per_year.0.saturating_add(per_year);
            g.over_plan.0 = g.over_plan.0.saturating_add(over_plan);
        }
    }
}

fn group<'a>(
    supports: &'a [SupportCost],
    key: impl Fn(&'a SupportCost) -> &'a str,
) -> Vec<GroupCost> {
    let mut groups = Groups::default();
    for s in supports {
        groups.add(key(s), s.per_year.0, s.over_plan.0);
    }
    groups.totals
}

/// Shares each support between its goals: equal parts rounded down to the costing's
/// places, with what is left over going to its first goal, so the parts add up exactly.
/// Every goal has a total, in the plan's order; supports serving no goal come under `""`.
fn by_goal(plan: &Plan, supports: &[SupportCost], rounding: Rounding) -> Vec<GroupCost> {
    let mut groups = Groups::default();
    for g in &plan.goals {
        groups.add(&g.id, Decimal::ZERO, Decimal::ZERO);
    }
    for (support, cost) in plan.supports.iter().zip(supports) {
        if support.goals.is_empty() {
            groups.add("", cost.per_year.0, cost.over_plan.0);
            continue;
        }
        let years = shares(cost.per_year.0, support.goals.len(), rounding.places);
        let plans = shares(cost.over_plan.0, support.goals.len(), rounding.places);
        for ((goal, y), p) in support.goals.iter().zip(years).zip(plans) {
            groups.add(goal, y, p);
        }
    }
    groups.totals
}

fn shares(total: Decimal, n: usize, places: u32) -> Vec<Decimal> {
    let n_dec = Decimal::from(n as u64);
    let share =
        (total / n_dec).round_dp_with_strategy(places, rust_decimal::RoundingStrategy::ToZero);
    let first = total - share * Decimal::from(n as u64 - 1);
    std::iter::once(first)
        .chain(std::iter::repeat_n(share, n - 1))
        .collect()
}

fn payer_key(p: Payer) -> &'static str {
    match p {
        Payer::Budget => "budget",
        Payer::FamilyFriends => "family_friends",
        Payer::Community => "community",
        Payer::Universal => "universal",
    }
}
