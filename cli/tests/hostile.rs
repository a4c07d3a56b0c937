//! Hostile and broken inputs through the `waymark` binary: each finding of the catalogue of
//! bad inputs (issue 15) has a test here, asserting the refusal, its exit code and where it
//! is located. The receiver's findings are tested in `submission.rs`.

mod common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;
use waymark_engine::plan::Plan;
use waymark_engine::submission::{build, Consent, Envelope, Extras};
use waymark_engine::{Answers, Scheme};

const WWW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../www");

fn scheme_path(name: &str) -> String {
    format!("{WWW}/schemes/{name}.json")
}

fn waymark(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, stdin)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What the command printed, both streams.
fn said(o: &Output) -> String {
    text(&o.stdout) + &text(&o.stderr)
}

/// A fresh folder for one test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("waymark-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A genuine Northvale submission in English, with a plan, as the app makes it.
fn genuine() -> Value {
    let path = scheme_path("northvale-recovery-2026");
    let scheme = Scheme::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let cases: Value = serde_json::from_str(
        &std::fs::read_to_string(path.replace(".json", ".tests.json")).unwrap(),
    )
    .unwrap();
    let case = &cases["cases"][0];
    let answers = Answers::from_json(&case["answers"].to_string()).unwrap();
    let plan = Plan::from_json(
        &json!({
            "starts": "2026-06-01", "ends": "2027-03-31", "review": "2026-12-01",
            "goals": [{"id": "calm", "text": "Feel calmer", "area": scheme.sections[0].id, "measure": "Sleeping better"}],
            "supports": [{"id": "t", "description": "Weekly session", "category": scheme.plan.as_ref().unwrap().categories[0].id, "amount": "40.00", "frequency": "weekly", "goals": ["calm"], "payer": "budget"}]
        })
        .to_string(),
    )
    .unwrap();
    let english = waymark_words::embedded::catalogue("en").unwrap().unwrap();
    let envelope = Envelope {
        date: case["date"].as_str().unwrap().parse().unwrap(),
        language: "en".into(),
        consent: Consent {
            agreed: waymark_words::consent::agreed(&english, &scheme, true, false),
            at: "2026-06-01T10:00:00.000Z".into(),
        },
        app_version: "0.1.0".into(),
        idempotency_key: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
    };
    let extras = Extras {
        plan: Some(plan),
        disagreement: None,
    };
    serde_json::to_value(build(&scheme, &answers, extras, envelope).unwrap()).unwrap()
}

/// A change to a submission, and what verifying it must say.
type Tamper<'a> = (&'a dyn Fn(&mut Value), &'a str);

/// Verifies the genuine submission with each change made: each exits with `code` and says
/// what it must, under `stdin`.
fn each_says(tampering: &[Tamper], code: i32) {
    for (change, expected) in tampering {
        let mut s = genuine();
        change(&mut s);
        let o = verify(&s);
        assert_eq!(o.status.code(), Some(code), "{expected}: {}", said(&o));
        assert!(
            said(&o).contains(&format!("stdin: {expected}")),
            "{expected}: {}",
            said(&o)
        );
    }
}

fn verify(submission: &Value) -> Output {
    let scheme = scheme_path("northvale-recovery-2026");
    let body = submission.to_string();
    waymark(&["verify", "-", "--scheme", &scheme], Some(body.as_bytes()))
}

#[test]
fn the_genuine_submission_verifies() {
    let o = verify(&genuine());
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
}

#[test]
fn a_field_the_engine_would_not_write_is_refused_anywhere_in_a_submission() {
    let places: [Tamper; 4] = [
        (
            &|s| s["estimate"]["approved_amount"] = json!("99999.00"),
            "/estimate/approved_amount: unknown field",
        ),
        (
            &|s| s["plan_report"]["approved"] = json!(true),
            "/plan_report/approved: unknown field",
        ),
        (
            &|s| s["plan_report"]["costing"]["supports"][0]["note"] = json!("x"),
            "/plan_report/costing/supports/0/note: unknown field",
        ),
        (
            &|s| s["estimate"]["explanation"][0]["approved"] = json!(true),
            "/estimate/explanation/0/approved: unknown field",
        ),
    ];
    each_says(&places, 2);
}

#[test]
fn amounts_must_be_the_engines_own_strings() {
    let annual = genuine()["estimate"]["annual"].as_str().unwrap().to_owned();
    let whole = annual.trim_end_matches(".00");
    let lenient = [
        format!("+{annual}"),
        format!("{whole}00e-2"),
        format!("{}_{}", &whole[..1], &annual[1..]),
    ];
    for written in lenient {
        let mut s = genuine();
        s["estimate"]["annual"] = json!(written);
        let o = verify(&s);
        assert_eq!(o.status.code(), Some(2), "{written}: {}", said(&o));
        assert!(
            said(&o).contains("/estimate/annual"),
            "{written}: {}",
            said(&o)
        );
    }
    let mut s = genuine();
    s["estimate"]["annual"] = json!(format!("{whole}.0"));
    let o = verify(&s);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert!(
        said(&o).contains("/estimate/annual: submitted"),
        "{}",
        said(&o)
    );
}

#[test]
fn consent_must_be_real_words_at_a_real_time_with_a_uuid_key() {
    let tamper: [Tamper; 8] = [
        (&|s| s["consent"]["agreed"] = json!([]), "/consent/agreed"),
        (
            &|s| s["consent"]["agreed"][1] = json!("  "),
            "/consent/agreed/1",
        ),
        (
            &|s| s["consent"]["agreed"] = json!(["I agree"]),
            "/consent/agreed: the consent is not in this deployment's words",
        ),
        (&|s| s["consent"]["at"] = json!(""), "/consent/at"),
        (
            &|s| s["consent"]["at"] = json!("2026-02-30T10:00:00Z"),
            "/consent/at",
        ),
        (
            &|s| s["consent"]["at"] = json!("2026-06-01T25:00:00Z"),
            "/consent/at",
        ),
        (
            &|s| s["idempotency_key"] = json!("key\u{1b}[2J"),
            "/idempotency_key",
        ),
        (
            &|s| s["idempotency_key"] = json!("0F8FAD5B-D9CB-469F-A165-70867728950E"),
            "/idempotency_key",
        ),
    ];
    each_says(&tamper, 1);
}

#[test]
fn verify_problems_are_placed_where_they_are() {
    let mut s = genuine();
    s["plan"]["supports"][0]["units"] = json!("-2");
    let o = verify(&s);
    assert_eq!(o.status.code(), Some(1), "{}", said(&o));
    assert!(
        said(&o).contains("stdin: /plan/supports/0/units: the number of units cannot be negative"),
        "{}",
        said(&o)
    );
    assert!(!said(&o).contains("/answers"), "{}", said(&o));
}

/// A plan of `goals` goals, each with one support.
fn plan_of(goals: usize) -> Value {
    let scheme: Value = serde_json::from_str(
        &std::fs::read_to_string(scheme_path("northvale-recovery-2026")).unwrap(),
    )
    .unwrap();
    let area = &scheme["sections"][0]["id"];
    let category = &scheme["plan"]["categories"][0]["id"];
    json!({
        "starts": "2026-06-01", "ends": "2027-03-31", "review": "2026-12-01",
        "goals": (0..goals).map(|i| json!({"id": format!("g{i}"), "text": "A goal", "area": area, "measure": "m"})).collect::<Vec<_>>(),
        "supports": (0..goals).map(|i| json!({"id": format!("s{i}"), "description": "d", "category": category, "amount": "1.00", "frequency": "weekly", "goals": [format!("g{i}")], "payer": "budget"})).collect::<Vec<_>>(),
    })
}

#[test]
fn a_plan_of_the_largest_size_is_checked_and_a_larger_one_refused() {
    let scheme = scheme_path("northvale-recovery-2026");
    let most = waymark_engine::limits::PLAN_GOALS;
    let fits = plan_of(most).to_string();
    let o = waymark(
        &["validate", &scheme, "-", "--budget", "100000.00"],
        Some(fits.as_bytes()),
    );
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        report["costing"]["supports"].as_array().unwrap().len(),
        most
    );
    let over = plan_of(most + 1).to_string();
    let o = waymark(
        &["validate", &scheme, "-", "--budget", "100000.00"],
        Some(over.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains(&format!(
            "stdin: /goals: a plan may have at most {most} goals, and this one has {}",
            most + 1
        )),
        "{}",
        said(&o)
    );
}

#[test]
fn plan_values_that_cannot_be_are_refused() {
    let scheme = scheme_path("northvale-recovery-2026");
    let mut plan = plan_of(1);
    plan["holding"] = json!({"kind": "split", "split": [{"kind": "direct_payment", "amount": "-10.00"}, {"kind": "council", "amount": "10.00"}]});
    let o = waymark(
        &["validate", &scheme, "-", "--budget", "1000.00"],
        Some(plan.to_string().as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    assert!(
        said(&o).contains("/holding/split/0/amount: a part of the budget cannot be negative"),
        "{}",
        said(&o)
    );
}

#[test]
fn text_output_carries_no_terminal_escapes() {
    let scheme = scheme_path("northvale-recovery-2026");
    let mut plan = plan_of(1);
    plan["goals"][0]["text"] = json!("Calm\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m down");
    let o = waymark(
        &[
            "validate", &scheme, "-", "--budget", "1000.00", "--format", "text",
        ],
        Some(plan.to_string().as_bytes()),
    );
    let out = text(&o.stdout);
    assert!(out.contains("Calm]0;owned[2J31m down"), "{out}");
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{out:?}"
    );
}

#[test]
fn problems_are_printed_without_terminal_escapes_and_a_date_is_the_schemes() {
    let scheme = scheme_path("northvale-recovery-2026");
    let answers = r#"{"\u001b[2J\u001b]0;owned\u0007x": 1}"#;
    let o = waymark(
        &["estimate", &scheme, "-", "--date", "2026-06-01"],
        Some(answers.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("stdin: /[2J]0;ownedx: this scheme has no question"),
        "{err:?}"
    );
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    let o = waymark(
        &["estimate", &scheme, "-", "--date", "2030-01-01"],
        Some(b"{}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).starts_with(&format!(
            "waymark: {scheme}: /: this version of the scheme applies from"
        )),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn unknown_keys_inside_plan_rules_are_refused() {
    let mut value: Value = serde_json::from_str(
        &std::fs::read_to_string(scheme_path("northvale-recovery-2026")).unwrap(),
    )
    .unwrap();
    let checks = value["plan"]["checks"].as_array_mut().unwrap();
    let unlinked = checks
        .iter()
        .position(|c| c["rule"].get("unlinked_support").is_some())
        .unwrap();
    checks[unlinked]["rule"]["unlinked_support"]["strict"] = json!(true);
    let dir = Scratch::new("rules");
    let path = dir.write("scheme.json", value.to_string());
    let o = waymark(&["check", &path], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains(&format!(
            "/plan/checks/{unlinked}/rule/unlinked_support/strict: unknown field"
        )),
        "{}",
        said(&o)
    );
}

#[test]
fn an_endless_input_is_refused_at_its_limit() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let scheme = scheme_path("northvale-recovery-2026");
    let o = waymark(&["check", "/dev/zero"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("/dev/zero: larger than 4194304 bytes"),
        "{}",
        said(&o)
    );
    let o = waymark(
        &[
            "batch",
            &scheme,
            "/dev/zero",
            "--date",
            "2026-06-01",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("/dev/zero:1: this row is longer than 65536 bytes"),
        "{}",
        said(&o)
    );
}

#[test]
fn files_that_are_not_utf8_are_refused_saying_where() {
    let dir = Scratch::new("encoding");
    let scheme = scheme_path("northvale-recovery-2026");
    let bad = dir.write("answers.json", b"{\n  \"a\": \"caf\xe9\"\n}");
    let o = waymark(&["estimate", &scheme, &bad], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("answers.json: not UTF-8 text: line 2, column 12 (byte 13)"),
        "{}",
        said(&o)
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let bad = dir.write("utf16.json", utf16);
    let o = waymark(&["estimate", &scheme, &bad], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("utf16.json: this file is UTF-16"),
        "{}",
        said(&o)
    );
    let cases = dir.write("cases.jsonl", b"{\"id\": \"c\xff1\", \"answers\": {}}\n");
    let o = waymark(&["batch", &scheme, &cases, "--date", "2026-06-01"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("column 10 (byte 9 of the row)"),
        "{}",
        said(&o)
    );
}

#[test]
fn a_step_that_overflows_is_reported_under_the_scheme_file() {
    let dir = Scratch::new("overflow");
    let scheme = dir.write(
        "huge.json",
        json!({
            "id": "huge", "version": "1", "title": "Huge", "owner": "A council",
            "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
            "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
            "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
            "references": [{"id": "r", "title": "r"}],
            "parameters": [{"id": "price", "label": "Price", "unit": "money",
              "values": [{"from": "2026-04-01", "value": "1.00", "reference": "r"}]}],
            "sections": [{"id": "s", "title": "S", "questions": [{"id": "n", "text": "How many?",
              "answer": {"number": {"min": "0", "max": "1000000000000000", "whole": true}}}]}],
            "allocation": {"steps": [
              {"id": "big", "label": "Big", "calc": {"power": {"of": {"answer": "n"}, "exponent": 4}}},
              {"id": "money", "label": "Money", "calc": {"product": ["big", {"param": "price"}]}}
            ], "result": "money"}
        })
        .to_string(),
    );
    let answers = dir.write("answers.json", r#"{"n": "1000000000000000"}"#);
    let o = waymark(
        &["estimate", &scheme, &answers, "--date", "2026-06-01"],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    assert!(
        said(&o).contains("huge.json: /allocation/steps/0"),
        "{}",
        said(&o)
    );
    assert!(!said(&o).contains("answers.json"), "{}", said(&o));
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let dir = Scratch::new("csv");
    let scheme = scheme_path("northvale-recovery-2026");
    let cases = dir.write(
        "cases.jsonl",
        "{\"id\": \"=HYPERLINK(\\\"http://x\\\")\", \"answers\": {}}\n{\"id\": \"@SUM(A1)\", \"answers\": {}}\n",
    );
    let out = dir.0.join("out.csv");
    let o = waymark(
        &[
            "batch",
            &scheme,
            &cases,
            "--date",
            "2026-06-01",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    let written = std::fs::read_to_string(&out).unwrap();
    let ids = first_column(written.as_bytes());
    assert_eq!(ids, ["'=HYPERLINK(\"http://x\")", "'@SUM(A1)"]);
}

/// `waymark batch` on a caseload for 1 June 2026, writing CSV to standard output.
fn batch_csv(scheme: &str, cases: &str) -> Output {
    waymark(
        &[
            "batch",
            scheme,
            cases,
            "--date",
            "2026-06-01",
            "--format",
            "csv",
        ],
        None,
    )
}

/// The first column of a CSV file with a header: the case ids.
fn first_column(csv: &[u8]) -> Vec<String> {
    let mut rows = csv::Reader::from_reader(csv);
    rows.records().map(|r| r.unwrap()[0].to_owned()).collect()
}

#[test]
fn a_quote_inside_a_csv_field_loses_no_rows_and_an_unclosed_one_is_reported() {
    let dir = Scratch::new("quotes");
    let scheme = scheme_path("westhaven-recovery-grant-2026");
    let header = "id,goal_type,goal_cost,extras,other_funding,helps_wellbeing,helps_connection,helps_purpose,helps_health\n";
    let row = |id: &str| format!("{id},learning,30.50,no,0.00,yes,no,no,no\n");
    let stray = format!(
        "{header}{}{}{}{}",
        row("A1"),
        row("A2 5\""),
        row("A3"),
        row("A4")
    );
    let cases = dir.write("stray.csv", stray);
    let o = batch_csv(&scheme, &cases);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let ids = first_column(&o.stdout);
    assert_eq!(ids, ["A1", "A2 5\"", "A3", "A4"]);
    let unclosed = format!("{header}{}\"A2,learning\n", row("A1"));
    let cases = dir.write("unclosed.csv", unclosed);
    let o = batch_csv(&scheme, &cases);
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    assert!(
        said(&o).contains("unclosed.csv:3: /: this record opens a quote that is never closed"),
        "{}",
        said(&o)
    );
}

#[test]
fn impact_csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let dir = Scratch::new("impact-csv");
    let scheme = scheme_path("northvale-recovery-2026");
    let cases = dir.write("cases.jsonl", "{\"id\": \"+SUM(1)\", \"answers\": {}}\n");
    let out = dir.0.join("impact");
    let o = waymark(
        &[
            "impact",
            "--from",
            &scheme,
            "--to",
            &scheme,
            &cases,
            "--date",
            "2026-06-01",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", said(&o));
    let written = std::fs::read_to_string(out.join("impact.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(written.as_bytes());
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "'+SUM(1)");
    assert!(
        row[11].starts_with("/answers/wellbeing_impact: answer this question"),
        "{:?}",
        &row[11]
    );
}

#[test]
fn the_tool_has_help_a_version_and_completions() {
    let o = waymark(&["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout).trim(),
        format!("waymark {}", env!("CARGO_PKG_VERSION"))
    );
    for command in [
        "check",
        "test",
        "estimate",
        "validate",
        "verify",
        "receive",
        "schema",
        "bench",
        "batch",
        "cases",
        "impact",
        "completions",
    ] {
        let o = waymark(&[command, "--help"], None);
        assert_eq!(o.status.code(), Some(0), "{command}");
        assert!(text(&o.stdout).contains("Usage: waymark"), "{command}");
    }
    let help = text(&waymark(&["validate", "--help"], None).stdout);
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("at most 200 goals and 500 supports"),
        "{help}"
    );
    let o = waymark(&["completions", "bash"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("_waymark()"));
}
