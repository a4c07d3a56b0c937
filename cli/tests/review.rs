//! Review and reassessment for councils: `waymark compare`, `waymark reviews`,
//! `waymark verify` on reviews and `waymark outcomes`, through the real binary.

mod common;

use common::{run, temp_dir};
use serde_json::Value;
use std::path::Path;

const NORTHVALE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../www/schemes/northvale-recovery-2026.json"
);
const DEMO_1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/council/demo-1.json"
);
const DEMO_2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/council/demo-2.json"
);

fn write(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path.display().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_new_version_beside_the_old_names_the_price_as_where_the_change_started() {
    let dir = temp_dir("compare-json");
    let answers = write(
        &dir,
        "a.json",
        &serde_json::json!({"daily": "lots", "fluctuates": false, "age": 60}),
    );
    let out = run(
        &[
            "compare",
            DEMO_2,
            &answers,
            &answers,
            "--before-scheme",
            DEMO_1,
            "--date",
            "2026-06-01",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    // 20 points at £48.00 before and £52.00 after.
    assert_eq!(got["before"]["annual"], "960.00");
    assert_eq!(got["after"]["annual"], "1040.00");
    assert_eq!(got["before"]["weekly"], "18.46");
    assert_eq!(got["after"]["weekly"], "20.00");
    assert_eq!(got["difference"], "80.00");
    assert_eq!(got["changed_answers"], serde_json::json!([]));
    assert_eq!(got["changed_steps"], serde_json::json!(["base"]));
    assert_eq!(got["after"]["eligible"], true);
}

#[test]
fn a_decrease_comes_first_with_where_it_started_and_how_to_ask_again() {
    let dir = temp_dir("compare-text");
    let before = write(
        &dir,
        "before.json",
        &serde_json::json!({"daily": "lots", "fluctuates": false, "age": 60}),
    );
    let after = write(
        &dir,
        "after.json",
        &serde_json::json!({"daily": "some", "fluctuates": false, "age": 60}),
    );
    let out = run(
        &[
            "compare",
            DEMO_1,
            &before,
            &after,
            "--before-date",
            "2025-06-01",
            "--after-date",
            "2026-06-01",
            "--before-scheme",
            DEMO_1,
            "--format",
            "text",
        ],
        None,
    );
    // Demo 1 does not apply in 2025: that is bad input, named by file.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("demo-1.json"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        &[
            "compare",
            DEMO_1,
            &before,
            &after,
            "--date",
            "2026-06-01",
            "--format",
            "text",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    let lines: Vec<&str> = page.lines().collect();
    assert_eq!(
        lines[0],
        "Your indicative budget has gone down by £480.00, from £960.00 to £480.00."
    );
    let at = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {page}"))
    };
    assert!(at("Where the change started") < at("Your points: 10 + 0 from 2 answers = 10"));
    assert!(at("to look at the amount again") < at("Your last assessment, on 1 June 2026"));
    assert!(page.contains("Your indicative budget: £480.00 a year (£9.23 a week)"));
    assert!(page.contains("How much help do you need with everyday things?: A lot, now Some"));
}

#[test]
fn a_comparison_reads_in_welsh() {
    let dir = temp_dir("compare-welsh");
    let scheme =
        waymark_engine::Scheme::from_json(&std::fs::read_to_string(NORTHVALE).unwrap()).unwrap();
    let person = |n| Value::Object(waymark::caseload::person(&scheme, 1, n));
    let before = write(&dir, "before.json", &person(0));
    let after = write(&dir, "after.json", &person(1));
    let args = [
        "compare",
        NORTHVALE,
        &before,
        &after,
        "--date",
        "2026-06-01",
    ];
    let json: Value = serde_json::from_slice(&run(&args, None).stdout).unwrap();
    assert_ne!(json["difference"], "0.00");
    assert!(!json["changed_answers"].as_array().unwrap().is_empty());
    let out = run(
        &[&args[..], &["--format", "text", "--lang", "cy"]].concat(),
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(
        page.starts_with("Mae eich cyllideb ddangosol wedi "),
        "{page}"
    );
    assert!(
        page.contains("Eich asesiad diwethaf, ar 1 Mehefin 2026"),
        "{page}"
    );
    assert!(page.contains("Atebion a newidiodd"), "{page}");
    assert!(!page.contains("Your "), "{page}");
}

#[test]
fn compare_refuses_a_missing_file_and_unknown_answers_with_exit_2() {
    let dir = temp_dir("compare-bad");
    let good = write(
        &dir,
        "good.json",
        &serde_json::json!({"daily": "some", "fluctuates": false, "age": 30}),
    );
    let bad = write(
        &dir,
        "bad.json",
        &serde_json::json!({"daily": "loads", "fluctuates": false, "age": 30}),
    );
    let out = run(
        &["compare", DEMO_1, &good, &bad, "--date", "2026-06-01"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("bad.json: /daily:"), "{err}");
    let out = run(
        &[
            "compare",
            DEMO_1,
            &good,
            "missing.json",
            "--date",
            "2026-06-01",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &[
            "compare",
            DEMO_1,
            &good,
            &good,
            "--before-date",
            "2026-06-01",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn synthetic_reviews_verify_and_a_changed_one_does_not() {
    let dir = temp_dir("reviews");
    let out_dir = dir.join("docs").display().to_string();
    let out = run(
        &[
            "reviews", NORTHVALE, "--count", "3", "--seed", "5", "--out", &out_dir,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for n in 1..=3 {
        for kind in ["review", "submission"] {
            let path = format!("{out_dir}/{kind}-{n:06}.json");
            let out = run(&["verify", &path, "--scheme", NORTHVALE], None);
            assert_eq!(out.status.code(), Some(0), "{path}: {}", text(&out.stdout));
        }
    }
    let path = format!("{out_dir}/review-000001.json");
    let mut review: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    review["goals"][0]["goal"] = "goal-99".into();
    review["goals"][0]["progress"] = "going_well".into();
    let changed = write(&dir, "changed.json", &review);
    let out = run(&["verify", &changed, "--scheme", NORTHVALE], None);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains("/goals/0/goal: the plan has no goal \"goal-99\""),
        "{said}"
    );
    assert!(
        said.contains("/goals/0/progress: \"going_well\" is not a step of the scale"),
        "{said}"
    );
    // The same seed gives the same documents.
    let again = dir.join("again").display().to_string();
    run(
        &[
            "reviews", NORTHVALE, "--count", "3", "--seed", "5", "--out", &again,
        ],
        None,
    );
    assert_eq!(
        std::fs::read(format!("{again}/review-000002.json")).unwrap(),
        std::fs::read(format!("{out_dir}/review-000002.json")).unwrap()
    );
}

#[test]
fn outcomes_count_every_goal_suppress_small_cells_and_list_bad_files() {
    let dir = temp_dir("outcomes");
    let docs = dir.join("docs");
    let docs_dir = docs.display().to_string();
    let out = run(
        &[
            "reviews", NORTHVALE, "--count", "40", "--seed", "3", "--out", &docs_dir,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(
        docs.join("broken.json"),
        "{\"format\": \"waymark-review\", ",
    )
    .unwrap();
    // One review sent twice counts once.
    std::fs::copy(docs.join("review-000001.json"), dir.join("again.json")).unwrap();
    let report = dir.join("report").display().to_string();
    let again = dir.join("again.json").display().to_string();
    let out = run(
        &[
            "outcomes", &docs_dir, &again, "--out", &report, "--scheme", NORTHVALE,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("broken.json"));
    assert!(
        text(&out.stdout).starts_with("40 reviews and 40 submissions; 1 files could not be read")
    );

    // Every goal reviewed, by life area, from the documents themselves.
    let mut goals: std::collections::BTreeMap<String, (u64, std::collections::BTreeSet<u64>)> =
        Default::default();
    for n in 1..=40u64 {
        let path = docs.join(format!("review-{n:06}.json"));
        let review: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for g in review["goals"].as_array().unwrap() {
            let plan_goals = review["plan"]["goals"].as_array().unwrap();
            let goal = plan_goals.iter().find(|x| x["id"] == g["goal"]).unwrap();
            let entry = goals
                .entry(goal["area"].as_str().unwrap().to_owned())
                .or_default();
            entry.0 += 1;
            entry.1.insert(n);
        }
    }
    let csv = std::fs::read_to_string(dir.join("report/outcomes.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("breakdown,group,measure,people,count"));
    assert!(csv.contains("documents,reviews,received,40,40\n"));
    for (area, (count, people)) in &goals {
        let want = if people.len() >= 5 {
            format!("life_area,{area},goals,{},{count}\n", people.len())
        } else {
            format!("life_area,{area},goals,fewer than 5,suppressed\n")
        };
        assert!(csv.contains(&want), "{want} in {csv}");
    }
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let people = cells[3];
        assert!(
            people == "fewer than 5"
                || people == "held back"
                || people.parse::<u64>().unwrap() >= 5,
            "{line}"
        );
    }
    assert!(csv.contains("contingency,money_kept_aside,kept_aside,"));
    assert!(csv.contains("planned_spending_per_year,"));

    let html = std::fs::read_to_string(dir.join("report/outcomes.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<caption id=\"areas-caption\">How goals went, by life area</caption>"));
    assert!(html.contains("fewer than 5 people is not shown"));
    assert!(html.contains("broken.json"));
    // Life areas by the scheme's names, not their ids.
    assert!(
        html.contains("<th scope=\"row\">Physical health</th>"),
        "{html}"
    );
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
}

#[test]
fn one_small_part_of_a_total_takes_the_next_smallest_with_it() {
    let dir = temp_dir("outcomes-complement");
    let docs = dir.join("docs").display().to_string();
    run(
        &[
            "reviews", NORTHVALE, "--count", "200", "--seed", "1", "--out", &docs,
        ],
        None,
    );
    let report = dir.join("report").display().to_string();
    let out = run(&["outcomes", &docs, "--out", &report], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(dir.join("report/outcomes.csv")).unwrap();
    // In every life area with its total shown, either no part or at least two are hidden.
    let mut groups: std::collections::BTreeMap<&str, (bool, usize)> = Default::default();
    for line in csv.lines().filter(|l| l.starts_with("life_area,")) {
        let cells: Vec<&str> = line.split(',').collect();
        let entry = groups.entry(cells[1]).or_default();
        if cells[2] == "goals" {
            entry.0 = cells[4] != "suppressed";
        } else if cells[4] == "suppressed" {
            entry.1 += 1;
        }
    }
    assert!(!groups.is_empty());
    for (area, (total_shown, hidden)) in groups {
        assert!(!total_shown || hidden != 1, "{area}: {csv}");
    }
}

#[test]
fn the_reference_receiver_stores_a_review_once_and_refuses_a_wrong_one() {
    use waymark::receive::{Bytes, Receiver, Request};
    let dir = temp_dir("receive-review");
    let docs = dir.join("docs").display().to_string();
    run(
        &["reviews", NORTHVALE, "--count", "1", "--out", &docs],
        None,
    );
    let review = std::fs::read(dir.join("docs/review-000001.json")).unwrap();
    let scheme =
        waymark_engine::Scheme::from_json(&std::fs::read_to_string(NORTHVALE).unwrap()).unwrap();
    let store = waymark::submissions::Store::open(Path::new(":memory:")).unwrap();
    let deployment = waymark::words::Deployment::load(None).unwrap();
    let receiver = Receiver::new(vec![scheme], store, deployment, None, Vec::new());
    let post = |body: &[u8]| {
        let request = Request::builder()
            .method("POST")
            .uri("/reviews")
            .header("content-type", "application/json")
            .body(Bytes::copy_from_slice(body))
            .unwrap();
        let response = receiver.respond(request);
        let answer: Value = serde_json::from_slice(response.body()).unwrap();
        (response.status().as_u16(), answer)
    };
    let (status, answer) = post(&review);
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["reference"], "WM-000001");
    let (status, answer) = post(&review);
    assert_eq!((status, answer["repeat"].clone()), (200, Value::Bool(true)));
    let mut changed: Value = serde_json::from_slice(&review).unwrap();
    changed["goals"][0]["supports_used"] = serde_json::json!(["support-99"]);
    changed["idempotency_key"] = "00000000-0000-4000-8000-000000000009".into();
    let (status, answer) = post(changed.to_string().as_bytes());
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["differences"][0]["path"], "/goals/0/supports_used/0");
}
