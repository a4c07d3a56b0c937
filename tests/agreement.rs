//! One engine everywhere: native and wasm builds give the same results for the same
//! inputs. Both compare against one golden file, written natively with `WAYMARK_BLESS=1`.

use waymark_engine::{estimate, replay};
use waymark_tests::{examples, random_answers, random_date, Rng};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("golden/estimates.jsonl");

/// Seeded random answers and dates for every example, with each outcome as one line.
fn outcomes() -> String {
    let mut out = String::new();
    for ex in examples() {
        for seed in 0..25u64 {
            let mut rng = Rng::new(seed);
            let answers = random_answers(&ex.scheme, &mut rng);
            let date = random_date(&ex.scheme, &mut rng);
            let line = match estimate(&ex.scheme, &answers, date) {
                Ok(e) => {
                    let replayed = replay(&e.explanation)
                        .ok()
                        .and_then(|r| r.results.get("annual").copied());
                    serde_json::json!({
                        "scheme": ex.name, "seed": seed, "date": date,
                        "eligible": e.eligible, "annual": e.annual, "weekly": e.weekly,
                        "replayed": replayed.map(|d| d.to_string()),
                        "steps": e.explanation.iter().map(|s| s.result.to_string()).collect::<Vec<_>>(),
                    })
                }
                Err(issues) => serde_json::json!({
                    "scheme": ex.name, "seed": seed, "date": date,
                    "issues": issues.iter().map(|i| i.code.clone()).collect::<Vec<_>>(),
                }),
            };
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    out
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn results_match_the_golden_file() {
    let fresh = outcomes();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("WAYMARK_BLESS").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/golden/estimates.jsonl"),
            &fresh,
        )
        .unwrap();
        return;
    }
    for (i, (got, want)) in fresh.lines().zip(GOLDEN.lines()).enumerate() {
        assert_eq!(
            got,
            want,
            "line {} differs from tests/golden/estimates.jsonl",
            i + 1
        );
    }
    assert_eq!(
        fresh.lines().count(),
        GOLDEN.lines().count(),
        "run with WAYMARK_BLESS=1 natively"
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_example_case_passes_on_this_target() {
    for ex in examples() {
        for case in &ex.cases.cases {
            let differences = waymark_engine::cases::run_case(&ex.scheme, case);
            assert!(
                differences.is_empty(),
                "{}: {}: {differences:?}",
                ex.name,
                case.name
            );
        }
    }
}
