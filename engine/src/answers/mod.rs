//! A person's answers: read as JSON, then checked against a scheme.

mod given;

pub use given::{AnswersSeed, Given, GivenAnswers};

use crate::amount::parse_decimal;
use crate::issue::{pointer, Issue};
use crate::program::{Choice, Holds, Test};
use crate::scheme::{AnswerKind, Question, Scheme};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Answers as given: question id to a JSON value (an option id, `true`/`false`, or a
/// number written as an integer or a string).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, serde_json::Value>);

impl Answers {
    /// Reads answers from a JSON object, refusing duplicate keys.
    pub fn from_json(text: &str) -> Result<Answers, Vec<Issue>> {
        crate::limits::within(text, crate::limits::ANSWERS_BYTES, "answers document")
            .and_then(|()| crate::json::from_str(text))
            .map_err(|e| vec![e])
    }

    /// Sets one answer, replacing any earlier one.
    pub fn set(&mut self, question: &str, value: serde_json::Value) {
        self.0.insert(question.to_owned(), value);
    }
}

/// One answer, checked against its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The position of the chosen option among the question's options.
    Choice(usize),
    /// Yes (`true`) or no.
    YesNo(bool),
    /// A number within the question's limits.
    Number(Decimal),
    /// An amount of money within the question's limits.
    Money(Decimal),
}

impl Answer {
    /// The answer as JSON, in the form an answers file uses: the option's id, `true` or
    /// `false`, or a decimal string.
    pub fn to_json(&self, question: &Question) -> serde_json::Value {
        use serde_json::Value;
        match (self, &question.answer) {
            (Answer::Choice(i), AnswerKind::Choice(options)) => options
                .get(*i)
                .map_or(Value::Null, |o| Value::String(o.id.clone())),
            (Answer::Choice(_), _) => Value::Null,
            (Answer::YesNo(b), _) => Value::Bool(*b),
            (Answer::Number(d), _) => Value::String(d.normalize().to_string()),
            (Answer::Money(d), _) => Value::String(d.to_string()),
        }
    }

    /// A number or money answer's value.
    pub fn decimal(&self) -> Option<Decimal> {
        match self {
            Answer::Number(d) | Answer::Money(d) => Some(*d),
            _ => None,
        }
    }
}

/// Answers checked against a scheme: which questions apply, and each applicable answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// The checked answer to each question that applies, by the question's position among
    /// all the scheme's questions.
    pub answers: Vec<Option<Answer>>,
    /// Whether each question applies, in the scheme's question order.
    pub applies: Vec<bool>,
    /// The reason a practitioner gave for each adjustment, by question position.
    pub reasons: Vec<Option<String>>,
    /// Problems that stop an estimate: missing, unknown or out-of-range answers.
    pub errors: Vec<Issue>,
    /// Things worth saying that do not stop an estimate, like answers to questions that no
    /// longer apply.
    pub notices: Vec<Issue>,
}

impl Checked {
    /// The checked answer to the question at `position`, if it applies and was answered.
    pub fn answer(&self, position: usize) -> Option<&Answer> {
        self.answers.get(position)?.as_ref()
    }
}

/// Whether a test holds for the answers so far (a test on an unanswered question never
/// does).
pub(crate) fn holds(test: &Test, answers: &[Option<Answer>]) -> bool {
    match test {
        Test::Answer {
            question,
            holds_for,
        } => answer_holds(holds_for, answers.get(*question).copied().flatten()),
        Test::All(tests) => tests.iter().all(|t| holds(t, answers)),
        Test::Any(tests) => tests.iter().any(|t| holds(t, answers)),
        Test::Not(test) => !holds(test, answers),
    }
}

fn answer_holds(holds_for: &Holds, answer: Option<Answer>) -> bool {
    let Some(answer) = answer else {
        return false;
    };
    match holds_for {
        Holds::AnyOf(choices) => choices.iter().any(|c| match (c, answer) {
            (Choice::Option(i), Answer::Choice(j)) => *i == j,
            (Choice::YesNo(b), Answer::YesNo(a)) => a == *b,
            _ => false,
        }),
        Holds::Range(at_least, at_most) => answer.decimal().is_some_and(|value| {
            at_least.is_none_or(|min| value >= min) && at_most.is_none_or(|max| value <= max)
        }),
    }
}

/// Whether the question at `position` applies, given the checked answers to the questions
/// before it: true unless its `show_if` does not hold for them.
pub fn applies(scheme: &Scheme, position: usize, answers: &[Option<Answer>]) -> bool {
    scheme
        .program()
        .show_if
        .get(position)
        .and_then(Option::as_ref)
        .is_none_or(|test| holds(test, answers))
}

/// Checks every answer against the scheme, in question order, so that `show_if` sees
/// the earlier answers.
pub fn check(scheme: &Scheme, answers: &Answers) -> Checked {
    check_given(scheme, &GivenAnswers::of(scheme, answers))
}

/// [`check`] for answers already placed by question.
pub fn check_given(scheme: &Scheme, given: &GivenAnswers) -> Checked {
    let count = scheme.question_count();
    let mut out = Checked {
        answers: vec![None; count],
        applies: Vec::with_capacity(count),
        reasons: vec![None; count],
        ..Checked::default()
    };
    for id in &given.unknown {
        out.errors.push(Issue::new(
            "unknown_question",
            pointer([id]),
            format!("this scheme has no question {id:?}"),
        ));
    }
    for (i, (_, q)) in scheme.questions().enumerate() {
        let applies = applies(scheme, i, &out.answers);
        out.applies.push(applies);
        match (applies, given.values.get(i).and_then(Option::as_ref)) {
            // A practitioner's adjustment is made only in a supported assessment.
            (true, None | Some(Given::Null)) if q.practitioner => {}
            (true, Some(value)) if q.practitioner => match adjustment(scheme, i, q, value) {
                Ok((answer, reason)) => {
                    out.answers[i] = Some(answer);
                    out.reasons[i] = Some(reason);
                }
                Err((code, message)) => {
                    out.errors.push(Issue::new(code, pointer([&q.id]), message))
                }
            },
            (true, None | Some(Given::Null)) => out.errors.push(Issue::new(
                "missing_answer",
                pointer([&q.id]),
                "answer this question to see an estimate",
            )),
            (true, Some(value)) => match read(scheme, i, q, value) {
                Ok(answer) => out.answers[i] = Some(answer),
                Err((code, message)) => {
                    out.errors.push(Issue::new(code, pointer([&q.id]), message))
                }
            },
            (false, Some(value)) if *value != Given::Null => out.notices.push(Issue::new(
                "answer_not_used",
                pointer([&q.id]),
                "this question does not apply given the other answers, so its answer is not used",
            )),
            (false, _) => {}
        }
    }
    out
}

/// Reads a practitioner's adjustment: the answer and the reason for it.
fn adjustment(
    scheme: &Scheme,
    position: usize,
    q: &Question,
    value: &Given,
) -> Result<(Answer, String), (&'static str, String)> {
    let Given::Adjusted(answer, reason) = value else {
        if *value == Given::Other {
            return Err((
                "invalid_answer",
                "give an adjustment as {\"answer\": …, \"reason\": \"…\"} and nothing more".into(),
            ));
        }
        return Err((
            "missing_reason",
            "an adjustment needs the reason for it, given as {\"answer\": …, \"reason\": \"…\"}"
                .into(),
        ));
    };
    let reason = reason.trim();
    if reason.is_empty() {
        return Err((
            "missing_reason",
            "give the reason for this adjustment".into(),
        ));
    }
    let most = crate::limits::REASON_CHARS;
    if reason.chars().count() > most {
        return Err((
            "too_large",
            format!("write the reason in at most {most} characters"),
        ));
    }
    Ok((read(scheme, position, q, answer)?, reason.to_owned()))
}

/// Reads one answer as given as the question's kind of answer.
fn read(
    scheme: &Scheme,
    position: usize,
    q: &Question,
    value: &Given,
) -> Result<Answer, (&'static str, String)> {
    match (&q.answer, value) {
        (_, Given::Adjusted(..)) => Err((
            "invalid_answer",
            "only a practitioner's adjustment has a reason: give the answer alone".into(),
        )),
        (AnswerKind::Choice(_), Given::Text(id)) => scheme
            .option_index(position, id)
            .map(Answer::Choice)
            .ok_or_else(|| ("unknown_option", "choose one of the options".into())),
        (AnswerKind::Choice(_), _) => Err(("unknown_option", "choose one of the options".into())),
        (AnswerKind::YesNo(_), Given::Bool(b)) => Ok(Answer::YesNo(*b)),
        (AnswerKind::YesNo(_), Given::Text(s)) if s == "yes" || s == "no" => {
            Ok(Answer::YesNo(s == "yes"))
        }
        (AnswerKind::YesNo(_), _) => Err(("invalid_answer", "answer yes or no".into())),
        (AnswerKind::Number(limits), _) => {
            let d = decimal(value)
                .ok_or_else(|| ("invalid_answer", "enter a number, like 12".to_owned()))?;
            if limits.whole && !d.fract().is_zero() {
                return Err(("not_whole_number", "enter a whole number, like 12".into()));
            }
            if d < limits.min.0 || d > limits.max.0 {
                return Err((
                    "out_of_range",
                    format!("enter a number from {} to {}", limits.min, limits.max),
                ));
            }
            Ok(Answer::Number(d))
        }
        (AnswerKind::Money(limits), _) => {
            let d = decimal(value).ok_or_else(|| {
                (
                    "invalid_answer",
                    "enter an amount, like 150 or 150.50".to_owned(),
                )
            })?;
            if d.scale() > scheme.currency.minor_units() {
                return Err((
                    "invalid_answer",
                    "enter an amount with no fraction of the smallest coin, like 150.50".into(),
                ));
            }
            if d < limits.min.0 || d > limits.max.0 {
                return Err((
                    "out_of_range",
                    format!("enter an amount from {} to {}", limits.min, limits.max),
                ));
            }
            Ok(Answer::Money(d))
        }
    }
}

fn decimal(value: &Given) -> Option<Decimal> {
    match value {
        Given::Text(s) => parse_decimal(s.trim()),
        Given::Whole(n) => i64::try_from(*n)
            .map(Decimal::from)
            .ok()
            .or_else(|| u64::try_from(*n).ok().map(Decimal::from)),
        _ => None,
    }
}
