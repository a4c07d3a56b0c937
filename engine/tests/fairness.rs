//! More points never mean less money: proved, searched, or refuted with a counterexample.

use serde_json::{json, Value};
use waymark_engine::fairness::{monotonicity, Monotonic};
use waymark_engine::Scheme;

/// A price-per-point scheme with two questions, and the steps given.
fn scheme(steps: Value, result: &str, monotonic: bool) -> Scheme {
    let text = json!({
        "id": "fair", "version": "1", "title": "Fair", "owner": "A council",
        "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
        "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
        "references": [{"id": "r", "title": "r"}],
        "parameters": [{"id": "price", "label": "Price", "unit": "money",
            "values": [{"from": "2026-04-01", "value": "50.00", "reference": "r"},
                       {"from": "2026-10-01", "value": "52.00", "reference": "r"}]}],
        "sections": [{"id": "home", "title": "Home", "questions": [
            {"id": "cooking", "text": "Cooking?", "monotonic": monotonic,
             "answer": {"choice": [{"id": "none", "label": "None", "points": 0},
                                   {"id": "some", "label": "Some", "points": 5},
                                   {"id": "lots", "label": "Lots", "points": 10}]}},
            {"id": "cleaning", "text": "Cleaning?", "answer": {"yes_no": {"yes": 4, "no": 0}}}
        ]}],
        "allocation": {"steps": steps, "result": result}
    });
    Scheme::from_json(&text.to_string()).expect("the scheme loads")
}

#[test]
fn a_price_per_point_with_a_threshold_and_a_cap_is_proved() {
    let s = scheme(
        json!([
            {"id": "points", "label": "Points", "calc": {"points": {}}},
            {"id": "enough", "label": "Enough", "calc": {"require": {"value": "points", "at_least": {"number": 4}}}},
            {"id": "money", "label": "Money", "calc": {"product": ["points", {"param": "price"}]}},
            {"id": "capped", "label": "Capped", "calc": {"at_most": {"value": "money", "limit": {"money": "600.00"}}}}
        ]),
        "capped",
        true,
    );
    assert_eq!(monotonicity(&s, 100, 1), Ok(Monotonic::Proved));
}

#[test]
fn more_points_that_lower_the_amount_are_found_with_both_answers_and_amounts() {
    // A choice's points taken away from a fixed sum: more need, less money.
    let steps = json!([
        {"id": "cooking_points", "label": "Cooking", "calc": {"points": {"questions": ["cooking"]}}},
        {"id": "taken", "label": "Taken", "calc": {"product": ["cooking_points", {"money": "10.00"}]}},
        {"id": "left", "label": "Left", "calc": {"difference": [{"money": "500.00"}, "taken"]}}
    ]);
    let s = scheme(steps.clone(), "left", true);
    let found = monotonicity(&s, 100, 1).expect_err("more cooking points lower the amount");
    assert_eq!(found.question, "cooking");
    assert_eq!(found.date.to_string(), "2026-04-01");
    assert_eq!(found.fewer.0["cooking"], "none");
    assert_eq!(found.more.0["cooking"], "some");
    assert_eq!(found.fewer.0["cleaning"], found.more.0["cleaning"]);
    assert_eq!(
        (
            found.fewer_amount.to_string(),
            found.more_amount.to_string()
        ),
        ("500.00".into(), "450.00".into())
    );
    // A question the scheme marks as not monotonic is not held to it, and the other one
    // cannot change the amount.
    let s = scheme(steps, "left", false);
    assert_eq!(monotonicity(&s, 100, 1), Ok(Monotonic::Proved));
}

#[test]
fn a_choice_on_a_questions_own_answer_is_searched_on_every_combination() {
    let s = scheme(
        json!([
            {"id": "points", "label": "Points", "calc": {"points": {}}},
            {"id": "money", "label": "Money", "calc": {"product": ["points", {"param": "price"}]}},
            {"id": "more", "label": "More", "calc": {"sum": ["money", {"money": "100.00"}]}},
            {"id": "chosen", "label": "Chosen", "calc": {"choose": {"when": {"question": "cleaning", "any_of": [true]}, "then": "more", "otherwise": "money"}}}
        ]),
        "chosen",
        true,
    );
    // Three answers to one question and two to the other, in each of the price's two
    // periods.
    assert_eq!(
        monotonicity(&s, 100, 1),
        Ok(Monotonic::Checked {
            combinations: 12,
            every: true
        })
    );
}
