//! Properties over every example scheme: fairness (more points never lowers the amount),
//! explanations that replay exactly, and no panic on any input.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use waymark_engine::answers::check;
use waymark_engine::scheme::AnswerKind;
use waymark_engine::{estimate, figures, replay, Answers, Scheme};
use waymark_tests::{examples, random_answers, random_date, Rng};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn more_points_never_lowers_the_amount(seed in any::<u64>()) {
        for ex in examples() {
            let s = &ex.scheme;
            let mut rng = Rng::new(seed);
            let answers = random_answers(s, &mut rng);
            let date = random_date(s, &mut rng);
            let applies = check(s, &answers).applies;
            for (_, q) in s.questions().filter(|(_, q)| q.monotonic) {
                let options: Vec<(serde_json::Value, _)> = match &q.answer {
                    AnswerKind::Choice(o) => o.iter().map(|o| (o.id.clone().into(), o.points)).collect(),
                    AnswerKind::YesNo(p) => vec![(true.into(), p.yes), (false.into(), p.no)],
                    _ => continue,
                };
                if !answers.0.contains_key(&q.id) {
                    continue;
                }
                let amounts: Vec<_> = options
                    .iter()
                    .filter_map(|(value, points)| {
                        let mut changed = answers.clone();
                        changed.set(&q.id, value.clone());
                        let same_questions = check(s, &changed).applies == applies;
                        // An answer that needs a conversation has no amount to compare.
                        let f = figures(s, &changed, date)
                            .ok()
                            .filter(|f| same_questions && !f.conversation)?;
                        Some((*points, f.annual, value.clone()))
                    })
                    .collect();
                for a in &amounts {
                    for b in &amounts {
                        prop_assert!(
                            !(a.0 < b.0 && a.1 > b.1),
                            "{}: question {}: {} ({} points) gives {} but {} ({} points) gives {}",
                            ex.name, q.id, a.2, a.0, a.1, b.2, b.0, b.1
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_figures_alone_are_the_explained_amounts(seed in any::<u64>()) {
        for ex in examples() {
            let mut rng = Rng::new(seed);
            let answers = random_answers(&ex.scheme, &mut rng);
            let date = random_date(&ex.scheme, &mut rng);
            let e = estimate(&ex.scheme, &answers, date).map_err(|i| TestCaseError::fail(format!("{}: {i:?}", ex.name)))?;
            let f = figures(&ex.scheme, &answers, date).map_err(|i| TestCaseError::fail(format!("{}: {i:?}", ex.name)))?;
            prop_assert_eq!((f.eligible, f.annual, f.weekly), (e.eligible, e.annual, e.weekly));
        }
    }

    #[test]
    fn explanations_replay_to_the_amounts_exactly(seed in any::<u64>()) {
        for ex in examples() {
            let mut rng = Rng::new(seed);
            let answers = random_answers(&ex.scheme, &mut rng);
            let date = random_date(&ex.scheme, &mut rng);
            let e = estimate(&ex.scheme, &answers, date).map_err(|i| TestCaseError::fail(format!("{}: {i:?}", ex.name)))?;
            let r = replay(&e.explanation).map_err(|err| TestCaseError::fail(format!("{}: {err:?}", ex.name)))?;
            prop_assert_eq!(r.eligible, e.eligible);
            prop_assert_eq!(r.results.get("annual"), Some(&e.annual.0));
            prop_assert_eq!(r.results.get("weekly").copied(), e.weekly.map(|w| w.0));
            let total = e.explanation.iter().filter(|s| s.id == "annual").count();
            prop_assert_eq!(total, 1);
        }
    }

    #[test]
    fn any_answers_give_an_estimate_or_issues(values in prop::collection::vec((0usize..40, json_value()), 0..30), seed in any::<u64>()) {
        for ex in examples() {
            let ids: Vec<String> = ex.scheme.questions().map(|(_, q)| q.id.clone()).chain(["nonsense".to_owned()]).collect();
            let mut answers = random_answers(&ex.scheme, &mut Rng::new(seed));
            for (i, value) in &values {
                answers.set(&ids[i % ids.len()], value.clone());
            }
            let date = random_date(&ex.scheme, &mut Rng::new(seed));
            match estimate(&ex.scheme, &answers, date) {
                Ok(e) => prop_assert!(replay(&e.explanation).is_ok()),
                Err(issues) => prop_assert!(issues.iter().all(|i| !i.code.is_empty() && !i.message.is_empty())),
            }
        }
    }

    #[test]
    fn any_text_is_refused_or_loaded_without_panic(text in ".{0,200}") {
        let _ = Scheme::from_json(&text);
        let _ = Answers::from_json(&text);
    }

    #[test]
    fn mutated_schemes_load_or_are_refused_without_panic(seed in any::<u64>(), replacement in json_value()) {
        for ex in examples() {
            let mut value: serde_json::Value = serde_json::from_str(ex.text).unwrap();
            let mut rng = Rng::new(seed);
            mutate(&mut value, &mut rng, replacement.clone());
            if let Ok(scheme) = Scheme::from_json(&value.to_string()) {
                let answers = random_answers(&scheme, &mut rng);
                let date = random_date(&scheme, &mut rng);
                if let Ok(e) = estimate(&scheme, &answers, date) {
                    prop_assert!(replay(&e.explanation).is_ok());
                }
            }
        }
    }
}

/// Replaces one randomly chosen leaf of a JSON tree.
fn mutate(value: &mut serde_json::Value, rng: &mut Rng, replacement: serde_json::Value) {
    match value {
        serde_json::Value::Object(map) if !map.is_empty() => {
            let i = rng.below(map.len() as u64) as usize;
            if let Some((_, v)) = map.iter_mut().nth(i) {
                mutate(v, rng, replacement);
            }
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len() as u64) as usize;
            mutate(&mut items[i], rng, replacement);
        }
        leaf => *leaf = replacement,
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        "[a-z0-9._-]{0,12}".prop_map(serde_json::Value::from),
        "-?[0-9]{1,30}(\\.[0-9]{1,30})?".prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]
}
