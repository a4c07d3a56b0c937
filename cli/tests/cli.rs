//! The command-line tool as councils and portals use it: output and exit codes.

mod common;

use std::process::Output;

const SCHEMES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/schemes");

fn waymark(args: &[&str], stdin: Option<&str>) -> Output {
    common::run(args, stdin.map(str::as_bytes))
}

fn scheme(name: &str) -> String {
    format!("{SCHEMES}/{name}.json")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The answers of the default scheme's first test case.
fn first_case() -> (serde_json::Value, String) {
    let text =
        std::fs::read_to_string(format!("{SCHEMES}/northvale-recovery-2026.tests.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let case = &cases["cases"][0];
    (case.clone(), case["answers"].to_string())
}

#[test]
fn check_accepts_every_example_scheme() {
    let all: Vec<String> = ["northvale-recovery-2026", "eastbrook-substance-misuse-2026"]
        .iter()
        .map(|n| scheme(n))
        .collect();
    let o = waymark(&["check", &all[0], &all[1]], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for id in ["northvale-recovery", "eastbrook-substance-misuse"] {
        assert!(
            out.contains(&format!("{id} version 2026.1; more points never lower the amount: checked on 4000 sampled combinations")),
            "{out}"
        );
    }
}

#[test]
fn check_gives_a_counterexample_when_more_points_lower_the_amount() {
    let dir = std::env::temp_dir().join(format!("waymark-fair-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unfair.json");
    let scheme = serde_json::json!({
        "id": "unfair", "version": "1", "title": "Unfair", "owner": "A council",
        "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
        "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
        "sections": [{"id": "home", "title": "Home", "questions": [
            {"id": "cooking", "text": "Cooking?", "answer": {"choice": [
                {"id": "none", "label": "None", "points": 0}, {"id": "some", "label": "Some", "points": 5}]}}
        ]}],
        "allocation": {"steps": [
            {"id": "points", "label": "Points", "calc": {"points": {}}},
            {"id": "taken", "label": "Taken", "calc": {"product": ["points", {"money": "10.00"}]}},
            {"id": "left", "label": "Left", "calc": {"difference": [{"money": "500.00"}, "taken"]}}
        ], "result": "left"}
    });
    std::fs::write(&path, scheme.to_string()).unwrap();
    let o = waymark(&["check", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "unfair.json: /sections/0/questions/0: more points for \"cooking\" can lower the amount: on 2026-04-01, the answers {\"cooking\":\"none\"} give 500.00 and the answers {\"cooking\":\"some\"} give 450.00 [not_monotonic]"
        ),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_lists_every_problem_with_file_and_path() {
    let dir = std::env::temp_dir().join(format!("waymark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(scheme("northvale-recovery-2026")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["allocation"]["result"] = "nowhere".into();
    value["weeks_per_year"] = "0".into();
    std::fs::write(&bad, value.to_string()).unwrap();
    let o = waymark(&["check", bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.json: /allocation/result: there is no step \"nowhere\" [unknown_step]"),
        "{err}"
    );
    assert!(err.contains("bad.json: /weeks_per_year: "), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn test_runs_cases_and_prints_the_closing_line() {
    let o = waymark(&["test", &scheme("northvale-recovery-2026")], None);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    let last = out.lines().last().unwrap();
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
}

#[test]
fn estimate_prints_json_with_exact_amounts_as_strings() {
    let (case, answers) = first_case();
    let date = case["date"].as_str().unwrap();
    let o = waymark(
        &[
            "estimate",
            &scheme("northvale-recovery-2026"),
            "-",
            "--date",
            date,
        ],
        Some(&answers),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(e["scheme"]["id"], "northvale-recovery");
    assert_eq!(e["scheme"]["version"], "2026.1");
    assert_eq!(e["annual"], case["expect"]["annual"]);
    assert_eq!(e["weekly"], case["expect"]["weekly"]);
    assert_eq!(e["eligible"], true);
    assert!(e["explanation"].as_array().unwrap().len() > 3);
    assert!(!e["what_would_change"].as_array().unwrap().is_empty());
    assert!(e["sections"].is_array());
}

#[test]
fn estimate_as_text_reads_as_an_explanation() {
    let (case, answers) = first_case();
    let date = case["date"].as_str().unwrap();
    let o = waymark(
        &[
            "estimate",
            &scheme("northvale-recovery-2026"),
            "-",
            "--date",
            date,
            "--format",
            "text",
        ],
        Some(&answers),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("How we worked this out"), "{text}");
    assert!(text.contains("version 2026.1"), "{text}");
    assert!(text.contains("from 1 April 2026"), "{text}");
    assert!(text.contains("142 × £48.00 = £6,816.00"), "{text}");
}

/// The same estimate in Welsh: the catalogue's words and the scheme's Welsh texts, with
/// exactly the same figures.
#[test]
fn estimate_as_text_in_welsh_has_the_same_figures() {
    let (case, answers) = first_case();
    let date = case["date"].as_str().unwrap();
    let run = |lang: &str| {
        let o = waymark(
            &[
                "estimate",
                &scheme("northvale-recovery-2026"),
                "-",
                "--date",
                date,
                "--format",
                "text",
                "--lang",
                lang,
            ],
            Some(&answers),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let (en, cy) = (run("en"), run("cy"));
    assert!(cy.contains("Sut gwnaethon ni gyfrifo hyn"), "{cy}");
    assert!(cy.contains("Mehefin 2026"), "{cy}");
    assert!(!cy.contains("How we worked this out"), "{cy}");
    let figures = |text: &str| -> Vec<String> {
        text.split(|c: char| c.is_whitespace() || c == '(')
            .filter(|w| w.starts_with('£'))
            .map(|w| w.trim_end_matches([',', ')', ':', '.']).to_owned())
            .collect()
    };
    assert_eq!(figures(&en), figures(&cy));
    assert!(figures(&cy).contains(&"£7,416.00".to_owned()), "{cy}");
    let o = waymark(
        &[
            "estimate",
            &scheme("eastbrook-substance-misuse-2026"),
            "-",
            "--format",
            "text",
            "--lang",
            "cy",
        ],
        Some("{}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--lang \"cy\": the scheme is in en"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_input_exits_2_with_one_line_per_problem() {
    let s = scheme("northvale-recovery-2026");
    let cases = [
        (
            vec!["estimate", s.as_str(), "-", "--date", "2026-06-01"],
            Some("{\"nope\": 1,}"),
            "stdin",
        ),
        (
            vec!["estimate", s.as_str(), "-", "--date", "2026-13-01"],
            Some("{}"),
            "--date",
        ),
        (
            vec![
                "estimate",
                s.as_str(),
                "-",
                "--date",
                "2026-06-01",
                "--format",
                "pdf",
            ],
            Some("{}"),
            "--format",
        ),
        (
            vec!["estimate", "/no/such/file.json", "-"],
            Some("{}"),
            "/no/such/file.json: cannot read",
        ),
        (
            vec!["frobnicate"],
            None,
            "unrecognized subcommand 'frobnicate'",
        ),
        (
            vec!["estimate", s.as_str()],
            None,
            "the following required arguments were not provided",
        ),
        (
            vec!["validate", s.as_str(), "-", "--budget", "-100.00"],
            Some("{}"),
            "an amount cannot be negative",
        ),
        (
            vec!["validate", s.as_str(), "-"],
            Some("{}"),
            "--budget <AMOUNT>",
        ),
    ];
    for (args, stdin, expected) in cases {
        let o = waymark(&args, stdin);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
    }
    let o = waymark(&["estimate", &s, "-", "--date", "2026-06-01"], Some("{}"));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .lines()
            .all(|l| l.starts_with("waymark: stdin: /") && l.ends_with("[missing_answer]")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let o = waymark(&["schema"], None);
    assert_eq!(o.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["title"], "Scheme");
    assert!(schema["$defs"]["Calc"].is_object());
}

/// The US-dollar example as text: a weighted sum, lookups, a choice on several answers,
/// money from a number, a practitioner's reason and cents; then the answers that reach
/// the review panel's level, with no amount. The scheme is in English only, so Welsh is
/// refused.
#[test]
fn the_weighted_formula_reads_as_an_explanation_in_both_languages() {
    let answers = r#"{"age_group": "age_18_21", "living": "supported", "daily_living": "most",
        "behaviour": "daily", "health": "daily", "overnight_awake": true,
        "local_market_uplift": {"answer": "2400.00", "reason": "No worker at the county rate"}}"#;
    let run = |answers: &str, lang: &str| {
        let o = waymark(
            &[
                "estimate",
                &scheme("riverbend-individual-budget-2027"),
                "-",
                "--date",
                "2026-09-01",
                "--format",
                "text",
                "--lang",
                lang,
            ],
            Some(answers),
        );
        let code = if lang == "en" { 0 } else { 2 };
        assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
        stdout(&o)
    };
    let en = run(answers, "en");
    for line in [
        "Your indicative budget: $63,292.13 a year",
        "90 + 12 × 3 + 10 × 3 + 9 × 2 + 2 × 6 + 25 × 1 = 211",
        "211 is below the level of 230, at which the amount is decided with you",
        "Because your answer to “Where do you live?” was “In supported living”: 1.1",
        "Because of your answers (“How old are you?”: “18 to 21”; “Where do you live?”: “In supported living”): $1,500.00",
        "59392.127025 taken as an amount of money: $59,392.127…, rounded to the nearest cent, halves rounded up: $59,392.13",
        "What local-market uplift is needed a year? $2,400.00, added by the practitioner, who gave this reason: No worker at the county rate",
    ] {
        assert!(en.contains(line), "expected {line:?} in {en}");
    }
    assert!(!en.contains("a week"), "{en}");
    let panel = r#"{"age_group": "age_22_64", "living": "group_home", "daily_living": "all",
        "behaviour": "constant", "health": "skilled", "overnight_awake": true}"#;
    let en = run(panel, "en");
    assert!(
        en.contains(
            "On these answers, the amount is decided with you rather than worked out here."
        ),
        "{en}"
    );
    assert!(
        en.contains("A county review panel sets your budget"),
        "{en}"
    );
    assert!(!en.contains("$0.00"), "{en}");
    assert!(run(panel, "cy").is_empty());
}
