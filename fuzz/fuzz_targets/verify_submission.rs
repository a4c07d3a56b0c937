//! Verifies submissions as a receiver does, consent words and all: an input that reads as
//! a submission is verified against the example scheme it names (nothing may panic, and it
//! verifies the same after a trip through its own JSON); any other input is answers,
//! optionally followed by a NUL byte and a plan, and a submission built from them with
//! each example scheme, in the words the app records, reads back from its JSON unchanged
//! and verifies with no differences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use waymark::words::Deployment;
use waymark_engine::plan::Plan;
use waymark_engine::submission::{build, Consent, Envelope, Extras, Submission};
use waymark_engine::{Answers, Scheme};
use waymark_fuzz::{date_for, parts, EXAMPLES};

/// The built-in catalogues, read once.
static DEPLOYMENT: LazyLock<Deployment> =
    LazyLock::new(|| Deployment::load(None).expect("the built-in catalogues read"));

fn verify(scheme: &Scheme, submitted: &Submission) -> Vec<waymark_engine::submission::Difference> {
    waymark::verify::check(scheme, &DEPLOYMENT, submitted)
}

fn verify_submitted(submitted: &Submission) {
    let scheme = EXAMPLES
        .iter()
        .find(|s| s.id == submitted.scheme.id)
        .unwrap_or(&EXAMPLES[0]);
    let differences = verify(scheme, submitted);
    let written = serde_json::to_string(submitted).expect("a submission is written out");
    let again = Submission::from_json(&written).expect("a submission reads back");
    assert_eq!(verify(scheme, &again), differences);
}

fn build_and_verify(scheme: &Scheme, answers: &Answers, plan: Option<&Plan>, data: &[u8]) {
    let extras = Extras {
        plan: plan.cloned(),
        disagreement: Some("I think my needs are higher".into()),
    };
    let language = scheme.default_language();
    let Some(words) = DEPLOYMENT.catalogue(language) else {
        return;
    };
    let envelope = Envelope {
        date: date_for(scheme, data),
        language: language.to_owned(),
        consent: Consent {
            agreed: waymark_words::consent::agreed(words, scheme, plan.is_some(), true),
            at: "2026-06-01T10:00:00Z".into(),
        },
        app_version: "0.0.0".into(),
        idempotency_key: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
    };
    let Ok(built) = build(scheme, answers, extras, envelope) else {
        return;
    };
    let written = serde_json::to_string(&built).expect("a submission is written out");
    let read = Submission::from_json(&written).expect("a built submission reads back");
    assert_eq!(read, built);
    assert_eq!(verify(scheme, &read), []);
}

fuzz_target!(|data: &[u8]| {
    let text = std::str::from_utf8(data).unwrap_or_default();
    if let Ok(submitted) = Submission::from_json(text) {
        verify_submitted(&submitted);
        return;
    }
    let (answers_text, plan_text) = match parts(data) {
        (Some(answers), plan) => (answers, Some(plan)),
        (None, answers) => (answers, None),
    };
    let Ok(answers) = Answers::from_json(&answers_text) else {
        return;
    };
    let plan = match plan_text.as_deref().map(Plan::from_json) {
        Some(Ok(plan)) => Some(plan),
        Some(Err(_)) => return,
        None => None,
    };
    for scheme in EXAMPLES.iter() {
        build_and_verify(scheme, &answers, plan.as_ref(), data);
    }
});
