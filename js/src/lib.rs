//! The engine as a JavaScript module: `loadScheme`, `estimate`, `whatWouldChange`,
//! `validatePlan` and `verifySubmission`, with TypeScript definitions.
//!
//! Functions take and return plain JavaScript objects (any input may also be JSON text).
//! They cross into wasm as one string each way, made by the browser's own `JSON.stringify`
//! and `JSON.parse`: measured in Chromium, that is faster than converting field by field
//! with `serde-wasm-bindgen` (15 µs against 21 µs for an estimate's figures) and keeps one
//! copy of the serde code in the module (see ARCHITECTURE.md). The answers are read
//! straight into the scheme's questions. Amounts stay decimal strings. `estimate` returns
//! the figures alone unless the caller asks for the explanation with `{ explain: true }`.
//! Problems are thrown as `{ issues: [{ code, path, message }] }`, each located by JSON
//! Pointer, so a portal can put each beside its field. The explanation is data: labels are
//! looked up in the scheme by id, and a portal writes sentences in its own words.

use serde::de::DeserializeSeed;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use waymark_engine::amount::parse_decimal;
use waymark_engine::answers::{check_given, AnswersSeed, GivenAnswers};
use waymark_engine::estimate::{estimate_checked, figures_checked, SchemeRef, FORMAT, VERSION};
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::scheme::Period;
use waymark_engine::submission::{self, Submission};
use waymark_engine::{what_would_change, Answers, Date, Issue, Money, Scheme};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A problem: a stable code, a JSON Pointer to the field, a plain message for staff. */
export interface Issue { code: string; path: string; message: string }
/** What every function throws on bad input. */
export interface WaymarkError { issues: Issue[] }
/** An exact amount written as a decimal string, like "1768.00". */
export type Decimal = string;
/** An answer as an answers file writes it: an option id, true or false, or a decimal string. */
export type AnswerValue = string | boolean;
/** A practitioner's adjustment, with the reason they give for it. */
export interface Adjustment { answer: string | number; reason: string }
/** Where a step's input came from, by id. */
export type Source =
  | { kind: "step"; step: string }
  | { kind: "parameter"; parameter: string; entry: number; from: string; to?: string; band?: number; option?: string; reference?: string }
  | { kind: "answer"; question: string; reason?: string }
  | { kind: "points"; question: string; answer?: AnswerValue }
  | { kind: "section"; section: string }
  | { kind: "fixed" }
  | { kind: "setting"; setting: string };
/** One step of an explanation: data, with no words. */
export interface ExplainedStep {
  id: string;
  kind: "points" | "sum" | "product" | "difference" | "percent" | "power" | "band" | "at_most" | "at_least" | "require" | "choose" | "round" | "divide" | "not_eligible" | "lookup" | "weighted" | "as_money" | "refer" | "conversation";
  inputs: Array<{ value: Decimal; unit: "money" | "number"; source: Source }>;
  unit: "money" | "number";
  unrounded?: Decimal;
  rounding?: { places: number; strategy: "half_up" | "half_down" | "half_even" | "up" | "down" };
  passed?: boolean;
  condition?: { holds: boolean; answers: Array<{ question: string; answer?: AnswerValue }> };
  answer?: { question: string; answer?: AnswerValue };
  result: Decimal;
}
/** Which scheme version produced an estimate. */
export interface SchemeRef { id: string; version: string; applies_from: string; applies_to?: string }
/** The figures of an estimate, without its explanation. */
export interface Figures { format: "waymark-estimate"; version: 2; scheme: SchemeRef; date: string; eligible: boolean; conversation?: true; period: "annual" | "weekly" | "one_off"; currency: string; annual: Decimal; weekly: Decimal | null }
/** An indicative budget with its explanation. */
export interface Estimate extends Figures { points: Decimal; sections: Array<{ id: string; points: Decimal; amount: Decimal | null }>; explanation: ExplainedStep[]; notices: Issue[] }
/** What `estimate` is asked for. */
export interface EstimateOptions { explain?: boolean }
/** For one question, the amount with each other answer. */
export interface QuestionAlternatives { question: string; current: AnswerValue; alternatives: Array<{ answer: AnswerValue; outcome: { eligible: boolean; conversation?: true; annual: Decimal; weekly: Decimal | null; change: Decimal | null } | null }> }
/** A finding of a plan check; the scheme's message is the check's with this code. */
export interface Finding { code: string; severity: "blocks" | "advice"; detail?: { kind: string; [key: string]: unknown }; path: string }
/** A plan's costing and findings. */
export interface PlanReport { costing: { days: number; budget: Decimal; budget_for_plan: Decimal; planned: Decimal; contingency: Decimal; remaining: Decimal; supports: Array<{ id: string; category: string; payer: string; per_year: Decimal; over_plan: Decimal }>; by_goal: GroupCost[]; by_category: GroupCost[]; by_payer: GroupCost[] }; findings: Finding[]; blocked: boolean }
/** A total for one goal, category or payer. */
export interface GroupCost { key: string; per_year: Decimal; over_plan: Decimal }
/** A difference between a submission and what the engine works out. */
export interface Difference { path: string; message: string }
/** Answers by question id. */
export type AnswersInput = Record<string, AnswerValue | number | Adjustment> | string;
export function estimate(scheme: Scheme, answers: AnswersInput, date: string): Figures;
export function estimate(scheme: Scheme, answers: AnswersInput, date: string, options: { explain: true }): Estimate;
export function estimate(scheme: Scheme, answers: AnswersInput, date: string, options?: EstimateOptions): Figures | Estimate;
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

    /// The languages the scheme is written in, the default first.
    #[wasm_bindgen(getter)]
    pub fn languages(&self) -> Vec<String> {
        self.0.languages.clone()
    }

    /// The scheme's content hash, as a submission records it.
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> String {
        submission::content_hash(&self.0)
    }

    /// The scheme file as an object, to look labels up by id.
    #[wasm_bindgen(getter, unchecked_return_type = "Record<string, unknown>")]
    pub fn file(&self) -> Result<JsValue, JsValue> {
        parsed(self.0.file())
    }
}

/// Reads a scheme from JSON text or an object; throws `{ issues }` if it is not valid.
#[wasm_bindgen(js_name = loadScheme)]
pub fn load_scheme(scheme: JsValue) -> Result<JsScheme, JsValue> {
    let text = json_text(&scheme).map_err(thrown)?;
    Scheme::from_json(&text).map(JsScheme).map_err(thrown)
}

/// The figures of an estimate, as the estimate document writes them.
#[derive(Serialize)]
struct FiguresDocument<'a> {
    format: &'static str,
    version: u32,
    scheme: SchemeRef,
    date: Date,
    eligible: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    conversation: bool,
    period: Period,
    currency: &'a str,
    annual: Money,
    weekly: Option<Money>,
}

/// Works out the estimate for answers on a date (`YYYY-MM-DD`): the figures alone, or with
/// `{ explain: true }` the whole estimate with its explanation.
#[wasm_bindgen(js_name = estimate, skip_typescript)]
pub fn js_estimate(
    scheme: &JsScheme,
    answers: JsValue,
    date: &str,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let scheme = &scheme.0;
    let date = date_of(date).map_err(thrown)?;
    let explain = explain(&options).map_err(thrown)?;
    let text = json_text(&answers).map_err(thrown)?;
    let checked = check_given(scheme, &given(scheme, &text).map_err(thrown)?);
    if explain {
        return parsed(&estimate_checked(scheme, &checked, date).map_err(thrown)?);
    }
    let f = figures_checked(scheme, &checked, date).map_err(thrown)?;
    parsed(&FiguresDocument {
        format: FORMAT,
        version: VERSION,
        scheme: SchemeRef::of(scheme),
        date,
        eligible: f.eligible,
        conversation: f.conversation,
        period: scheme.period,
        currency: scheme.currency.code(),
        annual: f.annual,
        weekly: f.weekly,
    })
}

/// For each question answered, the amount with each other answer, the others kept.
#[wasm_bindgen(js_name = whatWouldChange, unchecked_return_type = "QuestionAlternatives[]")]
pub fn js_what_would_change(
    scheme: &JsScheme,
    answers: JsValue,
    date: &str,
) -> Result<JsValue, JsValue> {
    let scheme = &scheme.0;
    let date = date_of(date).map_err(thrown)?;
    let answers = Answers::from_json(&json_text(&answers).map_err(thrown)?).map_err(thrown)?;
    let current = waymark_engine::estimate(scheme, &answers, date).map_err(thrown)?;
    parsed(&what_would_change(scheme, &answers, date, &current))
}

/// Costs a plan and checks it against a yearly budget (a decimal string).
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "PlanReport")]
pub fn js_validate_plan(
    scheme: &JsScheme,
    plan: JsValue,
    budget: &str,
) -> Result<JsValue, JsValue> {
    let budget = parse_decimal(budget).map(Money).ok_or_else(|| {
        thrown(vec![Issue::new(
            "invalid_value",
            "",
            "give the budget as a decimal string, like \"7416.00\"",
        )])
    })?;
    let plan = Plan::from_json(&json_text(&plan).map_err(thrown)?).map_err(thrown)?;
    parsed(&validate_plan(&scheme.0, &plan, budget).map_err(thrown)?)
}

/// Recomputes a submission; returns every difference (none means it verifies). Consent must
/// have words and a real RFC 3339 time, and the key must be a UUID; that the words are the
/// deployment's own is for the receiver to check against its catalogues, as
/// `waymark verify` and `waymark receive` do.
#[wasm_bindgen(js_name = verifySubmission, unchecked_return_type = "Difference[]")]
pub fn js_verify_submission(scheme: &JsScheme, submission: JsValue) -> Result<JsValue, JsValue> {
    let text = json_text(&submission).map_err(thrown)?;
    let submission = Submission::from_json(&text).map_err(thrown)?;
    parsed(&submission::verify(&scheme.0, &submission))
}

/// Whether the options (`undefined`, or `{ explain: true }`) ask for the explanation.
fn explain(options: &JsValue) -> Result<bool, Vec<Issue>> {
    if options.is_undefined() || options.is_null() {
        return Ok(false);
    }
    let refused = || {
        vec![Issue::new(
            "invalid_value",
            "",
            "options are an object like { explain: true }",
        )]
    };
    if !options.is_object() {
        return Err(refused());
    }
    let value =
        js_sys::Reflect::get(options, &JsValue::from_str("explain")).map_err(|_| refused())?;
    match value.as_bool() {
        Some(explain) => Ok(explain),
        None if value.is_undefined() => Ok(false),
        None => Err(refused()),
    }
}

/// Answers as JSON text, read straight into the scheme's questions.
fn given<'t>(scheme: &Scheme, text: &'t str) -> Result<GivenAnswers<'t>, Vec<Issue>> {
    let mut de = serde_json::Deserializer::from_str(text);
    AnswersSeed(scheme)
        .deserialize(&mut de)
        .and_then(|a| de.end().map(|()| a))
        .map_err(|e| vec![waymark_engine::json::issue_in(text, &e)])
}

/// JSON text as given, or made from a plain object by the browser's own `JSON.stringify`.
fn json_text(value: &JsValue) -> Result<String, Vec<Issue>> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    value
        .is_object()
        .then(|| js_sys::JSON::stringify(value).ok())
        .flatten()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            vec![Issue::new(
                "invalid_json",
                "",
                "expected JSON text or a plain object",
            )]
        })
}

fn date_of(text: &str) -> Result<Date, Vec<Issue>> {
    text.parse().map_err(|e: waymark_engine::date::DateError| {
        vec![Issue::new("invalid_date", "", e.to_string())]
    })
}

/// A value as a plain JavaScript object, by the browser's own `JSON.parse`.
fn parsed(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| thrown(vec![Issue::new("internal", "", e.to_string())]))?;
    js_sys::JSON::parse(&text)
}

fn thrown(issues: Vec<Issue>) -> JsValue {
    let body = serde_json::json!({ "issues": issues }).to_string();
    js_sys::JSON::parse(&body).unwrap_or_else(|_| JsValue::from_str(&body))
}
