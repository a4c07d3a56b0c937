//! The budget a plan is checked against, and the dates a new plan starts with.

use waymark_engine::plan::Plan;
use waymark_engine::{estimate, Answers, Date, Decimal, Money, Scheme};

/// The budget the plan is checked against: the estimate for the answers on the
/// assessment date (a yearly amount, or the one-off payment), or nothing when the answers
/// give no budget, need a conversation rather than an amount, or give no estimate.
pub fn budget(scheme: &Scheme, answers: &Answers, date: Date) -> Money {
    match estimate(scheme, answers, date) {
        Ok(e) if e.has_amount() => e.annual,
        _ => Money(Decimal::ZERO),
    }
}

/// A new plan: it starts on the assessment date and runs for a year, with nothing in it.
pub fn new_plan(date: Date) -> Plan {
    Plan {
        json_schema: None,
        starts: date,
        ends: year_after(date),
        review: None,
        goals: Vec::new(),
        supports: Vec::new(),
        contingency: None,
        crisis: None,
        holding: None,
        helpers: Vec::new(),
        risks: None,
        if_support_fails: None,
    }
}

/// The last day of a year that starts on `date`: the day before the same date next year
/// (the day before 1 March after a 29 February).
fn year_after(date: Date) -> Date {
    let next = date.year().saturating_add(1);
    let anniversary = Date::new(next, date.month(), date.day())
        .or_else(|| Date::new(next, 3, 1))
        .unwrap_or(date);
    Date::from_days_since_epoch(anniversary.days_since_epoch() - 1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_new_plan_runs_for_a_year() {
        let plan = new_plan(date("2026-06-01"));
        assert_eq!(plan.starts, date("2026-06-01"));
        assert_eq!(plan.ends, date("2027-05-31"));
        assert_eq!(new_plan(date("2027-01-01")).ends, date("2027-12-31"));
        assert_eq!(new_plan(date("2028-02-29")).ends, date("2029-02-28"));
        assert_eq!(new_plan(date("2027-03-01")).ends, date("2028-02-29"));
    }
}
