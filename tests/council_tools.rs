//! The council tools through the `waymark` binary: `batch`, `impact` and `cases`, on a
//! small hand-checked caseload for two versions of a demonstration scheme
//! (`fixtures/council/demo-1.json` and `demo-2.json`).
//!
//! Version 2026.2 raises the price per point from £48 to £52, the points needed from 5 to
//! 12, and lowers the upper limit from £1,500 to £1,200. Worked by hand, on 1 June 2026:
//!
//! - C1: 10 points, aged 30. Old: 10 × £48 = £480 (£9.23 a week). New: 10 is below 12, so
//!   nothing: a loss of £480, all of it.
//! - C2: 27 points, aged 20, needs go up and down. Old: 27 × £48 × 1.1 + £250 = £1,675.60,
//!   rounded up to £1,676, capped at £1,500. New: 27 × £52 × 1.1 + £250 = £1,794.40, to
//!   £1,795, capped at £1,200: a loss of £300 (20%), from the cap alone.
//! - C3: 2 points: not eligible under either.
//! - C4: 20 points, aged 60. Old £960; new £1,040: a gain of £80 (8.3%), from the price.
//! - C5: 17 points, aged 24, needs go up and down. Old: 17 × £48 × 1.1 + £250 = £1,147.60,
//!   to £1,148. New: 17 × £52 × 1.1 + £250 = £1,222.40, to £1,223, capped at £1,200: a
//!   gain of £52 (4.5%), from the price and the cap.
//! - C6 chooses an option that does not exist, C7 leaves out their age, and the last row
//!   is not a whole row.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The `waymark` binary, built once for this test run with the same profile.
fn waymark() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test's own path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/PROFILE/deps");
        let target = profile_dir.parent().expect("the target directory");
        let profile = profile_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("debug");
        let profile = if profile == "debug" { "dev" } else { profile };
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "-p",
                "waymark",
                "--bin",
                "waymark",
                "--profile",
                profile,
            ])
            .arg("--target-dir")
            .arg(target)
            .current_dir(root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build -p waymark failed");
        profile_dir.join(format!("waymark{}", std::env::consts::EXE_SUFFIX))
    })
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/council")
        .join(name)
        .display()
        .to_string()
}

/// Runs `waymark` with arguments; returns the exit code, standard output and error.
fn run(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(waymark())
        .args(args)
        .output()
        .expect("waymark runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (
        status.code().expect("an exit code"),
        text(stdout),
        text(stderr),
    )
}

/// A fresh, empty directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waymark-council-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

const OLD_RESULTS: &str = r#"{"id":"C1","eligible":true,"annual":"480.00","weekly":"9.23"}
{"id":"C2","eligible":true,"annual":"1500.00","weekly":"28.85"}
{"id":"C3","eligible":false,"annual":"0.00","weekly":"0.00"}
{"id":"C4","eligible":true,"annual":"960.00","weekly":"18.46"}
{"id":"C5","eligible":true,"annual":"1148.00","weekly":"22.08"}
"#;

const NEW_RESULTS: &str = r#"{"id":"C1","eligible":false,"annual":"0.00","weekly":"0.00"}
{"id":"C2","eligible":true,"annual":"1200.00","weekly":"23.08"}
{"id":"C3","eligible":false,"annual":"0.00","weekly":"0.00"}
{"id":"C4","eligible":true,"annual":"1040.00","weekly":"20.00"}
{"id":"C5","eligible":true,"annual":"1200.00","weekly":"23.08"}
"#;

const BAD_ROWS_JSONL: &str = r#"{"id":"C6","line":7,"problems":[{"code":"unknown_option","path":"/answers/daily","message":"choose one of the options"}]}
{"id":"C7","line":8,"problems":[{"code":"missing_answer","path":"/answers/age","message":"answer this question to see an estimate"}]}
{"id":"","line":9,"problems":[{"code":"invalid_json","path":"","message":"EOF while parsing an object (column 40)"}]}
"#;

#[test]
fn batch_gives_the_hand_worked_amounts_under_both_versions() {
    for (scheme, want) in [("demo-1.json", OLD_RESULTS), ("demo-2.json", NEW_RESULTS)] {
        for threads in ["1", "3"] {
            let (code, out, _) = run(&[
                "batch",
                &fixture(scheme),
                &fixture("cases.jsonl"),
                "--date",
                "2026-06-01",
                "--threads",
                threads,
            ]);
            assert_eq!(code, 2, "{scheme}: bad rows make the exit code 2");
            assert_eq!(
                out,
                format!("{want}{BAD_ROWS_JSONL}"),
                "{scheme} with {threads} threads"
            );
        }
    }
}

#[test]
fn batch_reads_csv_and_writes_csv() {
    let dir = scratch("csv");
    let out = dir.join("results.csv").display().to_string();
    let (code, stdout, stderr) = run(&[
        "batch",
        &fixture("demo-2.json"),
        &fixture("cases.csv"),
        "--date",
        "2026-06-01",
        "--out",
        &out,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    let written = std::fs::read_to_string(&out).expect("the results file");
    assert_eq!(
        written,
        "id,eligible,annual,weekly,problem\n\
         C1,no,0.00,0.00,\n\
         C2,yes,1200.00,23.08,\n\
         C3,no,0.00,0.00,\n\
         C4,yes,1040.00,20.00,\n\
         C5,yes,1200.00,23.08,\n\
         C6,,,,line 8: /daily: choose one of the options [unknown_option]\n\
         C7,,,,line 9: /age: answer this question to see an estimate [missing_answer]\n\
         C8,,,,\"line 10: /: expected 5 fields, as in the header, but found 3 [invalid_csv]\"\n"
    );
}

#[test]
fn bad_rows_are_reported_with_their_line_numbers_and_the_rest_go_on() {
    let cases = fixture("cases.jsonl");
    let (code, out, err) = run(&[
        "batch",
        &fixture("demo-1.json"),
        &cases,
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 8, "every row has a result");
    let problems: Vec<&str> = err.lines().filter(|l| l.starts_with("waymark: ")).collect();
    assert_eq!(
        problems,
        [
            format!("waymark: {cases}:7: /answers/daily: choose one of the options [unknown_option]"),
            format!("waymark: {cases}:8: /answers/age: answer this question to see an estimate [missing_answer]"),
            format!("waymark: {cases}:9: /: EOF while parsing an object (column 40) [invalid_json]"),
            format!("waymark: {cases}: 3 of 8 cases could not be worked out: see the output"),
        ]
    );
}

#[test]
fn exit_codes_say_whether_every_case_was_worked_out() {
    let dir = scratch("codes");
    let good = dir.join("good.jsonl");
    let text = std::fs::read_to_string(fixture("cases.jsonl")).expect("the fixture");
    let lines: Vec<&str> = text.lines().take(6).collect();
    std::fs::write(&good, lines.join("\n")).expect("a good caseload");
    let good = good.display().to_string();
    let (scheme, date) = (fixture("demo-1.json"), "2026-06-01");
    assert_eq!(run(&["batch", &scheme, &good, "--date", date]).0, 0);
    let failing = [
        vec!["batch", &scheme, &good, "--date", "2025-01-01"],
        vec!["batch", &scheme, &good, "--date", date, "--threads", "0"],
        vec!["batch", &scheme, &good, "--date", date, "--format", "xml"],
        vec!["batch", &scheme, "no-such-file.jsonl", "--date", date],
        vec!["batch", &scheme],
        vec!["impact", &good, "--date", date],
        vec!["cases", &scheme, "--count", "many"],
    ];
    for args in failing {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with("waymark: "), "{args:?}: {err}");
    }
}

#[test]
fn a_csv_column_that_is_not_a_question_stops_the_run() {
    let dir = scratch("columns");
    let cases = dir.join("cases.csv");
    std::fs::write(&cases, "id,daily,fluctuates,agee\nC1,some,no,30\n").expect("a caseload");
    let cases = cases.display().to_string();
    let (code, out, err) = run(&[
        "batch",
        &fixture("demo-1.json"),
        &cases,
        "--date",
        "2026-06-01",
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("waymark: {cases}:1: column \"agee\" is not a question of the scheme\n")
    );
}

const IMPACT_CSV: &str = "\
id,line,old_eligible,old_annual,old_weekly,new_eligible,new_annual,new_weekly,difference,percent,changed_by,problem
C1,1,yes,480.00,9.23,no,0.00,0.00,-480.00,-100.0,Checking your points reach the level for a budget,
C2,2,yes,1500.00,28.85,yes,1200.00,23.08,-300.00,-20.0,Keeping within the upper limit,
C3,3,no,0.00,0.00,no,0.00,0.00,0.00,,,
C4,5,yes,960.00,18.46,yes,1040.00,20.00,80.00,8.3,Your points times the price per point,
C5,6,yes,1148.00,22.08,yes,1200.00,23.08,52.00,4.5,Your points times the price per point; Keeping within the upper limit,
C6,7,,,,,,,,,,/answers/daily: choose one of the options [unknown_option]
C7,8,,,,,,,,,,/answers/age: answer this question to see an estimate [missing_answer]
,9,,,,,,,,,,/: EOF while parsing an object (column 40) [invalid_json]
";

#[test]
fn impact_writes_every_case_with_the_steps_that_changed_it() {
    let dir = scratch("impact");
    let out = dir.display().to_string();
    let (code, stdout, _) = run(&[
        "impact",
        "--from",
        &fixture("demo-1.json"),
        "--to",
        &fixture("demo-2.json"),
        &fixture("cases.jsonl"),
        "--date",
        "2026-06-01",
        "--out",
        &out,
    ]);
    assert_eq!(code, 2, "the bad rows make the exit code 2");
    assert!(
        stdout.starts_with("8 cases: 2 gain, 2 lose, 1 no change, 3 could not be worked out\n"),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(dir.join("impact.csv")).expect("impact.csv");
    assert_eq!(csv, IMPACT_CSV);
}

#[test]
fn the_impact_report_is_self_contained_and_tells_the_story() {
    let dir = scratch("report");
    let out = dir.display().to_string();
    let (old, new) = (fixture("demo-1.json"), fixture("demo-2.json"));
    let args = [
        "impact",
        "--from",
        &old,
        "--to",
        &new,
        &fixture("cases.csv"),
        "--date",
        "2026-06-01",
        "--out",
        &out,
    ];
    assert_eq!(run(&args).0, 2);
    let html = std::fs::read_to_string(dir.join("impact.html")).expect("impact.html");
    for outside in [
        "http:", "https:", "//", "src=", "<script", "<link", "@import", "url(",
    ] {
        assert!(!html.contains(outside), "the report has {outside:?}");
    }
    for part in [
        "<html lang=\"en\">",
        "<title>Impact of version 2026.2 of Lowfield recovery budget (demonstration) – impact report</title>",
        "<h1>",
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\"",
        "<th scope=\"col\">",
        "<tr><th scope=\"row\">Price per point</th><td>£48.00</td><td>£52.00</td></tr>",
        "<tr><th scope=\"row\">Upper limit</th><td>£1,500.00</td><td>£1,200.00</td></tr>",
        "<div><dt>Would lose money</dt><dd>2 (40.0%)</dd></div>",
        "<div><dt>Change in the yearly total</dt><dd>-£648.00</dd></div>",
        "<tr><th scope=\"row\">Lose more than 10%, up to 20%</th><td class=\"num\">1</td><td class=\"num\">20.0%</td></tr>",
        "<tr><th scope=\"row\">C1</th><td class=\"num\">2</td><td class=\"num\">£480.00</td><td class=\"num\">£0.00</td>\
         <td class=\"num\">-£480.00</td><td class=\"num\">-100.0%</td><td>Checking your points reach the level for a budget</td></tr>",
        "<tr><th scope=\"row\">missing answer</th><td>\u{201c}How old are you?\u{201d} (age)</td><td>both versions</td>",
    ] {
        assert!(html.contains(part), "the report lacks {part:?}");
    }
}

#[test]
fn generated_cases_are_deterministic_valid_and_keep_their_order_on_many_threads() {
    let dir = scratch("generated");
    let cases = dir.join("cases.jsonl");
    let scheme = fixture("demo-1.json");
    let generate = |count: &str| run(&["cases", &scheme, "--count", count, "--seed", "42"]);
    let (code, first, _) = generate("3000");
    assert_eq!(code, 0);
    assert_eq!(
        first,
        generate("3000").1,
        "the same seed gives the same cases"
    );
    let few = generate("10").1;
    assert!(first.starts_with(&few), "case n does not depend on --count");
    assert_eq!(first.lines().count(), 3000);
    assert!(
        first.starts_with("{\"id\":\"case-000001\",\"answers\":{\"daily\":"),
        "{}",
        &first[..80]
    );
    std::fs::write(&cases, &first).expect("the caseload");
    let cases = cases.display().to_string();
    let batch = |threads: &str| {
        run(&[
            "batch",
            &scheme,
            &cases,
            "--date",
            "2026-06-01",
            "--threads",
            threads,
        ])
    };
    let (code, one, _) = batch("1");
    assert_eq!(code, 0, "every generated case can be worked out");
    let (code, many, _) = batch("4");
    assert_eq!(code, 0);
    assert_eq!(one, many, "threads keep the caseload's order");
    let eligible = one
        .lines()
        .filter(|l| l.contains("\"eligible\":true"))
        .count();
    assert!(
        (1500..3000).contains(&eligible),
        "{eligible} of 3000 eligible"
    );
}

#[test]
fn a_new_question_is_answered_for_the_new_version_only() {
    let dir = scratch("new-question");
    let age = r#""suffix": "years"}}}"#;
    let carer = r#"{"id": "carer", "text": "Do you look after someone?", "answer": {"yes_no": {"yes": 3, "no": 0}}}"#;
    let text = std::fs::read_to_string(fixture("demo-2.json")).expect("the fixture");
    let new = dir.join("demo-3.json");
    std::fs::write(&new, text.replace(age, &format!("{age},\n{carer}"))).expect("a third version");
    let cases = dir.join("cases.csv");
    std::fs::write(
        &cases,
        "id,daily,fluctuates,crisis,age,carer\nC1,some,no,,30,yes\nC3,none,yes,rarely,50,\n",
    )
    .expect("a caseload");
    let (new, cases, out) = (
        new.display().to_string(),
        cases.display().to_string(),
        dir.display().to_string(),
    );
    let args = [
        "impact",
        "--from",
        &fixture("demo-1.json"),
        "--to",
        &new,
        &cases,
        "--date",
        "2026-06-01",
        "--out",
        &out,
    ];
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{cases}:3: /carer: answer this question to see an estimate (version 2026.2) [missing_answer]")), "{err}");
    let csv = std::fs::read_to_string(dir.join("impact.csv")).expect("impact.csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    // C1 has 10 points, and 13 with the new question: 13 × £52 = £676.
    assert_eq!(
        rows,
        [
            "C1,2,yes,480.00,9.23,yes,676.00,13.00,196.00,40.8,Your points; Your points times the price per point,",
            "C3,3,no,0.00,0.00,,,,,,,/carer: answer this question to see an estimate (version 2026.2) [missing_answer]",
        ]
    );
}

#[test]
fn a_case_that_needs_a_conversation_has_no_amount_in_either_format() {
    let scheme = root().join("www/schemes/riverbend-individual-budget-2027.json");
    let scheme = scheme.display().to_string();
    let cases = fixture("riverbend.jsonl");
    let args = |format: &'static str| {
        let (code, stdout, stderr) = run(&[
            "batch",
            &scheme,
            &cases,
            "--date",
            "2026-09-01",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    assert_eq!(
        args("jsonl"),
        "{\"id\":\"a\",\"eligible\":true,\"annual\":\"18225.00\",\"weekly\":null}\n\
         {\"id\":\"b\",\"eligible\":true,\"conversation\":true,\"annual\":null,\"weekly\":null}\n\
         {\"id\":\"c\",\"eligible\":true,\"annual\":\"18325.00\",\"weekly\":null}\n"
    );
    assert_eq!(
        args("csv"),
        "id,eligible,annual,weekly,problem\n\
         a,yes,18225.00,,\n\
         b,conversation,,,\n\
         c,yes,18325.00,,\n"
    );
}
