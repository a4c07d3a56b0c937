//! `waymark validate` as councils and portals use it: the example plans, exit codes, the
//! JSON and text output, and a budget given directly or worked out from answers.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const WWW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../www");

const SOUTHMERE: &str = "southmere-existing-package-2026";
const EASTBROOK: &str = "eastbrook-substance-misuse-2026";
const NORTHVALE: &str = "northvale-recovery-2026";

fn waymark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .unwrap()
}

fn scheme(name: &str) -> String {
    format!("{WWW}/schemes/{name}.json")
}

fn plan(name: &str) -> String {
    format!("{WWW}/plans/{name}.json")
}

fn answers(name: &str) -> String {
    format!("{WWW}/plans/{name}.answers.json")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(o), stderr(o)))
}

/// A directory of its own for each test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("waymark-plan-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, value: &Value) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
        path.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Whether a JSON value is an amount written as a decimal string, like "-12.50" or "8821".
fn is_decimal_string(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        !digits.is_empty()
            && !digits.starts_with('.')
            && !digits.ends_with('.')
            && digits.matches('.').count() <= 1
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

/// Pence from a decimal string, for adding up totals exactly.
fn pence(v: &Value) -> i64 {
    let s = v.as_str().unwrap();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    assert!(fraction.len() <= 2, "{s} has more than two places");
    let fraction = format!("{fraction:0<2}");
    sign * (whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap())
}

/// The costing's amounts are decimal strings, each grouping adds up to the supports, what is
/// planned is what the budget pays over the plan, and what remains is the budget for the plan
/// less what is planned and kept aside.
fn assert_costing_adds_up(c: &Value) {
    for key in [
        "budget",
        "budget_for_plan",
        "planned",
        "contingency",
        "remaining",
    ] {
        assert!(is_decimal_string(&c[key]), "{key}: {}", c[key]);
    }
    for field in ["per_year", "over_plan"] {
        let supports: i64 = c["supports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                assert!(is_decimal_string(&s[field]), "{s}");
                pence(&s[field])
            })
            .sum();
        for grouping in ["by_goal", "by_category", "by_payer"] {
            let total: i64 = c[grouping]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| pence(&g[field]))
                .sum();
            assert_eq!(total, supports, "{grouping} {field}");
        }
    }
    let paid: i64 = c["supports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["payer"] == "budget")
        .map(|s| pence(&s["over_plan"]))
        .sum();
    assert_eq!(pence(&c["planned"]), paid);
    assert_eq!(
        pence(&c["remaining"]),
        pence(&c["budget_for_plan"]) - pence(&c["planned"]) - pence(&c["contingency"])
    );
}

fn support<'a>(c: &'a Value, id: &str) -> &'a Value {
    c["supports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no support {id}"))
}

#[test]
fn anns_plan_fits_her_southmere_budget_worked_out_from_her_answers() {
    let o = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--answers",
        &answers("ann-southmere"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let report = json(&o);
    let c = &report["costing"];
    // (£4,410.00 + £1,160.00 + £2,100.00) × 115% = £8,820.50, rounded up to £8,821.
    assert_eq!(c["budget"], "8821");
    // 1 July 2026 to 30 June 2027 is 365 days, so the plan has the whole year's budget:
    // £8,821 × 365 ÷ 365, to the penny.
    assert_eq!(c["days"], 365);
    assert_eq!(c["budget_for_plan"], "8821.00");
    // Over 365 days each support costs its yearly amount:
    // £45.00 × 2 × 52.143 + £90.00 × 25 + £290.00 × 3 + £4.75 × 52.143
    // = £4,692.87 + £2,250.00 + £870.00 + £247.68 (£247.679 25) = £8,060.55.
    assert_eq!(c["planned"], "8060.55");
    assert_eq!(c["contingency"], "700.00");
    // £8,821.00 − £8,060.55 − £700.00.
    assert_eq!(c["remaining"], "60.45");
    // Twice-weekly therapy: £90.00 × 52.143 weeks = £4,692.87 a year, and over the plan
    // £4,692.87 × 365 ÷ 365, the same (not £90.00 × 365 ÷ 7 = £4,692.86 by the week).
    assert_eq!(support(c, "psychotherapy")["per_year"], "4692.87");
    assert_eq!(support(c, "psychotherapy")["over_plan"], "4692.87");
    assert_eq!(support(c, "swimming")["over_plan"], "247.68");
    assert_costing_adds_up(c);
    assert_eq!(report["findings"], Value::Array(Vec::new()));
    assert_eq!(report["blocked"], false);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn the_eastbrook_plan_fits_its_budget_and_costs_part_periods_by_the_day() {
    let o = waymark(&[
        "validate",
        &scheme(EASTBROOK),
        &plan("eastbrook-recovery"),
        "--answers",
        &answers("eastbrook-recovery"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let report = json(&o);
    let c = &report["costing"];
    assert_eq!(c["budget"], "4250.00");
    // 6 July 2026 to 3 January 2027: 26 + 31 + 30 + 31 + 30 + 31 + 3 = 182 days.
    assert_eq!(c["days"], 182);
    // £4,250.00 × 182 ÷ 365 = £2,119.178…
    assert_eq!(c["budget_for_plan"], "2119.18");
    // A recurring support costs its yearly amount (Eastbrook counts 52 weeks a year) times
    // the days it runs in the plan over 365. Half a session a week of £40.00 counselling:
    // £20.00 × 52 = £1,040.00 a year; × 182 ÷ 365 = £518.575…
    assert_eq!(support(c, "counselling")["per_year"], "1040.00");
    assert_eq!(support(c, "counselling")["over_plan"], "518.58");
    // Ten acupuncture sessions bought once cost £25.00 × 10 in full, even in half a year.
    assert_eq!(support(c, "acupuncture")["over_plan"], "250.00");
    // A peer mentor for two hours a month: £15.00 × 2 × 12 = £360.00; × 182 ÷ 365 = £179.506…
    assert_eq!(support(c, "peer_mentor")["over_plan"], "179.51");
    // Tenancy support for 6 July to 4 October only (26 + 31 + 30 + 4 = 91 days) at £18.50 a
    // week: £18.50 × 52 = £962.00 a year; × 91 ÷ 365 = £239.841…
    assert_eq!(support(c, "tenancy")["per_year"], "962.00");
    assert_eq!(support(c, "tenancy")["over_plan"], "239.84");
    // Weekly fares: £18.40 × 52 = £956.80; × 182 ÷ 365 = £477.089…
    assert_eq!(support(c, "fares")["over_plan"], "477.09");
    // A monthly gym pass: £22.00 × 12 = £264.00; × 182 ÷ 365 = £131.638…
    assert_eq!(support(c, "gym")["over_plan"], "131.64");
    // £518.58 + £250.00 + £179.51 + £239.84 + £477.09 + £131.64.
    assert_eq!(c["planned"], "1796.66");
    assert_eq!(c["contingency"], "300.00");
    // £2,119.18 − £1,796.66 − £300.00.
    assert_eq!(c["remaining"], "22.52");
    // For a year the same supports would cost £1,040.00 + £250.00 + £360.00 + £962.00
    // + £956.80 + £264.00.
    let budget_paid = &c["by_payer"][0];
    assert_eq!(budget_paid["key"], "budget");
    assert_eq!(budget_paid["per_year"], "3832.80");
    assert_eq!(budget_paid["over_plan"], "1796.66");
    // Free support costs nothing, even in a category the budget cannot pay for.
    assert_eq!(support(c, "script")["per_year"], "0.00");
    assert_costing_adds_up(c);
    assert_eq!(report["findings"], Value::Array(Vec::new()));
    assert_eq!(report["blocked"], false);
}

#[test]
fn a_budget_given_directly_is_used_as_it_is() {
    let from_answers = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--answers",
        &answers("ann-southmere"),
    ]);
    let given = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--budget",
        "8821",
    ]);
    assert_eq!(given.status.code(), Some(0), "{}", stderr(&given));
    assert_eq!(json(&given), json(&from_answers));

    // A 365-day plan has the whole £8,000.00, which is £760.55 short of the £8,060.55 planned
    // and £700.00 kept aside, beyond the 2.5% tolerance (£8,200.00 in all): Southmere's
    // over-budget finding is advice, so nothing blocks.
    let lower = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--budget",
        "8000.00",
    ]);
    assert_eq!(lower.status.code(), Some(0), "{}", stderr(&lower));
    let report = json(&lower);
    assert_eq!(report["costing"]["remaining"], "-760.55");
    assert_eq!(report["blocked"], false);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "over_budget");
    assert_eq!(findings[0]["severity"], "advice");
    assert_eq!(findings[0]["path"], "/supports");
    assert_eq!(
        findings[0]["detail"],
        serde_json::json!({"kind": "over_budget", "over": "760.55", "budget": "8000.00"})
    );
}

#[test]
fn a_short_plan_is_compared_with_the_budget_for_its_days() {
    // Eastbrook's plan runs for 182 days. £4,100.00 a year would cover a year of it
    // (£3,832.80 + £300.00 = £4,132.80 is within 2% of £4,100.00, £4,182.00), but not these
    // 182 days with its one-off acupuncture: £4,100.00 × 182 ÷ 365 = £2,044.383…, so
    // £2,044.38, and £2,044.38 × 102% = £2,085.27 is less than £1,796.66 + £300.00 =
    // £2,096.66, which is £52.28 over. Eastbrook's over-budget finding blocks.
    let o = waymark(&[
        "validate",
        &scheme(EASTBROOK),
        &plan("eastbrook-recovery"),
        "--budget",
        "4100.00",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report = json(&o);
    let c = &report["costing"];
    assert_eq!(c["budget"], "4100.00");
    assert_eq!(c["budget_for_plan"], "2044.38");
    assert_eq!(c["planned"], "1796.66");
    assert_eq!(c["remaining"], "-52.28");
    assert_costing_adds_up(c);
    assert_eq!(report["blocked"], true);
    // £300.00 kept aside is between 5% and 20% of £2,044.38 (£102.22 and £408.88), so the
    // only finding is the budget.
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "over_budget");
    assert_eq!(findings[0]["severity"], "blocks");
    assert_eq!(findings[0]["path"], "/supports");
    assert_eq!(
        findings[0]["detail"],
        serde_json::json!({"kind": "over_budget", "over": "52.28", "budget": "2044.38"})
    );
}

#[test]
fn answers_are_estimated_on_the_plans_first_day_unless_a_date_is_given() {
    let scratch = Scratch::new("date");
    let cases = read(&format!("{WWW}/schemes/{NORTHVALE}.tests.json"));
    // The first plan case starts on 1 June 2026; the first estimate case gets £7,416.00 then
    // and £7,700.00 from 1 October 2026, when the price per point goes up.
    let plan_file = scratch.write("plan.json", &cases["plans"][0]["plan"]);
    let answers_file = scratch.write("answers.json", &cases["cases"][0]["answers"]);
    let northvale = scheme(NORTHVALE);
    let budget = |extra: &[&str]| {
        let mut args = vec![
            "validate",
            northvale.as_str(),
            &plan_file,
            "--answers",
            &answers_file,
        ];
        args.extend_from_slice(extra);
        let o = waymark(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&o)["costing"].clone()
    };
    let first_day = budget(&[]);
    assert_eq!(first_day["budget"], "7416.00");
    assert_eq!(first_day["remaining"], "418.00");
    let october = budget(&["--date", "2026-10-01"]);
    assert_eq!(october["budget"], "7700.00");
    assert_eq!(october["remaining"], "702.00");
}

#[test]
fn a_blocked_plan_exits_1_and_still_prints_its_costing_and_findings() {
    let scratch = Scratch::new("blocked");
    let mut p = read(&plan("eastbrook-recovery"));
    p["holding"] = serde_json::json!({"kind": "individual_service_fund"});
    p["review"] = "2027-01-04".into();
    let path = scratch.write("blocked.json", &p);
    let o = waymark(&["validate", &scheme(EASTBROOK), &path, "--budget", "4250.00"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(report["blocked"], true);
    assert_eq!(report["costing"]["planned"], "1796.66");
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["holding_not_offered", "review_within"]);
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "blocks");
    assert_eq!(first["path"], "/holding/kind");
    assert_eq!(
        first.get("message"),
        None,
        "the scheme's message is found by code"
    );
    assert_eq!(
        report["findings"][1]["detail"],
        serde_json::json!({"kind": "review", "date": "2027-01-04", "days": 180})
    );
}

#[test]
fn text_output_reads_as_a_summary_with_findings_in_plain_words() {
    let o = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--answers",
        &answers("ann-southmere"),
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Plan of 365 days\n"), "{text}");
    assert!(
        text.contains(
            "Budget £8,821.00 a year, £8,821.00 for this plan; planned £8,060.55, kept aside £700.00, remaining £60.45"
        ),
        "{text}"
    );
    for heading in ["By goal", "By kind of support", "By who pays"] {
        assert!(text.contains(&format!("\n{heading}\n")), "{text}");
    }
    assert!(text.contains("Stop taking overdoses"), "{text}");
    assert!(
        text.contains("Psychological therapy and counselling"),
        "{text}"
    );
    assert!(text.contains("The plan meets every check."), "{text}");

    let scratch = Scratch::new("text");
    let mut p = read(&plan("ann-southmere"));
    p["holding"] = serde_json::json!({"kind": "individual_service_fund"});
    let path = scratch.write("blocked.json", &p);
    let o = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &path,
        "--budget",
        "8000.00",
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    let blocks = text
        .find("\nNeeds changing: The trust doesn't offer")
        .unwrap();
    let advice = text
        .find("\nAdvice: Your plan comes to more than your indicative budget.")
        .unwrap();
    assert!(blocks < advice, "{text}");
    assert!(
        text.contains("[holding_not_offered /holding/kind]"),
        "{text}"
    );
    assert!(
        text.contains(
            "(£760.55 over the budget of £8,000.00 for this plan) [over_budget /supports]"
        ),
        "{text}"
    );
    assert!(!text.contains("The plan meets every check."), "{text}");
}

#[test]
fn bad_input_exits_2_naming_the_file_and_the_path() {
    let scratch = Scratch::new("bad");
    let mut p = read(&plan("eastbrook-recovery"));
    p["supports"][5]["category"] = "gym_membership".into();
    p["goals"][0]["area"] = "wellbeing".into();
    let unknown = scratch.write("unknown.json", &p);
    let o = waymark(&[
        "validate",
        &scheme(EASTBROOK),
        &unknown,
        "--budget",
        "4250.00",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{unknown}: /goals/0/area: \"wellbeing\" is not one of this scheme's life areas [unknown_area]"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{unknown}: /supports/5/category: \"gym_membership\" is not one of this scheme's kinds of support [unknown_category]"
        )),
        "{err}"
    );

    // Money written as a JSON number is refused while reading, with its path.
    let mut p = read(&plan("eastbrook-recovery"));
    p["supports"][0]["amount"] = serde_json::json!(40.5);
    let float = scratch.write("float.json", &p);
    let o = waymark(&[
        "validate",
        &scheme(EASTBROOK),
        &float,
        "--budget",
        "4250.00",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{float}: /supports/0/amount: ")),
        "{}",
        stderr(&o)
    );

    // Answers that do not give an estimate are bad input too, located in the answers file.
    let mut a = read(&answers("ann-southmere"));
    a.as_object_mut().unwrap().remove("expected_use");
    let incomplete = scratch.write("answers.json", &a);
    let o = waymark(&[
        "validate",
        &scheme(SOUTHMERE),
        &plan("ann-southmere"),
        "--answers",
        &incomplete,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{incomplete}: /expected_use: ")),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("[missing_answer]"), "{}", stderr(&o));
}

#[test]
fn the_budget_must_be_given_one_way_and_be_an_amount() {
    let s = scheme(SOUTHMERE);
    let p = plan("ann-southmere");
    let a = answers("ann-southmere");
    for args in [
        vec!["validate", &s, &p],
        vec!["validate", &s, &p, "--budget", "8821", "--answers", &a],
        vec!["validate", &s, &p, "--budget", "£8,821"],
        vec!["validate", &s, &p, "--budget", "8821", "--format", "html"],
        vec!["validate", &s],
    ] {
        let o = waymark(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
}
