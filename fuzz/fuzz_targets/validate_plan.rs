//! Validates an arbitrary plan against each example scheme, for a yearly budget read from
//! the input's first part (before a NUL byte) or else 7416.00: nothing may panic; a plan
//! reads back from its own JSON; and in a plan's costing what the budget pays is the sum
//! of its supports, what remains is the budget less that and the contingency, every
//! grouping (by goal, category and payer) adds up to the supports' total, and the
//! findings come blocking ones first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_engine::amount::parse_decimal;
use waymark_engine::plan::{validate_plan, GroupCost, Plan, PlanReport, Severity};
use waymark_engine::{Decimal, Money};
use waymark_fuzz::{parts, EXAMPLES};

/// The sum of some amounts, or `None` if it is too large to work out.
fn total(mut amounts: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    amounts.try_fold(Decimal::ZERO, |sum, a| sum.checked_add(a))
}

fn check(plan: &Plan, report: &PlanReport) {
    let c = &report.costing;
    assert_eq!(c.supports.len(), plan.supports.len());
    let paid = c.supports.iter().filter(|s| s.payer.is_budget());
    assert_eq!(Some(c.planned.0), total(paid.map(|s| s.over_plan.0)));
    assert_eq!(
        Some(c.remaining.0),
        c.budget_for_plan
            .0
            .checked_sub(c.planned.0)
            .and_then(|r| r.checked_sub(c.contingency.0))
    );
    let per_year = total(c.supports.iter().map(|s| s.per_year.0));
    let over_plan = total(c.supports.iter().map(|s| s.over_plan.0));
    for groups in [&c.by_goal, &c.by_category, &c.by_payer] {
        let sum = |f: fn(&GroupCost) -> Decimal| total(groups.iter().map(f));
        assert_eq!(sum(|g| g.per_year.0), per_year, "{groups:?}");
        assert_eq!(sum(|g| g.over_plan.0), over_plan, "{groups:?}");
    }
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    assert!(severities.is_sorted());
    assert_eq!(report.blocked, severities.contains(&Severity::Blocks));
}

fuzz_target!(|data: &[u8]| {
    let (budget_text, plan_text) = parts(data);
    let Ok(plan) = Plan::from_json(&plan_text) else {
        return;
    };
    let written = serde_json::to_string(&plan).expect("a plan is written out");
    assert_eq!(Plan::from_json(&written).as_ref(), Ok(&plan));
    let budget = match budget_text {
        Some(text) => match parse_decimal(text.trim()) {
            Some(amount) => Money(amount),
            None => return,
        },
        None => Money(Decimal::new(741_600, 2)),
    };
    for scheme in EXAMPLES.iter() {
        if let Ok(report) = validate_plan(scheme, &plan, budget) {
            check(&plan, &report);
        }
    }
});
