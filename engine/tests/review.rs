//! Reviews of a plan: built from what a person said, read back strictly, and checked
//! against the scheme and the plan they review, with every problem at its JSON Pointer.

use waymark_engine::plan::Plan;
use waymark_engine::review::{self, GoalReview, Review, Said};
use waymark_engine::submission::Consent;
use waymark_engine::{Date, Scheme};

fn scheme() -> Scheme {
    let text = include_str!("../../www/schemes/eastbrook-substance-misuse-2026.json");
    Scheme::from_json(text).unwrap_or_else(|e| panic!("{e:?}"))
}

fn plan() -> Plan {
    Plan::from_json(include_str!("../../www/plans/eastbrook-recovery.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn goal(id: &str, progress: &str, used: &[&str], not_used: &[&str]) -> GoalReview {
    GoalReview {
        goal: id.into(),
        progress: progress.into(),
        in_own_words: "Most weeks I go".into(),
        helped: "The same worker each time".into(),
        got_in_the_way: "The bus".into(),
        supports_used: used.iter().map(|s| s.to_string()).collect(),
        supports_not_used: not_used.iter().map(|s| s.to_string()).collect(),
        change: String::new(),
    }
}

/// A review of the Eastbrook example plan made three months in.
fn review(goals: Vec<GoalReview>) -> Review {
    let scheme = scheme();
    review::build(
        &scheme,
        &plan(),
        Said {
            goals,
            contingency_used: Some(true),
            notes: String::new(),
        },
        review::Envelope {
            date: Date::new(2026, 10, 5).unwrap_or_else(|| panic!("a date")),
            language: "en".into(),
            consent: Consent {
                agreed: vec!["I agree to send this information to Eastbrook".into()],
                at: "2026-10-05T10:00:00Z".into(),
            },
            app_version: "test".into(),
            idempotency_key: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        },
    )
}

fn problems(review: &Review) -> Vec<(String, String)> {
    review::verify(&scheme(), review)
        .into_iter()
        .map(|d| (d.path, d.message))
        .collect()
}

#[test]
fn a_review_of_two_goals_is_verified_and_reads_back_the_same() {
    let r = review(vec![
        goal(
            "mood",
            "some_progress",
            &["counselling", "gym"],
            &["acupuncture"],
        ),
        goal("home", "achieved", &["tenancy"], &[]),
    ]);
    assert_eq!(problems(&r), []);
    assert_eq!(r.format, "waymark-review");
    assert_eq!(r.version, 1);
    assert_eq!(r.plan_hash.len(), 64);
    let text = serde_json::to_string(&r).unwrap_or_default();
    assert_eq!(Review::from_json(&text), Ok(r));
}

#[test]
fn goals_and_supports_must_be_the_plans_and_the_progress_on_the_scale() {
    let r = review(vec![
        goal("mood", "going_well", &["tenancy"], &["nothing"]),
        goal("sleep", "achieved", &[], &[]),
        goal("kids", "achieved", &["fares"], &["fares"]),
        goal("kids", "achieved", &[], &[]),
    ]);
    let found = problems(&r);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/goals/0/progress",
            "/goals/0/supports_used/0",
            "/goals/0/supports_not_used/0",
            "/goals/1/goal",
            "/goals/2/supports_not_used/0",
            "/goals/3/goal",
        ]
    );
}

#[test]
fn a_changed_plan_no_longer_matches_its_hash_and_long_words_are_refused() {
    let mut r = review(vec![goal("mood", "achieved", &[], &[])]);
    r.plan.goals[0].text.push_str(" and more");
    r.goals[0].helped = "x".repeat(4001);
    r.idempotency_key = "1".into();
    let found = problems(&r);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["/plan_hash", "/goals/0/helped", "/idempotency_key"]);
    assert_eq!(
        found[1].1,
        "this is 4001 characters long, and the most is 4000"
    );
}

#[test]
fn unknown_fields_and_other_versions_are_refused() {
    let r = review(vec![goal("mood", "achieved", &[], &[])]);
    let mut value = serde_json::to_value(&r).unwrap_or_default();
    value["goals"][0]["mood"] = serde_json::json!("fine");
    let issues = Review::from_json(&value.to_string())
        .err()
        .unwrap_or_default();
    assert_eq!(issues[0].path, "/goals/0/mood");
    value["version"] = serde_json::json!(2);
    let issues = Review::from_json(&value.to_string())
        .err()
        .unwrap_or_default();
    assert_eq!(issues[0].code, "unsupported_version");
}
