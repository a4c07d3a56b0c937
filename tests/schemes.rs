//! The example schemes: they load, have enough test cases, and stay tidy. Their cases
//! run in `agreement.rs`, on both targets.

use std::collections::BTreeSet;
use waymark_tests::examples;

#[test]
fn every_example_has_at_least_ten_cases_including_an_error_case() {
    for ex in examples() {
        let cases = &ex.cases.cases;
        assert!(cases.len() >= 10, "{} has {} cases", ex.name, cases.len());
        assert!(
            cases.iter().any(|c| !c.expect.issues.is_empty()),
            "{} has no error case",
            ex.name
        );
        assert_eq!(ex.cases.scheme, format!("{}.json", ex.name));
    }
}

#[test]
fn every_dated_change_is_tested_on_both_sides() {
    for ex in examples() {
        let dates: BTreeSet<_> = ex.cases.cases.iter().map(|c| c.date).collect();
        for p in &ex.scheme.parameters {
            for change in p.values.iter().skip(1).map(|v| v.from) {
                let before =
                    waymark_engine::Date::from_days_since_epoch(change.days_since_epoch() - 1);
                assert!(
                    dates.contains(&change) && before.is_some_and(|d| dates.contains(&d)),
                    "{}: parameter {} changes on {change}: test the day before and the day itself",
                    ex.name,
                    p.id
                );
            }
        }
    }
}

/// PolicyEngine-style code health: the things a person or an auditor reads are there.
#[test]
fn every_example_names_its_sources_and_explains_itself() {
    for ex in examples() {
        let s = &ex.scheme;
        assert!(!s.references.is_empty(), "{} has no references", ex.name);
        for p in &s.parameters {
            for v in &p.values {
                assert!(
                    v.reference.is_some(),
                    "{}: {} from {} has no reference",
                    ex.name,
                    p.id,
                    v.from
                );
            }
        }
        for language in &s.languages {
            for step in &s.allocation.steps {
                assert!(
                    !step.label.get(language).trim().is_empty(),
                    "{}: step {} has no label in {language}",
                    ex.name,
                    step.id
                );
            }
            for (_, q) in s.questions() {
                assert!(
                    q.text.get(language).trim().ends_with('?'),
                    "{}: question {} is not a question in {language}",
                    ex.name,
                    q.id
                );
            }
        }
        assert!(
            s.json_schema.as_deref() == Some("../scheme.schema.json"),
            "{}: $schema",
            ex.name
        );
    }
}

/// Welsh councils and NHS Wales must offer their services in Welsh as well as English:
/// the default scheme and one other show how.
#[test]
fn the_default_scheme_and_one_other_are_in_welsh_and_english() {
    let bilingual: Vec<&str> = examples()
        .iter()
        .filter(|ex| ex.scheme.languages == ["en", "cy"])
        .map(|ex| ex.name)
        .collect();
    assert!(
        bilingual.contains(&"northvale-recovery-2026"),
        "{bilingual:?}"
    );
    assert!(bilingual.len() >= 2, "{bilingual:?}");
}

#[test]
fn the_published_json_schemas_are_current() {
    let published = [
        (
            "scheme.schema.json",
            include_str!("../www/scheme.schema.json"),
            waymark_engine::scheme_json_schema(),
        ),
        (
            "cases.schema.json",
            include_str!("../www/cases.schema.json"),
            waymark_engine::cases_json_schema(),
        ),
        (
            "plan.schema.json",
            include_str!("../www/plan.schema.json"),
            waymark_engine::plan_json_schema(),
        ),
        (
            "submission.schema.json",
            include_str!("../www/submission.schema.json"),
            waymark_engine::submission_json_schema(),
        ),
        (
            "review.schema.json",
            include_str!("../www/review.schema.json"),
            waymark_engine::review_json_schema(),
        ),
        (
            "directory.schema.json",
            include_str!("../www/directory.schema.json"),
            waymark_engine::directory_json_schema(),
        ),
    ];
    for (name, text, generated) in published {
        let fresh = format!("{}\n", serde_json::to_string_pretty(&generated).unwrap());
        if std::env::var_os("WAYMARK_BLESS").is_some() {
            std::fs::write(
                format!("{}/../www/{name}", env!("CARGO_MANIFEST_DIR")),
                &fresh,
            )
            .unwrap();
        } else {
            assert!(
                text == fresh,
                "www/{name} is out of date: run `make schemas`"
            );
        }
    }
}
