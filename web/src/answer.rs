//! Turning what a person chose or typed into an answer, or into a GOV.UK error message.
//!
//! The engine decides whether an answer is valid (`answers::check`); this module only
//! tidies what was typed first (`£1,250` is `1250.00`) and words the engine's verdict in
//! the catalogue's language.

use crate::text::{fill, text};
use serde_json::{json, Value};
use waymark_engine::amount::parse_decimal;
use waymark_engine::answers;
use waymark_engine::issue::pointer;
use waymark_engine::scheme::Currency;
use waymark_engine::scheme::{AnswerKind, Question};
use waymark_engine::{Answers, Decimal, Scheme};

/// What a form sent for one question: the chosen option's value, or the typed text.
/// `None` when nothing was chosen.
pub type Posted = Option<String>;

/// The value a yes/no radio sends for "yes".
pub const YES: &str = "yes";
/// The value a yes/no radio sends for "no".
pub const NO: &str = "no";

/// A problem with one field, for the error summary and the inline message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's id (a question's id is its field's id), for the summary's link.
    pub field: String,
    /// The message, in the catalogue's words.
    pub message: String,
}

/// Reads the posted value for `question` as an answer, checked by the engine together
/// with the other `answers` (so limits and conditions are the engine's).
pub fn read(
    scheme: &Scheme,
    answers: &Answers,
    question: &Question,
    posted: &Posted,
) -> Result<Value, String> {
    let value = typed(question, posted)?;
    match engine_says(scheme, answers, question, &value) {
        None => Ok(value),
        Some(code) => Err(message(question, &code, scheme.currency)),
    }
}

/// The id of the reason's field on a practitioner's question `id`.
pub fn reason_field(id: &str) -> String {
    format!("{id}-reason")
}

/// Reads a practitioner's adjustment to `question`: the posted value and the `reason`
/// for it, as `{"answer": …, "reason": "…"}`, or `None` when both were left empty (no
/// adjustment). Errors are for the value's field and the reason's, in that order.
pub fn read_adjustment(
    scheme: &Scheme,
    answers: &Answers,
    question: &Question,
    posted: &Posted,
    reason: &Posted,
) -> Result<Option<Value>, Vec<FieldError>> {
    let t = text();
    let reason = reason.as_deref().map(str::trim).unwrap_or_default();
    let empty = posted
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .is_empty();
    if empty && reason.is_empty() {
        return Ok(None);
    }
    let most = waymark_engine::limits::REASON_CHARS;
    let reason_error = if reason.is_empty() {
        Some(t.app.error_reason_missing.clone())
    } else if reason.chars().count() > most {
        let count = t.number(Decimal::from(most));
        Some(fill(&t.app.error_reason_long, &[("count", &count)]))
    } else {
        None
    };
    // The value is checked on its own, with a stand-in reason while the reason has a
    // problem of its own, so both problems show at once.
    let given = reason_error.as_ref().map_or(reason, |_| "-");
    let (value, value_error) = match typed(question, posted) {
        Ok(value) => {
            let adjusted = json!({"answer": value, "reason": given});
            let error = engine_says(scheme, answers, question, &adjusted)
                .map(|code| message(question, &code, scheme.currency));
            (Some(adjusted), error)
        }
        Err(message) => (None, Some(message)),
    };
    let errors: Vec<FieldError> = [
        value_error.map(|message| FieldError {
            field: question.id.clone(),
            message,
        }),
        reason_error.map(|message| FieldError {
            field: reason_field(&question.id),
            message,
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    match value {
        Some(value) if errors.is_empty() => Ok(Some(value)),
        _ => Err(errors),
    }
}

/// The engine's issue code for `value` as the answer to `question`, if it has one.
fn engine_says(
    scheme: &Scheme,
    answers: &Answers,
    question: &Question,
    value: &Value,
) -> Option<String> {
    let mut trial = answers.clone();
    trial.set(&question.id, value.clone());
    let path = pointer([&question.id]);
    answers::check(scheme, &trial)
        .errors
        .into_iter()
        .find(|issue| issue.path == path)
        .map(|issue| issue.code)
}

/// What was chosen or typed for `question` as an answer's value, tidied, before the
/// engine checks it.
fn typed(question: &Question, posted: &Posted) -> Result<Value, String> {
    let t = text();
    let posted = posted.as_deref().map(str::trim).unwrap_or_default();
    let value = match &question.answer {
        AnswerKind::Choice(_) if posted.is_empty() => return Err(t.app.error_choose.clone()),
        AnswerKind::Choice(_) => Value::String(posted.to_owned()),
        AnswerKind::YesNo(_) => match posted {
            YES => Value::Bool(true),
            NO => Value::Bool(false),
            _ => return Err(t.app.error_yes_no.clone()),
        },
        AnswerKind::Number(_) if posted.is_empty() => {
            return Err(t.app.error_number_missing.clone());
        }
        AnswerKind::Number(_) => match parse_decimal(&tidy(posted)) {
            Some(number) => Value::String(number.normalize().to_string()),
            None => return Err(t.app.error_number_invalid.clone()),
        },
        AnswerKind::Money(_) if posted.is_empty() => return Err(t.app.error_money_missing.clone()),
        AnswerKind::Money(_) => match parse_decimal(&tidy(posted)) {
            Some(mut amount) => {
                if amount.scale() < 2 {
                    amount.rescale(2);
                }
                Value::String(amount.to_string())
            }
            None => return Err(t.app.error_money_invalid.clone()),
        },
    };
    Ok(value)
}

/// Removes what people often type around a number, as the catalogue's language writes
/// numbers: spaces, a currency's symbol, the separator of thousands; and makes its decimal
/// separator a point.
pub(crate) fn tidy(typed: &str) -> String {
    let f = &text().format;
    let mut out: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    for pattern in f.currencies.values() {
        for affix in pattern.split("{amount}").map(str::trim) {
            if !affix.is_empty() {
                out = out.replace(affix, "");
            }
        }
    }
    out = out.replace(f.group.as_str(), "");
    if f.decimal != "." {
        out = out.replace(f.decimal.as_str(), ".");
    }
    out
}

/// The catalogue's message for an engine issue code on a question.
fn message(question: &Question, code: &str, currency: Currency) -> String {
    let t = text();
    match (&question.answer, code) {
        (AnswerKind::Choice(_), _) => t.app.error_choose.clone(),
        (AnswerKind::YesNo(_), _) => t.app.error_yes_no.clone(),
        (AnswerKind::Number(_), "not_whole_number") => t.app.error_number_whole.clone(),
        (AnswerKind::Number(limits), "out_of_range") => fill(
            &t.app.error_number_range,
            &[
                ("min", &t.number(limits.min.0)),
                ("max", &t.number(limits.max.0)),
            ],
        ),
        (AnswerKind::Number(_), _) => t.app.error_number_invalid.clone(),
        (AnswerKind::Money(limits), "out_of_range") => fill(
            &t.app.error_money_range,
            &[
                ("min", &t.money(limits.min.0, currency)),
                ("max", &t.money(limits.max.0, currency)),
            ],
        ),
        (AnswerKind::Money(_), _) => t.app.error_money_pence.clone(),
    }
}

/// The hint under a number or money question, saying what to enter.
pub fn hint(question: &Question, currency: Currency) -> Option<String> {
    let t = text();
    match &question.answer {
        AnswerKind::Number(limits) => Some(fill(
            if limits.whole {
                &t.app.hint_whole_number
            } else {
                &t.app.hint_number
            },
            &[
                ("min", &t.number(limits.min.0)),
                ("max", &t.number(limits.max.0)),
            ],
        )),
        AnswerKind::Money(limits) => Some(fill(
            &t.app.hint_money,
            &[
                ("min", &t.money(limits.min.0, currency)),
                ("max", &t.money(limits.max.0, currency)),
            ],
        )),
        AnswerKind::Choice(_) | AnswerKind::YesNo(_) => None,
    }
}

/// What a form field shows for a saved answer: the option's value, or the text to edit
/// (for an adjustment, its value).
pub fn shown(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(adjusted) => shown(adjusted.get("answer")),
        Value::String(text) => Some(text.clone()),
        Value::Bool(true) => Some(YES.into()),
        Value::Bool(false) => Some(NO.into()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The reason saved with an adjustment, to edit.
pub fn shown_reason(value: Option<&Value>) -> Option<String> {
    value?.get("reason")?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scheme() -> Scheme {
        let scheme = json!({
            "id": "t", "version": "1", "title": "T", "owner": "O",
            "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
            "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
            "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "pick", "text": "Pick?", "answer": {"choice": [
                    {"id": "low", "label": "Low", "points": 0},
                    {"id": "high", "label": "High", "points": 2}]}},
                {"id": "ok", "text": "OK?", "answer": {"yes_no": {"yes": 1, "no": 0}}},
                {"id": "age", "text": "Age?", "answer": {"number": {"min": 18, "max": 110, "whole": true}}},
                {"id": "cost", "text": "Cost?", "answer": {"money": {"min": "0.00", "max": "5000.00"}}},
                {"id": "uplift", "text": "Uplift?", "practitioner": true,
                 "answer": {"money": {"min": "0.00", "max": "100.00"}}}
            ]}],
            "allocation": {"steps": [
                {"id": "points", "label": "Points", "calc": {"points": {}}},
                {"id": "money", "label": "Money", "calc": {"product": ["points", {"money": "10.00"}]}}
            ], "result": "money"}
        });
        Scheme::from_json(&scheme.to_string()).unwrap()
    }

    fn try_read(id: &str, posted: Option<&str>) -> Result<Value, String> {
        let scheme = scheme();
        let question = scheme.question(id).unwrap();
        read(
            &scheme,
            &Answers::default(),
            question,
            &posted.map(str::to_owned),
        )
    }

    #[test]
    fn choices_and_yes_no_must_be_chosen() {
        assert_eq!(try_read("pick", Some("high")), Ok(json!("high")));
        assert_eq!(try_read("pick", None).unwrap_err(), "Select an answer");
        assert_eq!(
            try_read("pick", Some("other")).unwrap_err(),
            "Select an answer"
        );
        assert_eq!(try_read("ok", Some("yes")), Ok(json!(true)));
        assert_eq!(try_read("ok", Some("no")), Ok(json!(false)));
        assert_eq!(try_read("ok", None).unwrap_err(), "Select yes or no");
    }

    #[test]
    fn numbers_are_tidied_and_checked_by_the_engine() {
        assert_eq!(try_read("age", Some(" 45 ")), Ok(json!("45")));
        assert_eq!(try_read("age", Some("")).unwrap_err(), "Enter a number");
        assert_eq!(
            try_read("age", Some("forty")).unwrap_err(),
            "Enter a number using digits, like 12"
        );
        assert_eq!(
            try_read("age", Some("45.5")).unwrap_err(),
            "Enter a whole number, like 12"
        );
        assert_eq!(
            try_read("age", Some("12")).unwrap_err(),
            "Enter a number from 18 to 110"
        );
    }

    #[test]
    fn money_is_tidied_to_pence_and_checked_by_the_engine() {
        assert_eq!(try_read("cost", Some("£1,250")), Ok(json!("1250.00")));
        assert_eq!(try_read("cost", Some("99.5")), Ok(json!("99.50")));
        assert_eq!(try_read("cost", None).unwrap_err(), "Enter an amount");
        assert_eq!(
            try_read("cost", Some("1.234")).unwrap_err(),
            "Enter an amount with no more than 2 decimal places, like 150.50"
        );
        assert_eq!(
            try_read("cost", Some("6000")).unwrap_err(),
            "Enter an amount from £0.00 to £5,000.00"
        );
        assert_eq!(
            try_read("cost", Some("lots")).unwrap_err(),
            "Enter an amount using digits, like 150 or 150.50"
        );
    }

    fn try_adjust(posted: &str, reason: &str) -> Result<Option<Value>, Vec<(String, String)>> {
        let scheme = scheme();
        let given = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        read_adjustment(
            &scheme,
            &Answers::default(),
            scheme.question("uplift").unwrap(),
            &given(posted),
            &given(reason),
        )
        .map_err(|errors| errors.into_iter().map(|e| (e.field, e.message)).collect())
    }

    #[test]
    fn an_adjustment_needs_its_reason_and_both_empty_is_none() {
        assert_eq!(try_adjust("", " "), Ok(None));
        assert_eq!(
            try_adjust("£20", " No one at the rate \n"),
            Ok(Some(
                json!({"answer": "20.00", "reason": "No one at the rate"})
            ))
        );
        let missing = (
            "uplift-reason".to_owned(),
            "Enter the reason for this adjustment".to_owned(),
        );
        assert_eq!(try_adjust("20", ""), Err(vec![missing.clone()]));
        assert_eq!(
            try_adjust("200", ""),
            Err(vec![
                (
                    "uplift".into(),
                    "Enter an amount from £0.00 to £100.00".into()
                ),
                missing
            ]),
            "both problems at once"
        );
        assert_eq!(
            try_adjust("", "Because"),
            Err(vec![("uplift".into(), "Enter an amount".into())])
        );
        let long = "a".repeat(waymark_engine::limits::REASON_CHARS + 1);
        assert_eq!(
            try_adjust("20", &long),
            Err(vec![(
                "uplift-reason".into(),
                "Reason for this adjustment must be 2000 characters or fewer".into()
            )])
        );
        let adjusted = json!({"answer": "20.00", "reason": "Because"});
        assert_eq!(shown(Some(&adjusted)).as_deref(), Some("20.00"));
        assert_eq!(shown_reason(Some(&adjusted)).as_deref(), Some("Because"));
    }

    #[test]
    fn hints_say_what_to_enter() {
        let scheme = scheme();
        let hint_for = |id| {
            hint(
                scheme.question(id).unwrap(),
                waymark_engine::scheme::Currency::GBP,
            )
        };
        assert_eq!(
            hint_for("age").as_deref(),
            Some("Enter a whole number from 18 to 110")
        );
        assert_eq!(
            hint_for("cost").as_deref(),
            Some("Enter an amount from £0.00 to £5,000.00, like 150 or 150.50")
        );
        assert_eq!(hint_for("pick"), None);
    }

    #[test]
    fn saved_answers_become_field_values() {
        assert_eq!(shown(Some(&json!(true))).as_deref(), Some("yes"));
        assert_eq!(shown(Some(&json!(false))).as_deref(), Some("no"));
        assert_eq!(shown(Some(&json!("12.50"))).as_deref(), Some("12.50"));
        assert_eq!(shown(Some(&json!(45))).as_deref(), Some("45"));
        assert_eq!(shown(None), None);
    }
}
