//! Checks reviews of plans as a receiver does, consent words and all: an input that reads
//! as a review is checked against the example scheme it names (nothing may panic, and it
//! checks the same after a trip through its own JSON); any other input is a plan, and a
//! review of it with each example scheme whose rules it meets, in the words the app
//! records, reads back from its JSON unchanged and checks with no problems.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use waymark::words::Deployment;
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::review::{self, GoalReview, Review, Said};
use waymark_engine::submission::{Consent, Difference};
use waymark_engine::{Money, Scheme};
use waymark_fuzz::EXAMPLES;

/// The built-in catalogues, read once.
static DEPLOYMENT: LazyLock<Deployment> =
    LazyLock::new(|| Deployment::load(None).expect("the built-in catalogues read"));

fn check(scheme: &Scheme, reviewed: &Review) -> Vec<Difference> {
    waymark::verify::check_review(scheme, &DEPLOYMENT, reviewed)
}

fn check_received(reviewed: &Review) {
    let scheme = EXAMPLES
        .iter()
        .find(|s| s.id == reviewed.scheme.id)
        .unwrap_or(&EXAMPLES[0]);
    let problems = check(scheme, reviewed);
    let written = serde_json::to_string(reviewed).expect("a review is written out");
    let again = Review::from_json(&written).expect("a review reads back");
    assert_eq!(check(scheme, &again), problems);
}

fn build_and_check(scheme: &Scheme, plan: &Plan) {
    if validate_plan(scheme, plan, Money::default()).is_err() {
        return;
    }
    let language = scheme.default_language();
    let Some(words) = DEPLOYMENT.catalogue(language) else {
        return;
    };
    let scale = review::scale(scheme);
    let goals = plan
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| GoalReview {
            goal: g.id.clone(),
            progress: scale[i % scale.len()].into(),
            in_own_words: g.text.chars().take(100).collect(),
            helped: String::new(),
            got_in_the_way: String::new(),
            supports_used: plan
                .supports
                .iter()
                .filter(|s| s.goals.contains(&g.id))
                .map(|s| s.id.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            supports_not_used: Vec::new(),
            change: String::new(),
        })
        .collect();
    let said = Said {
        goals,
        contingency_used: plan.contingency.as_ref().map(|_| true),
        notes: String::new(),
    };
    let envelope = review::Envelope {
        date: plan.starts,
        language: language.to_owned(),
        consent: Consent {
            agreed: waymark_words::consent::review_agreed(words, scheme),
            at: "2026-06-01T10:00:00Z".into(),
        },
        app_version: "0.0.0".into(),
        idempotency_key: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
    };
    let built = review::build(scheme, plan, said, envelope);
    let written = serde_json::to_string(&built).expect("a review is written out");
    let read = Review::from_json(&written).expect("a built review reads back");
    assert_eq!(read, built);
    assert_eq!(check(scheme, &read), []);
}

fuzz_target!(|data: &[u8]| {
    let text = std::str::from_utf8(data).unwrap_or_default();
    if let Ok(reviewed) = Review::from_json(text) {
        check_received(&reviewed);
        return;
    }
    let Ok(plan) = Plan::from_json(text) else {
        return;
    };
    for scheme in EXAMPLES.iter() {
        build_and_check(scheme, &plan);
    }
});
