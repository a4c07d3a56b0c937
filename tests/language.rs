//! The scheme language's newer operations, checked on the fifth example scheme (Riverbend,
//! a fictional weighted formula in US dollars): options-table lookups, weighted sums,
//! conditions over several answers, money from a number, other currencies, a yearly-only
//! scheme, a level that needs a conversation, and practitioner's adjustments with reasons.

use serde_json::{json, Value};
use waymark_engine::explain::{Op, Source};
use waymark_engine::fairness::{monotonicity, Monotonic};
use waymark_engine::{estimate, replay, Answers, Date, Issue, Scheme};

const RIVERBEND: &str = include_str!("../www/schemes/riverbend-individual-budget-2027.json");

fn riverbend() -> Value {
    serde_json::from_str(RIVERBEND).unwrap()
}

fn load(s: &Value) -> Result<Scheme, Vec<Issue>> {
    Scheme::from_json(&s.to_string())
}

/// The one issue a changed scheme is refused with: its code and path.
fn refused(s: &Value) -> (String, String, String) {
    let issues = load(s).expect_err("the scheme should be refused");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let i = &issues[0];
    (i.code.clone(), i.path.clone(), i.message.clone())
}

fn answers(value: Value) -> Answers {
    serde_json::from_value(value).unwrap()
}

fn date() -> Date {
    "2026-09-01".parse().unwrap()
}

fn base_answers() -> Value {
    json!({"age_group": "age_22_64", "living": "own_home", "daily_living": "some",
           "behaviour": "occasional", "health": "some"})
}

/// The position of a step or parameter by id.
fn position(list: &Value, id: &str) -> usize {
    list.as_array()
        .unwrap()
        .iter()
        .position(|x| x["id"] == id)
        .unwrap()
}

#[test]
fn a_lookup_reads_the_option_chosen_and_names_it_in_the_explanation() {
    let scheme = load(&riverbend()).unwrap();
    let mut given = base_answers();
    given["living"] = json!("supported");
    let e = estimate(&scheme, &answers(given), date()).unwrap();
    let step = e.explanation.iter().find(|s| s.id == "setting").unwrap();
    assert_eq!(step.kind, Op::Lookup);
    assert_eq!(step.result.to_string(), "1.10");
    assert_eq!(
        step.answer.as_ref().unwrap().answer,
        Some(json!("supported"))
    );
    match &step.inputs[0].source {
        Source::Parameter {
            parameter, option, ..
        } => {
            assert_eq!(parameter, "setting_factor");
            assert_eq!(option.as_deref(), Some("supported"));
        }
        other => panic!("{other:?}"),
    }
    // 135 × 1.1 × 1, squared: 22,052.25.
    assert_eq!(e.annual.to_string(), "22052.25");
}

#[test]
fn an_options_table_must_name_every_option_and_nothing_else() {
    let mut s = riverbend();
    let p = position(&s["parameters"], "setting_factor");
    let options = s["parameters"][p]["values"][0]["options"]
        .as_object_mut()
        .unwrap();
    options.remove("group_home");
    options.insert("supportd".into(), json!("1.10"));
    let issues = load(&s).unwrap_err();
    let found: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    let at = format!("/parameters/{p}/values/0/options");
    let unknown = format!("{at}/supportd");
    assert_eq!(
        found,
        [
            ("missing_value", at.as_str()),
            ("unknown_option", unknown.as_str())
        ]
    );
    assert!(issues[1].message.contains("did you mean \"supported\"?"));
}

#[test]
fn a_lookup_of_a_question_that_may_not_be_asked_needs_otherwise() {
    let mut s = riverbend();
    let sections = s["sections"].as_array_mut().unwrap();
    sections[0]["questions"][1]["show_if"] =
        json!({"question": "age_group", "any_of": ["age_18_21"]});
    let (code, path, _) = refused(&s);
    let step = position(&s["allocation"]["steps"], "setting");
    assert_eq!(code, "missing_value");
    assert_eq!(
        path,
        format!("/allocation/steps/{step}/calc/lookup/otherwise")
    );
    s["allocation"]["steps"][step]["calc"]["lookup"]["otherwise"] = json!({"number": "1"});
    let scheme = load(&s).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    let setting = e.explanation.iter().find(|x| x.id == "setting").unwrap();
    assert_eq!(setting.answer.as_ref().unwrap().answer, None);
    assert_eq!(setting.inputs[0].source, Source::Fixed);
}

#[test]
fn an_options_table_is_read_only_by_a_lookup_of_a_choice() {
    let mut s = riverbend();
    let step = position(&s["allocation"]["steps"], "setting");
    s["allocation"]["steps"][step]["calc"] = json!({"sum": [{"param": "setting_factor"}]});
    let (code, path, message) = refused(&s);
    assert_eq!(code, "invalid_calculation");
    assert_eq!(path, format!("/allocation/steps/{step}/calc/sum/0"));
    assert!(message.contains("read it with a lookup step"), "{message}");

    let mut s = riverbend();
    s["allocation"]["steps"][step]["calc"] =
        json!({"lookup": {"question": "local_market_uplift", "table": "setting_factor"}});
    let (_, path, message) = refused(&s);
    assert_eq!(
        path,
        format!("/allocation/steps/{step}/calc/lookup/question")
    );
    assert!(message.contains("is not a choice"), "{message}");
}

#[test]
fn a_weighted_sum_is_one_step_that_replays_exactly() {
    let scheme = load(&riverbend()).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    let score = e.explanation.iter().find(|s| s.id == "score").unwrap();
    assert_eq!(score.kind, Op::Weighted);
    // 90 + 12 × 2 + 10 × 1 + 9 × 1 + 2 × 1 + 25 × 0.
    let values: Vec<String> = score.inputs.iter().map(|i| i.value.to_string()).collect();
    assert_eq!(
        values,
        ["90", "12", "2", "10", "1", "9", "1", "2", "1", "25", "0"]
    );
    assert_eq!(score.result.to_string(), "135");
    let replayed = replay(&e.explanation).unwrap();
    assert_eq!(replayed.results["annual"], e.annual.0);
}

#[test]
fn a_weighted_sum_refuses_money_times_money_and_mixed_units() {
    let mut s = riverbend();
    let step = position(&s["allocation"]["steps"], "score");
    s["allocation"]["steps"][step]["calc"] = json!({"weighted": {"terms": [
        {"weight": {"money": "2.00"}, "value": {"answer": "local_market_uplift"}}]}});
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path),
        (
            "invalid_calculation",
            format!("/allocation/steps/{step}/calc/weighted/terms/0")
        )
    );
    s["allocation"]["steps"][step]["calc"] = json!({"weighted": {"base": {"money": "1.00"}, "terms": [
        {"weight": {"number": "2"}, "value": {"points": "health"}}]}});
    let (_, _, message) = refused(&s);
    assert!(
        message.contains("cannot mix money and numbers"),
        "{message}"
    );
    s["allocation"]["steps"][step]["calc"] = json!({"weighted": {"terms": []}});
    let (_, path, _) = refused(&s);
    assert_eq!(
        path,
        format!("/allocation/steps/{step}/calc/weighted/terms")
    );
}

#[test]
fn conditions_combine_answers_with_all_any_and_not() {
    let scheme = load(&riverbend()).unwrap();
    let overnight = scheme.question_index("overnight_awake").unwrap();
    let asked = |behaviour: &str, health: &str| {
        let mut given = base_answers();
        given["behaviour"] = json!(behaviour);
        given["health"] = json!(health);
        waymark_engine::answers::check(&scheme, &answers(given)).applies[overnight]
    };
    // Asked when either need is there every day (any).
    assert!(asked("daily", "none"));
    assert!(asked("none", "skilled"));
    assert!(!asked("weekly", "some"));
    // The supplement needs the age and not living with family (all, not).
    let supplement = |age: &str, living: &str| {
        let mut given = base_answers();
        given["age_group"] = json!(age);
        given["living"] = json!(living);
        let e = estimate(&scheme, &answers(given), date()).unwrap();
        let step = e
            .explanation
            .into_iter()
            .find(|s| s.id == "transition")
            .unwrap();
        let read: Vec<String> = step
            .condition
            .unwrap()
            .answers
            .iter()
            .map(|a| a.question.clone())
            .collect();
        assert_eq!(read, ["age_group", "living"]);
        step.result.to_string()
    };
    assert_eq!(supplement("age_18_21", "supported"), "1500.00");
    assert_eq!(supplement("age_18_21", "family"), "0.00");
    assert_eq!(supplement("age_22_64", "supported"), "0.00");
}

#[test]
fn a_condition_is_one_test_or_one_combination_not_deeper_than_six() {
    let mut s = riverbend();
    let at = "/sections/1/questions/3/show_if";
    s["sections"][1]["questions"][3]["show_if"] = json!({"question": "health", "any_of": ["daily"], "all": [{"question": "health", "any_of": ["daily"]}]});
    assert_eq!(refused(&s).1, at);
    s["sections"][1]["questions"][3]["show_if"] = json!({"any": []});
    assert_eq!(refused(&s).1, format!("{at}/any"));
    s["sections"][1]["questions"][3]["show_if"] = json!({"any_of": ["daily"]});
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path),
        ("missing_value", format!("{at}/question"))
    );
    let mut deep = json!({"question": "health", "any_of": ["daily"]});
    for _ in 0..7 {
        deep = json!({"not": deep});
    }
    s["sections"][1]["questions"][3]["show_if"] = deep;
    let (code, _, message) = refused(&s);
    assert_eq!(code, "invalid_condition");
    assert!(message.contains("at most 6 levels"), "{message}");
    s["sections"][1]["questions"][3]["show_if"] =
        json!({"all": [{"question": "helth", "any_of": ["daily"]}]});
    let (code, path, message) = refused(&s);
    assert_eq!(
        (code.as_str(), path),
        ("unknown_question", format!("{at}/all/0/question"))
    );
    assert!(message.contains("did you mean \"health\"?"), "{message}");
}

#[test]
fn money_from_a_number_takes_a_number_only() {
    let scheme = load(&riverbend()).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    let formula = e.explanation.iter().find(|s| s.id == "formula").unwrap();
    assert_eq!(formula.kind, Op::AsMoney);
    assert_eq!(formula.result.to_string(), "18225.00");
    let mut s = riverbend();
    let step = position(&s["allocation"]["steps"], "formula");
    s["allocation"]["steps"][step]["calc"] = json!({"as_money": "transition"});
    s["allocation"]["steps"]
        .as_array_mut()
        .unwrap()
        .swap(step, step + 1);
    let (_, _, message) = refused(&s);
    assert!(message.contains("as_money takes a number"), "{message}");
}

#[test]
fn a_scheme_names_any_iso_4217_currency_and_rounds_within_its_smallest_unit() {
    let scheme = load(&riverbend()).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    assert_eq!(e.currency, "USD");
    let mut s = riverbend();
    s["currency"] = json!("XYZ");
    let issues = load(&s).unwrap_err();
    assert!(
        issues[0].message.contains("not an ISO 4217 currency code"),
        "{issues:?}"
    );
    let mut s = riverbend();
    s["rounding"] = json!({"places": 3, "strategy": "half_up"});
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_rounding", "/rounding/places")
    );
    let mut s = riverbend();
    s["currency"] = json!("JPY");
    s["rounding"] = json!({"places": 0, "strategy": "half_up"});
    for step in s["allocation"]["steps"].as_array_mut().unwrap() {
        if step.get("round").is_some() {
            step["round"] = json!({"places": 0, "strategy": "half_up"});
        }
    }
    let p = position(&s["parameters"], "transition_supplement");
    s["parameters"][p]["values"][0]["value"] = json!("150000");
    let scheme = load(&s).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    assert_eq!(
        (e.currency.as_str(), e.annual.to_string().as_str()),
        ("JPY", "18225")
    );
}

#[test]
fn a_yearly_scheme_without_weeks_has_no_weekly_amount_and_a_weekly_one_needs_them() {
    let scheme = load(&riverbend()).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    assert_eq!(e.weekly, None);
    assert!(e.explanation.iter().all(|s| s.id != "weekly"));
    let mut s = riverbend();
    s["period"] = json!("weekly");
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("missing_value", "/weeks_per_year")
    );
    let mut s = riverbend();
    s["weeks_per_year"] = json!("52");
    let scheme = load(&s).unwrap();
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    assert_eq!(e.weekly.map(|w| w.to_string()).as_deref(), Some("350.48"));
}

#[test]
fn a_level_for_a_conversation_gives_no_amount_and_replays() {
    let scheme = load(&riverbend()).unwrap();
    let given = json!({"age_group": "age_22_64", "living": "group_home", "daily_living": "all",
        "behaviour": "constant", "health": "skilled", "overnight_awake": true});
    let e = estimate(&scheme, &answers(given), date()).unwrap();
    assert!(e.conversation && e.eligible && !e.has_amount());
    assert_eq!(e.annual.to_string(), "0.00");
    let kinds: Vec<Op> = e.explanation.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [Op::Product, Op::Weighted, Op::Refer, Op::Conversation]
    );
    assert_eq!(e.explanation[2].passed, Some(true));
    let replayed = replay(&e.explanation).unwrap();
    assert!(replayed.conversation && replayed.eligible);
    let mut s = riverbend();
    s["text"].as_object_mut().unwrap().remove("conversation");
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("missing_text", "/text/conversation")
    );
}

#[test]
fn a_practitioners_adjustment_keeps_its_reason_in_the_explanation() {
    let scheme = load(&riverbend()).unwrap();
    let mut given = base_answers();
    given["local_market_uplift"] =
        json!({"answer": "2400.00", "reason": "  No worker at the county rate in Pine Hollow.  "});
    let e = estimate(&scheme, &answers(given.clone()), date()).unwrap();
    assert_eq!(e.annual.to_string(), "20625.00");
    let total = e.explanation.iter().find(|s| s.id == "total").unwrap();
    assert_eq!(
        total.inputs[2].source,
        Source::Answer {
            question: "local_market_uplift".into(),
            reason: Some("No worker at the county rate in Pine Hollow.".into()),
        }
    );
    let codes = |value: Value| {
        let mut given = base_answers();
        given["local_market_uplift"] = value;
        estimate(&scheme, &answers(given), date())
            .unwrap_err()
            .into_iter()
            .map(|i| (i.code, i.path))
            .collect::<Vec<_>>()
    };
    let at = "/local_market_uplift".to_owned();
    assert_eq!(
        codes(json!("2400.00")),
        [("missing_reason".into(), at.clone())]
    );
    assert_eq!(
        codes(json!({"answer": "2400.00", "reason": " "})),
        [("missing_reason".into(), at.clone())]
    );
    assert_eq!(
        codes(json!({"answer": "2400.00", "reason": "x".repeat(2001)})),
        [("too_large".into(), at.clone())]
    );
    assert_eq!(
        codes(json!({"answer": "2400.00", "reason": "r", "by": "me"})),
        [("invalid_answer".into(), at)]
    );
    // Left out, the adjustment is not made, and that is no error.
    let e = estimate(&scheme, &answers(base_answers()), date()).unwrap();
    assert_eq!(e.annual.to_string(), "18225.00");
}

#[test]
fn only_a_number_or_an_amount_can_be_a_practitioners_adjustment_and_no_condition_tests_one() {
    let mut s = riverbend();
    s["sections"][1]["questions"][0]["practitioner"] = json!(true);
    let (code, path, _) = refused(&s);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_question", "/sections/1/questions/0/practitioner")
    );
    // Nor may a condition test one: a person's own assessment leaves it unanswered.
    let mut s = riverbend();
    s["sections"][1]["questions"][3]["show_if"] =
        json!({"question": "local_market_uplift", "at_least": "1"});
    s["sections"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .swap(3, 3);
    let uplift = s["sections"][2]["questions"][0].clone();
    s["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(uplift);
    s["sections"][2]["questions"][0]["id"] = json!("other_uplift");
    let (code, path, message) = refused(&s);
    assert_eq!(
        (code.as_str(), path.as_str()),
        (
            "invalid_condition",
            "/sections/1/questions/3/show_if/question"
        )
    );
    assert!(message.contains("practitioner's adjustment"), "{message}");
}

#[test]
fn monotonicity_follows_a_lookup_by_its_options_points() {
    // With the setting factors rising with points, the structure proves it (once the
    // supplement no longer reads where a person lives).
    let mut s = riverbend();
    let transition = position(&s["allocation"]["steps"], "transition");
    s["allocation"]["steps"][transition]["calc"]["choose"]["when"] =
        json!({"question": "age_group", "any_of": ["age_18_21"]});
    s["sections"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .truncate(3);
    let step = position(&s["allocation"]["steps"], "score");
    s["allocation"]["steps"][step]["calc"]["weighted"]["terms"]
        .as_array_mut()
        .unwrap()
        .truncate(4);
    let points = ["0", "1", "2", "3"];
    for (option, p) in s["sections"][0]["questions"][1]["answer"]["choice"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(points)
    {
        option["points"] = json!(p);
    }
    assert_eq!(
        monotonicity(&load(&s).unwrap(), 100, 1),
        Ok(Monotonic::Proved)
    );
    // With more points in a setting whose factor is lower, a counterexample is found.
    let p = position(&s["parameters"], "setting_factor");
    s["parameters"][p]["values"][0]["options"]["group_home"] = json!("0.80");
    let found = monotonicity(&load(&s).unwrap(), 100, 1).unwrap_err();
    assert_eq!(found.question, "living");
    assert!(found.more_amount < found.fewer_amount);
}
