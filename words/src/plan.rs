//! A plan's findings and costing groups in words: the scheme's message for each check,
//! the figures behind a finding, and the names of the groups a costing adds up.

use crate::catalogue::Catalogue;
use crate::fill;
use waymark_engine::plan::{Detail, Finding, Payer, Plan};
use waymark_engine::{Money, Scheme};

/// The scheme's message for a finding, found by the check's code.
pub fn message<'s>(c: &Catalogue, scheme: &'s Scheme, finding: &Finding) -> &'s str {
    scheme
        .plan
        .iter()
        .flat_map(|rules| rules.checks.iter())
        .find(|check| check.code == finding.code)
        .map_or("", |check| c.say(&check.message))
}

/// The figures behind a finding, in words, when it has any.
pub fn detail(c: &Catalogue, scheme: &Scheme, plan: &Plan, finding: &Finding) -> Option<String> {
    let p = &c.plan;
    let money = |m: &Money| c.money(m.0, scheme.currency);
    Some(match finding.detail.as_ref()? {
        Detail::OverBudget { over, budget } => fill(
            &p.finding_over_budget,
            &[("over", &money(over)), ("budget", &money(budget))],
        ),
        Detail::Approval { support, category } => {
            let support = plan
                .supports
                .iter()
                .find(|s| &s.id == support)
                .map_or(support.as_str(), |s| s.description.as_str());
            fill(
                &p.finding_approval,
                &[
                    ("support", support),
                    ("category", &category_name(c, scheme, category)),
                ],
            )
        }
        Detail::SplitParts => p.finding_split_parts.clone(),
        Detail::Contingency { amount, min, max } => fill(
            &p.finding_contingency,
            &[
                ("amount", &money(amount)),
                ("min", &money(min)),
                ("max", &money(max)),
            ],
        ),
        Detail::Review { date, days } => fill(
            p.finding_review.pick(u64::from(*days)),
            &[("date", &c.date(*date)), ("days", &days.to_string())],
        ),
        Detail::Length {
            days,
            min_days,
            max_days,
        } => fill(
            p.finding_length
                .pick(u64::try_from(*days).unwrap_or(u64::MAX)),
            &[
                ("days", &days.to_string()),
                ("min", &min_days.to_string()),
                ("max", &max_days.to_string()),
            ],
        ),
    })
}

/// A support category's name in the scheme, or its id if the scheme has none by that id.
pub fn category_name(c: &Catalogue, scheme: &Scheme, id: &str) -> String {
    scheme
        .plan
        .iter()
        .flat_map(|rules| rules.categories.iter())
        .find(|category| category.id == id)
        .map_or_else(
            || id.to_owned(),
            |category| c.say(&category.label).to_owned(),
        )
}

/// Who pays, as a person reads it.
pub fn payer_name(c: &Catalogue, payer: Payer) -> &str {
    let p = &c.plan;
    match payer {
        Payer::Budget => &p.payer_budget,
        Payer::FamilyFriends => &p.payer_family_friends,
        Payer::Community => &p.payer_community,
        Payer::Universal => &p.payer_universal,
    }
}

/// The name of a goal in a costing's groups: the goal in the person's words, or "not
/// linked to a goal" for the group of supports that serve none.
pub fn goal_name<'p>(c: &'p Catalogue, plan: &'p Plan, key: &str) -> &'p str {
    plan.goals
        .iter()
        .find(|g| g.id == key)
        .map_or(c.plan.chart_unlinked.as_str(), |g| g.text.as_str())
}
