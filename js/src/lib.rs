//! The engine as a JavaScript module: `loadScheme`, `estimate`, `validatePlan` and
//! `verifySubmission`, with TypeScript definitions.
//!
//! Every function takes JSON text or plain objects and returns plain objects; amounts stay
//! decimal strings. Problems are thrown as `{ issues: [{ code, path, message }] }`, so a
//! portal can put each message beside its field. The pure core of each function is a
//! `*_json` function over strings, tested natively.

use wasm_bindgen::prelude::*;
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::submission::{self, Submission};
use waymark_engine::{amount::parse_decimal, estimate, Answers, Date, Issue, Money, Scheme};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A problem: a stable code, a JSON Pointer to the field, a plain message. */
export interface Issue { code: string; path: string; message: string }
/** What every function throws on bad input. */
export interface WaymarkError { issues: Issue[] }
/** An exact amount written as a decimal string, like "1768.00". */
export type Decimal = string;
/** One step of an explanation. */
export interface ExplainedStep { id: string; label: string; description?: string; reason?: string; op: string; inputs: Array<{ label: string; value: Decimal; unit: "money" | "number"; source: { kind: string; [key: string]: unknown } }>; unit: "money" | "number"; unrounded?: Decimal; passed?: boolean; result: Decimal; text: string }
/** An indicative budget with its explanation. */
export interface Estimate { scheme: { id: string; version: string; title: string; owner: string; applies_from: string; applies_to?: string }; date: string; eligible: boolean; period: "annual" | "weekly" | "one_off"; annual: Decimal; weekly: Decimal | null; points: Decimal; sections: Array<{ id: string; title: string; points: Decimal; amount: Decimal | null }>; explanation: ExplainedStep[]; notices: Issue[] }
/** A finding of a plan check. */
export interface Finding { code: string; severity: "blocks" | "advice"; message: string; detail?: string; path: string }
/** A plan's costing and findings. */
export interface PlanReport { costing: { days: number; budget: Decimal; planned: Decimal; contingency: Decimal; remaining: Decimal; supports: unknown[]; by_goal: unknown[]; by_category: unknown[]; by_payer: unknown[] }; findings: Finding[]; blocked: boolean }
/** A difference between a submission and what the engine works out. */
export interface Difference { path: string; message: string }
"#;

/// A scheme, read and checked once, to pass to the other functions.
#[wasm_bindgen(js_name = Scheme)]
pub struct JsScheme(Scheme);

#[wasm_bindgen(js_class = Scheme)]
impl JsScheme {
    /// The scheme's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id.clone()
    }

    /// The scheme's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.0.version.clone()
    }

    /// The scheme's content hash, as a submission records it.
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> String {
        submission::content_hash(&self.0)
    }
}

/// Reads a scheme from JSON text or an object; throws `{ issues }` if it is not valid.
#[wasm_bindgen(js_name = loadScheme)]
pub fn load_scheme(scheme: JsValue) -> Result<JsScheme, JsValue> {
    Scheme::from_json(&text(&scheme)?)
        .map(JsScheme)
        .map_err(thrown)
}

/// Works out the estimate for answers on a date (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = estimate, unchecked_return_type = "Estimate")]
pub fn js_estimate(scheme: &JsScheme, answers: JsValue, date: &str) -> Result<JsValue, JsValue> {
    parse(&estimate_json(&scheme.0, &text(&answers)?, date).map_err(thrown)?)
}

/// Costs a plan and checks it against a yearly budget (a decimal string).
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "PlanReport")]
pub fn js_validate_plan(
    scheme: &JsScheme,
    plan: JsValue,
    budget: &str,
) -> Result<JsValue, JsValue> {
    parse(&validate_plan_json(&scheme.0, &text(&plan)?, budget).map_err(thrown)?)
}

/// Recomputes a submission; returns every difference (none means it verifies).
#[wasm_bindgen(js_name = verifySubmission, unchecked_return_type = "Difference[]")]
pub fn js_verify_submission(scheme: &JsScheme, submission: JsValue) -> Result<JsValue, JsValue> {
    parse(&verify_submission_json(&scheme.0, &text(&submission)?).map_err(thrown)?)
}

/// [`js_estimate`] over JSON text.
pub fn estimate_json(scheme: &Scheme, answers: &str, date: &str) -> Result<String, Vec<Issue>> {
    let date: Date = date.parse().map_err(|e: waymark_engine::date::DateError| {
        vec![Issue::new("invalid_date", "", e.to_string())]
    })?;
    let answers = Answers::from_json(answers)?;
    to_json(&estimate(scheme, &answers, date)?)
}

/// [`js_validate_plan`] over JSON text.
pub fn validate_plan_json(scheme: &Scheme, plan: &str, budget: &str) -> Result<String, Vec<Issue>> {
    let budget = parse_decimal(budget).map(Money).ok_or_else(|| {
        vec![Issue::new(
            "invalid_value",
            "",
            "give the budget as a decimal string, like \"7416.00\"",
        )]
    })?;
    to_json(&validate_plan(scheme, &Plan::from_json(plan)?, budget)?)
}

/// [`js_verify_submission`] over JSON text.
pub fn verify_submission_json(scheme: &Scheme, submission: &str) -> Result<String, Vec<Issue>> {
    to_json(&submission::verify(
        scheme,
        &Submission::from_json(submission)?,
    ))
}

fn to_json(value: &impl serde::Serialize) -> Result<String, Vec<Issue>> {
    serde_json::to_string(value).map_err(|e| vec![Issue::new("internal", "", e.to_string())])
}

/// JSON text from a string, or from an object by `JSON.stringify`.
fn text(value: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            thrown(vec![Issue::new(
                "invalid_json",
                "",
                "expected JSON text or a plain object",
            )])
        })
}

fn parse(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json)
}

fn thrown(issues: Vec<Issue>) -> JsValue {
    let body = serde_json::json!({ "issues": issues }).to_string();
    js_sys::JSON::parse(&body).unwrap_or_else(|_| JsValue::from_str(&body))
}
