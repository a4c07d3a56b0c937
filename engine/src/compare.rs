//! Two estimates for one person side by side: the amounts, the answers that changed, and
//! the steps of the explanation where each change in money started. The same comparison
//! serves a person's new self-assessment beside their last, a council's reassessment
//! letter (`waymark compare`) and the impact of a new scheme version on a caseload.
//!
//! Comparing two explanations step by step (by id) finds every step whose result moved, but
//! most of those only pass on a change made earlier: if the price per point goes up, the
//! weighted amount and the total go up too. So the comparison starts at the yearly amount
//! and walks back only through inputs that carried a change to it, and names the steps
//! where a change *starts*: a parameter's value or band, the points an answer carries, a
//! fixed value, the arithmetic or rounding, or an eligibility threshold's outcome; and
//! steps added to or removed from the scheme. An input that did not decide a step's result
//! is not followed: a cap that held someone's budget in both versions hides what happened
//! below it, and a band lookup that lands in the same band hides a change of score.

use crate::amount::Money;
use crate::answers::Answers;
use crate::estimate::Estimate;
use crate::explain::{ExplainedStep, Input, Op, Source};
use crate::scheme::{AnswerKind, Scheme};
use serde::{Deserialize, Serialize};

/// The closing step whose change is explained.
const RESULT: &str = "annual";

/// The step ids of two scheme versions, to tell a step that was added or removed from one
/// that was not reached because a person was not eligible.
#[derive(Debug, Clone)]
pub struct Versions {
    old: Vec<String>,
    new: Vec<String>,
}

impl Versions {
    /// The step ids of both versions.
    pub fn new(old: &Scheme, new: &Scheme) -> Versions {
        let ids = |s: &Scheme| s.allocation.steps.iter().map(|x| x.id.clone()).collect();
        Versions {
            old: ids(old),
            new: ids(new),
        }
    }

    /// The steps where the change from `old` to `new` in the yearly amount starts, in the
    /// order they are worked out.
    pub fn changed_by<'a>(
        &self,
        old: &'a [ExplainedStep],
        new: &'a [ExplainedStep],
    ) -> Vec<&'a ExplainedStep> {
        let mut named: Vec<(usize, &ExplainedStep)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut todo: Vec<&str> = vec![RESULT];
        while let Some(id) = todo.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let position = |steps: &[ExplainedStep]| steps.iter().position(|s| s.id == id);
            match (position(old), position(new)) {
                (Some(i), Some(j)) => {
                    let (a, b) = (&old[i], &new[j]);
                    if a.result == b.result && a.passed == b.passed && a.kind == b.kind {
                        continue;
                    }
                    let closing = !self.old.iter().chain(&self.new).any(|s| s == id);
                    let starts_here = if closing {
                        a.kind == b.kind && own_change(a, b)
                    } else {
                        a.passed != b.passed || own_change(a, b)
                    };
                    if starts_here {
                        named.push((j, b));
                    }
                    todo.extend(live_steps(a, Some(b), old));
                    todo.extend(live_steps(b, Some(a), new));
                }
                (Some(i), None) if !self.new.iter().any(|s| s == id) => {
                    named.push((new.len() + i, &old[i]));
                    todo.extend(live_steps(&old[i], None, old));
                }
                (None, Some(j)) if !self.old.iter().any(|s| s == id) => {
                    named.push((j, &new[j]));
                    todo.extend(live_steps(&new[j], None, new));
                }
                _ => {}
            }
        }
        named.sort_by_key(|(order, _)| *order);
        named.into_iter().map(|(_, step)| step).collect()
    }
}

/// Whether a step's own inputs or arithmetic differ, apart from earlier steps' results;
/// inputs that decided the result in neither version do not count.
fn own_change(a: &ExplainedStep, b: &ExplainedStep) -> bool {
    if a.kind != b.kind || a.rounding != b.rounding || a.inputs.len() != b.inputs.len() {
        return true;
    }
    let (da, db) = (deciding(a, Some(b)), deciding(b, Some(a)));
    a.inputs
        .iter()
        .zip(&b.inputs)
        .enumerate()
        .any(|(i, (x, y))| (da[i] || db[i]) && input_differs(x, y))
}

/// Whether two inputs differ in where they come from or, for anything but an earlier
/// step, in value.
fn input_differs(x: &Input, y: &Input) -> bool {
    let value = x.value != y.value;
    match (&x.source, &y.source) {
        (Source::Step { step: s }, Source::Step { step: t }) => s != t,
        (
            Source::Parameter {
                parameter: p,
                band: m,
                ..
            },
            Source::Parameter {
                parameter: q,
                band: n,
                ..
            },
        ) => p != q || m != n || value,
        (Source::Points { question: p, .. }, Source::Points { question: q, .. })
        | (Source::Answer { question: p, .. }, Source::Answer { question: q, .. })
        | (Source::Section { section: p }, Source::Section { section: q })
        | (Source::Setting { setting: p }, Source::Setting { setting: q }) => p != q || value,
        (Source::Fixed, Source::Fixed) => value,
        _ => true,
    }
}

/// For each of `step`'s inputs, whether it decided the result, given the same step in the
/// other version (if it has it). A cap or a floor is decided by the input the result came
/// from; a band lookup by the band, and by the score only if the band found differs.
fn deciding(step: &ExplainedStep, other: Option<&ExplainedStep>) -> Vec<bool> {
    match step.kind {
        Op::AtMost | Op::AtLeast => step.inputs.iter().map(|x| x.value == step.result).collect(),
        Op::Band => {
            let same_band = other.is_some_and(|o| {
                o.kind == Op::Band
                    && matches!((step.inputs.get(1), o.inputs.get(1)), (Some(x), Some(y)) if !input_differs(x, y))
            });
            (0..step.inputs.len())
                .map(|i| i != 0 || !same_band)
                .collect()
        }
        _ => vec![true; step.inputs.len()],
    }
}

/// The earlier steps that decided `step`'s result; `whole` is the explanation it belongs to.
fn live_steps<'a>(
    step: &'a ExplainedStep,
    other: Option<&ExplainedStep>,
    whole: &'a [ExplainedStep],
) -> Vec<&'a str> {
    let decided_by = match step.kind {
        // Nothing is payable: the threshold that was not reached decided it.
        Op::NotEligible => Some((Op::Require, false)),
        // The amount is decided in a conversation: the level that was reached decided it.
        Op::Conversation => Some((Op::Refer, true)),
        _ => None,
    };
    if let Some((kind, passed)) = decided_by {
        return whole
            .iter()
            .filter(|s| s.kind == kind && s.passed == Some(passed))
            .map(|s| s.id.as_str())
            .collect();
    }
    step.inputs
        .iter()
        .zip(deciding(step, other))
        .filter(|(_, decided)| *decided)
        .filter_map(|(x, _)| match &x.source {
            Source::Step { step } => Some(step.as_str()),
            _ => None,
        })
        .collect()
}

/// Two estimates for one person and what differs between them. Amounts, ids and dates
/// only: a renderer words it in the person's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The earlier estimate.
    pub before: Estimate,
    /// The later estimate.
    pub after: Estimate,
    /// The later yearly amount less the earlier (for a one-off scheme, the payments); none
    /// unless both have an amount, since nothing is subtracted from a conversation or from
    /// not being eligible.
    pub difference: Option<Money>,
    /// The ids of the questions whose answers differ, in the later scheme's order and then
    /// the earlier scheme's for questions only it asks.
    pub changed_answers: Vec<String>,
    /// The ids of the steps where each change in the yearly amount started, in the order
    /// they are worked out (see [`Versions::changed_by`]); empty when the amounts agree.
    pub changed_steps: Vec<String>,
}

/// One side of a comparison: the scheme version, the answers and the estimate worked out
/// from them.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The scheme version.
    pub scheme: &'a Scheme,
    /// The answers.
    pub answers: &'a Answers,
    /// The estimate worked out from them.
    pub estimate: &'a Estimate,
}

/// Compares two estimates for one person, possibly under two scheme versions and dates.
pub fn compare(before: Side<'_>, after: Side<'_>) -> Comparison {
    let changed_steps = if before.estimate.annual == after.estimate.annual
        && before.estimate.eligible == after.estimate.eligible
        && before.estimate.conversation == after.estimate.conversation
    {
        Vec::new()
    } else {
        Versions::new(before.scheme, after.scheme)
            .changed_by(&before.estimate.explanation, &after.estimate.explanation)
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    let difference = (before.estimate.has_amount() && after.estimate.has_amount())
        .then(|| {
            after
                .estimate
                .annual
                .0
                .checked_sub(before.estimate.annual.0)
        })
        .flatten()
        .map(Money);
    Comparison {
        before: before.estimate.clone(),
        after: after.estimate.clone(),
        difference,
        changed_answers: changed_answers(before, after),
        changed_steps,
    }
}

/// The questions whose answers differ: in the later scheme's order, then the questions
/// only the earlier scheme asks. An answer left out and `null` are the same, and so are
/// `"yes"` and `true` to a yes-or-no question and `"3"` and `3`.
fn changed_answers(before: Side<'_>, after: Side<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let questions = after
        .scheme
        .questions()
        .chain(before.scheme.questions())
        .map(|(_, q)| q);
    for q in questions {
        if out.contains(&q.id) {
            continue;
        }
        let yes_no = matches!(q.answer, AnswerKind::YesNo(_));
        let a = plain(before.answers.0.get(&q.id), yes_no);
        let b = plain(after.answers.0.get(&q.id), yes_no);
        if a != b {
            out.push(q.id.clone());
        }
    }
    out
}

/// An answer as a value to compare: `null` for none, booleans for yes or no, numbers by
/// their exact value.
fn plain(value: Option<&serde_json::Value>, yes_no: bool) -> serde_json::Value {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(s)) if yes_no && s == "yes" => Value::Bool(true),
        Some(Value::String(s)) if yes_no && s == "no" => Value::Bool(false),
        Some(Value::Object(map)) => {
            let plain_map = map
                .iter()
                .map(|(k, v)| (k.clone(), plain(Some(v), yes_no)))
                .collect();
            Value::Object(plain_map)
        }
        Some(v) => {
            let text = match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            match text.as_deref().and_then(crate::amount::parse_decimal) {
                Some(d) => Value::String(d.normalize().to_string()),
                None => v.clone(),
            }
        }
    }
}
