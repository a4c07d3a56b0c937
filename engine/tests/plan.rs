//! Plan costing and each plan rule, through one `check` helper on a small scheme.

use serde_json::{json, Value};
use waymark_engine::plan::{validate_plan, Detail, Plan, PlanReport};
use waymark_engine::{Money, Scheme};

fn scheme(period: &str) -> Scheme {
    let text = json!({
        "id": "small", "version": "1", "title": "Small", "owner": "Testshire Council",
        "applies_from": "2026-04-01", "currency": "GBP", "period": period, "weeks_per_year": "52",
        "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
        "sections": [
            {"id": "wellbeing", "title": "Wellbeing", "questions": [{"id": "q", "text": "Q?", "answer": {"yes_no": {"yes": 1, "no": 0}}}]},
            {"id": "family", "title": "Family", "questions": [{"id": "r", "text": "R?", "answer": {"yes_no": {"yes": 1, "no": 0}}}]}
        ],
        "allocation": {"steps": [{"id": "m", "label": "M", "calc": {"product": [{"points": "q"}, {"money": "100.00"}]}}], "result": "m"},
        "plan": {
            "rounding": {"places": 2, "strategy": "half_up"},
            "categories": [
                {"id": "therapy", "label": "Talking therapies"},
                {"id": "equipment", "label": "Equipment", "approval_over": "500.00"},
                {"id": "relative", "label": "Paying a relative", "needs_approval": true},
                {"id": "gambling", "label": "Gambling", "excluded": true},
                {"id": "free", "label": "Free help"}
            ],
            "holding": [
                {"kind": "direct_payment", "label": "A direct payment"},
                {"kind": "third_party", "label": "A third party", "condition": "If someone you trust agrees"}
            ],
            "checks": [
                {"code": "over_budget", "severity": "blocks", "message": "Over budget.", "rule": {"over_budget": {"tolerance_percent": "5"}}},
                {"code": "unlinked", "severity": "blocks", "message": "Link it.", "rule": {"unlinked_support": {}}},
                {"code": "no_support", "severity": "advice", "message": "Add help.", "rule": {"goal_without_support": {}}},
                {"code": "excluded", "severity": "blocks", "message": "Not allowed.", "rule": {"excluded_category": {}}},
                {"code": "approval", "severity": "advice", "message": "Needs agreement.", "rule": {"needs_approval": {}}},
                {"code": "household", "severity": "advice", "message": "Relative.", "rule": {"relative_in_household": {}}},
                {"code": "holding", "severity": "blocks", "message": "Not offered.", "rule": {"holding_not_offered": {}}},
                {"code": "contingency", "severity": "advice", "message": "Contingency.", "rule": {"contingency_range": {"min_percent": "0", "max_percent": "10"}}},
                {"code": "review", "severity": "blocks", "message": "Review.", "rule": {"review_within": {"days": 365}}},
                {"code": "length", "severity": "blocks", "message": "Length.", "rule": {"plan_length": {"min_days": 28, "max_days": 366}}},
                {"code": "required", "severity": "blocks", "message": "Required.", "rule": {"required": {"parts": ["crisis", "holding"]}}}
            ]
        }
    });
    Scheme::from_json(&text.to_string()).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// A plan that passes every check: a year, one goal, weekly therapy at £40.
fn good_plan() -> Value {
    json!({
        "starts": "2026-06-01", "ends": "2027-05-31", "review": "2026-12-01",
        "goals": [{"id": "calm", "text": "Feel calmer", "area": "wellbeing", "measure": "Sleeping better"}],
        "supports": [{"id": "t", "description": "Therapy", "category": "therapy", "amount": "40.00", "frequency": "weekly", "goals": ["calm"], "payer": "budget"}],
        "contingency": {"amount": "100.00", "when": "A bad week"},
        "crisis": {"contacts": "My sister", "helps": "Quiet", "does_not_help": "Crowds"},
        "holding": {"kind": "direct_payment"}
    })
}

fn report(plan: &Value, budget: &str) -> PlanReport {
    let plan = Plan::from_json(&plan.to_string()).unwrap();
    validate_plan(&scheme("annual"), &plan, Money(budget.parse().unwrap()))
        .unwrap_or_else(|e| panic!("{e:#?}"))
}

/// Checks the findings' codes and paths, in order.
fn check(change: impl FnOnce(&mut Value), budget: &str, findings: &[(&str, &str)]) {
    let mut plan = good_plan();
    change(&mut plan);
    let r = report(&plan, budget);
    let got: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(got, findings);
}

#[test]
fn a_good_plan_is_costed_exactly_and_passes() {
    let r = report(&good_plan(), "2500.00");
    let c = &r.costing;
    assert_eq!(c.days, 365);
    assert_eq!(c.supports[0].per_year.to_string(), "2080.00");
    // A recurring support costs its yearly amount spread over 365 days, so a full-year
    // plan costs exactly the yearly amount: 40 × 52 × 365 / 365.
    assert_eq!(c.supports[0].over_plan.to_string(), "2080.00");
    assert_eq!(c.budget_for_plan.to_string(), "2500.00");
    assert_eq!(c.planned.to_string(), "2080.00");
    assert_eq!(c.remaining.to_string(), "320.00");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(!r.blocked);
}

#[test]
fn over_budget_allows_the_tolerance() {
    // Planned £2,080.00 + £100.00 kept aside = £2,180.00; 5% over £2,077.00 is £2,180.85,
    // and 5% over £2,076.00 is £2,179.80.
    check(|_| {}, "2077.00", &[]);
    check(|_| {}, "2076.00", &[("over_budget", "/supports")]);
    let r = report(&good_plan(), "2076.00");
    assert_eq!(
        r.findings[0].detail,
        Some(Detail::OverBudget {
            over: Money("104.00".parse().unwrap()),
            budget: Money("2076.00".parse().unwrap()),
        })
    );
    assert!(r.blocked);
}

#[test]
fn paid_supports_need_a_goal_and_goals_need_support() {
    check(
        |p| {
            p["supports"][0]["goals"] = json!([]);
        },
        "2500.00",
        &[
            ("unlinked", "/supports/0/goals"),
            ("no_support", "/goals/0"),
        ],
    );
    check(
        |p| {
            p["supports"][0]["goals"] = json!([]);
            p["supports"][0]["payer"] = json!("family_friends");
            p["supports"][0]["amount"] = json!("0.00");
        },
        "2500.00",
        &[("no_support", "/goals/0")],
    );
}

#[test]
fn excluded_and_approval_categories() {
    let add = |category: &str, amount: &str, frequency: &str| {
        let support = json!({"id": "x", "description": "X", "category": category, "amount": amount, "frequency": frequency, "goals": ["calm"], "payer": "budget"});
        move |p: &mut Value| p["supports"].as_array_mut().unwrap().push(support)
    };
    check(
        add("gambling", "1.00", "once"),
        "9000.00",
        &[("excluded", "/supports/1/category")],
    );
    check(add("equipment", "500.00", "once"), "9000.00", &[]);
    check(
        add("equipment", "500.01", "once"),
        "9000.00",
        &[("approval", "/supports/1/category")],
    );
    check(
        add("relative", "10.00", "weekly"),
        "9000.00",
        &[("approval", "/supports/1/category")],
    );
    check(
        |p| p["supports"][0]["relative_in_household"] = json!(true),
        "2500.00",
        &[("household", "/supports/0/relative_in_household")],
    );
}

#[test]
fn holding_must_be_offered() {
    check(
        |p| p["holding"] = json!({"kind": "council"}),
        "2500.00",
        &[("holding", "/holding/kind")],
    );
    check(
        |p| p["holding"] = json!({"kind": "split", "split": [{"kind": "direct_payment", "amount": "1000.00"}, {"kind": "individual_service_fund", "amount": "1400.00"}]}),
        "2500.00",
        &[("holding", "/holding/split/1/kind")],
    );
    check(
        |p| {
            p["holding"] =
                json!({"kind": "split", "split": [{"kind": "direct_payment", "amount": "2400.00"}]})
        },
        "2500.00",
        &[("holding", "/holding/split")],
    );
}

#[test]
fn contingency_review_length_and_required_parts() {
    check(
        |p| p["contingency"]["amount"] = json!("250.01"),
        "2500.00",
        &[("contingency", "/contingency/amount")],
    );
    check(
        |p| p["contingency"]["amount"] = json!("250.00"),
        "2500.00",
        &[],
    );
    check(
        |p| p["review"] = json!("2027-06-02"),
        "2500.00",
        &[("review", "/review")],
    );
    check(|p| p["review"] = json!("2027-06-01"), "2500.00", &[]);
    check(
        |p| p["ends"] = json!("2026-06-27"),
        "40000.00",
        &[("length", "/ends")],
    );
    check(|p| p["ends"] = json!("2026-06-28"), "40000.00", &[]);
    check(
        |p| {
            p.as_object_mut().unwrap().remove("crisis");
            p.as_object_mut().unwrap().remove("holding");
        },
        "2500.00",
        &[("required", "/crisis"), ("required", "/holding")],
    );
}

#[test]
fn blocking_findings_come_before_advice() {
    check(
        |p| {
            p["contingency"]["amount"] = json!("700.00");
            p["review"] = json!("2028-01-01");
        },
        "2500.00",
        &[
            ("over_budget", "/supports"),
            ("review", "/review"),
            ("contingency", "/contingency/amount"),
        ],
    );
}

#[test]
fn costs_are_shared_between_goals_and_add_up() {
    let mut plan = good_plan();
    plan["goals"].as_array_mut().unwrap().push(
        json!({"id": "kids", "text": "See the grandchildren", "area": "family", "measure": ""}),
    );
    plan["goals"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "walk", "text": "Walk more", "area": "wellbeing", "measure": ""}));
    plan["supports"] = json!([
        {"id": "a", "description": "Course", "category": "therapy", "amount": "100.00", "frequency": "once", "goals": ["calm", "kids", "walk"], "payer": "budget"},
        {"id": "b", "description": "Gym", "category": "therapy", "amount": "20.00", "units": "1.5", "frequency": "monthly", "starts": "2026-09-01", "ends": "2026-11-30", "goals": ["walk"], "payer": "budget"},
        {"id": "c", "description": "Sunday dinner", "category": "free", "amount": "0.00", "frequency": "weekly", "goals": ["kids"], "payer": "family_friends"}
    ]);
    let r = report(&plan, "2500.00");
    let c = &r.costing;
    // £100 shared three ways: £33.34, £33.33, £33.33.
    let goal = |key: &str| c.by_goal.iter().find(|g| g.key == key).unwrap();
    assert_eq!(goal("calm").per_year.to_string(), "33.34");
    assert_eq!(goal("kids").per_year.to_string(), "33.33");
    // The gym is £30 a month: £360 a year, and 91 days of the plan: 30 × 91 × 12 / 365 = £89.75.
    assert_eq!(c.supports[1].per_year.to_string(), "360.00");
    assert_eq!(c.supports[1].over_plan.to_string(), "89.75");
    assert_eq!(goal("walk").per_year.to_string(), "393.33");
    // Over the plan, the budget pays £100.00 + £89.75.
    assert_eq!(c.planned.to_string(), "189.75");
    let payer = |key: &str| c.by_payer.iter().find(|g| g.key == key).unwrap();
    assert_eq!(payer("budget").over_plan.to_string(), "189.75");
    assert_eq!(payer("family_friends").per_year.to_string(), "0.00");
}

#[test]
fn one_off_schemes_compare_the_cost_over_the_plan() {
    let plan = Plan::from_json(&good_plan().to_string()).unwrap();
    let r = validate_plan(&scheme("one_off"), &plan, Money("2500.00".parse().unwrap())).unwrap();
    assert_eq!(r.costing.planned.to_string(), "2080.00");
    assert_eq!(r.costing.budget_for_plan.to_string(), "2500.00");
}

#[test]
fn references_that_do_not_resolve_are_issues() {
    let mut plan = good_plan();
    plan["supports"][0]["category"] = json!("yachts");
    plan["supports"][0]["goals"] = json!(["fame"]);
    plan["goals"][0]["area"] = json!("space");
    plan["supports"].as_array_mut().unwrap().push(json!({"id": "late", "description": "Late", "category": "therapy",
        "amount": "1.00", "frequency": "once", "starts": "2027-06-01", "goals": [], "payer": "budget"}));
    let plan = Plan::from_json(&plan.to_string()).unwrap();
    let issues = validate_plan(&scheme("annual"), &plan, Money::ZERO).unwrap_err();
    let got: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("unknown_area", "/goals/0/area"),
            ("unknown_category", "/supports/0/category"),
            ("unknown_goal", "/supports/0/goals/0"),
            ("outside_plan", "/supports/1/starts")
        ]
    );
}

#[test]
fn bad_plan_rules_are_refused_when_the_scheme_loads() {
    let s = scheme("annual");
    let mut value = serde_json::to_value(&s).unwrap();
    value["plan"]["checks"][1]["code"] = json!("over_budget");
    value["plan"]["categories"][3]["needs_approval"] = json!(true);
    let issues = Scheme::from_json(&value.to_string()).unwrap_err();
    let got: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(got, ["/plan/categories/3", "/plan/checks/1/code"]);
}
