//! The explanation in words: each step's label, sentence, description and reason, the
//! figures it read from the scheme and the answers it used, all in one language.
//!
//! The engine's explanation names everything by id; the labels come from the scheme in
//! the catalogue's language, and the sentences from the catalogue. The app and the
//! command line both render through here, so they say the same thing.

use crate::catalogue::{Catalogue, Counted, RoundingPlaces};
use crate::fill;
use waymark_engine::amount::{Rounding, RoundingRule};
use waymark_engine::answers::Answer;
use waymark_engine::estimate::Estimate;
use waymark_engine::explain::{AnswerRead, ExplainedStep, Input, Op, Source};
use waymark_engine::scheme::{AnswerKind, Currency, Period, Question, Reference, Unit};
use waymark_engine::{Decimal, Issue, Scheme};

/// A figure a step read from the scheme, in words.
pub struct ParameterLine<'a> {
    /// The parameter's label.
    pub label: String,
    /// Its value.
    pub value: String,
    /// The days the value applies.
    pub dates: String,
    /// The band's name, for a band of a table.
    pub band: Option<String>,
    /// The document that set the value.
    pub reference: Option<&'a Reference>,
}

impl ParameterLine<'_> {
    /// The catalogue's template for this line; `{reference}` is left for the renderer when
    /// there is a reference, so it can be a link.
    pub fn template<'c>(&self, c: &'c Catalogue) -> &'c str {
        let e = &c.explain;
        match (self.band.is_some(), self.reference.is_some()) {
            (false, false) => &e.parameter,
            (true, false) => &e.parameter_band,
            (false, true) => &e.parameter_reference,
            (true, true) => &e.parameter_band_reference,
        }
    }

    /// The template with every blank but `{reference}` filled.
    pub fn fill_but_reference(&self, c: &Catalogue) -> String {
        fill(
            self.template(c),
            &[
                ("label", &self.label),
                ("value", &self.value),
                ("dates", &self.dates),
                ("band", self.band.as_deref().unwrap_or_default()),
            ],
        )
    }

    /// The whole line as text, with the reference's title.
    pub fn text(&self, c: &Catalogue) -> String {
        let title = self.reference.map_or("", |r| c.say(&r.title));
        fill(&self.fill_but_reference(c), &[("reference", title)])
    }
}

/// The words of one explained step.
pub struct StepWords<'a> {
    /// What the step does: the scheme step's label, or the closing step's.
    pub label: String,
    /// The step's arithmetic as a sentence, like "34 × £52.00 = £1,768.00".
    pub sentence: String,
    /// Why the step is there.
    pub description: Option<&'a str>,
    /// The recorded reason for an adjustment.
    pub reason: Option<&'a str>,
    /// Each figure it read from the scheme.
    pub parameters: Vec<ParameterLine<'a>>,
    /// Each answer it used, but for practitioner's adjustments.
    pub answers: Vec<String>,
    /// Each practitioner's adjustment it used, with their reason.
    pub adjustments: Vec<String>,
}

/// The words of every step of an estimate's explanation, in order.
pub fn steps<'a>(c: &Catalogue, scheme: &'a Scheme, estimate: &Estimate) -> Vec<StepWords<'a>> {
    estimate
        .explanation
        .iter()
        .map(|step| step_words(c, scheme, step))
        .collect()
}

/// The words of one step.
pub fn step_words<'a>(c: &Catalogue, scheme: &'a Scheme, step: &ExplainedStep) -> StepWords<'a> {
    let own = scheme.step(&step.id);
    let description = match step.kind {
        Op::NotEligible => Some(c.say(&scheme.text.not_eligible)),
        Op::Conversation => scheme.text.conversation.as_ref().map(|t| c.say(t)),
        _ => own.and_then(|s| s.description.as_ref()).map(|d| c.say(d)),
    };
    let label = match step.kind {
        Op::Conversation => c.explain.closing_conversation.clone(),
        _ => label(c, scheme, &step.id),
    };
    StepWords {
        label,
        sentence: sentence(c, scheme, step),
        description,
        reason: own.and_then(|s| s.reason.as_ref()).map(|r| c.say(r)),
        parameters: step
            .inputs
            .iter()
            .filter_map(|input| parameter(c, scheme, input))
            .collect(),
        answers: step
            .inputs
            .iter()
            .filter(|input| !is_adjustment(input))
            .filter_map(|input| answer_line(c, scheme, input))
            .collect(),
        adjustments: step
            .inputs
            .iter()
            .filter(|input| is_adjustment(input))
            .filter_map(|input| answer_line(c, scheme, input))
            .collect(),
    }
}

/// Whether an input is a practitioner's adjustment, with its reason.
fn is_adjustment(input: &Input) -> bool {
    matches!(
        input.source,
        Source::Answer {
            reason: Some(_),
            ..
        }
    )
}

/// A step's label: the scheme step's, or the closing step's for `annual` and `weekly`.
pub fn label(c: &Catalogue, scheme: &Scheme, id: &str) -> String {
    if let Some(step) = scheme.step(id) {
        return c.say(&step.label).to_owned();
    }
    let e = &c.explain;
    match id {
        "weekly" => e.closing_weekly.clone(),
        _ if scheme.period == Period::OneOff => e.closing_one_off.clone(),
        _ => e.closing_annual.clone(),
    }
}

/// A template that counts, for a value that may not be a whole number.
fn counted(template: &Counted, value: Decimal) -> &str {
    let whole = value.normalize();
    match u64::try_from(whole.mantissa()) {
        Ok(n) if whole.scale() == 0 => template.pick(n),
        _ => template.pick(u64::MAX),
    }
}

/// The step's arithmetic as a sentence.
pub fn sentence(c: &Catalogue, scheme: &Scheme, step: &ExplainedStep) -> String {
    let currency = scheme.currency;
    let s = &c.explain.sentence;
    let v = |x: &Input| c.value(x.value, x.unit, currency);
    let result = match step.unrounded {
        Some(raw) => c.unrounded(raw, step.unit, currency),
        None => c.value(step.result, step.unit, currency),
    };
    let joined = |sep: &str| step.inputs.iter().map(v).collect::<Vec<_>>().join(sep);
    let body = match (step.kind, step.inputs.as_slice()) {
        (Op::Points, []) => s.points_none.clone(),
        (Op::Points, inputs) => fill(
            s.points.pick(inputs.len() as u64),
            &[
                ("terms", &joined(&c.format.plus)),
                ("count", &inputs.len().to_string()),
                ("result", &result),
            ],
        ),
        (Op::Sum, [first, rest @ ..]) => {
            let mut terms = v(first);
            for x in rest {
                let sign = if x.value.is_sign_negative() {
                    &c.format.minus
                } else {
                    &c.format.plus
                };
                terms.push_str(sign);
                terms.push_str(&c.value(x.value.abs(), x.unit, currency));
            }
            fill(&s.sum, &[("terms", &terms), ("result", &result)])
        }
        (Op::Weighted, [base, terms @ ..]) => {
            let mut parts: Vec<String> = Vec::with_capacity(terms.len() / 2 + 1);
            if !(base.value.is_zero() && base.source == Source::Fixed) {
                parts.push(v(base));
            }
            for pair in terms.chunks(2) {
                parts.push(pair.iter().map(v).collect::<Vec<_>>().join(&c.format.times));
            }
            fill(
                &s.sum,
                &[("terms", &parts.join(&c.format.plus)), ("result", &result)],
            )
        }
        (Op::Product, _) => fill(
            &s.product,
            &[("terms", &joined(&c.format.times)), ("result", &result)],
        ),
        (Op::Difference, [a, b]) => fill(
            &s.difference,
            &[("a", &v(a)), ("b", &v(b)), ("result", &result)],
        ),
        (Op::Percent, [a, p]) => fill(
            &s.percent,
            &[("percent", &v(p)), ("value", &v(a)), ("result", &result)],
        ),
        (Op::Power, [a, e]) => fill(
            &s.power,
            &[
                ("value", &v(a)),
                ("power", &superscript(e.value)),
                ("result", &result),
            ],
        ),
        (Op::Band, [score, band]) => fill(
            &s.band_named,
            &[
                ("score", &v(score)),
                ("band", &band_name(c, scheme, band).unwrap_or_default()),
                ("result", &result),
            ],
        ),
        (Op::AtMost, [a, cap]) => {
            let template = if a.value > cap.value {
                &s.at_most_capped
            } else {
                &s.at_most_within
            };
            fill(
                template,
                &[("value", &v(a)), ("limit", &v(cap)), ("result", &result)],
            )
        }
        (Op::AtLeast, [a, floor]) => {
            let template = if a.value < floor.value {
                &s.at_least_raised
            } else {
                &s.at_least_met
            };
            fill(
                template,
                &[("value", &v(a)), ("limit", &v(floor)), ("result", &result)],
            )
        }
        (Op::Require | Op::Refer, [a, t]) => {
            let template = match (step.kind, step.passed == Some(true)) {
                (Op::Require, true) => &s.require_met,
                (Op::Require, false) => &s.require_not_met,
                (_, true) => &s.refer_met,
                (_, false) => &s.refer_not_met,
            };
            fill(template, &[("value", &v(a)), ("threshold", &v(t))])
        }
        (Op::Choose, [chosen]) => {
            let reads = step.condition.as_ref().map_or(&[][..], |c| &c.answers[..]);
            chosen_by(c, scheme, reads, &v(chosen))
        }
        (Op::Lookup, [chosen]) => chosen_by(c, scheme, step.answer.as_slice(), &v(chosen)),
        (Op::AsMoney, [a]) => fill(&s.as_money, &[("value", &v(a)), ("result", &result)]),
        (Op::Conversation, _) => s.conversation.clone(),
        (Op::Round, [a]) => fill(&s.round, &[("value", &v(a))]),
        (Op::Divide, [a, b]) => fill(
            &s.divide,
            &[("a", &v(a)), ("b", &v(b)), ("result", &result)],
        ),
        (Op::NotEligible, _) => fill(&s.not_eligible, &[("result", &result)]),
        _ => result.clone(),
    };
    match step.rounding {
        Some(r) => fill(
            &s.rounded,
            &[
                ("calculation", &body),
                ("rounding", &rounding(c, r, scheme.currency, step.unit)),
                ("result", &c.value(step.result, step.unit, currency)),
            ],
        ),
        None => body,
    }
}

/// The answers a choice or a lookup read, and the value they gave, as a sentence.
fn chosen_by(c: &Catalogue, scheme: &Scheme, reads: &[AnswerRead], value: &str) -> String {
    let s = &c.explain.sentence;
    let question = |r: &AnswerRead| scheme.question(&r.question).map_or("", |q| c.say(&q.text));
    match reads {
        [one] => match &one.answer {
            Some(answer) => fill(
                &s.choose,
                &[
                    ("question", question(one)),
                    ("answer", &answer_text(c, scheme, &one.question, answer)),
                    ("value", value),
                ],
            ),
            None => fill(
                &s.choose_not_asked,
                &[("question", question(one)), ("value", value)],
            ),
        },
        reads => {
            let answers = reads
                .iter()
                .map(|r| match &r.answer {
                    Some(answer) => fill(
                        &s.choose_answer,
                        &[
                            ("question", question(r)),
                            ("answer", &answer_text(c, scheme, &r.question, answer)),
                        ],
                    ),
                    None => fill(&s.choose_answer_not_asked, &[("question", question(r))]),
                })
                .collect::<Vec<_>>()
                .join(&c.format.list);
            fill(
                &s.choose_answers,
                &[("answers", &answers), ("value", value)],
            )
        }
    }
}

/// How a rounding rule rounds, in words: for money, in `currency`'s units; for a number,
/// in decimal places.
pub fn rounding(c: &Catalogue, r: Rounding, currency: Currency, unit: Unit) -> String {
    let words = &c.explain.rounding;
    let rule: &RoundingPlaces = match r.strategy {
        RoundingRule::HalfUp => &words.half_up,
        RoundingRule::HalfDown => &words.half_down,
        RoundingRule::HalfEven => &words.half_even,
        RoundingRule::Up => &words.up,
        RoundingRule::Down => &words.down,
    };
    let named = match (unit, r.places) {
        (Unit::Number, _) => None,
        (_, 0) => rule.whole.get(currency.code()),
        (_, p) if p == currency.minor_units() => rule.minor.get(currency.code()),
        _ => None,
    };
    named
        .cloned()
        .unwrap_or_else(|| fill(&rule.places, &[("places", &r.places.to_string())]))
}

/// A power as a superscript: ², ³, ⁴.
fn superscript(power: Decimal) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    power
        .normalize()
        .to_string()
        .chars()
        .map(|d| d.to_digit(10).map_or(d, |n| DIGITS[n as usize]))
        .collect()
}

/// The name of the band an input read: its label, or the score it starts from.
fn band_name(c: &Catalogue, scheme: &Scheme, input: &Input) -> Option<String> {
    let Source::Parameter {
        parameter,
        entry,
        band: Some(band),
        ..
    } = &input.source
    else {
        return None;
    };
    let band = scheme
        .parameter(parameter)?
        .values
        .get(*entry)?
        .bands
        .as_ref()?
        .get(*band)?;
    Some(match &band.label {
        Some(label) => c.say(label).to_owned(),
        None => fill(&c.explain.band_from, &[("min", &c.number(band.min.0))]),
    })
}

/// A figure read from the scheme, or `None` for any other input.
fn parameter<'a>(c: &Catalogue, scheme: &'a Scheme, input: &Input) -> Option<ParameterLine<'a>> {
    let Source::Parameter {
        parameter,
        from,
        to,
        reference,
        ..
    } = &input.source
    else {
        return None;
    };
    let found = scheme.parameter(parameter)?;
    Some(ParameterLine {
        label: c.say(&found.label).to_owned(),
        value: c.value(input.value, input.unit, scheme.currency),
        dates: c.date_range(*from, *to),
        band: band_name(c, scheme, input),
        reference: reference.as_deref().and_then(|r| scheme.reference(r)),
    })
}

/// An answer a step used: the question and the answer, with its points when it carried
/// them; `None` for any other input.
fn answer_line(c: &Catalogue, scheme: &Scheme, input: &Input) -> Option<String> {
    let e = &c.explain;
    let (question, answer, template) = match &input.source {
        Source::Points { question, answer } => (
            question,
            answer.as_ref(),
            counted(&e.answer_points, input.value),
        ),
        Source::Answer {
            question,
            reason: None,
        } => (question, None, e.answer_value.as_str()),
        Source::Answer {
            question,
            reason: Some(_),
        } => (question, None, e.answer_adjusted.as_str()),
        _ => return None,
    };
    let answer = match (&input.source, answer) {
        (_, Some(answer)) => answer_text(c, scheme, question, answer),
        (Source::Answer { .. }, None) => answer_value_text(c, scheme, question, input.value),
        _ => e.not_asked.clone(),
    };
    let text = scheme.question(question).map_or("", |q| c.say(&q.text));
    let reason = match &input.source {
        Source::Answer {
            reason: Some(reason),
            ..
        } => reason.as_str(),
        _ => "",
    };
    Some(fill(
        template,
        &[
            ("question", text),
            ("answer", &answer),
            ("value", &c.number(input.value)),
            ("reason", reason),
        ],
    ))
}

/// An answer as a person reads it: the option's label, yes or no, the number with what it
/// counts, or the amount.
pub fn answer_text(
    c: &Catalogue,
    scheme: &Scheme,
    question: &str,
    answer: &serde_json::Value,
) -> String {
    let Some(q) = scheme.question(question) else {
        return String::new();
    };
    match (&q.answer, answer) {
        (AnswerKind::Choice(options), serde_json::Value::String(id)) => options
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.clone(), |o| c.say(&o.label).to_owned()),
        (_, serde_json::Value::Bool(true)) => c.app.yes.clone(),
        (_, serde_json::Value::Bool(false)) => c.app.no.clone(),
        (_, serde_json::Value::String(text)) => match text.parse::<Decimal>() {
            Ok(value) => answer_value_text(c, scheme, question, value),
            Err(_) => text.clone(),
        },
        (_, other) => other.to_string(),
    }
}

/// A checked answer to `question` as a person reads it.
pub fn answer_words(
    c: &Catalogue,
    scheme: &Scheme,
    question: &Question,
    answer: &Answer,
) -> String {
    answer_text(c, scheme, &question.id, &answer.to_json(question))
}

/// A number or money answer's value as a person reads it.
fn answer_value_text(c: &Catalogue, scheme: &Scheme, question: &str, value: Decimal) -> String {
    match scheme.question(question).map(|q| &q.answer) {
        Some(AnswerKind::Money(_)) => c.money(value, scheme.currency),
        Some(AnswerKind::Number(limits)) => match &limits.suffix {
            Some(suffix) => fill(
                &c.explain.number_with_suffix,
                &[("number", &c.number(value)), ("suffix", c.say(suffix))],
            ),
            None => c.number(value),
        },
        _ => c.number(value),
    }
}

/// A notice about the answers, in words; `None` for a notice the catalogue has no words
/// for.
pub fn notice(c: &Catalogue, scheme: &Scheme, notice: &Issue) -> Option<String> {
    match notice.code.as_str() {
        "answer_not_used" => {
            let id = notice.path.trim_start_matches('/');
            let question = scheme.question(id).map_or(id, |q| c.say(&q.text));
            Some(fill(
                &c.explain.notice_answer_not_used,
                &[("question", question)],
            ))
        }
        _ => None,
    }
}

/// The explanation's opening: which scheme and version, and which date's figures.
pub fn about(c: &Catalogue, scheme: &Scheme, estimate: &Estimate) -> [String; 2] {
    let r = &estimate.scheme;
    [
        fill(
            &c.explain.scheme,
            &[
                ("title", c.say(&scheme.title)),
                ("version", &r.version),
                ("owner", c.say(&scheme.owner)),
                ("dates", &c.date_range(r.applies_from, r.applies_to)),
            ],
        ),
        fill(&c.explain.date, &[("date", &c.date(estimate.date))]),
    ]
}

#[cfg(test)]
mod tests {
    use super::rounding;
    use crate::Catalogue;
    use waymark_engine::amount::{Rounding, RoundingRule};
    use waymark_engine::scheme::{Currency, Unit};

    fn catalogue(code: &str) -> Catalogue {
        let path = format!("{}/../www/lang/{code}.json", env!("CARGO_MANIFEST_DIR"));
        Catalogue::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn rounding_names_each_currencys_units_or_says_decimal_places() {
        let to = |places, strategy| Rounding { places, strategy };
        let currency = |code| Currency::from_code(code).unwrap();
        let (en, cy) = (catalogue("en"), catalogue("cy"));
        let half = to(2, RoundingRule::HalfUp);
        assert_eq!(
            rounding(&en, half, Currency::GBP, Unit::Money),
            "to the nearest penny, halves rounded up"
        );
        assert_eq!(
            rounding(&en, half, currency("USD"), Unit::Money),
            "to the nearest cent, halves rounded up"
        );
        assert_eq!(
            rounding(&cy, half, currency("USD"), Unit::Money),
            "i’r sent agosaf, gyda hanner yn mynd i fyny"
        );
        let whole = to(0, RoundingRule::Up);
        assert_eq!(
            rounding(&en, whole, currency("EUR"), Unit::Money),
            "up to the next whole euro"
        );
        assert_eq!(
            rounding(&cy, whole, currency("USD"), Unit::Money),
            "i fyny i’r ddoler gyfan nesaf"
        );
        assert_eq!(
            rounding(&cy, whole, Currency::GBP, Unit::Money),
            "i fyny i’r bunt gyfan nesaf"
        );
        assert_eq!(
            rounding(&en, half, currency("CHF"), Unit::Money),
            "to 2 decimal places, halves rounded up"
        );
        assert_eq!(
            rounding(&en, whole, currency("EUR"), Unit::Number),
            "up, to 0 decimal places"
        );
    }
}
