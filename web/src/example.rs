//! A worked example: the first case in a scheme's tests file, run through the engine.
//!
//! The estimate is read through its JSON form (`serde_json::to_value`), the same shape the
//! command-line tool prints, so the page depends only on that documented shape.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;
use waymark_engine::amount::format_money;
use waymark_engine::{Answers, Date, Issue, Scheme};

/// What the page shows for one worked example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// Who runs the scheme, shown in the header.
    pub owner: String,
    /// The name of the test case the answers come from.
    pub case: String,
    /// The assessment date, written for people: `1 June 2026`.
    pub date: String,
    /// What the engine made of the answers.
    pub outcome: Outcome,
}

/// An estimate as the page shows it, with amounts already written for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The scheme's title, as the estimate names it.
    pub title: String,
    /// The scheme version that produced the estimate.
    pub version: String,
    /// Whether the answers qualify for a budget.
    pub eligible: bool,
    /// The yearly amount, like `£1,768.00`.
    pub annual: String,
    /// The weekly amount, like `£34.00`, when the scheme has one.
    pub weekly: Option<String>,
    /// The explanation, one sentence a step, in order.
    pub steps: Vec<String>,
}

/// A scheme's tests file; only the parts the page shows are read.
#[derive(Deserialize)]
struct TestFile {
    cases: Vec<Case>,
}

/// One test case: answers on a date.
#[derive(Deserialize)]
struct Case {
    name: String,
    date: String,
    answers: Value,
}

/// Runs the first case of `tests_text` against the scheme in `scheme_text`.
///
/// Every problem comes back as a plain-language message; nothing here panics on bad data.
pub fn run(scheme_text: &str, tests_text: &str) -> Result<Example, Vec<String>> {
    let scheme = Scheme::from_json(scheme_text).map_err(|issues| described("scheme", &issues))?;
    let tests: TestFile = serde_json::from_str(tests_text)
        .map_err(|e| vec![format!("the tests file is not valid: {e}")])?;
    let case = tests
        .cases
        .first()
        .ok_or_else(|| vec!["the tests file has no cases".to_owned()])?;
    let answers = Answers::from_json(&case.answers.to_string())
        .map_err(|issues| described("answers", &issues))?;
    let date: Date = case
        .date
        .parse()
        .map_err(|e| vec![format!("the date of case {:?}: {e}", case.name)])?;
    let estimate = waymark_engine::estimate(&scheme, &answers, date)
        .map_err(|issues| described("estimate", &issues))?;
    let estimate = serde_json::to_value(&estimate)
        .map_err(|e| vec![format!("the estimate could not be read: {e}")])?;
    let outcome = read(&estimate, scheme.currency.symbol()).map_err(|message| vec![message])?;
    Ok(Example {
        owner: scheme.owner.clone(),
        case: case.name.clone(),
        date: long_date(date),
        outcome,
    })
}

/// Writes a date the GOV.UK way: `1 June 2026`.
fn long_date(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(usize::from(date.month()).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// Prefixes each issue with what it was found in.
fn described(what: &str, issues: &[Issue]) -> Vec<String> {
    issues
        .iter()
        .map(|issue| format!("{what} {issue}"))
        .collect()
}

/// Reads the fields the page shows from an estimate's JSON form.
fn read(estimate: &Value, symbol: &str) -> Result<Outcome, String> {
    let text = |pointer: &str| {
        estimate
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("the estimate has no text at {pointer}"))
    };
    let money = |pointer: &str| -> Result<String, String> {
        let written = text(pointer)?;
        Decimal::from_str_exact(&written)
            .map(|amount| format_money(amount, symbol))
            .map_err(|_| format!("the estimate's {pointer} is not an amount: {written:?}"))
    };
    let weekly = match estimate.pointer("/weekly") {
        None | Some(Value::Null) => None,
        Some(_) => Some(money("/weekly")?),
    };
    let steps = estimate
        .pointer("/explanation")
        .and_then(Value::as_array)
        .ok_or_else(|| "the estimate has no explanation".to_owned())?
        .iter()
        .map(|step| {
            step.get("text")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| "an explanation step has no text".to_owned())
        })
        .collect::<Result<_, _>>()?;
    Ok(Outcome {
        title: text("/scheme/title")?,
        version: text("/scheme/version")?,
        eligible: estimate
            .pointer("/eligible")
            .and_then(Value::as_bool)
            .ok_or_else(|| "the estimate does not say whether it is eligible".to_owned())?,
        annual: money("/annual")?,
        weekly,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use serde_json::json;
    use std::fs;
    use std::path::Path;

    #[test]
    fn reads_an_estimate_in_the_documented_shape() {
        let estimate = json!({
            "scheme": {"title": "Recovery budgets", "version": "2026.1"},
            "eligible": true,
            "annual": "1768.00",
            "weekly": "34.00",
            "explanation": [
                {"label": "points", "text": "Your answers score 17 points."},
                {"label": "price", "text": "17 points at £104.00 a point is £1,768.00."}
            ]
        });
        let shown = read(&estimate, "£").unwrap();
        assert_eq!(shown.title, "Recovery budgets");
        assert_eq!(shown.version, "2026.1");
        assert!(shown.eligible);
        assert_eq!(shown.annual, "£1,768.00");
        assert_eq!(shown.weekly.as_deref(), Some("£34.00"));
        assert_eq!(shown.steps.len(), 2);
        assert_eq!(shown.steps[0], "Your answers score 17 points.");
    }

    #[test]
    fn a_null_weekly_amount_is_left_out() {
        let estimate = json!({
            "scheme": {"title": "One-off grant", "version": "1"},
            "eligible": true,
            "annual": "250.00",
            "weekly": null,
            "explanation": []
        });
        assert_eq!(read(&estimate, "£").unwrap().weekly, None);
    }

    #[test]
    fn a_missing_field_is_reported_not_panicked_on() {
        let estimate = json!({
            "scheme": {"title": "t", "version": "v"},
            "eligible": true,
            "explanation": []
        });
        assert_eq!(
            read(&estimate, "£").unwrap_err(),
            "the estimate has no text at /annual"
        );
    }

    #[test]
    fn dates_are_written_for_people() {
        assert_eq!(long_date("2026-06-01".parse().unwrap()), "1 June 2026");
        assert_eq!(long_date("2027-12-31".parse().unwrap()), "31 December 2027");
    }

    #[test]
    fn a_broken_scheme_is_reported() {
        let problems = run("{", r#"{"cases": []}"#).unwrap_err();
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| p.starts_with("scheme ")));
    }

    /// The site's default example runs natively and gives what its tests file expects.
    #[test]
    fn the_default_example_on_the_site_runs() {
        let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let config = Config::from_json(&fs::read_to_string(www.join("config.json")).unwrap())
            .expect("config.json is valid");
        let entry = config.default_scheme().unwrap();
        let scheme = fs::read_to_string(www.join(&entry.path)).unwrap();
        let tests = fs::read_to_string(www.join(&entry.tests)).unwrap();
        let shown = run(&scheme, &tests).expect("the default example runs");

        let tests: Value = serde_json::from_str(&tests).unwrap();
        let expect = &tests["cases"][0]["expect"];
        let expected_annual = Decimal::from_str_exact(expect["annual"].as_str().unwrap()).unwrap();
        assert_eq!(shown.outcome.annual, format_money(expected_annual, "£"));
        assert!(!shown.outcome.steps.is_empty());
    }
}
