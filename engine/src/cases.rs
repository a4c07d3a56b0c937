//! Scheme test cases: a sentence-like name, a date, answers, and exact expected results.
//!
//! They live beside each scheme file as `NAME.tests.json` and run in `waymark test`.

use crate::amount::Money;
use crate::answers::Answers;
use crate::date::Date;
use crate::estimate::estimate;
use crate::explain::replay;
use crate::issue::Issue;
use crate::plan::{validate_plan, Plan};
use crate::scheme::Scheme;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A file of test cases for one scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// Where an editor finds the JSON Schema for this file; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// The scheme file these cases test, relative to this file.
    pub scheme: String,
    /// The cases.
    pub cases: Vec<Case>,
    /// Test cases for recovery support plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<PlanCase>,
}

impl CaseFile {
    /// Reads a case file strictly.
    pub fn from_json(text: &str) -> Result<CaseFile, Issue> {
        crate::limits::within(text, crate::limits::CASES_BYTES, "test-case file")?;
        crate::json::from_str(text)
    }
}

/// One test case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case shows, as a sentence: "In June 2026, a person with 34 points gets £1,768.00 a year".
    pub name: String,
    /// The assessment date.
    pub date: Date,
    /// The answers.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "BTreeMap<String, serde_json::Value>")
    )]
    pub answers: Answers,
    /// What must come out.
    pub expect: Expect,
}

/// Expected results; only what is given is checked, and amounts must be equal exactly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Whether the person is eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible: Option<bool>,
    /// Whether the answers need a conversation with the council rather than an amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<bool>,
    /// The yearly amount (the payment, for a one-off scheme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual: Option<Money>,
    /// The weekly amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Money>,
    /// Money by section id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, Money>,
    /// The codes of the issues that must stop the estimate, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
}

/// Runs a case: an empty list means it passed; otherwise, each difference in words.
pub fn run_case(scheme: &Scheme, case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    match estimate(scheme, &case.answers, case.date) {
        Err(issues) => {
            let mut got: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
            let mut want: Vec<&str> = case.expect.issues.iter().map(String::as_str).collect();
            got.sort_unstable();
            want.sort_unstable();
            if got != want {
                let detail: Vec<String> = issues.iter().map(Issue::to_string).collect();
                out.push(format!(
                    "expected issues {want:?}, got: {}",
                    detail.join("; ")
                ));
            }
        }
        Ok(e) => {
            let x = &case.expect;
            if !x.issues.is_empty() {
                out.push(format!(
                    "expected issues {:?}, but got an estimate",
                    x.issues
                ));
            }
            if x.eligible.is_some_and(|want| want != e.eligible) {
                out.push(format!(
                    "expected eligible {}, got {}",
                    !e.eligible, e.eligible
                ));
            }
            if x.conversation.is_some_and(|want| want != e.conversation) {
                out.push(format!(
                    "expected conversation {}, got {}",
                    !e.conversation, e.conversation
                ));
            }
            if x.annual.is_some_and(|want| want != e.annual) {
                out.push(format!(
                    "expected annual {}, got {}",
                    x.annual.unwrap_or_default(),
                    e.annual
                ));
            }
            if x.weekly.is_some() && x.weekly != e.weekly {
                let got = e.weekly.map_or("none".into(), |w| w.to_string());
                out.push(format!(
                    "expected weekly {}, got {got}",
                    x.weekly.unwrap_or_default()
                ));
            }
            for (id, want) in &x.sections {
                let got = e
                    .sections
                    .iter()
                    .find(|s| &s.id == id)
                    .and_then(|s| s.amount);
                if got != Some(*want) {
                    let got = got.map_or("none".into(), |m| m.to_string());
                    out.push(format!("expected section {id} {want}, got {got}"));
                }
            }
            match replay(&e.explanation) {
                Ok(r)
                    if r.results.get("annual") == Some(&e.annual.0)
                        && r.eligible == e.eligible
                        && r.conversation == e.conversation => {}
                Ok(_) => out.push("the explanation does not reproduce the amount".into()),
                Err(err) => out.push(format!(
                    "the explanation does not add up at step {}: {}",
                    err.step + 1,
                    err.message
                )),
            }
        }
    }
    out
}

/// A test case for a recovery support plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanCase {
    /// What the case shows, as a sentence.
    pub name: String,
    /// The budget the plan is checked against.
    pub budget: Money,
    /// The plan.
    pub plan: Plan,
    /// What must come out.
    pub expect: PlanExpect,
}

/// Expected plan results; amounts must be equal exactly, and `findings` lists every
/// finding's code, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanExpect {
    /// The budget for the plan's days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_for_plan: Option<Money>,
    /// What the budget pays for over the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Money>,
    /// The budget less what is planned and kept aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<Money>,
    /// Whether something blocks the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// The codes of the findings, blocking ones first, each in the order checked.
    #[serde(default)]
    pub findings: Vec<String>,
    /// The codes of the issues that must stop the plan being checked at all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
}

/// Runs a plan case: an empty list means it passed.
pub fn run_plan_case(scheme: &Scheme, case: &PlanCase) -> Vec<String> {
    let x = &case.expect;
    let report = match validate_plan(scheme, &case.plan, case.budget) {
        Err(issues) => {
            let got: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
            return if got == x.issues.iter().map(String::as_str).collect::<Vec<_>>() {
                Vec::new()
            } else {
                let detail: Vec<String> = issues.iter().map(Issue::to_string).collect();
                vec![format!(
                    "expected issues {:?}, got: {}",
                    x.issues,
                    detail.join("; ")
                )]
            };
        }
        Ok(report) => report,
    };
    let mut out = Vec::new();
    if !x.issues.is_empty() {
        out.push(format!(
            "expected issues {:?}, but the plan was checked",
            x.issues
        ));
    }
    let c = &report.costing;
    if x.budget_for_plan
        .is_some_and(|want| want != c.budget_for_plan)
    {
        let want = x.budget_for_plan.unwrap_or_default();
        out.push(format!(
            "expected budget_for_plan {want}, got {}",
            c.budget_for_plan
        ));
    }
    if x.planned.is_some_and(|want| want != c.planned) {
        out.push(format!(
            "expected planned {}, got {}",
            x.planned.unwrap_or_default(),
            c.planned
        ));
    }
    if x.remaining.is_some_and(|want| want != c.remaining) {
        out.push(format!(
            "expected remaining {}, got {}",
            x.remaining.unwrap_or_default(),
            c.remaining
        ));
    }
    if x.blocked.is_some_and(|want| want != report.blocked) {
        out.push(format!(
            "expected blocked {}, got {}",
            !report.blocked, report.blocked
        ));
    }
    let got: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    if got != x.findings.iter().map(String::as_str).collect::<Vec<_>>() {
        out.push(format!("expected findings {:?}, got {got:?}", x.findings));
    }
    out
}
