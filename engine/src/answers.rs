//! A person's answers: read as JSON, then checked against a scheme.

use crate::amount::{format_money, parse_decimal};
use crate::issue::{pointer, Issue};
use crate::scheme::{AnswerKind, Condition, Question, Scheme};
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
        crate::json::from_str(text).map_err(|e| vec![e])
    }

    /// Sets one answer, replacing any earlier one.
    pub fn set(&mut self, question: &str, value: serde_json::Value) {
        self.0.insert(question.to_owned(), value);
    }
}

/// One answer, checked against its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The id of the chosen option.
    Choice(String),
    /// Yes (`true`) or no.
    YesNo(bool),
    /// A number within the question's limits.
    Number(Decimal),
    /// An amount of money within the question's limits.
    Money(Decimal),
}

impl Answer {
    /// The answer as JSON, in the form an answers file uses.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Answer::Choice(id) => serde_json::Value::String(id.clone()),
            Answer::YesNo(b) => serde_json::Value::Bool(*b),
            Answer::Number(d) => serde_json::Value::String(d.normalize().to_string()),
            Answer::Money(d) => serde_json::Value::String(d.to_string()),
        }
    }

    /// The answer as a person would read it: the option's label, "Yes", "12", "£40.00".
    pub fn describe(&self, question: &Question, currency_symbol: &str) -> String {
        match (self, &question.answer) {
            (Answer::Choice(id), AnswerKind::Choice(options)) => options
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| id.clone(), |o| o.label.clone()),
            (Answer::YesNo(true), _) => "Yes".into(),
            (Answer::YesNo(false), _) => "No".into(),
            (Answer::Number(d), AnswerKind::Number(limits)) => match &limits.suffix {
                Some(suffix) => format!("{} {suffix}", d.normalize()),
                None => d.normalize().to_string(),
            },
            (Answer::Money(d), _) => format_money(*d, currency_symbol),
            (Answer::Number(d), _) => d.normalize().to_string(),
            (Answer::Choice(id), _) => id.clone(),
        }
    }

    fn decimal(&self) -> Option<Decimal> {
        match self {
            Answer::Number(d) | Answer::Money(d) => Some(*d),
            _ => None,
        }
    }
}

/// Answers checked against a scheme: which questions apply, and each applicable answer.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Checked answers to questions that apply, by question id.
    pub answers: BTreeMap<String, Answer>,
    /// Whether each question applies, in the scheme's question order.
    pub applies: Vec<bool>,
    /// Problems that stop an estimate: missing, unknown or out-of-range answers.
    pub errors: Vec<Issue>,
    /// Things worth saying that do not stop an estimate, like answers to questions that no
    /// longer apply.
    pub notices: Vec<Issue>,
}

/// Whether a condition holds for the checked answers so far.
pub fn condition_holds(c: &Condition, answers: &BTreeMap<String, Answer>) -> bool {
    let Some(answer) = answers.get(&c.question) else {
        return false;
    };
    if let Some(values) = &c.any_of {
        return values.iter().any(|v| match (answer, v) {
            (Answer::Choice(id), serde_json::Value::String(s)) => id == s,
            (Answer::YesNo(b), serde_json::Value::Bool(v)) => b == v,
            _ => false,
        });
    }
    let Some(value) = answer.decimal() else {
        return false;
    };
    c.at_least.is_none_or(|min| value >= min.0) && c.at_most.is_none_or(|max| value <= max.0)
}

/// Checks every answer against the scheme, in question order, so that `show_if` sees
/// the earlier answers.
pub fn check(scheme: &Scheme, given: &Answers) -> Checked {
    let mut out = Checked::default();
    for id in given.0.keys() {
        if scheme.question(id).is_none() {
            out.errors.push(Issue::new(
                "unknown_question",
                pointer([id]),
                format!("this scheme has no question {id:?}"),
            ));
        }
    }
    for (_, q) in scheme.questions() {
        let applies = q
            .show_if
            .as_ref()
            .is_none_or(|c| condition_holds(c, &out.answers));
        out.applies.push(applies);
        let path = pointer([&q.id]);
        match (applies, given.0.get(&q.id)) {
            (true, None) | (true, Some(serde_json::Value::Null)) => out.errors.push(Issue::new(
                "missing_answer",
                path,
                "answer this question to see an estimate",
            )),
            (true, Some(value)) => match read(q, value, scheme.currency.symbol()) {
                Ok(answer) => {
                    out.answers.insert(q.id.clone(), answer);
                }
                Err((code, message)) => out.errors.push(Issue::new(code, path, message)),
            },
            (false, Some(value)) if !value.is_null() => out.notices.push(Issue::new(
                "answer_not_used",
                path,
                "this question does not apply given your other answers, so its answer is not used",
            )),
            (false, _) => {}
        }
    }
    out
}

/// Reads one raw answer as the question's kind of answer.
fn read(
    q: &Question,
    value: &serde_json::Value,
    symbol: &str,
) -> Result<Answer, (&'static str, String)> {
    use serde_json::Value;
    match (&q.answer, value) {
        (AnswerKind::Choice(options), Value::String(id)) => {
            if options.iter().any(|o| &o.id == id) {
                Ok(Answer::Choice(id.clone()))
            } else {
                Err(("unknown_option", "choose one of the options".into()))
            }
        }
        (AnswerKind::Choice(_), _) => Err(("unknown_option", "choose one of the options".into())),
        (AnswerKind::YesNo(_), Value::Bool(b)) => Ok(Answer::YesNo(*b)),
        (AnswerKind::YesNo(_), Value::String(s)) if s == "yes" || s == "no" => {
            Ok(Answer::YesNo(s == "yes"))
        }
        (AnswerKind::YesNo(_), _) => Err(("invalid_answer", "answer yes or no".into())),
        (AnswerKind::Number(limits), _) => {
            let d =
                decimal(value).ok_or(("invalid_answer", "enter a number, like 12".to_owned()))?;
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
            let d = decimal(value).ok_or((
                "invalid_answer",
                "enter an amount in pounds, like 150 or 150.50".to_owned(),
            ))?;
            if d.scale() > 2 {
                return Err((
                    "invalid_answer",
                    "enter an amount in pounds and pence, like 150.50".into(),
                ));
            }
            if d < limits.min.0 || d > limits.max.0 {
                return Err((
                    "out_of_range",
                    format!(
                        "enter an amount from {} to {}",
                        format_money(limits.min.0, symbol),
                        format_money(limits.max.0, symbol)
                    ),
                ));
            }
            Ok(Answer::Money(d))
        }
    }
}

fn decimal(value: &serde_json::Value) -> Option<Decimal> {
    match value {
        serde_json::Value::String(s) => parse_decimal(s.trim()),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Decimal::from)
            .or_else(|| n.as_u64().map(Decimal::from)),
        _ => None,
    }
}
