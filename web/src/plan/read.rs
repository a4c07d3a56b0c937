//! Turning what a person typed on a plan page into parts of the plan, or into GOV.UK field
//! errors in the catalogue's words. Only what a form alone can tell is checked here (a
//! required field left blank, an amount or date that cannot be read); whether the plan
//! fits the scheme's rules is for the engine's findings, shown as the person works.

use super::form::Form;
use super::ids::{self, DatePart};
use crate::answer::{tidy, FieldError};
use crate::text::{fill, text};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use waymark_engine::amount::parse_decimal;
use waymark_engine::plan::{
    area_ids, Contingency, CrisisPlan, Frequency, Goal, Holding, HoldingKind, HoldingPart, Payer,
    Plan, Support,
};
use waymark_engine::{Date, Decimal, Money, Number, Scheme};
use waymark_words::catalogue::DateWords;

/// The errors on a page, in the order of its fields.
pub type Errors = Vec<FieldError>;

/// The name a value has in plan files and in forms (`weekly`, `family_friends`).
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The value with this name in plan files, if there is one.
pub fn from_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(Value::String(name.to_owned())).ok()
}

fn error(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Errors collected field by field, then either a value or all the errors at once.
#[derive(Default)]
struct Collect(Errors);

impl Collect {
    fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Errors> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(self.0),
        }
    }
}

/// Reads a goal's form. `id` is the goal's id, kept when it is changed.
pub fn goal(form: &Form, scheme: &Scheme, id: String) -> Result<Goal, Errors> {
    let t = &text().plan;
    let mut c = Collect::default();
    let words = c.take(
        form.given(ids::GOAL_TEXT)
            .ok_or_else(|| error(ids::GOAL_TEXT, &t.goal_text_error)),
    );
    let area = c.take(
        form.given(ids::GOAL_AREA)
            .filter(|a| area_ids(scheme).any(|id| id == *a))
            .ok_or_else(|| error(ids::GOAL_AREA, &t.goal_area_error)),
    );
    let goal = words.zip(area).map(|(words, area)| Goal {
        id,
        text: words.to_owned(),
        area: area.to_owned(),
        measure: form.text(ids::GOAL_MEASURE).trim().to_owned(),
    });
    c.finish(goal)
}

/// Reads a support's form. `id` is the support's id, kept when it is changed; the goals
/// ticked are kept only if they are in `plan`.
pub fn support(form: &Form, scheme: &Scheme, plan: &Plan, id: String) -> Result<Support, Errors> {
    let t = &text().plan;
    let mut c = Collect::default();
    let description = c.take(
        form.given(ids::SUPPORT_DESCRIPTION)
            .ok_or_else(|| error(ids::SUPPORT_DESCRIPTION, &t.support_description_error)),
    );
    let categories = scheme.plan.as_ref().map(|r| r.categories.as_slice());
    let category = c.take(
        form.given(ids::SUPPORT_CATEGORY)
            .filter(|v| categories.unwrap_or_default().iter().any(|c| c.id == *v))
            .ok_or_else(|| error(ids::SUPPORT_CATEGORY, &t.support_category_error)),
    );
    let payer = c.take(
        form.given(ids::SUPPORT_PAYER)
            .and_then(from_name::<Payer>)
            .ok_or_else(|| error(ids::SUPPORT_PAYER, &t.support_payer_error)),
    );
    let paid = payer.is_some_and(Payer::is_budget);
    let cost = if paid {
        let amount = c.take(money(form, ids::SUPPORT_AMOUNT, &t.support_amount_error));
        let units = c.take(units(form));
        let relative = c.take(match form.text(ids::SUPPORT_RELATIVE) {
            crate::answer::YES => Ok(true),
            crate::answer::NO => Ok(false),
            _ => Err(error(ids::SUPPORT_RELATIVE, &t.support_relative_error)),
        });
        amount.zip(units).zip(relative)
    } else {
        Some(((Decimal::ZERO, Decimal::ONE), false))
    };
    let frequency = c.take(
        form.given(ids::SUPPORT_FREQUENCY)
            .and_then(from_name::<Frequency>)
            .ok_or_else(|| error(ids::SUPPORT_FREQUENCY, &t.support_frequency_error)),
    );
    let once = frequency == Some(Frequency::Once);
    let starts = c.take(date(
        form,
        ids::SUPPORT_STARTS,
        &t.support_starts_words,
        false,
    ));
    let ends = if once {
        Some(None)
    } else {
        c.take(date(form, ids::SUPPORT_ENDS, &t.support_ends_words, false))
    };
    if let (Some(Some(from)), Some(Some(to))) = (starts, ends) {
        if to < from {
            c.0.push(error(
                ids::date_part(ids::SUPPORT_ENDS, DatePart::Day),
                &t.support_ends_before_starts,
            ));
        }
    }
    let goals: Vec<String> = form
        .all(ids::SUPPORT_GOALS)
        .filter(|g| plan.goals.iter().any(|goal| goal.id == *g))
        .map(str::to_owned)
        .collect();
    let support = (|| {
        let (((amount, units), relative_in_household), payer) = cost.zip(payer)?;
        Some(Support {
            id,
            description: description?.to_owned(),
            category: category?.to_owned(),
            amount: Money(amount),
            units: Number(units),
            frequency: frequency?,
            starts: starts?,
            ends: ends?,
            goals,
            payer,
            relative_in_household,
        })
    })();
    c.finish(support)
}

/// Reads the money kept aside.
pub fn contingency(form: &Form) -> Result<Contingency, Errors> {
    let t = &text().plan;
    money(form, ids::CONTINGENCY_AMOUNT, &t.contingency_amount_error)
        .map(|amount| Contingency {
            amount: Money(amount),
            when: form.text(ids::CONTINGENCY_WHEN).trim().to_owned(),
        })
        .map_err(|e| vec![e])
}

/// Reads the crisis plan; `None` when nothing was written.
pub fn crisis(form: &Form) -> Option<CrisisPlan> {
    let field = |id| form.text(id).trim().to_owned();
    let crisis = CrisisPlan {
        contacts: field(ids::CRISIS_CONTACTS),
        helps: field(ids::CRISIS_HELPS),
        does_not_help: field(ids::CRISIS_DOES_NOT_HELP),
        preferences: field(ids::CRISIS_PREFERENCES),
    };
    let blank = [
        &crisis.contacts,
        &crisis.helps,
        &crisis.does_not_help,
        &crisis.preferences,
    ]
    .iter()
    .all(|s| s.is_empty());
    (!blank).then_some(crisis)
}

/// Reads the risks and what happens if a support does not turn up; each `None` when blank.
pub fn risks(form: &Form) -> (Option<String>, Option<String>) {
    let field = |id| form.given(id).map(str::to_owned);
    (field(ids::RISKS), field(ids::IF_SUPPORT_FAILS))
}

/// Reads who helped, one person a line.
pub fn helpers(form: &Form) -> Vec<String> {
    form.text(ids::HELPERS)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads how the money is held: one of the ways the scheme offers, or a split with an
/// amount for at least two of them.
pub fn holding(form: &Form, scheme: &Scheme) -> Result<Holding, Errors> {
    let t = &text().plan;
    let offered: Vec<HoldingKind> = scheme
        .plan
        .as_ref()
        .map(|r| r.holding.iter().map(|h| h.kind).collect())
        .unwrap_or_default();
    let chosen = form.given(ids::HOLDING_KIND);
    if chosen == Some(ids::HOLDING_SPLIT) && offered.len() > 1 {
        return split(form, &offered);
    }
    match chosen.and_then(from_name::<HoldingKind>) {
        Some(kind) if offered.contains(&kind) => Ok(Holding {
            kind,
            split: Vec::new(),
        }),
        _ => Err(vec![error(ids::HOLDING_KIND, &t.holding_error)]),
    }
}

fn split(form: &Form, offered: &[HoldingKind]) -> Result<Holding, Errors> {
    let t = &text().plan;
    let mut c = Collect::default();
    let mut parts = Vec::new();
    for &kind in offered {
        let id = ids::holding_split(&name_of(&kind));
        if form.given(&id).is_some() {
            let amount = c.take(money(form, &id, &t.holding_split_error));
            parts.extend(amount.filter(|a| !a.is_zero()).map(|a| HoldingPart {
                kind,
                amount: Money(a),
            }));
        }
    }
    if c.0.is_empty() && parts.len() < 2 {
        let first = offered.first().map(name_of).unwrap_or_default();
        c.0.push(error(ids::holding_split(&first), &t.holding_split_error));
    }
    c.finish(Some(Holding {
        kind: HoldingKind::Split,
        split: parts,
    }))
}

/// Reads the plan's dates: its start and end (both needed, the end not before the start)
/// and its review (optional).
pub fn dates(form: &Form) -> Result<(Date, Date, Option<Date>), Errors> {
    let t = &text().plan;
    let mut c = Collect::default();
    let starts = c.take(date(form, ids::PLAN_STARTS, &t.plan_starts_words, true));
    let ends = c.take(date(form, ids::PLAN_ENDS, &t.plan_ends_words, true));
    let review = c.take(date(form, ids::PLAN_REVIEW, &t.plan_review_words, false));
    let (Some(Some(starts)), Some(Some(ends))) = (starts, ends) else {
        return Err(c.0);
    };
    if ends < starts {
        c.0.push(error(
            ids::date_part(ids::PLAN_ENDS, DatePart::Day),
            &t.plan_ends_before_starts,
        ));
    }
    c.finish(review.map(|review| (starts, ends, review)))
}

/// An amount of money of zero or more, to the penny or cent, from the field `id`.
fn money(form: &Form, id: &str, missing: &str) -> Result<Decimal, FieldError> {
    let t = text();
    let typed = form.given(id).ok_or_else(|| error(id, missing))?;
    let mut amount =
        parse_decimal(&tidy(typed)).ok_or_else(|| error(id, &t.app.error_money_invalid))?;
    if amount < Decimal::ZERO {
        return Err(error(id, &t.plan.money_negative_error));
    }
    if amount.scale() > 2 {
        return Err(error(id, &t.app.error_money_pence));
    }
    amount.rescale(2);
    Ok(amount)
}

/// How many units each time: a number above zero, one when left blank.
fn units(form: &Form) -> Result<Decimal, FieldError> {
    let t = &text().plan;
    let Some(typed) = form.given(ids::SUPPORT_UNITS) else {
        return Ok(Decimal::ONE);
    };
    parse_decimal(&tidy(typed))
        .filter(|n| *n > Decimal::ZERO)
        .map(|n| n.normalize())
        .ok_or_else(|| error(ids::SUPPORT_UNITS, &t.support_units_error))
}

/// What a date input holds: `Ok(None)` when all three parts are blank.
fn date(
    form: &Form,
    id: &str,
    words: &DateWords,
    required: bool,
) -> Result<Option<Date>, FieldError> {
    let t = &text().plan;
    let parts = DatePart::ALL.map(|part| form.text(&ids::date_part(id, part)).trim());
    let missing: Vec<DatePart> = DatePart::ALL
        .into_iter()
        .zip(parts)
        .filter(|(_, typed)| typed.is_empty())
        .map(|(part, _)| part)
        .collect();
    let first_missing = missing.first().copied().unwrap_or(DatePart::Day);
    let at = |part| ids::date_part(id, part);
    if missing.len() == 3 {
        return if required {
            Err(error(at(DatePart::Day), words.missing.clone()))
        } else {
            Ok(None)
        };
    }
    if !missing.is_empty() {
        let p = &t.date_parts;
        let parts = match missing.as_slice() {
            [DatePart::Day] => &p.day,
            [DatePart::Month] => &p.month,
            [DatePart::Year] => &p.year,
            [DatePart::Day, DatePart::Month] => &p.day_month,
            [DatePart::Day, DatePart::Year] => &p.day_year,
            _ => &p.month_year,
        };
        return Err(error(
            at(first_missing),
            fill(&words.incomplete, &[("parts", parts)]),
        ));
    }
    let [day, month, year] = parts;
    let number = |s: &str| {
        s.parse::<u16>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    let date = match (number(day), number(month), number(year)) {
        (Some(d), Some(m), Some(y)) if year.len() == 4 => u8::try_from(d)
            .ok()
            .zip(u8::try_from(m).ok())
            .and_then(|(d, m)| Date::new(y, m, d)),
        _ => None,
    };
    date.map(Some)
        .ok_or_else(|| error(at(DatePart::Day), words.invalid.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::budget::new_plan;
    use crate::plan::testing::scheme;

    fn fields(errors: &Errors) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect()
    }

    #[test]
    fn a_goal_needs_words_and_a_life_area() {
        let scheme = scheme();
        let empty = goal(&Form::default(), &scheme, "g".into()).unwrap_err();
        assert_eq!(
            fields(&empty),
            [
                ("goal-text", "Enter your goal"),
                (
                    "goal-area",
                    "Select which part of your life this goal is about"
                )
            ]
        );
        let form = Form::from([
            ("goal-text", " Swim again "),
            ("goal-area", "home"),
            ("goal-measure", ""),
        ]);
        let read = goal(&form, &scheme, "g".into()).unwrap();
        assert_eq!(
            (read.text.as_str(), read.area.as_str()),
            ("Swim again", "home")
        );
        let elsewhere = Form::from([("goal-text", "x"), ("goal-area", "moon")]);
        assert_eq!(
            goal(&elsewhere, &scheme, "g".into()).unwrap_err()[0].field,
            "goal-area"
        );
    }

    #[test]
    fn a_paid_support_needs_its_cost_and_a_free_one_does_not() {
        let scheme = scheme();
        let mut plan = new_plan("2026-06-01".parse().unwrap());
        plan.goals.push(
            goal(
                &Form::from([("goal-text", "Swim"), ("goal-area", "home")]),
                &scheme,
                "g1".into(),
            )
            .unwrap(),
        );
        let paid = Form::from([
            ("support-description", "Gym pass"),
            ("support-category", "gym"),
            ("support-payer", "budget"),
            ("support-amount", "£1,200"),
            ("support-units", ""),
            ("support-relative", "no"),
            ("support-frequency", "yearly"),
            ("support-goals", "g1"),
            ("support-goals", "gone"),
        ]);
        let read = support(&paid, &scheme, &plan, "s1".into()).unwrap();
        assert_eq!(read.amount.0.to_string(), "1200.00");
        assert_eq!(read.units.0, Decimal::ONE);
        assert_eq!(read.goals, ["g1"]);
        assert_eq!(read.frequency, Frequency::Yearly);
        let free = Form::from([
            ("support-description", "My sister"),
            ("support-category", "friends"),
            ("support-payer", "family_friends"),
            ("support-amount", "nonsense ignored"),
            ("support-frequency", "weekly"),
        ]);
        let read = support(&free, &scheme, &plan, "s2".into()).unwrap();
        assert!(read.amount.0.is_zero());
        assert_eq!(read.payer, Payer::FamilyFriends);
        let broken = Form::from([
            ("support-payer", "budget"),
            ("support-amount", "4.755"),
            ("support-units", "0"),
            ("support-starts-day", "31"),
            ("support-starts-month", "2"),
            ("support-starts-year", "2027"),
            ("support-ends-month", "3"),
        ]);
        assert_eq!(
            fields(&support(&broken, &scheme, &plan, "s3".into()).unwrap_err()),
            [
                ("support-description", "Enter what the support is"),
                ("support-category", "Select what kind of support it is"),
                (
                    "support-amount",
                    "Enter an amount with no more than 2 decimal places, like 150.50"
                ),
                (
                    "support-units",
                    "Enter how many each time, using digits, like 1 or 2"
                ),
                (
                    "support-relative",
                    "Select yes if the money goes to a close relative who lives with you"
                ),
                ("support-frequency", "Select how often"),
                (
                    "support-starts-day",
                    "The date it starts must be a real date"
                ),
                (
                    "support-ends-day",
                    "The date it ends must include a day and year"
                ),
            ]
        );
    }

    #[test]
    fn dates_are_read_the_gov_uk_way() {
        let t = &text().plan;
        let form =
            |d: &str, m: &str, y: &str| Form::from([("x-day", d), ("x-month", m), ("x-year", y)]);
        let read = |f: &Form, required| date(f, "x", &t.plan_starts_words, required);
        assert_eq!(
            read(&form(" 1 ", "04", "2027"), true),
            Ok("2027-04-01".parse().ok())
        );
        assert_eq!(read(&form("", "", ""), false), Ok(None));
        let missing = read(&form("", "", ""), true).unwrap_err();
        assert_eq!(
            (missing.field.as_str(), missing.message.as_str()),
            ("x-day", "Enter the date your plan starts")
        );
        let month = read(&form("1", "", "2027"), true).unwrap_err();
        assert_eq!(
            (month.field.as_str(), month.message.as_str()),
            ("x-month", "The date your plan starts must include a month")
        );
        for (d, m, y) in [
            ("30", "2", "2027"),
            ("1", "13", "2027"),
            ("1", "4", "27"),
            ("-1", "4", "2027"),
            ("1", "4", "2027x"),
        ] {
            assert_eq!(
                read(&form(d, m, y), true).unwrap_err().message,
                "The date your plan starts must be a real date"
            );
        }
    }

    #[test]
    fn plan_dates_must_be_in_order() {
        let form = Form::from([
            ("plan-starts-day", "1"),
            ("plan-starts-month", "6"),
            ("plan-starts-year", "2026"),
            ("plan-ends-day", "31"),
            ("plan-ends-month", "5"),
            ("plan-ends-year", "2026"),
        ]);
        assert_eq!(
            fields(&dates(&form).unwrap_err()),
            [(
                "plan-ends-day",
                "The date your plan ends must be after the date it starts"
            )]
        );
    }

    #[test]
    fn a_split_holding_needs_two_ways_with_money() {
        let scheme = scheme();
        let one = Form::from([
            ("holding-kind", "split"),
            ("holding-kind-split-council", "100"),
        ]);
        assert_eq!(
            fields(&holding(&one, &scheme).unwrap_err()),
            [(
                "holding-kind-split-direct_payment",
                "Enter an amount for at least two of the ways"
            )]
        );
        let two = Form::from([
            ("holding-kind", "split"),
            ("holding-kind-split-direct_payment", "50"),
            ("holding-kind-split-council", "100.5"),
        ]);
        let read = holding(&two, &scheme).unwrap();
        assert_eq!(read.kind, HoldingKind::Split);
        assert_eq!(read.split[1].amount.0.to_string(), "100.50");
        let not_offered = Form::from([("holding-kind", "third_party")]);
        assert_eq!(
            holding(&not_offered, &scheme).unwrap_err()[0].field,
            "holding-kind"
        );
        let direct = Form::from([("holding-kind", "direct_payment")]);
        assert_eq!(
            holding(&direct, &scheme).unwrap().kind,
            HoldingKind::DirectPayment
        );
    }

    #[test]
    fn text_parts_are_trimmed_and_blank_ones_left_out() {
        assert_eq!(crisis(&Form::from([("crisis-contacts", "  ")])), None);
        let written = crisis(&Form::from([("crisis-helps", " tea ")])).unwrap();
        assert_eq!(written.helps, "tea");
        assert_eq!(
            helpers(&Form::from([("helpers", "Priya\n\n  My sister  \n")])),
            ["Priya", "My sister"]
        );
        assert_eq!(
            risks(&Form::from([("risks", "x")])),
            (Some("x".into()), None)
        );
        assert_eq!(
            fields(&contingency(&Form::from([("contingency-amount", "-5")])).unwrap_err()),
            [("contingency-amount", "Enter an amount of 0 or more")]
        );
    }
}
