//! Two estimates for one person side by side: the difference, the answers that changed and
//! the steps where each change in money started, on the two versions of the council
//! fixture scheme.

use waymark_engine::compare::{compare, Side, Versions};
use waymark_engine::{estimate, Answers, Date, Scheme};

fn scheme(text: &str) -> Scheme {
    Scheme::from_json(text).unwrap_or_else(|e| panic!("{e:?}"))
}

fn demo(version: u8) -> Scheme {
    match version {
        1 => scheme(include_str!("../../tests/fixtures/council/demo-1.json")),
        _ => scheme(include_str!("../../tests/fixtures/council/demo-2.json")),
    }
}

fn answers(value: serde_json::Value) -> Answers {
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"))
}

fn june() -> Date {
    Date::new(2026, 6, 1).unwrap_or_else(|| panic!("a date"))
}

/// The steps where a case's amount changed from demo 1 to demo 2, same answers.
fn steps(value: serde_json::Value) -> Vec<String> {
    let (old, new) = (demo(1), demo(2));
    let answers = answers(value);
    let a = estimate(&old, &answers, june()).unwrap_or_else(|e| panic!("{e:?}"));
    let b = estimate(&new, &answers, june()).unwrap_or_else(|e| panic!("{e:?}"));
    Versions::new(&old, &new)
        .changed_by(&a.explanation, &b.explanation)
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn a_higher_price_is_named_and_what_it_passes_through_is_not() {
    let got = steps(serde_json::json!({"daily": "lots", "fluctuates": false, "age": 60}));
    assert_eq!(got, ["base"]);
}

#[test]
fn a_cap_that_held_in_both_versions_hides_the_price() {
    let got = steps(
        serde_json::json!({"daily": "lots", "fluctuates": true, "crisis": "often", "age": 20}),
    );
    assert_eq!(got, ["capped"]);
}

#[test]
fn a_price_that_reaches_a_lower_cap_names_both() {
    let got = steps(
        serde_json::json!({"daily": "some", "fluctuates": true, "crisis": "often", "age": 24}),
    );
    assert_eq!(got, ["base", "capped"]);
}

#[test]
fn a_higher_threshold_names_only_the_threshold() {
    let got = steps(serde_json::json!({"daily": "some", "fluctuates": false, "age": 30}));
    assert_eq!(got, ["eligible"]);
}

#[test]
fn no_change_names_nothing() {
    let got = steps(
        serde_json::json!({"daily": "none", "fluctuates": true, "crisis": "rarely", "age": 50}),
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_person_with_less_daily_need_a_year_later_gets_less_and_is_told_why() {
    let scheme = demo(1);
    let before = answers(serde_json::json!({"daily": "lots", "fluctuates": false, "age": 60}));
    let after = answers(serde_json::json!({"daily": "some", "fluctuates": "no", "age": "60"}));
    let a = estimate(&scheme, &before, june()).unwrap_or_else(|e| panic!("{e:?}"));
    let b = estimate(&scheme, &after, june()).unwrap_or_else(|e| panic!("{e:?}"));
    let side = |answers, estimate| Side {
        scheme: &scheme,
        answers,
        estimate,
    };
    let c = compare(side(&before, &a), side(&after, &b));
    assert_eq!(a.annual.to_string(), "960.00");
    assert_eq!(b.annual.to_string(), "480.00");
    assert_eq!(
        c.difference.map(|d| d.to_string()).as_deref(),
        Some("-480.00")
    );
    // "no" and false, "60" and 60 are the same answers.
    assert_eq!(c.changed_answers, ["daily"]);
    assert_eq!(c.changed_steps, ["points"]);
}

#[test]
fn the_same_answers_under_the_same_version_change_nothing() {
    let scheme = demo(1);
    let given = answers(
        serde_json::json!({"daily": "some", "fluctuates": true, "crisis": "often", "age": 24}),
    );
    let e = estimate(&scheme, &given, june()).unwrap_or_else(|e| panic!("{e:?}"));
    let side = Side {
        scheme: &scheme,
        answers: &given,
        estimate: &e,
    };
    let c = compare(side, side);
    assert_eq!(c.difference.map(|d| d.to_string()).as_deref(), Some("0.00"));
    assert!(c.changed_answers.is_empty() && c.changed_steps.is_empty());
}
