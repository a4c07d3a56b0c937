//! Explanations: the ordered steps behind every amount, and a replay that checks them.
//!
//! An explanation is a value the engine returns, never a global trace, so the browser,
//! the command-line tool and the tests all see the same steps. Each step carries the
//! values it read, so [`replay`] can redo the arithmetic from the explanation alone.

use crate::amount::{format_money, Rounding};
use crate::date::Date;
use crate::scheme::{Reference, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExplainedStep {
    /// The scheme step's id, or `annual` and `weekly` for the engine's closing steps.
    pub id: String,
    /// What the step does, in plain words.
    pub label: String,
    /// Why the step is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The recorded reason for an adjustment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The arithmetic done.
    pub op: Op,
    /// The values read, in order.
    pub inputs: Vec<Input>,
    /// Whether the result is money or a number.
    pub unit: Unit,
    /// The result before rounding, when the step rounds.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unrounded: Option<Decimal>,
    /// The rounding applied, when the step rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// For an eligibility threshold: whether it was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// The step's result.
    #[serde(with = "rust_decimal::serde::str")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub result: Decimal,
    /// The step as a sentence a person can read, like "34 × £52.00 = £1,768.00".
    pub text: String,
}

/// The arithmetic a step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Adds up answers' points.
    Points,
    /// Adds the inputs.
    Sum,
    /// Multiplies the inputs.
    Product,
    /// The first input minus the second.
    Difference,
    /// The second input per cent of the first.
    Percent,
    /// The first input to the power of the second.
    Power,
    /// The value of the band (second input) that the score (first input) falls in.
    Band,
    /// The smaller of the two inputs.
    AtMost,
    /// The larger of the two inputs.
    AtLeast,
    /// The first input, tested against the threshold (second input).
    Require,
    /// The one input that the step's condition chose.
    Choose,
    /// The one input, rounded.
    Round,
    /// The first input divided by the second.
    Divide,
    /// Nothing is payable because a threshold was not reached.
    NotEligible,
}

/// A value a step read, and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Input {
    /// What the value is, in plain words.
    pub label: String,
    /// The value.
    #[serde(with = "rust_decimal::serde::str")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub value: Decimal,
    /// Whether it is money or a number.
    pub unit: Unit,
    /// Where it came from.
    pub source: Source,
}

/// Where an input came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// An earlier step's result.
    Step {
        /// The step's id.
        step: String,
    },
    /// A scheme parameter's value in force on the assessment date.
    Parameter {
        /// The parameter's id.
        parameter: String,
        /// The first day this value applies.
        from: Date,
        /// The last day it applies, if it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Date>,
        /// The band's name, for a band of a table.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        band: Option<String>,
        /// The policy document that set the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<Reference>,
    },
    /// A number or money answer.
    Answer {
        /// The question's id.
        question: String,
        /// The answer as a person reads it.
        answer: String,
    },
    /// The points an answer carries.
    Points {
        /// The question's id.
        question: String,
        /// The answer as a person reads it.
        answer: String,
    },
    /// The points of a section's answers.
    Section {
        /// The section's id.
        section: String,
    },
    /// A value written in the scheme's step.
    Fixed,
    /// A scheme-wide setting, like weeks in a year.
    Setting {
        /// The setting's name in the scheme file.
        setting: String,
    },
}

/// What a replay found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// Each step's result, by id.
    pub results: BTreeMap<String, Decimal>,
    /// False when an eligibility threshold was not reached.
    pub eligible: bool,
}

/// Why an explanation does not add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayError {
    /// The step's position.
    pub step: usize,
    /// What is wrong.
    pub message: String,
}

/// Redoes every step's arithmetic from the values the explanation records, and checks
/// each step's result and each reference to an earlier step.
pub fn replay(steps: &[ExplainedStep]) -> Result<Replay, ReplayError> {
    let mut results = BTreeMap::new();
    let mut eligible = true;
    for (i, step) in steps.iter().enumerate() {
        let fail = |message: String| ReplayError { step: i, message };
        for input in &step.inputs {
            if let Source::Step { step: id } = &input.source {
                match results.get(id) {
                    Some(v) if *v == input.value => {}
                    Some(v) => {
                        return Err(fail(format!(
                            "reads {id} as {} but it was {v}",
                            input.value
                        )))
                    }
                    None => return Err(fail(format!("reads {id} before it is worked out"))),
                }
            }
        }
        let values: Vec<Decimal> = step.inputs.iter().map(|x| x.value).collect();
        let computed =
            compute(step.op, &values).ok_or_else(|| fail("the arithmetic does not work".into()))?;
        if step.op == Op::Require {
            let passed = values.get(1).is_some_and(|t| values[0] >= *t);
            if step.passed != Some(passed) {
                return Err(fail("the threshold's outcome is wrong".into()));
            }
            eligible &= passed;
        }
        if step.op == Op::NotEligible {
            eligible = false;
        }
        let result = match step.rounding {
            Some(r) => {
                if step.unrounded != Some(computed) {
                    return Err(fail(format!("works out at {computed} before rounding")));
                }
                r.apply(computed)
            }
            None => computed,
        };
        if result != step.result {
            return Err(fail(format!("works out at {result}, not {}", step.result)));
        }
        results.insert(step.id.clone(), result);
    }
    Ok(Replay { results, eligible })
}

/// The arithmetic of one operation over its input values, or `None` on overflow or a
/// wrong number of inputs.
pub(crate) fn compute(op: Op, v: &[Decimal]) -> Option<Decimal> {
    let two = || (v.len() == 2).then(|| (v[0], v[1]));
    match op {
        Op::Points | Op::Sum => v.iter().try_fold(Decimal::ZERO, |a, b| a.checked_add(*b)),
        Op::Product => v.iter().try_fold(Decimal::ONE, |a, b| a.checked_mul(*b)),
        Op::Difference => two().and_then(|(a, b)| a.checked_sub(b)),
        Op::Percent => two().and_then(|(a, p)| a.checked_mul(p)?.checked_div(Decimal::ONE_HUNDRED)),
        Op::Power => {
            let (a, e) = two()?;
            let times = u32::try_from(e.trunc().mantissa())
                .ok()
                .filter(|n| (1..=4).contains(n) && e.fract().is_zero())?;
            (1..times).try_fold(a, |acc, _| acc.checked_mul(a))
        }
        Op::Band | Op::Require => match op {
            Op::Band => two().map(|(_, band)| band),
            _ => two().map(|(value, _)| value),
        },
        Op::AtMost => two().map(|(a, b)| a.min(b)),
        Op::AtLeast => two().map(|(a, b)| a.max(b)),
        Op::Choose | Op::Round => (v.len() == 1).then(|| v[0]),
        Op::Divide => two().and_then(|(a, b)| a.checked_div(b)),
        Op::NotEligible => v.is_empty().then_some(Decimal::ZERO),
    }
}

/// Writes a value for people: money as `£1,768.00`, numbers plainly.
pub fn show(value: Decimal, unit: Unit, symbol: &str) -> String {
    match unit {
        Unit::Money => {
            let mut v = value.normalize();
            if v.scale() < 2 {
                v.rescale(2);
            }
            format_money(v, symbol)
        }
        Unit::Number => value.normalize().to_string(),
    }
}

/// Writes a value before rounding, cut to four decimal places with an ellipsis if longer.
fn show_unrounded(value: Decimal, unit: Unit, symbol: &str) -> String {
    let cut = value.trunc_with_scale(4);
    if cut == value {
        show(value, unit, symbol)
    } else {
        format!("{}…", show(cut, unit, symbol))
    }
}

/// The sentence for a step, like "34 × £52.00 = £1,768.00".
pub(crate) fn sentence(step: &ExplainedStep, symbol: &str) -> String {
    let s = |x: &Input| show(x.value, x.unit, symbol);
    let result = match step.unrounded {
        Some(raw) => show_unrounded(raw, step.unit, symbol),
        None => show(step.result, step.unit, symbol),
    };
    let join = |sep: &str| step.inputs.iter().map(s).collect::<Vec<_>>().join(sep);
    let body = match (step.op, step.inputs.as_slice()) {
        (Op::Points, []) => "no answers here carry points, so 0".to_owned(),
        (Op::Points, inputs) => format!(
            "{} from {} answer{} = {result}",
            join(" + "),
            inputs.len(),
            if inputs.len() == 1 { "" } else { "s" }
        ),
        (Op::Sum, [first, rest @ ..]) => {
            let terms = rest.iter().fold(s(first), |text, x| {
                let sign = if x.value.is_sign_negative() {
                    " − "
                } else {
                    " + "
                };
                let magnitude = Input {
                    value: x.value.abs(),
                    ..x.clone()
                };
                format!("{text}{sign}{}", s(&magnitude))
            });
            format!("{terms} = {result}")
        }
        (Op::Product, _) => format!("{} = {result}", join(" × ")),
        (Op::Difference, [a, b]) => format!("{} − {} = {result}", s(a), s(b)),
        (Op::Percent, [a, p]) => format!("{}% of {} = {result}", s(p), s(a)),
        (Op::Power, [a, e]) => {
            let sup = match e.value.normalize().to_string().as_str() {
                "2" => "²".to_owned(),
                "3" => "³".to_owned(),
                "4" => "⁴".to_owned(),
                other => format!("^{other}"),
            };
            format!("{}{sup} = {result}", s(a))
        }
        (Op::Band, [score, band]) => {
            let name = match &band.source {
                Source::Parameter {
                    band: Some(name), ..
                } => format!(" ({name})"),
                _ => String::new(),
            };
            format!("{} falls in the band{name} worth {result}", s(score))
        }
        (Op::AtMost, [a, cap]) if a.value > cap.value => {
            format!("{} is above the limit of {}, so {result}", s(a), s(cap))
        }
        (Op::AtMost, [a, cap]) => format!("{} is within the limit of {}", s(a), s(cap)),
        (Op::AtLeast, [a, floor]) if a.value < floor.value => {
            format!("{} is below the minimum of {}, so {result}", s(a), s(floor))
        }
        (Op::AtLeast, [a, floor]) => format!("{} is at least the minimum of {}", s(a), s(floor)),
        (Op::Require, [a, t]) if step.passed == Some(true) => {
            format!("{} reaches the threshold of {}", s(a), s(t))
        }
        (Op::Require, [a, t]) => format!("{} is below the threshold of {}", s(a), s(t)),
        (Op::Choose, [chosen]) => format!("{}: {}", chosen.label, s(chosen)),
        (Op::Round, [a]) => s(a),
        (Op::Divide, [a, b]) => format!("{} ÷ {} = {result}", s(a), s(b)),
        (Op::NotEligible, _) => format!("nothing is payable on these answers, so {result}"),
        _ => result.clone(),
    };
    match step.rounding {
        Some(r) => format!(
            "{body}, rounded {}: {}",
            r.describe(),
            show(step.result, step.unit, symbol)
        ),
        None => body,
    }
}
