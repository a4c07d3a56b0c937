//! Strict loading: each kind of bad scheme is refused with a code and a JSON path.

use serde_json::{json, Value};
use waymark_engine::Scheme;

const DEFAULT: &str = include_str!("../www/schemes/northvale-recovery-2026.json");

/// Applies `change` to the default scheme and checks that loading it reports `code` at `path`.
fn check(change: impl FnOnce(&mut Value), code: &str, path: &str) {
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    change(&mut value);
    check_text(&value.to_string(), code, path);
}

fn check_text(text: &str, code: &str, path: &str) {
    let issues = Scheme::from_json(text).expect_err("the scheme should be refused");
    assert!(
        issues.iter().any(|i| i.code == code && i.path == path),
        "expected {code} at {path}, got {issues:#?}"
    );
    assert!(issues.iter().all(|i| !i.message.is_empty()));
}

#[test]
fn the_default_scheme_loads() {
    Scheme::from_json(DEFAULT).unwrap();
}

#[test]
fn unknown_keys_are_refused() {
    check(|s| s["colour"] = json!("blue"), "invalid_value", "/colour");
    check(
        |s| s["sections"][0]["questions"][0]["hlep"] = json!("x"),
        "invalid_value",
        "/sections/0/questions/0/hlep",
    );
}

#[test]
fn duplicate_keys_are_refused() {
    let text = DEFAULT.replacen("\"version\"", "\"version\": \"x\", \"version\"", 1);
    check_text(&text, "duplicate_key", "/version");
}

#[test]
fn duplicate_ids_are_refused() {
    check(
        |s| {
            let first = s["sections"][0]["questions"][0]["id"].clone();
            s["sections"][1]["questions"][0]["id"] = first;
        },
        "duplicate_id",
        "/sections/1/questions/0/id",
    );
    check(
        |s| {
            let first = s["allocation"]["steps"][0]["id"].clone();
            s["allocation"]["steps"][1]["id"] = first;
        },
        "duplicate_id",
        "/allocation/steps/1/id",
    );
}

#[test]
fn references_to_missing_things_are_refused() {
    check(
        |s| s["allocation"]["result"] = json!("nowhere"),
        "unknown_step",
        "/allocation/result",
    );
    check(
        |s| {
            s["sections"][1]["questions"][0]["show_if"] =
                json!({"question": "missing", "any_of": ["a"]})
        },
        "unknown_question",
        "/sections/1/questions/0/show_if/question",
    );
    check(
        |s| s["parameters"][0]["values"][0]["reference"] = json!("nope"),
        "unknown_reference",
        "/parameters/0/values/0/reference",
    );
    check(
        |s| s["allocation"]["steps"][1]["calc"] = json!({"sum": [{"param": "missing"}]}),
        "invalid_calculation",
        "/allocation/steps/1/calc/sum/0",
    );
}

#[test]
fn a_question_can_only_depend_on_an_earlier_one() {
    check(
        |s| {
            let last =
                s["sections"].as_array().unwrap().last().unwrap()["questions"][0]["id"].clone();
            s["sections"][0]["questions"][0]["show_if"] = json!({"question": last, "at_least": 1});
        },
        "unknown_question",
        "/sections/0/questions/0/show_if/question",
    );
}

#[test]
fn overlapping_and_unsorted_dates_are_refused() {
    check(
        |s| {
            let values = s["parameters"][0]["values"].as_array_mut().unwrap();
            let first = values[0].clone();
            values.push(first);
        },
        "unsorted_dates",
        &format!("/parameters/0/values/{}/from", {
            let v: Value = serde_json::from_str(DEFAULT).unwrap();
            v["parameters"][0]["values"].as_array().unwrap().len()
        }),
    );
    check(
        |s| {
            let values = s["parameters"][0]["values"].as_array_mut().unwrap();
            values[0]["to"] = json!("2099-01-01");
            values.push(json!({"from": "2098-01-01", "value": "1.00", "reference": values[0]["reference"].clone()}));
        },
        "overlapping_dates",
        "/parameters/0/values/0/to",
    );
    check(
        |s| s["applies_to"] = json!("2020-01-01"),
        "invalid_dates",
        "/applies_to",
    );
    check(
        |s| s["applies_from"] = json!("2026-02-30"),
        "invalid_value",
        "/applies_from",
    );
}

#[test]
fn a_parameter_must_cover_every_day_of_the_scheme() {
    check(
        |s| s["parameters"][0]["values"][0]["from"] = json!("2026-05-01"),
        "parameter_gap",
        "/parameters/0/values/0/from",
    );
}

#[test]
fn unsorted_bands_are_refused() {
    let band_table = json!({"id": "bands", "label": "Bands", "unit": "money", "values": [
        {"from": "2026-04-01", "bands": [{"min": 0, "value": "0"}, {"min": 20, "value": "100.00"}, {"min": 10, "value": "50.00"}]}
    ]});
    check(
        |s| s["parameters"].as_array_mut().unwrap().push(band_table),
        "unsorted_bands",
        &format!("/parameters/{}/values/0/bands/2/min", {
            let v: Value = serde_json::from_str(DEFAULT).unwrap();
            v["parameters"].as_array().unwrap().len()
        }),
    );
}

#[test]
fn impossible_values_are_refused() {
    check(
        |s| s["weeks_per_year"] = json!("0"),
        "impossible_value",
        "/weeks_per_year",
    );
    check(
        |s| s["parameters"][0]["values"][0]["value"] = json!("-5.00"),
        "impossible_value",
        "/parameters/0/values/0/value",
    );
    check(
        |s| s["rounding"]["places"] = json!(40),
        "invalid_rounding",
        "/rounding",
    );
    check(
        |s| {
            s["allocation"]["steps"][0]["calc"] =
                json!({"product": [{"money": "1.00"}, {"money": "2.00"}]})
        },
        "invalid_calculation",
        "/allocation/steps/0/calc/product",
    );
}

#[test]
fn money_written_as_a_json_number_is_refused() {
    check(
        |s| s["parameters"][0]["values"][0]["value"] = json!(48.5),
        "invalid_value",
        "/parameters/0/values/0/value",
    );
}

#[test]
fn broken_json_says_where() {
    let issues = Scheme::from_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
    assert_eq!(issues[0].code, "invalid_json");
    assert!(
        issues[0].message.contains("line 3"),
        "{}",
        issues[0].message
    );
}

#[test]
fn every_text_must_be_in_every_language_the_scheme_declares() {
    // The default scheme is in Welsh and English; a missing Welsh text is named by path.
    check(
        |s| {
            s["sections"][0]["questions"][1]["text"]
                .as_object_mut()
                .unwrap()
                .remove("cy");
        },
        "missing_translation",
        "/sections/0/questions/1/text/cy",
    );
    check(
        |s| s["allocation"]["steps"][0]["label"] = "Your points".into(),
        "missing_translation",
        "/allocation/steps/0/label",
    );
    check(
        |s| s["title"]["fr"] = "Budget".into(),
        "unknown_language",
        "/title/fr",
    );
    check(
        |s| s["text"]["next_steps"]["cy"] = " ".into(),
        "missing_translation",
        "/text/next_steps/cy",
    );
    check(
        |s| s["languages"] = serde_json::json!(["en", "cy", "cy"]),
        "duplicate_id",
        "/languages/2",
    );
    check(
        |s| s["languages"] = serde_json::json!(["en", "Welsh"]),
        "invalid_language",
        "/languages/1",
    );
}

#[test]
fn a_scheme_in_one_language_may_write_its_texts_as_plain_strings() {
    let text = include_str!("../www/schemes/eastbrook-substance-misuse-2026.json");
    let scheme = Scheme::from_json(text).unwrap();
    assert_eq!(scheme.languages, ["en"]);
}

#[test]
fn a_reference_must_be_a_web_address() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "https://",
        "https://a b",
    ] {
        check(
            |s| s["references"][0]["url"] = json!(url),
            "invalid_url",
            "/references/0/url",
        );
    }
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    value["references"][0]["url"] = json!("https://example.org/cabinet/2026-03-14");
    Scheme::from_json(&value.to_string()).unwrap();
}

#[test]
fn a_scheme_whose_amount_could_be_negative_is_refused_at_the_step_that_goes_below_zero() {
    // A step that takes a money answer away from the amount, with nothing to stop it going
    // below zero.
    let add_deduction = |s: &mut Value| {
        s["sections"][0]["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "other_money", "text": {"en": "Other money", "cy": "Arian arall"}, "answer": {"money": {"min": "0.00", "max": "100000.00"}}}));
        let result = s["allocation"]["result"].as_str().unwrap().to_owned();
        let steps = s["allocation"]["steps"].as_array_mut().unwrap();
        steps.push(json!({"id": "less_other_money", "label": {"en": "Less other money", "cy": "Llai arian arall"}, "calc": {"difference": [result, {"answer": "other_money"}]}}));
        s["allocation"]["result"] = json!("less_other_money");
    };
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    add_deduction(&mut value);
    let last = value["allocation"]["steps"].as_array().unwrap().len() - 1;
    let issues = Scheme::from_json(&value.to_string()).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].code, "negative_result");
    assert_eq!(issues[0].path, format!("/allocation/steps/{last}/calc"));
    assert!(
        issues[0].message.contains("as low as -"),
        "{}",
        issues[0].message
    );
    // A floor of zero after it makes the same scheme safe.
    value["allocation"]["steps"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "not_below_zero", "label": {"en": "Not below zero", "cy": "Dim llai na sero"}, "calc": {"at_least": {"value": "less_other_money", "limit": {"money": "0.00"}}}}));
    value["allocation"]["result"] = json!("not_below_zero");
    Scheme::from_json(&value.to_string()).unwrap();
}

#[test]
fn a_scheme_larger_than_its_limit_is_refused_before_it_is_read() {
    let text = format!(
        "{DEFAULT}{}",
        " ".repeat(waymark_engine::limits::SCHEME_BYTES)
    );
    let issues = Scheme::from_json(&text).unwrap_err();
    assert_eq!(issues[0].code, "too_large");
}

#[test]
fn a_band_table_must_cover_every_value_looked_up_in_it() {
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    let parameters = value["parameters"].as_array().unwrap();
    let table = parameters
        .iter()
        .position(|p| p["id"] == "contingency_bands")
        .unwrap();
    // The table is looked up only once a person has the 20 points needed for a budget, so
    // a first band from 1 point covers everyone; a first band from 30 points leaves people
    // with 20 to 29 points without a band.
    value["parameters"][table]["values"][0]["bands"][0]["min"] = json!(1);
    Scheme::from_json(&value.to_string()).expect("a table from 1 point covers 20 and up");
    value["parameters"][table]["values"][0]["bands"][0]["min"] = json!(30);
    let Err(issues) = Scheme::from_json(&value.to_string()) else {
        panic!("a table from 30 points leaves a gap");
    };
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].code, "band_gap");
    assert_eq!(
        issues[0].path,
        format!("/parameters/{table}/values/0/bands/0/min")
    );
    assert!(
        issues[0]
            .message
            .starts_with("step \"contingency_for_points\" can look up 20 in this table, and its first band starts at 30"),
        "{}",
        issues[0].message
    );
}

/// The Westhaven grant scheme with its allocation replaced: each step is an id and its
/// calculation (with a rounding, if given), and `extra` adds questions or parameters.
fn westhaven_with(
    steps: Value,
    result: &str,
    extra: impl FnOnce(&mut Value),
) -> Result<Scheme, Vec<waymark_engine::Issue>> {
    let mut s: Value = serde_json::from_str(include_str!(
        "../www/schemes/westhaven-recovery-grant-2026.json"
    ))
    .unwrap();
    let both = |t: &str| json!({"en": t, "cy": t});
    let steps: Vec<Value> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|st| {
            let mut step =
                json!({"id": st[0], "label": both(st[0].as_str().unwrap()), "calc": st[1]});
            if let Some(round) = st.get(2) {
                step["round"] = round.clone();
            }
            step
        })
        .collect();
    s["allocation"] = json!({"steps": steps, "result": result});
    s.as_object_mut().unwrap().remove("plan");
    extra(&mut s);
    Scheme::from_json(&s.to_string())
}

fn refused_at(outcome: Result<Scheme, Vec<waymark_engine::Issue>>, path: &str) {
    let issues = outcome.expect_err("the amount could be negative");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].code.as_str(), issues[0].path.as_str()),
        ("negative_result", path)
    );
}

#[test]
fn the_negative_amount_check_counts_rounding_and_overflow_and_names_the_step_that_goes_below() {
    // Rounding a share up can take it above what it is taken from.
    refused_at(
        westhaven_with(
            json!([
                ["up", {"percent": {"of": {"answer": "goal_cost"}, "percent": {"number": 100}}}, {"places": 0, "strategy": "up"}],
                ["res", {"difference": [{"answer": "goal_cost"}, "up"]}]
            ]),
            "res",
            |_| {},
        ),
        "/allocation/steps/1/calc",
    );
    // A value too large to bound is still at most the largest decimal.
    refused_at(
        westhaven_with(
            json!([
                ["p4", {"power": {"of": {"answer": "n"}, "exponent": 4}}],
                ["m", {"product": ["p4", {"money": "1.00"}]}],
                ["res", {"difference": [{"money": "1.00"}, "m"]}]
            ]),
            "res",
            |s| {
                s["sections"][0]["questions"].as_array_mut().unwrap().push(
                    json!({"id": "n", "text": {"en": "n", "cy": "n"}, "answer": {"number": {"min": 0, "max": 100000000}}}),
                )
            },
        ),
        "/allocation/steps/2/calc",
    );
    // The step named is the one where the amount goes below zero, not an earlier one that
    // a floor has already dealt with.
    refused_at(
        westhaven_with(
            json!([
                ["a", {"difference": [{"money": "1.00"}, {"answer": "goal_cost"}]}],
                ["b", {"at_least": {"value": "a", "limit": {"money": "0.00"}}}],
                ["c", {"difference": ["b", {"answer": "other_funding"}]}]
            ]),
            "c",
            |_| {},
        ),
        "/allocation/steps/2/calc",
    );
}

#[test]
fn the_negative_amount_check_accepts_amounts_that_cannot_go_below_zero() {
    // A share taken off at a rate that changes during the year.
    westhaven_with(
        json!([
            ["cut", {"percent": {"of": {"answer": "goal_cost"}, "percent": {"param": "taper"}}}],
            ["res", {"difference": [{"answer": "goal_cost"}, "cut"]}]
        ]),
        "res",
        |s| {
            s["parameters"].as_array_mut().unwrap().push(json!({"id": "taper", "label": {"en": "Taper", "cy": "Taper"}, "unit": "number",
                "values": [{"from": "2026-04-01", "value": 10}, {"from": "2026-10-01", "value": 15}]}))
        },
    )
    .expect("less a share is never negative");
    // An amount less what a require step has made sure of.
    westhaven_with(
        json!([
            ["enough", {"require": {"value": {"answer": "goal_cost"}, "at_least": {"money": "25.00"}}}],
            ["res", {"difference": [{"answer": "goal_cost"}, {"money": "25.00"}]}]
        ]),
        "res",
        |_| {},
    )
    .expect("after the require, the cost is at least 25.00");
    // A difference chosen only when it is not negative.
    westhaven_with(
        json!([
            ["over", {"difference": [{"answer": "goal_cost"}, {"money": "100.00"}]}],
            ["res", {"choose": {"when": {"question": "goal_cost", "at_least": "100.00"}, "then": "over", "otherwise": {"money": "0.00"}}}]
        ]),
        "res",
        |_| {},
    )
    .expect("the difference is chosen only from 100.00 up");
}

#[test]
fn one_mistake_gives_one_error_and_a_slip_gets_a_suggestion() {
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    // The points-times-price step reads "total_points"; misspell it there. The steps after
    // it that read its result, directly or not, must not be reported as well.
    let steps = value["allocation"]["steps"].as_array_mut().unwrap();
    let text = steps[2]["calc"]
        .to_string()
        .replace("\"total_points\"", "\"total_pionts\"");
    steps[2]["calc"] = serde_json::from_str(&text).unwrap();
    let issues = Scheme::from_json(&value.to_string()).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].path, "/allocation/steps/2/calc/product/0");
    assert_eq!(
        issues[0].message,
        "there is no earlier step \"total_pionts\"; did you mean \"total_points\"?"
    );
    let mut value: Value = serde_json::from_str(DEFAULT).unwrap();
    value["allocation"]["result"] = json!("within_limt");
    let issues = Scheme::from_json(&value.to_string()).unwrap_err();
    assert_eq!(
        issues[0].message,
        "there is no step \"within_limt\"; did you mean \"within_limit\"?"
    );
}

#[test]
fn a_division_states_its_rounding_and_never_divides_by_zero() {
    let divide = |by: Value, round: Option<Value>| {
        let mut step =
            json!(["each_week", {"divide": {"value": {"answer": "goal_cost"}, "by": by}}]);
        if let Some(round) = round {
            step.as_array_mut().unwrap().push(round);
        }
        westhaven_with(json!([step]), "each_week", |s| {
            s["sections"][0]["questions"].as_array_mut().unwrap().push(json!(
                {"id": "weeks", "text": {"en": "Weeks", "cy": "Wythnosau"}, "answer": {"number": {"min": 0, "max": 52, "whole": true}}}
            ))
        })
    };
    let pence = json!({"places": 2, "strategy": "half_up"});
    divide(json!({"number": "52"}), Some(pence.clone())).expect("a yearly cost over 52 weeks");
    let issues = divide(json!({"number": "52"}), None).unwrap_err();
    assert_eq!(
        (issues[0].code.as_str(), issues[0].path.as_str()),
        ("invalid_calculation", "/allocation/steps/0/calc/divide")
    );
    let issues = divide(json!({"money": "52.00"}), Some(pence.clone())).unwrap_err();
    assert_eq!(issues[0].path, "/allocation/steps/0/calc/divide/by");
    // The number of weeks can be 0, so dividing by it could divide by zero.
    let issues = divide(json!({"answer": "weeks"}), Some(pence)).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].code.as_str(), issues[0].path.as_str()),
        ("division_by_zero", "/allocation/steps/0/calc/divide/by")
    );
}
