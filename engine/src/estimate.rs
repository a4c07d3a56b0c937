//! Turning checked answers into an explained amount.

use crate::amount::{Money, Number};
use crate::answers::{self, Answer, Answers, Checked};
use crate::date::Date;
use crate::explain::{self, sentence, ExplainedStep, Input, Op, Source};
use crate::issue::Issue;
use crate::scheme::{AnswerKind, Calc, Operand, Period, Scheme, Step, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An indicative budget with everything needed to understand it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Estimate {
    /// The scheme version that produced it.
    pub scheme: SchemeRef,
    /// The assessment date: parameters in force on this day were used.
    pub date: Date,
    /// False when an eligibility threshold was not reached; the amounts are then zero.
    pub eligible: bool,
    /// What the amounts are for.
    pub period: Period,
    /// The yearly amount (for a one-off scheme, the one-off payment).
    pub annual: Money,
    /// The weekly amount; absent for a one-off payment.
    pub weekly: Option<Money>,
    /// The points of every answer that applies.
    pub points: Number,
    /// Points and money by section.
    pub sections: Vec<SectionResult>,
    /// The steps, in order; replaying them gives `annual` and `weekly` exactly.
    pub explanation: Vec<ExplainedStep>,
    /// Things worth knowing that did not stop the estimate.
    pub notices: Vec<Issue>,
}

/// Which scheme version produced an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SchemeRef {
    /// The scheme's id.
    pub id: String,
    /// The version.
    pub version: String,
    /// The scheme's name.
    pub title: String,
    /// Who runs it.
    pub owner: String,
    /// The first day this version applies.
    pub applies_from: Date,
    /// The last day it applies, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Date>,
}

impl SchemeRef {
    /// The reference to a scheme.
    pub fn of(scheme: &Scheme) -> SchemeRef {
        SchemeRef {
            id: scheme.id.clone(),
            version: scheme.version.clone(),
            title: scheme.title.clone(),
            owner: scheme.owner.clone(),
            applies_from: scheme.applies_from,
            applies_to: scheme.applies_to,
        }
    }
}

/// One section's share of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionResult {
    /// The section's id.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// The points of its answers.
    pub points: Number,
    /// The money its steps contribute, where the scheme assigns money to sections.
    pub amount: Option<Money>,
}

/// Works out the indicative budget for `answers` under `scheme` on `date`.
///
/// Missing, unknown and out-of-range answers, a date the scheme does not cover and
/// arithmetic overflow all come back as issues; this never panics.
pub fn estimate(scheme: &Scheme, answers: &Answers, date: Date) -> Result<Estimate, Vec<Issue>> {
    let checked = answers::check(scheme, answers);
    estimate_checked(scheme, &checked, date)
}

/// [`estimate`] for answers already checked against the scheme.
pub fn estimate_checked(
    scheme: &Scheme,
    checked: &Checked,
    date: Date,
) -> Result<Estimate, Vec<Issue>> {
    if !scheme.applies_on(date) {
        let until = scheme
            .applies_to
            .map_or(String::new(), |d| format!(" to {d}"));
        return Err(vec![Issue::new(
            "date_outside_scheme",
            "",
            format!(
                "this version of the scheme applies from {}{until}, not on {date}",
                scheme.applies_from
            ),
        )]);
    }
    if !checked.errors.is_empty() {
        return Err(checked.errors.clone());
    }
    let mut eval = Eval {
        scheme,
        date,
        answers: &checked.answers,
        symbol: scheme.currency.symbol(),
        results: BTreeMap::new(),
        steps: Vec::with_capacity(scheme.allocation.steps.len() + 2),
    };
    let mut eligible = true;
    for (i, step) in scheme.allocation.steps.iter().enumerate() {
        let passed = eval
            .step(step)
            .map_err(|m| vec![Issue::new(m.0, format!("/allocation/steps/{i}/calc"), m.1)])?;
        if !passed {
            eligible = false;
            break;
        }
    }
    let (annual, weekly) = eval
        .close(eligible)
        .map_err(|m| vec![Issue::new(m.0, "/allocation", m.1)])?;
    Ok(Estimate {
        scheme: SchemeRef::of(scheme),
        date,
        eligible,
        period: scheme.period,
        annual: Money(annual),
        weekly: weekly.map(Money),
        points: Number(total_points(scheme, &checked.answers)),
        sections: sections(scheme, &checked.answers, &eval.steps),
        explanation: eval.steps,
        notices: checked.notices.clone(),
    })
}

fn total_points(scheme: &Scheme, answers: &BTreeMap<String, Answer>) -> Decimal {
    scheme
        .questions()
        .filter_map(|(_, q)| answers.get(&q.id).and_then(|a| q.points_for(a)))
        .fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.0))
}

fn sections(
    scheme: &Scheme,
    answers: &BTreeMap<String, Answer>,
    steps: &[ExplainedStep],
) -> Vec<SectionResult> {
    scheme
        .sections
        .iter()
        .map(|section| {
            let points = section
                .questions
                .iter()
                .filter_map(|q| answers.get(&q.id).and_then(|a| q.points_for(a)))
                .fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.0));
            let amount = scheme
                .allocation
                .steps
                .iter()
                .filter(|s| s.section.as_deref() == Some(section.id.as_str()))
                .filter_map(|s| steps.iter().find(|e| e.id == s.id))
                .map(|e| e.result)
                .reduce(|a, b| a.saturating_add(b))
                .map(Money);
            SectionResult {
                id: section.id.clone(),
                title: section.title.clone(),
                points: Number(points),
                amount,
            }
        })
        .collect()
}

/// A failure: a code and a message.
type Failure = (&'static str, String);

fn overflow() -> Failure {
    (
        "arithmetic_overflow",
        "the amounts in this step are too large to work out".into(),
    )
}

struct Eval<'a> {
    scheme: &'a Scheme,
    date: Date,
    answers: &'a BTreeMap<String, Answer>,
    symbol: &'static str,
    results: BTreeMap<&'a str, (Decimal, Unit)>,
    steps: Vec<ExplainedStep>,
}

impl<'a> Eval<'a> {
    /// Runs one step; false when it was an eligibility threshold that was not reached.
    fn step(&mut self, step: &'a Step) -> Result<bool, Failure> {
        let (op, inputs, unit) = self.calc(&step.calc)?;
        let values: Vec<Decimal> = inputs.iter().map(|x| x.value).collect();
        let raw = explain::compute(op, &values).ok_or_else(overflow)?;
        let passed = (op == Op::Require).then(|| values[0] >= values[1]);
        let result = step.round.map_or(raw, |r| r.apply(raw));
        self.results.insert(step.id.as_str(), (result, unit));
        self.push(ExplainedStep {
            id: step.id.clone(),
            label: step.label.clone(),
            description: step.description.clone(),
            reason: step.reason.clone(),
            op,
            inputs,
            unit,
            unrounded: step.round.map(|_| raw),
            rounding: step.round,
            passed,
            result,
            text: String::new(),
        });
        Ok(passed != Some(false))
    }

    fn push(&mut self, mut step: ExplainedStep) {
        step.text = sentence(&step, self.symbol);
        self.steps.push(step);
    }

    fn calc(&self, calc: &Calc) -> Result<(Op, Vec<Input>, Unit), Failure> {
        let all = |ops: &[Operand]| {
            ops.iter()
                .map(|o| self.operand(o))
                .collect::<Result<Vec<_>, _>>()
        };
        let unit_of = |inputs: &[Input]| {
            if inputs.iter().any(|x| x.unit == Unit::Money) {
                Unit::Money
            } else {
                Unit::Number
            }
        };
        let (op, inputs) = match calc {
            Calc::Points(scope) => {
                let inputs = self.points(&scope.sections, &scope.questions);
                return Ok((Op::Points, inputs, Unit::Number));
            }
            Calc::Sum(ops) => (Op::Sum, all(ops)?),
            Calc::Product(ops) => (Op::Product, all(ops)?),
            Calc::Difference(ops) => (Op::Difference, all(ops)?),
            Calc::Percent(p) => {
                let of = self.operand(&p.of)?;
                let unit = of.unit;
                return Ok((Op::Percent, vec![of, self.operand(&p.percent)?], unit));
            }
            Calc::Power(p) => {
                let exponent = Input {
                    label: "Power".into(),
                    value: Decimal::from(p.exponent),
                    unit: Unit::Number,
                    source: Source::Fixed,
                };
                (Op::Power, vec![self.operand(&p.of)?, exponent])
            }
            Calc::Band(b) => {
                let score = self.operand(&b.of)?;
                let band = self.band(&b.table, score.value)?;
                let unit = band.unit;
                return Ok((Op::Band, vec![score, band], unit));
            }
            Calc::AtMost(l) => (
                Op::AtMost,
                vec![self.operand(&l.value)?, self.operand(&l.limit)?],
            ),
            Calc::AtLeast(l) => (
                Op::AtLeast,
                vec![self.operand(&l.value)?, self.operand(&l.limit)?],
            ),
            Calc::Require(t) => (
                Op::Require,
                vec![self.operand(&t.value)?, self.operand(&t.at_least)?],
            ),
            Calc::Choose(c) => {
                let holds = answers::condition_holds(&c.when, self.answers);
                let mut chosen = self.operand(if holds { &c.then } else { &c.otherwise })?;
                let question = self
                    .scheme
                    .question(&c.when.question)
                    .map_or("", |q| q.text.as_str());
                let answer = self.describe(&c.when.question);
                chosen.label =
                    format!("Because your answer to \u{201c}{question}\u{201d} was {answer}");
                (Op::Choose, vec![chosen])
            }
        };
        let unit = unit_of(&inputs);
        Ok((op, inputs, unit))
    }

    fn describe(&self, question: &str) -> String {
        match (self.scheme.question(question), self.answers.get(question)) {
            (Some(q), Some(a)) => format!("\u{201c}{}\u{201d}", a.describe(q, self.symbol)),
            _ => "not asked".into(),
        }
    }

    fn points(&self, sections: &[String], questions: &[String]) -> Vec<Input> {
        let everything = sections.is_empty() && questions.is_empty();
        self.scheme
            .sections
            .iter()
            .filter(|s| everything || sections.contains(&s.id))
            .flat_map(|s| s.questions.iter())
            .chain(questions.iter().filter_map(|id| self.scheme.question(id)))
            .filter_map(|q| {
                let answer = self.answers.get(&q.id)?;
                let points = q.points_for(answer)?;
                Some(Input {
                    label: q.text.clone(),
                    value: points.0,
                    unit: Unit::Number,
                    source: Source::Points {
                        question: q.id.clone(),
                        answer: answer.describe(q, self.symbol),
                    },
                })
            })
            .collect()
    }

    fn operand(&self, op: &Operand) -> Result<Input, Failure> {
        let fixed = |value: Decimal, unit| Input {
            label: "Fixed amount".into(),
            value,
            unit,
            source: Source::Fixed,
        };
        Ok(match op {
            Operand::Step(id) => {
                let (value, unit) = *self.results.get(id.as_str()).ok_or((
                    "unknown_step",
                    format!("step {id:?} has not been worked out"),
                ))?;
                let label = self
                    .scheme
                    .allocation
                    .steps
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or_else(|| id.clone(), |s| s.label.clone());
                Input {
                    label,
                    value,
                    unit,
                    source: Source::Step { step: id.clone() },
                }
            }
            Operand::Param(id) => self.parameter(id, None)?,
            Operand::Answer(id) => {
                let question = self.scheme.question(id);
                let unit = match question.map(|q| &q.answer) {
                    Some(AnswerKind::Money(_)) => Unit::Money,
                    _ => Unit::Number,
                };
                let value = match self.answers.get(id) {
                    Some(Answer::Number(d) | Answer::Money(d)) => *d,
                    _ => Decimal::ZERO,
                };
                Input {
                    label: question.map_or_else(|| id.clone(), |q| q.text.clone()),
                    value,
                    unit,
                    source: Source::Answer {
                        question: id.clone(),
                        answer: self.describe(id),
                    },
                }
            }
            Operand::Points(id) => {
                let question = self.scheme.question(id);
                let points = question
                    .zip(self.answers.get(id))
                    .and_then(|(q, a)| q.points_for(a))
                    .map_or(Decimal::ZERO, |p| p.0);
                Input {
                    label: question.map_or_else(|| id.clone(), |q| q.text.clone()),
                    value: points,
                    unit: Unit::Number,
                    source: Source::Points {
                        question: id.clone(),
                        answer: self.describe(id),
                    },
                }
            }
            Operand::Section(id) => {
                let value = self
                    .points(std::slice::from_ref(id), &[])
                    .iter()
                    .try_fold(Decimal::ZERO, |a, x| a.checked_add(x.value))
                    .ok_or_else(overflow)?;
                let title = self
                    .scheme
                    .sections
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or(id.as_str(), |s| &s.title);
                Input {
                    label: format!("Points for {title}"),
                    value,
                    unit: Unit::Number,
                    source: Source::Section {
                        section: id.clone(),
                    },
                }
            }
            Operand::Money(m) => fixed(m.0, Unit::Money),
            Operand::Number(n) => fixed(n.0, Unit::Number),
        })
    }

    /// A parameter's value in force on the date; for a band table, the band `score` is in.
    fn parameter(&self, id: &str, score: Option<Decimal>) -> Result<Input, Failure> {
        let p = self
            .scheme
            .parameter(id)
            .ok_or(("unknown_parameter", format!("there is no parameter {id:?}")))?;
        let (_, dated) = p.value_on(self.date).ok_or((
            "parameter_not_in_force",
            format!("{} has no value on {}", p.label, self.date),
        ))?;
        let (value, band) = match (score, dated.value, &dated.bands) {
            (None, Some(v), _) => (v.0, None),
            (Some(score), _, Some(bands)) => {
                let band = bands.iter().rev().find(|b| b.min.0 <= score).ok_or((
                    "no_band",
                    format!("{score} is below the lowest band of {}", p.label),
                ))?;
                let name = band
                    .label
                    .clone()
                    .unwrap_or_else(|| format!("from {}", band.min));
                (band.value.0, Some(name))
            }
            _ => {
                return Err((
                    "invalid_parameter",
                    format!("{} is not the right kind of value here", p.label),
                ))
            }
        };
        Ok(Input {
            label: p.label.clone(),
            value,
            unit: p.unit,
            source: Source::Parameter {
                parameter: p.id.clone(),
                from: dated.from,
                to: dated.to,
                band,
                reference: dated
                    .reference
                    .as_deref()
                    .and_then(|r| self.scheme.reference(r))
                    .cloned(),
            },
        })
    }

    fn band(&self, table: &str, score: Decimal) -> Result<Input, Failure> {
        self.parameter(table, Some(score))
    }

    /// The closing steps: the amount for the scheme's period, rounded, and its conversion.
    fn close(&mut self, eligible: bool) -> Result<(Decimal, Option<Decimal>), Failure> {
        let scheme = self.scheme;
        let has_weekly = scheme.period != Period::OneOff;
        if !eligible {
            let zero = scheme.rounding.apply(Decimal::ZERO);
            for id in ["annual", "weekly"]
                .into_iter()
                .take(if has_weekly { 2 } else { 1 })
            {
                let mut step = closing(id, closing_label(id).into(), Op::NotEligible, vec![], None);
                step.description = Some(scheme.text.not_eligible.clone());
                step.result = zero;
                self.push(step);
            }
            return Ok((zero, has_weekly.then_some(zero)));
        }
        let result_id = scheme.allocation.result.as_str();
        let (value, _) = *self.results.get(result_id).ok_or((
            "unknown_step",
            format!("step {result_id:?} has not been worked out"),
        ))?;
        let label = scheme
            .allocation
            .steps
            .iter()
            .find(|s| s.id == result_id)
            .map_or_else(|| result_id.to_owned(), |s| s.label.clone());
        let from_result = Input {
            label,
            value,
            unit: Unit::Money,
            source: Source::Step {
                step: result_id.to_owned(),
            },
        };
        let weeks = Input {
            label: "Weeks in a year".into(),
            value: scheme.weeks_per_year.map_or(Decimal::from(52), |w| w.0),
            unit: Unit::Number,
            source: Source::Setting {
                setting: "weeks_per_year".into(),
            },
        };
        let rounding = Some(scheme.rounding);
        let (first, second, second_op) = match scheme.period {
            Period::OneOff => {
                let step = closing(
                    "annual",
                    "The one-off payment".into(),
                    Op::Round,
                    vec![from_result],
                    rounding,
                );
                let value = step.result;
                self.push(step);
                return Ok((value, None));
            }
            Period::Annual => ("annual", "weekly", Op::Divide),
            Period::Weekly => ("weekly", "annual", Op::Product),
        };
        let head = closing(
            first,
            closing_label(first).into(),
            Op::Round,
            vec![from_result],
            rounding,
        );
        let head_input = Input {
            label: closing_label(first).into(),
            value: head.result,
            unit: Unit::Money,
            source: Source::Step { step: first.into() },
        };
        self.push(head);
        let tail = closing(
            second,
            closing_label(second).into(),
            second_op,
            vec![head_input, weeks],
            rounding,
        );
        if tail.unrounded.is_none() {
            return Err(overflow());
        }
        self.push(tail);
        let find = |id: &str| {
            self.steps
                .iter()
                .rev()
                .find(|s| s.id == id)
                .map(|s| s.result)
        };
        Ok((find("annual").unwrap_or_default(), find("weekly")))
    }
}

/// The label of an engine closing step.
fn closing_label(id: &str) -> &'static str {
    if id == "annual" {
        "Your yearly amount"
    } else {
        "Your weekly amount"
    }
}

/// An engine closing step; `unrounded` is `None` if the arithmetic overflows.
fn closing(
    id: &str,
    label: String,
    op: Op,
    inputs: Vec<Input>,
    rounding: Option<crate::amount::Rounding>,
) -> ExplainedStep {
    let values: Vec<Decimal> = inputs.iter().map(|x| x.value).collect();
    let raw = explain::compute(op, &values);
    let result = match (raw, rounding) {
        (Some(v), Some(r)) => r.apply(v),
        (Some(v), None) => v,
        (None, _) => Decimal::ZERO,
    };
    ExplainedStep {
        id: id.into(),
        label,
        description: None,
        reason: None,
        op,
        inputs,
        unit: Unit::Money,
        unrounded: if rounding.is_some() { raw } else { None },
        rounding: if op == Op::NotEligible {
            None
        } else {
            rounding
        },
        passed: None,
        result,
        text: String::new(),
    }
}
