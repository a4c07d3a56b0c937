//! "What would change this": the amount with each other answer to each question.
//!
//! Each other answer is worked out on the figures-only path. When no question's `show_if`
//! reads the changed question, the other questions apply as before, so the checked answers
//! are reused with just that one answer swapped; otherwise the answers are checked again.

use crate::amount::Money;
use crate::answers::{self, Answer, Answers};
use crate::date::Date;
use crate::estimate::{figures_checked, figures_of, Estimate, Figures};
use crate::scheme::{AnswerKind, Question, Scheme};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The other answers to one question and what each would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionAlternatives {
    /// The question's id.
    pub question: String,
    /// The current answer, as an answers file writes it.
    pub current: serde_json::Value,
    /// Each other answer.
    pub alternatives: Vec<Alternative>,
}

/// One other answer and its outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// The answer as an answers file writes it.
    pub answer: serde_json::Value,
    /// The outcome, or `None` when this answer would bring up questions not yet answered.
    pub outcome: Option<Outcome>,
}

/// What an answer would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Whether the person would be eligible.
    pub eligible: bool,
    /// Whether the answers would need a conversation with the council rather than an
    /// amount.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conversation: bool,
    /// The yearly amount.
    pub annual: Money,
    /// The weekly amount, if the scheme has one.
    pub weekly: Option<Money>,
    /// The yearly amount minus the current one; none when either needs a conversation
    /// rather than an amount, since there is nothing to subtract.
    pub change: Option<Money>,
}

/// For each question that applies, the amount with each other answer, the others kept;
/// nothing when the answers give no estimate.
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
    if !checked.errors.is_empty() || !scheme.applies_on(date) {
        return Vec::new();
    }
    let mut trial = checked.answers.clone();
    let mut out = Vec::new();
    for (i, (_, q)) in scheme.questions().enumerate() {
        // A practitioner's adjustment is not the person's answer to change.
        let Some(now) = checked.answer(i).copied().filter(|_| !q.practitioner) else {
            continue;
        };
        let decides = scheme.program().decides.get(i).copied().unwrap_or(false);
        let alternatives = candidates(scheme, i, q)
            .into_iter()
            .filter(|a| *a != now)
            .map(|a| {
                let figures = if decides {
                    let mut changed = given.clone();
                    changed.set(&q.id, a.to_json(q));
                    figures_checked(scheme, &answers::check(scheme, &changed), date)
                } else {
                    trial[i] = Some(a);
                    let figures = figures_of(scheme, &trial, date);
                    trial[i] = Some(now);
                    figures
                };
                Alternative {
                    answer: a.to_json(q),
                    outcome: figures.ok().map(|f| outcome(f, current)),
                }
            })
            .collect();
        out.push(QuestionAlternatives {
            question: q.id.clone(),
            current: now.to_json(q),
            alternatives,
        });
    }
    out
}

fn outcome(f: Figures, current: &Estimate) -> Outcome {
    Outcome {
        eligible: f.eligible,
        conversation: f.conversation,
        change: (!f.conversation && !current.conversation)
            .then(|| Money(f.annual.0.saturating_sub(current.annual.0))),
        annual: f.annual,
        weekly: f.weekly,
    }
}

/// The answers worth trying for the question at `position`.
fn candidates(scheme: &Scheme, position: usize, q: &Question) -> Vec<Answer> {
    match &q.answer {
        AnswerKind::Choice(options) => (0..options.len()).map(Answer::Choice).collect(),
        AnswerKind::YesNo(_) => vec![Answer::YesNo(true), Answer::YesNo(false)],
        AnswerKind::Number(limits) => edges(scheme, position, limits.min.0, limits.max.0)
            .into_iter()
            .map(Answer::Number)
            .collect(),
        AnswerKind::Money(limits) => edges(scheme, position, limits.min.0, limits.max.0)
            .into_iter()
            .map(Answer::Money)
            .collect(),
    }
}

/// The limits, and every band edge within them of tables looked up by this answer.
fn edges(scheme: &Scheme, position: usize, min: Decimal, max: Decimal) -> Vec<Decimal> {
    let mut values = vec![min, max];
    let tables = scheme.program().tables.get(position).into_iter().flatten();
    for table in tables {
        let bands = scheme
            .parameters
            .get(*table)
            .into_iter()
            .flat_map(|p| p.values.iter())
            .flat_map(|v| v.bands.iter().flatten());
        values.extend(bands.map(|b| b.min.0).filter(|m| *m > min && *m < max));
    }
    values.sort();
    values.dedup();
    values
}
