//! Explanations: the ordered steps behind every amount, as data, and a replay that checks
//! them.
//!
//! An explanation is a value the engine returns, never a global trace, so the browser,
//! the command-line tool and the tests all see the same steps. It holds no words: each
//! step names its kind and the values it read by id (answers by question and option,
//! parameters by id with the dated entry, band and reference used, earlier steps by id),
//! and renderers find labels in the scheme and sentences in their language's catalogue.
//! Each step carries the values it read, so [`replay`] can redo the arithmetic from the
//! explanation alone.

use crate::amount::Rounding;
use crate::date::Date;
use crate::scheme::Unit;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExplainedStep {
    /// The scheme step's id, or `annual` and `weekly` for the engine's closing steps.
    pub id: String,
    /// The arithmetic done.
    pub kind: Op,
    /// The values read, in order.
    pub inputs: Vec<Input>,
    /// Whether the result is money or a number.
    pub unit: Unit,
    /// The result before rounding, when the step rounds.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::amount::decimal_string::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unrounded: Option<Decimal>,
    /// The rounding applied (places and rule), when the step rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// For an eligibility threshold, or a level for a conversation: whether it was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// For a choice between two values: the answers its condition read, and whether it held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<ConditionRead>,
    /// For a lookup: the answer whose option was looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<AnswerRead>,
    /// The step's result.
    #[serde(with = "crate::amount::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub result: Decimal,
}

/// What a choice's condition read and found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionRead {
    /// Whether the condition held, so the first value was chosen.
    pub holds: bool,
    /// The answers the condition read.
    pub answers: Vec<AnswerRead>,
}

/// An answer read by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerRead {
    /// The question's id.
    pub question: String,
    /// The answer as an answers file writes it (an option id, `true`/`false`, or a decimal
    /// string); absent when the question was not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<serde_json::Value>,
}

/// The arithmetic a step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
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
    /// The value an options table gives the option chosen (the one input).
    Lookup,
    /// The first input plus each following pair's product: `base + weight × value + …`.
    Weighted,
    /// The one input, a number, taken as money.
    AsMoney,
    /// The first input, tested against the level (second input) at which the answers need
    /// a conversation with the council.
    Refer,
    /// No amount is given because the answers need a conversation with the council.
    Conversation,
}

/// A value a step read, and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The value.
    #[serde(with = "crate::amount::decimal_string")]
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
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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
        /// The position of the dated entry used among the parameter's `values`.
        entry: usize,
        /// The first day this value applies.
        from: Date,
        /// The last day it applies, if it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Date>,
        /// For a band table, the position of the band the score fell in.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        band: Option<usize>,
        /// For an options table, the id of the option looked up.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        option: Option<String>,
        /// The id of the policy document that set the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// A number or money answer, read as it is.
    Answer {
        /// The question's id.
        question: String,
        /// For a practitioner's adjustment, the reason they recorded for this person.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The points an answer carries.
    Points {
        /// The question's id.
        question: String,
        /// The answer: the option's id or `true`/`false`; absent when the question was
        /// not asked, so it carries no points.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer: Option<serde_json::Value>,
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
    /// True when a level for a conversation was reached.
    pub conversation: bool,
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
    let mut conversation = false;
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
        let computed = compute(step.kind, &values)
            .ok_or_else(|| fail("the arithmetic does not work".into()))?;
        if step.kind == Op::Require {
            let passed = values.get(1).is_some_and(|t| values[0] >= *t);
            if step.passed != Some(passed) {
                return Err(fail("the threshold's outcome is wrong".into()));
            }
            eligible &= passed;
        }
        if step.kind == Op::Refer {
            let reached = values.get(1).is_some_and(|t| values[0] >= *t);
            if step.passed != Some(reached) {
                return Err(fail("the level's outcome is wrong".into()));
            }
            conversation |= reached;
        }
        match step.kind {
            Op::NotEligible => eligible = false,
            Op::Conversation => conversation = true,
            _ => {}
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
    Ok(Replay {
        results,
        eligible,
        conversation,
    })
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
        Op::Band => two().map(|(_, band)| band),
        Op::Require | Op::Refer => two().map(|(value, _)| value),
        Op::Weighted => {
            let (base, terms) = v.split_first()?;
            if terms.len() % 2 != 0 || terms.is_empty() {
                return None;
            }
            terms
                .chunks(2)
                .try_fold(*base, |sum, t| sum.checked_add(t[0].checked_mul(t[1])?))
        }
        Op::AtMost => two().map(|(a, b)| a.min(b)),
        Op::AtLeast => two().map(|(a, b)| a.max(b)),
        Op::Choose | Op::Round | Op::Lookup | Op::AsMoney => (v.len() == 1).then(|| v[0]),
        Op::Divide => two().and_then(|(a, b)| a.checked_div(b)),
        Op::NotEligible | Op::Conversation => v.is_empty().then_some(Decimal::ZERO),
    }
}
