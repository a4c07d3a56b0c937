//! The evaluator, step kind by step kind, through one `check` helper on a small scheme.

use serde_json::{json, Value};
use waymark_engine::explain::{Op, Source};
use waymark_engine::{estimate, replay, Answers, Scheme};

/// A small scheme that uses every kind of step; `period` and extra steps vary per test.
fn scheme(period: &str, steps: Value, result: &str) -> Scheme {
    let text = json!({
        "id": "small", "version": "1", "title": "Small", "owner": "Testshire Council",
        "applies_from": "2026-04-01", "applies_to": "2027-03-31",
        "currency": "GBP", "period": period, "weeks_per_year": "52",
        "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "i", "next_steps": "n", "not_eligible": "No budget on these answers."},
        "references": [{"id": "d1", "title": "Decision 1"}, {"id": "d2", "title": "Decision 2"}],
        "parameters": [
            {"id": "price", "label": "Price per point", "unit": "money", "values": [
                {"from": "2026-04-01", "value": "48.00", "reference": "d1"},
                {"from": "2026-10-01", "value": "50.00", "reference": "d2"}]},
            {"id": "age_weight", "label": "Age weight", "unit": "number", "values": [
                {"from": "2026-04-01", "bands": [{"min": 18, "value": "1.2", "label": "18 to 24"}, {"min": 25, "value": "1"}], "reference": "d1"}]}
        ],
        "sections": [
            {"id": "home", "title": "Home", "questions": [
                {"id": "daily", "text": "Daily living?", "answer": {"choice": [
                    {"id": "none", "label": "None", "points": 0}, {"id": "some", "label": "Some", "points": 10}, {"id": "lots", "label": "Lots", "points": 20}]}},
                {"id": "ups_downs", "text": "Ups and downs?", "answer": {"yes_no": {"yes": 2, "no": 0}}},
                {"id": "crisis", "text": "Crisis?", "show_if": {"question": "ups_downs", "any_of": [true]},
                 "answer": {"choice": [{"id": "no", "label": "No", "points": 0}, {"id": "yes", "label": "Yes", "points": 5}]}}
            ]},
            {"id": "about", "title": "About you", "questions": [
                {"id": "age", "text": "Age?", "answer": {"number": {"min": 18, "max": 120, "whole": true}}},
                {"id": "cost", "text": "Cost?", "answer": {"money": {"min": "0.00", "max": "100000.00"}}}
            ]}
        ],
        "allocation": {"steps": steps, "result": result}
    });
    Scheme::from_json(&text.to_string()).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn price_per_point() -> Value {
    json!([
        {"id": "points", "label": "Your points", "calc": {"points": {}}},
        {"id": "enough", "label": "Threshold", "calc": {"require": {"value": "points", "at_least": {"number": 5}}}},
        {"id": "money", "label": "Points times price", "calc": {"product": ["points", {"param": "price"}]}},
        {"id": "floored", "label": "Floor", "calc": {"at_least": {"value": "money", "limit": {"money": "500.00"}}}},
        {"id": "capped", "label": "Cap", "calc": {"at_most": {"value": "floored", "limit": {"money": "1000.00"}}}}
    ])
}

/// Estimates and checks the yearly and weekly amounts, and that the explanation replays.
fn check(
    s: &Scheme,
    answers: Value,
    date: &str,
    annual: &str,
    weekly: Option<&str>,
) -> waymark_engine::Estimate {
    let answers = Answers::from_json(&answers.to_string()).unwrap();
    let e = estimate(s, &answers, date.parse().unwrap()).unwrap_or_else(|i| panic!("{i:#?}"));
    assert_eq!(e.annual.to_string(), annual, "annual");
    assert_eq!(e.weekly.map(|w| w.to_string()).as_deref(), weekly, "weekly");
    let r = replay(&e.explanation).unwrap();
    assert_eq!(r.results["annual"], e.annual.0);
    e
}

fn issues(s: &Scheme, answers: Value, date: &str) -> Vec<(String, String)> {
    let answers = Answers::from_json(&answers.to_string()).unwrap();
    let issues = estimate(s, &answers, date.parse().unwrap()).unwrap_err();
    issues.into_iter().map(|i| (i.code, i.path)).collect()
}

fn some(daily: &str) -> Value {
    json!({"daily": daily, "ups_downs": false, "age": 30, "cost": "0.00"})
}

#[test]
fn price_per_point_with_floor_cap_and_dated_price() {
    let s = scheme("annual", price_per_point(), "capped");
    check(&s, some("some"), "2026-09-30", "500.00", Some("9.62"));
    let e = check(&s, some("lots"), "2026-09-30", "960.00", Some("18.46"));
    let money = e.explanation.iter().find(|st| st.id == "money").unwrap();
    assert_eq!(money.kind, Op::Product);
    let values: Vec<String> = money.inputs.iter().map(|x| x.value.to_string()).collect();
    assert_eq!(values, ["20", "48.00"]);
    assert_eq!(money.result.to_string(), "960.00");
    assert_eq!(
        money.inputs[1].source,
        Source::Parameter {
            parameter: "price".into(),
            entry: 0,
            from: "2026-04-01".parse().unwrap(),
            to: None,
            band: None,
            option: None,
            reference: Some("d1".into()),
        }
    );
    check(&s, some("lots"), "2026-10-01", "1000.00", Some("19.23"));
}

#[test]
fn a_threshold_not_reached_gives_nothing_and_says_so() {
    let s = scheme("annual", price_per_point(), "capped");
    let e = check(&s, some("none"), "2026-06-01", "0.00", Some("0.00"));
    assert!(!e.eligible);
    let last = e.explanation.last().unwrap();
    assert_eq!(last.kind, Op::NotEligible);
    assert_eq!(last.result.to_string(), "0.00");
    assert!(!replay(&e.explanation).unwrap().eligible);
}

#[test]
fn a_question_that_applies_must_be_answered_and_one_that_does_not_is_noted() {
    let s = scheme("annual", price_per_point(), "capped");
    let mut a = some("some");
    a["ups_downs"] = json!(true);
    assert_eq!(
        issues(&s, a.clone(), "2026-06-01"),
        [("missing_answer".into(), "/crisis".into())]
    );
    a["crisis"] = json!("yes");
    check(&s, a, "2026-06-01", "816.00", Some("15.69"));
    let mut hidden = some("some");
    hidden["crisis"] = json!("yes");
    let e = check(&s, hidden, "2026-06-01", "500.00", Some("9.62"));
    assert_eq!(e.notices[0].code, "answer_not_used");
}

#[test]
fn bad_answers_are_located() {
    let s = scheme("annual", price_per_point(), "capped");
    let bad = json!({"daily": "loads", "ups_downs": "perhaps", "age": 17, "cost": "1.234", "shoe_size": 9});
    let mut found = issues(&s, bad, "2026-06-01");
    found.sort();
    let want = [
        ("invalid_answer", "/cost"),
        ("invalid_answer", "/ups_downs"),
        ("out_of_range", "/age"),
        ("unknown_option", "/daily"),
        ("unknown_question", "/shoe_size"),
    ];
    assert_eq!(found, want.map(|(c, p)| (c.to_owned(), p.to_owned())));
    let mut half = some("some");
    half["age"] = json!("30.5");
    assert_eq!(
        issues(&s, half, "2026-06-01"),
        [("not_whole_number".into(), "/age".into())]
    );
    let mut float = some("some");
    float["age"] = json!(30.0);
    assert_eq!(
        issues(&s, float, "2026-06-01"),
        [("invalid_answer".into(), "/age".into())]
    );
}

#[test]
fn a_date_the_scheme_does_not_cover_is_an_issue() {
    let s = scheme("annual", price_per_point(), "capped");
    assert_eq!(
        issues(&s, some("some"), "2027-04-01"),
        [("date_outside_scheme".into(), "".into())]
    );
}

#[test]
fn weighted_formula_with_bands_interaction_and_square() {
    let steps = json!([
        {"id": "weight", "label": "Age weight", "calc": {"band": {"of": {"answer": "age"}, "table": "age_weight"}}},
        {"id": "interaction", "label": "Daily living times ups and downs", "calc": {"product": [{"points": "daily"}, {"points": "ups_downs"}]}},
        {"id": "score", "label": "Score", "calc": {"sum": [{"section": "home"}, "interaction"]}},
        {"id": "weighted", "label": "Weighted score", "calc": {"product": ["score", "weight"]}},
        {"id": "squared", "label": "Squared", "calc": {"power": {"of": "weighted", "exponent": 2}}},
        {"id": "money", "label": "In pounds", "calc": {"product": ["squared", {"money": "0.50"}]}, "round": {"places": 0, "strategy": "up"}}
    ]);
    let s = scheme("annual", steps, "money");
    // Home points 10 + 2 + 5 = 17, interaction 10 × 2 = 20, score 37, × 1.2 = 44.4,
    // squared 1971.36, × £0.50 = £985.68, rounded up to £986.
    let a = json!({"daily": "some", "ups_downs": true, "crisis": "yes", "age": 20, "cost": "0.00"});
    let e = check(&s, a, "2026-06-01", "986.00", Some("18.96"));
    let squared = e.explanation.iter().find(|st| st.id == "squared").unwrap();
    assert_eq!(squared.kind, Op::Power);
    let values: Vec<String> = squared.inputs.iter().map(|x| x.value.to_string()).collect();
    assert_eq!(values, ["44.4", "2"]);
    assert_eq!(squared.result.to_string(), "1971.36");
}

#[test]
fn existing_package_adjusted_by_a_percentage_weekly() {
    let steps = json!([
        {"id": "weekly_cost", "label": "Your current support each week", "calc": {"product": [{"answer": "cost"}, {"number": "0.01"}]}},
        {"id": "change", "label": "Expected change", "calc": {"percent": {"of": "weekly_cost", "percent": {"number": "-10"}}}},
        {"id": "adjusted", "label": "Adjusted", "calc": {"sum": ["weekly_cost", "change"]}},
        {"id": "uplift", "label": "Local uplift", "reason": "No assistant could be recruited at that rate", "calc": {"difference": [{"money": "155.00"}, {"money": "135.00"}]}},
        {"id": "total", "label": "Total", "calc": {"sum": ["adjusted", "uplift"]}}
    ]);
    let s = scheme("weekly", steps, "total");
    // £15,000 a year at 1% is £150 a week; less 10% is £135; plus £20 is £155 a week.
    let e = check(
        &s,
        json!({"daily": "none", "ups_downs": false, "age": 40, "cost": "15000.00"}),
        "2026-06-01",
        "8060.00",
        Some("155.00"),
    );
    assert_eq!(e.explanation[3].id, "uplift");
    let reason = s.step("uplift").and_then(|st| st.reason.as_ref()).unwrap();
    assert_eq!(
        reason.get("en"),
        "No assistant could be recruited at that rate"
    );
}

#[test]
fn one_off_payments_have_no_weekly_amount() {
    let steps = json!([
        {"id": "capped", "label": "Up to the limit", "calc": {"at_most": {"value": {"answer": "cost"}, "limit": {"money": "500.00"}}}}
    ]);
    let s = scheme("one_off", steps, "capped");
    check(
        &s,
        json!({"daily": "none", "ups_downs": false, "age": 40, "cost": "620.00"}),
        "2026-06-01",
        "500.00",
        None,
    );
    check(
        &s,
        json!({"daily": "none", "ups_downs": false, "age": 40, "cost": "120.5"}),
        "2026-06-01",
        "120.50",
        None,
    );
}

#[test]
fn a_contingency_chosen_by_an_answer() {
    let mut steps = price_per_point();
    steps.as_array_mut().unwrap().push(json!(
        {"id": "contingency", "label": "Contingency", "calc": {"choose": {"when": {"question": "ups_downs", "any_of": [true]},
            "then": {"money": "250.00"}, "otherwise": {"money": "0.00"}}}}));
    steps
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "total", "label": "Total", "calc": {"sum": ["capped", "contingency"]}}));
    let s = scheme("annual", steps, "total");
    check(
        &s,
        json!({"daily": "some", "ups_downs": true, "crisis": "no", "age": 40, "cost": "0.00"}),
        "2026-06-01",
        "826.00",
        Some("15.88"),
    );
    check(&s, some("some"), "2026-06-01", "500.00", Some("9.62"));
}

#[test]
fn overflow_is_an_issue_not_a_panic() {
    let steps = json!([
        {"id": "huge", "label": "Huge", "calc": {"product": [{"money": "79228162514264337593543950335"}, {"number": "10"}]}}
    ]);
    let s = scheme("annual", steps, "huge");
    let found = issues(&s, some("none"), "2026-06-01");
    assert_eq!(
        found,
        [(
            "arithmetic_overflow".into(),
            "/allocation/steps/0/calc".into()
        )]
    );
}

#[test]
fn a_tampered_explanation_does_not_replay() {
    let s = scheme("annual", price_per_point(), "capped");
    let answers = Answers::from_json(&some("lots").to_string()).unwrap();
    let mut e = estimate(&s, &answers, "2026-06-01".parse().unwrap()).unwrap();
    e.explanation[2].inputs[1].value = "60.00".parse().unwrap();
    assert!(replay(&e.explanation).is_err());
}

#[test]
fn a_yearly_cost_divided_into_weeks_is_rounded_as_the_step_says() {
    let steps = json!([
        {"id": "each_week", "label": "Your support each week", "calc": {"divide": {"value": {"answer": "cost"}, "by": {"number": "52"}}},
         "round": {"places": 2, "strategy": "up"}}
    ]);
    let s = scheme("weekly", steps, "each_week");
    // £10,000 a year over 52 weeks is £192.307..., rounded up to £192.31 a week.
    let e = check(
        &s,
        json!({"daily": "none", "ups_downs": false, "age": 40, "cost": "10000.00"}),
        "2026-06-01",
        "10000.12",
        Some("192.31"),
    );
    let step = &e.explanation[0];
    assert_eq!(step.kind, Op::Divide);
    assert_eq!(
        step.unrounded.map(|d| d.round_dp(6).to_string()),
        Some("192.307692".into())
    );
    assert_eq!(step.result.to_string(), "192.31");
}
