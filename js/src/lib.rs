//! The engine as a JavaScript module: `loadScheme`, `estimate`, `whatWouldChange`,
//! `validatePlan` and `verifySubmission`, with TypeScript definitions.
//!
//! Functions take and return plain JavaScript objects, converted by `serde-wasm-bindgen`
//! without a round trip through JSON text; a scheme (or any input) may also be given as
//! JSON text. Amounts stay decimal strings. `estimate` returns the figures alone unless
//! the caller asks for the explanation with `{ explain: true }`. Problems are thrown as
//! `{ issues: [{ code, path, message }] }`, each located by JSON Pointer, so a portal can
//! put each beside its field. The explanation is data: labels are looked up in the scheme
//! by id, and a portal writes sentences in its own words.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use waymark_engine::amount::parse_decimal;
use waymark_engine::estimate::{Estimate, SchemeRef, FORMAT, VERSION};
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::scheme::Period;
use waymark_engine::submission::{self, Submission};
use waymark_engine::{figures, what_would_change, Answers, Date, Issue, Money, Scheme};

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
/** Where a step's input came from, by id. */
export type Source =
  | { kind: "step"; step: string }
  | { kind: "parameter"; parameter: string; entry: number; from: string; to?: string; band?: number; reference?: string }
  | { kind: "answer"; question: string }
  | { kind: "points"; question: string; answer?: AnswerValue }
  | { kind: "section"; section: string }
  | { kind: "fixed" }
  | { kind: "setting"; setting: string };
/** One step of an explanation: data, with no words. */
export interface ExplainedStep {
  id: string;
  kind: "points" | "sum" | "product" | "difference" | "percent" | "power" | "band" | "at_most" | "at_least" | "require" | "choose" | "round" | "divide" | "not_eligible";
  inputs: Array<{ value: Decimal; unit: "money" | "number"; source: Source }>;
  unit: "money" | "number";
  unrounded?: Decimal;
  rounding?: { places: number; strategy: "half_up" | "half_down" | "half_even" | "up" | "down" };
  passed?: boolean;
  condition?: { holds: boolean; answers: Array<{ question: string; answer?: AnswerValue }> };
  result: Decimal;
}
/** Which scheme version produced an estimate. */
export interface SchemeRef { id: string; version: string; applies_from: string; applies_to?: string }
/** The figures of an estimate, without its explanation. */
export interface Figures { format: "waymark-estimate"; version: 2; scheme: SchemeRef; date: string; eligible: boolean; period: "annual" | "weekly" | "one_off"; currency: string; annual: Decimal; weekly: Decimal | null }
/** An indicative budget with its explanation. */
export interface Estimate extends Figures { points: Decimal; sections: Array<{ id: string; points: Decimal; amount: Decimal | null }>; explanation: ExplainedStep[]; notices: Issue[] }
/** What `estimate` is asked for. */
export interface EstimateOptions { explain?: boolean }
/** For one question, the amount with each other answer. */
export interface QuestionAlternatives { question: string; current: AnswerValue; alternatives: Array<{ answer: AnswerValue; outcome: { eligible: boolean; annual: Decimal; weekly: Decimal | null; change: Decimal } | null }> }
/** A finding of a plan check; the scheme's message is the check's with this code. */
export interface Finding { code: string; severity: "blocks" | "advice"; detail?: { kind: string; [key: string]: unknown }; path: string }
/** A plan's costing and findings. */
export interface PlanReport { costing: { days: number; budget: Decimal; budget_for_plan: Decimal; planned: Decimal; contingency: Decimal; remaining: Decimal; supports: Array<{ id: string; category: string; payer: string; per_year: Decimal; over_plan: Decimal }>; by_goal: GroupCost[]; by_category: GroupCost[]; by_payer: GroupCost[] }; findings: Finding[]; blocked: boolean }
/** A total for one goal, category or payer. */
export interface GroupCost { key: string; per_year: Decimal; over_plan: Decimal }
/** A difference between a submission and what the engine works out. */
export interface Difference { path: string; message: string }
export function estimate(scheme: Scheme, answers: Record<string, AnswerValue | number> | string, date: string): Figures;
export function estimate(scheme: Scheme, answers: Record<string, AnswerValue | number> | string, date: string, options: { explain: true }): Estimate;
export function estimate(scheme: Scheme, answers: Record<string, AnswerValue | number> | string, date: string, options?: EstimateOptions): Figures | Estimate;
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
        to_js(self.0.file())
    }
}

/// Reads a scheme from JSON text or an object; throws `{ issues }` if it is not valid.
#[wasm_bindgen(js_name = loadScheme)]
pub fn load_scheme(scheme: JsValue) -> Result<JsScheme, JsValue> {
    let scheme = match scheme.as_string() {
        Some(text) => Scheme::from_json(&text),
        None => from_js(scheme).and_then(Scheme::new),
    };
    scheme.map(JsScheme).map_err(thrown)
}

/// What `estimate` may be asked for.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    explain: bool,
}

/// The figures of an estimate, as the estimate document writes them.
#[derive(Serialize)]
struct FiguresDocument<'a> {
    format: &'static str,
    version: u32,
    scheme: SchemeRef,
    date: Date,
    eligible: bool,
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
    let answers: Answers = input(answers).map_err(thrown)?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        from_js(options).map_err(thrown)?
    };
    if options.explain {
        let e: Estimate = waymark_engine::estimate(scheme, &answers, date).map_err(thrown)?;
        return to_js(&e);
    }
    let f = figures(scheme, &answers, date).map_err(thrown)?;
    to_js(&FiguresDocument {
        format: FORMAT,
        version: VERSION,
        scheme: SchemeRef::of(scheme),
        date,
        eligible: f.eligible,
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
    let answers: Answers = input(answers).map_err(thrown)?;
    let current = waymark_engine::estimate(scheme, &answers, date).map_err(thrown)?;
    to_js(&what_would_change(scheme, &answers, date, &current))
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
    let plan: Plan = input(plan).map_err(thrown)?;
    to_js(&validate_plan(&scheme.0, &plan, budget).map_err(thrown)?)
}

/// Recomputes a submission; returns every difference (none means it verifies).
#[wasm_bindgen(js_name = verifySubmission, unchecked_return_type = "Difference[]")]
pub fn js_verify_submission(scheme: &JsScheme, submission: JsValue) -> Result<JsValue, JsValue> {
    let text = match submission.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&submission)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| thrown(vec![not_an_object()]))?,
    };
    let submission = Submission::from_json(&text).map_err(thrown)?;
    to_js(&submission::verify(&scheme.0, &submission))
}

fn date_of(text: &str) -> Result<Date, Vec<Issue>> {
    text.parse().map_err(|e: waymark_engine::date::DateError| {
        vec![Issue::new("invalid_date", "", e.to_string())]
    })
}

fn not_an_object() -> Issue {
    Issue::new("invalid_json", "", "expected JSON text or a plain object")
}

/// An input given as JSON text or as a plain object, read strictly either way.
fn input<T: DeserializeOwned>(value: JsValue) -> Result<T, Vec<Issue>> {
    match value.as_string() {
        Some(text) => waymark_engine::json::from_str(&text).map_err(|e| vec![e]),
        None => from_js(value),
    }
}

/// A plain object read as `T`, with any problem located by JSON Pointer.
fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Vec<Issue>> {
    if !value.is_object() {
        return Err(vec![not_an_object()]);
    }
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path: String = e
            .path()
            .iter()
            .filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => {
                    Some(format!("/{}", key.replace('~', "~0").replace('/', "~1")))
                }
                serde_path_to_error::Segment::Enum { variant } => Some(format!("/{variant}")),
                serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        vec![Issue::new("invalid_value", path, e.inner().to_string())]
    })
}

/// A value as a plain JavaScript object (maps as objects, not `Map`s).
fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| thrown(vec![Issue::new("internal", "", e.to_string())]))
}

fn thrown(issues: Vec<Issue>) -> JsValue {
    #[derive(Serialize)]
    struct Thrown {
        issues: Vec<Issue>,
    }
    Thrown { issues }
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| JsValue::from_str(&e.to_string()))
}
