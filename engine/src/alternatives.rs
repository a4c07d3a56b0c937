//! "What would change this": the amount with each other answer to each question.

use crate::amount::Money;
use crate::answers::{self, Answer, Answers};
use crate::date::Date;
use crate::estimate::{estimate_checked, Estimate};
use crate::scheme::{AnswerKind, Calc, Operand, Question, Scheme};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The other answers to one question and what each would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionAlternatives {
    /// The question's id.
    pub question: String,
    /// The question as a person reads it.
    pub text: String,
    /// The current answer as a person reads it.
    pub current: String,
    /// Each other answer.
    pub alternatives: Vec<Alternative>,
}

/// One other answer and its outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The answer as it would be written in an answers file.
    pub answer: serde_json::Value,
    /// The answer as a person reads it.
    pub label: String,
    /// The outcome, or `None` when this answer would bring up questions not yet answered.
    pub outcome: Option<Outcome>,
}

/// What an answer would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Whether the person would be eligible.
    pub eligible: bool,
    /// The yearly amount.
    pub annual: Money,
    /// The weekly amount, if the scheme has one.
    pub weekly: Option<Money>,
    /// The yearly amount minus the current one.
    pub change: Money,
}

/// For each question that applies, the amount with each other answer, the others kept.
///
/// Number and money questions are tried at their limits and at the edges of any band
/// table that reads them directly.
pub fn what_would_change(
    scheme: &Scheme,
    given: &Answers,
    date: Date,
    current: &Estimate,
) -> Vec<QuestionAlternatives> {
    let checked = answers::check(scheme, given);
    let symbol = scheme.currency.symbol();
    scheme
        .questions()
        .filter_map(|(_, q)| {
            let now = checked.answers.get(&q.id)?;
            let alternatives = candidates(scheme, q)
                .into_iter()
                .filter(|a| a != now)
                .map(|a| {
                    let mut changed = given.clone();
                    changed.set(&q.id, a.to_json());
                    let outcome = estimate_checked(scheme, &answers::check(scheme, &changed), date)
                        .ok()
                        .map(|e| Outcome {
                            eligible: e.eligible,
                            change: Money(e.annual.0.saturating_sub(current.annual.0)),
                            annual: e.annual,
                            weekly: e.weekly,
                        });
                    Alternative {
                        answer: a.to_json(),
                        label: a.describe(q, symbol),
                        outcome,
                    }
                })
                .collect();
            Some(QuestionAlternatives {
                question: q.id.clone(),
                text: q.text.clone(),
                current: now.describe(q, symbol),
                alternatives,
            })
        })
        .collect()
}

/// The answers worth trying for a question.
fn candidates(scheme: &Scheme, q: &Question) -> Vec<Answer> {
    match &q.answer {
        AnswerKind::Choice(options) => options
            .iter()
            .map(|o| Answer::Choice(o.id.clone()))
            .collect(),
        AnswerKind::YesNo(_) => vec![Answer::YesNo(true), Answer::YesNo(false)],
        AnswerKind::Number(limits) => edges(scheme, q, limits.min.0, limits.max.0)
            .into_iter()
            .map(Answer::Number)
            .collect(),
        AnswerKind::Money(limits) => edges(scheme, q, limits.min.0, limits.max.0)
            .into_iter()
            .map(Answer::Money)
            .collect(),
    }
}

/// The limits, and every band edge within them of tables looked up by this answer.
fn edges(scheme: &Scheme, q: &Question, min: Decimal, max: Decimal) -> Vec<Decimal> {
    let mut values = vec![min, max];
    for step in &scheme.allocation.steps {
        let Calc::Band(b) = &step.calc else { continue };
        if b.of != Operand::Answer(q.id.clone()) {
            continue;
        }
        let bands = scheme
            .parameter(&b.table)
            .into_iter()
            .flat_map(|p| p.values.iter())
            .flat_map(|v| v.bands.iter().flatten());
        values.extend(bands.map(|b| b.min.0).filter(|m| *m > min && *m < max));
    }
    values.sort();
    values.dedup();
    values
}
