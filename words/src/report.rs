//! The command line's text reports, in one language: an estimate with how it was worked
//! out, and a plan's costing and findings.

use crate::catalogue::Catalogue;
use crate::{explain, fill, plan as words};
use waymark_engine::plan::{GroupCost, Payer, Plan, PlanReport, Severity};
use waymark_engine::scheme::Period;
use waymark_engine::{Estimate, Money, Scheme};

/// The amount of an estimate in one sentence: yearly (and weekly), one-off, none, or to be
/// decided in a conversation.
pub fn amount(c: &Catalogue, scheme: &Scheme, e: &Estimate) -> String {
    let r = &c.report;
    let money = |m: Money| c.money(m.0, scheme.currency);
    match (e.eligible, e.period, e.weekly) {
        _ if e.conversation => r.amount_conversation.clone(),
        (false, _, _) => r.amount_not_eligible.clone(),
        (true, Period::OneOff, _) => fill(&r.amount_one_off, &[("amount", &money(e.annual))]),
        (true, _, Some(w)) => fill(
            &r.amount_yearly_weekly,
            &[("amount", &money(e.annual)), ("weekly", &money(w))],
        ),
        (true, _, None) => fill(&r.amount_yearly, &[("amount", &money(e.annual))]),
    }
}

/// An estimate as numbered steps, in the catalogue's language.
pub fn estimate(c: &Catalogue, scheme: &Scheme, e: &Estimate) -> String {
    let r = &c.report;
    let money = |m: Money| c.money(m.0, scheme.currency);
    let mut out = String::new();
    for line in explain::about(c, scheme, e) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&amount(c, scheme, e));
    out.push_str("\n\n");
    out.push_str(&c.explain.heading);
    out.push('\n');
    for (i, step) in explain::steps(c, scheme, e).iter().enumerate() {
        let line = fill(
            &r.step,
            &[("label", &step.label), ("sentence", &step.sentence)],
        );
        out.push_str(&format!("{:>3}. {line}\n", i + 1));
        if let Some(d) = step.description {
            out.push_str(&format!("     {d}\n"));
        }
        if let Some(reason) = step.reason {
            out.push_str(&format!("     {} {reason}\n", c.explain.reason));
        }
        for p in &step.parameters {
            out.push_str(&format!("     {}\n", p.text(c)));
        }
        for adjustment in &step.adjustments {
            out.push_str(&format!("     {adjustment}\n"));
        }
    }
    let sections: Vec<_> = e
        .sections
        .iter()
        .filter(|s| !s.points.0.is_zero() || s.amount.is_some())
        .collect();
    if !sections.is_empty() {
        out.push('\n');
        out.push_str(&r.by_area);
        out.push('\n');
        for section in sections {
            let area = scheme.section(&section.id).map_or("", |s| c.say(&s.title));
            let points = c.number(section.points.0);
            let n = u64::try_from(section.points.0.normalize().mantissa()).unwrap_or(u64::MAX);
            let line = match section.amount {
                Some(a) => fill(
                    r.area_points_amount.pick(n),
                    &[("area", area), ("points", &points), ("amount", &money(a))],
                ),
                None => fill(
                    r.area_points.pick(n),
                    &[("area", area), ("points", &points)],
                ),
            };
            out.push_str(&format!("  {line}\n"));
        }
    }
    for notice in e
        .notices
        .iter()
        .filter_map(|n| explain::notice(c, scheme, n))
    {
        out.push_str(&format!("\n{notice}\n"));
    }
    out
}

/// A plan's costing and findings, in the catalogue's language.
pub fn plan(c: &Catalogue, scheme: &Scheme, plan: &Plan, report: &PlanReport) -> String {
    let r = &c.report;
    let p = &c.plan;
    let money = |m: Money| c.money(m.0, scheme.currency);
    let costing = &report.costing;
    let days = u64::try_from(costing.days).unwrap_or(u64::MAX);
    let mut out = fill(
        r.plan_days.pick(days),
        &[("days", &costing.days.to_string())],
    );
    out.push_str("\n\n");
    let row = |name: &str, year: &str, over: &str| format!("{name:<48} {year:>14} {over:>14}\n");
    out.push_str(&row(
        &p.costs_support,
        &p.costs_per_year,
        &p.costs_over_plan,
    ));
    for s in &costing.supports {
        let name = plan
            .supports
            .iter()
            .find(|x| x.id == s.id)
            .map_or(s.id.as_str(), |x| x.description.as_str());
        out.push_str(&row(name, &money(s.per_year), &money(s.over_plan)));
    }
    out.push('\n');
    out.push_str(&fill(
        &r.plan_budget,
        &[
            ("budget", &money(costing.budget)),
            ("for_plan", &money(costing.budget_for_plan)),
            ("planned", &money(costing.planned)),
            ("kept", &money(costing.contingency)),
            ("remaining", &money(costing.remaining)),
        ],
    ));
    out.push('\n');
    let groups: [(&str, &[GroupCost], &Namer); 3] = [
        (&r.plan_by_goal, &costing.by_goal, &|key| {
            words::goal_name(c, plan, key).to_owned()
        }),
        (&r.plan_by_category, &costing.by_category, &|key| {
            words::category_name(c, scheme, key)
        }),
        (&r.plan_by_payer, &costing.by_payer, &|key| payer(c, key)),
    ];
    for (title, groups, name) in groups {
        out.push_str(&format!("\n{title}\n"));
        for g in groups {
            out.push_str(&format!(
                "  {:<46} {:>14} {:>14}\n",
                name(&g.key),
                money(g.per_year),
                money(g.over_plan)
            ));
        }
    }
    if report.findings.is_empty() {
        out.push('\n');
        out.push_str(&r.plan_meets_every_check);
        out.push('\n');
    }
    for f in &report.findings {
        let message = words::message(c, scheme, f);
        let line = match (f.severity, words::detail(c, scheme, plan, f)) {
            (Severity::Blocks, None) => fill(&r.finding_blocks, &[("message", message)]),
            (Severity::Blocks, Some(d)) => fill(
                &r.finding_blocks_detail,
                &[("message", message), ("detail", &d)],
            ),
            (Severity::Advice, None) => fill(&r.finding_advice, &[("message", message)]),
            (Severity::Advice, Some(d)) => fill(
                &r.finding_advice_detail,
                &[("message", message), ("detail", &d)],
            ),
        };
        out.push_str(&format!("\n{line} [{} {}]\n", f.code, f.path));
    }
    out
}

/// How a costing group's key becomes its name.
type Namer<'a> = dyn Fn(&str) -> String + 'a;

/// A costing's payer key as a person reads it.
fn payer(c: &Catalogue, key: &str) -> String {
    serde_json::from_value::<Payer>(serde_json::Value::from(key))
        .map_or_else(|_| key.to_owned(), |p| words::payer_name(c, p).to_owned())
}
