//! Turning checked answers into an amount: one evaluator, run either with the explanation
//! recorded ([`estimate`]) or for the figures alone ([`figures`]), so the two cannot
//! disagree.

use crate::amount::{Money, Number, Rounding};
use crate::answers::{self, Answer, Answers, Checked};
use crate::date::Date;
use crate::explain::{self, AnswerRead, ConditionRead, ExplainedStep, Input, Op, Source};
use crate::issue::Issue;
use crate::program::{Compiled, Test, Val, Work};
use crate::scheme::{Period, Scheme, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The value of every estimate document's `format`.
pub const FORMAT: &str = "waymark-estimate";

/// The version of the estimate document this engine writes: 2, the first whose
/// explanation is data without words.
pub const VERSION: u32 = 2;

/// An indicative budget with everything needed to understand it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Always `waymark-estimate`.
    pub format: String,
    /// The document's version: 2.
    pub version: u32,
    /// The scheme version that produced it.
    pub scheme: SchemeRef,
    /// The assessment date: parameters in force on this day were used.
    pub date: Date,
    /// False when an eligibility threshold was not reached; the amounts are then zero.
    pub eligible: bool,
    /// True when the answers reached a level at which the council decides the amount in a
    /// conversation with the person: there is no amount, and the amounts are zero.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conversation: bool,
    /// What the amounts are for.
    pub period: Period,
    /// The ISO 4217 code of the amounts' currency.
    pub currency: String,
    /// The yearly amount (for a one-off scheme, the one-off payment).
    pub annual: Money,
    /// The weekly amount; absent for a one-off payment and for a yearly scheme that gives
    /// no weeks in its year.
    pub weekly: Option<Money>,
    /// The points of every answer that applies.
    pub points: Number,
    /// Points and money by section.
    pub sections: Vec<SectionResult>,
    /// The steps, in order; replaying them gives `annual` and `weekly` exactly.
    pub explanation: Vec<ExplainedStep>,
    /// Things worth knowing that did not stop the estimate, by code and path.
    pub notices: Vec<Issue>,
}

impl Estimate {
    /// Whether there is an amount to show: the person is eligible and the answers do not
    /// need a conversation with the council instead.
    pub fn has_amount(&self) -> bool {
        self.eligible && !self.conversation
    }
}

/// Which scheme version produced an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemeRef {
    /// The scheme's id.
    pub id: String,
    /// The version.
    pub version: String,
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
            applies_from: scheme.applies_from,
            applies_to: scheme.applies_to,
        }
    }
}

/// One section's share of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SectionResult {
    /// The section's id.
    pub id: String,
    /// The points of its answers.
    pub points: Number,
    /// The money its steps contribute, where the scheme assigns money to sections.
    pub amount: Option<Money>,
}

/// The amounts alone, for callers that do not need the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// False when an eligibility threshold was not reached; the amounts are then zero.
    pub eligible: bool,
    /// True when the answers need a conversation with the council rather than an amount;
    /// the amounts are then zero.
    pub conversation: bool,
    /// The yearly amount (for a one-off scheme, the one-off payment).
    pub annual: Money,
    /// The weekly amount; absent for a one-off payment and for a yearly scheme without weeks.
    pub weekly: Option<Money>,
}

/// Works out the indicative budget for `answers` under `scheme` on `date`, with its
/// explanation.
///
/// Missing, unknown and out-of-range answers, a date the scheme does not cover and
/// arithmetic overflow all come back as issues; this never panics.
pub fn estimate(scheme: &Scheme, answers: &Answers, date: Date) -> Result<Estimate, Vec<Issue>> {
    estimate_checked(scheme, &answers::check(scheme, answers), date)
}

/// [`estimate`] for answers already checked against the scheme.
pub fn estimate_checked(
    scheme: &Scheme,
    checked: &Checked,
    date: Date,
) -> Result<Estimate, Vec<Issue>> {
    ready(scheme, checked, date)?;
    let mut explained = Explained(Vec::with_capacity(scheme.allocation.steps.len() + 2));
    let given = Given {
        answers: &checked.answers,
        reasons: &checked.reasons,
    };
    let (figures, results) = run(scheme, given, date, &mut explained)?;
    let points = |questions: std::ops::Range<usize>| {
        questions
            .filter_map(|i| points_of(scheme, &checked.answers, i))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    };
    let program = scheme.program();
    let sections = scheme
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| SectionResult {
            id: section.id.clone(),
            points: Number(points(scheme.index().section_questions(i))),
            // A conversation has no amount, so no share of one by life area either.
            amount: program
                .steps
                .iter()
                .zip(&results)
                .filter(|(step, _)| step.section == Some(i) && !figures.conversation)
                .filter_map(|(_, result)| *result)
                .reduce(Decimal::saturating_add)
                .map(Money),
        })
        .collect();
    Ok(Estimate {
        format: FORMAT.into(),
        version: VERSION,
        scheme: SchemeRef::of(scheme),
        date,
        eligible: figures.eligible,
        conversation: figures.conversation,
        period: scheme.period,
        currency: scheme.currency.code().into(),
        annual: figures.annual,
        weekly: figures.weekly,
        points: Number(points(0..scheme.question_count())),
        sections,
        explanation: explained.0,
        notices: checked.notices.clone(),
    })
}

/// The amounts for `answers` under `scheme` on `date`, without the explanation.
pub fn figures(scheme: &Scheme, answers: &Answers, date: Date) -> Result<Figures, Vec<Issue>> {
    figures_checked(scheme, &answers::check(scheme, answers), date)
}

/// [`figures`] for answers already checked against the scheme.
pub fn figures_checked(
    scheme: &Scheme,
    checked: &Checked,
    date: Date,
) -> Result<Figures, Vec<Issue>> {
    ready(scheme, checked, date)?;
    figures_of(scheme, &checked.answers, date)
}

/// The amounts for answers that are known to be complete and valid.
pub(crate) fn figures_of(
    scheme: &Scheme,
    answers: &[Option<Answer>],
    date: Date,
) -> Result<Figures, Vec<Issue>> {
    let given = Given {
        answers,
        reasons: &[],
    };
    run(scheme, given, date, &mut Silent).map(|(figures, _)| figures)
}

/// Fails when the scheme does not cover the date or the answers have problems.
fn ready(scheme: &Scheme, checked: &Checked, date: Date) -> Result<(), Vec<Issue>> {
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
    if checked.errors.is_empty() {
        Ok(())
    } else {
        Err(checked.errors.clone())
    }
}

/// The points the answer to the question at `position` carries, if any.
fn points_of(scheme: &Scheme, answers: &[Option<Answer>], position: usize) -> Option<Decimal> {
    let answer = answers.get(position)?.as_ref()?;
    scheme
        .question_at(position)?
        .points_for(answer)
        .map(|p| p.0)
}

/// What the evaluator does with each step it works out.
trait Record {
    /// Whether steps are recorded at all; when not, nothing is built for them.
    const ON: bool;
    /// Keeps one explained step.
    fn keep(&mut self, step: ExplainedStep);
}

/// Records nothing: the figures-only path.
struct Silent;

impl Record for Silent {
    const ON: bool = false;
    fn keep(&mut self, _: ExplainedStep) {}
}

/// Records every step: the explanation.
struct Explained(Vec<ExplainedStep>);

impl Record for Explained {
    const ON: bool = true;
    fn keep(&mut self, step: ExplainedStep) {
        self.0.push(step);
    }
}

/// Each scheme step's result, `None` for steps not reached.
type Results = Vec<Option<Decimal>>;

/// The checked answers an allocation runs on, and the reasons for adjustments (left
/// empty when only the figures are wanted).
#[derive(Clone, Copy)]
struct Given<'a> {
    answers: &'a [Option<Answer>],
    reasons: &'a [Option<String>],
}

/// Runs the allocation and the closing steps.
fn run<R: Record>(
    scheme: &Scheme,
    given: Given,
    date: Date,
    record: &mut R,
) -> Result<(Figures, Results), Vec<Issue>> {
    let mut eval = Eval {
        scheme,
        date,
        answers: given.answers,
        reasons: given.reasons,
        results: vec![None; scheme.program().steps.len()],
        values: Vec::new(),
        record,
    };
    let mut flow = Flow::Next;
    for (i, step) in scheme.program().steps.iter().enumerate() {
        flow = eval
            .step(i, step)
            .map_err(|m| vec![Issue::new(m.0, format!("/allocation/steps/{i}/calc"), m.1)])?;
        if flow != Flow::Next {
            break;
        }
    }
    let figures = eval
        .close(flow)
        .map_err(|m| vec![Issue::new(m.0, "/allocation", m.1)])?;
    Ok((figures, eval.results))
}

/// Where the allocation goes after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// On to the next step, or to the amount after the last.
    Next,
    /// An eligibility threshold was not reached: nothing is payable.
    NotEligible,
    /// A level for a conversation was reached: the council decides the amount with the
    /// person.
    Conversation,
}

/// A failure: a code and a message.
type Failure = (&'static str, String);

fn overflow() -> Failure {
    (
        "arithmetic_overflow",
        "the amounts in this step are too large to work out".to_owned(),
    )
}

struct Eval<'a, R> {
    scheme: &'a Scheme,
    date: Date,
    answers: &'a [Option<Answer>],
    reasons: &'a [Option<String>],
    results: Results,
    values: Vec<Decimal>,
    record: &'a mut R,
}

impl<'a, R: Record> Eval<'a, R> {
    /// Runs one step, and says where the allocation goes next.
    fn step(&mut self, i: usize, step: &Compiled) -> Result<Flow, Failure> {
        let mut inputs = Vec::new();
        self.values.clear();
        let mut band = None;
        let mut condition = None;
        let mut answer = None;
        let op = match &step.work {
            Work::Points(questions) => {
                for &q in questions {
                    if let Some(points) = points_of(self.scheme, self.answers, q) {
                        self.values.push(points);
                        if R::ON {
                            inputs.push(self.input(&Val::Points(q), points, Unit::Number));
                        }
                    }
                }
                Op::Points
            }
            Work::Sum(vals) => self.read_all(vals, &mut inputs, Op::Sum)?,
            Work::Product(vals) => self.read_all(vals, &mut inputs, Op::Product)?,
            Work::Difference(a, b) => self.read_two(a, b, &mut inputs, Op::Difference)?,
            Work::Percent(a, p) => self.read_two(a, p, &mut inputs, Op::Percent)?,
            Work::Divide(a, by) => {
                let op = self.read_two(a, by, &mut inputs, Op::Divide)?;
                if self.values.get(1).is_some_and(Decimal::is_zero) {
                    // Loading refuses a scheme that can divide by zero; this stays as a guard.
                    return Err((
                        "division_by_zero",
                        "this step divides by zero for these answers".to_owned(),
                    ));
                }
                op
            }
            Work::Power(a, exponent) => {
                self.read(a, &mut inputs)?;
                let exponent = Decimal::from(*exponent);
                self.values.push(exponent);
                if R::ON {
                    inputs.push(Input {
                        value: exponent,
                        unit: Unit::Number,
                        source: Source::Fixed,
                    });
                }
                Op::Power
            }
            Work::Band(score, table) => {
                let score = self.read(score, &mut inputs)?;
                let (value, entry, position) = self.band(*table, score)?;
                self.values.push(value);
                band = Some((*table, entry, position, value));
                Op::Band
            }
            Work::Lookup(q, table, otherwise) => {
                if R::ON {
                    answer = Some(self.answer_read(*q));
                }
                match self.answers.get(*q).copied().flatten() {
                    Some(Answer::Choice(option)) => {
                        let (value, id) = self.option_value(*table, *q, option)?;
                        self.values.push(value);
                        if R::ON {
                            let mut input = self.input(&Val::Param(*table), value, step.unit);
                            if let Source::Parameter { option, .. } = &mut input.source {
                                *option = Some(id.to_owned());
                            }
                            inputs.push(input);
                        }
                    }
                    _ => {
                        let otherwise = otherwise.as_ref().ok_or_else(|| {
                            (
                                "missing_answer",
                                "this step looks up an answer that was not given".to_owned(),
                            )
                        })?;
                        self.read(otherwise, &mut inputs)?;
                    }
                }
                Op::Lookup
            }
            Work::Weighted(base, terms) => {
                self.read(base, &mut inputs)?;
                for (weight, value) in terms {
                    self.read(weight, &mut inputs)?;
                    self.read(value, &mut inputs)?;
                }
                Op::Weighted
            }
            Work::AsMoney(v) => {
                self.read(v, &mut inputs)?;
                Op::AsMoney
            }
            Work::Refer(a, b) => self.read_two(a, b, &mut inputs, Op::Refer)?,
            Work::AtMost(a, b) => self.read_two(a, b, &mut inputs, Op::AtMost)?,
            Work::AtLeast(a, b) => self.read_two(a, b, &mut inputs, Op::AtLeast)?,
            Work::Require(a, b) => self.read_two(a, b, &mut inputs, Op::Require)?,
            Work::Choose(test, then, otherwise) => {
                let holds = answers::holds(test, self.answers);
                self.read(if holds { then } else { otherwise }, &mut inputs)?;
                if R::ON {
                    condition = Some(self.condition(test, holds));
                }
                Op::Choose
            }
        };
        if R::ON {
            if let Some((table, entry, position, value)) = band {
                let mut input = self.input(&Val::Param(table), value, step.unit);
                if let Source::Parameter { entry: e, band, .. } = &mut input.source {
                    *e = entry;
                    *band = Some(position);
                }
                inputs.push(input);
            }
        }
        let raw = explain::compute(op, &self.values).ok_or_else(overflow)?;
        let passed = matches!(op, Op::Require | Op::Refer)
            .then(|| self.values.first() >= self.values.get(1));
        let result = step.round.map_or(raw, |r| r.apply(raw));
        if let Some(slot) = self.results.get_mut(i) {
            *slot = Some(result);
        }
        if R::ON {
            self.record.keep(ExplainedStep {
                id: self.step_id(i),
                kind: op,
                inputs,
                unit: step.unit,
                unrounded: step.round.map(|_| raw),
                rounding: step.round,
                passed,
                condition,
                answer,
                result,
            });
        }
        Ok(match (op, passed) {
            (Op::Require, Some(false)) => Flow::NotEligible,
            (Op::Refer, Some(true)) => Flow::Conversation,
            _ => Flow::Next,
        })
    }

    fn step_id(&self, i: usize) -> String {
        self.scheme
            .allocation
            .steps
            .get(i)
            .map_or_else(String::new, |s| s.id.clone())
    }

    /// Reads every value, for an operation on any number of them.
    fn read_all(&mut self, vals: &[Val], inputs: &mut Vec<Input>, op: Op) -> Result<Op, Failure> {
        for v in vals {
            self.read(v, inputs)?;
        }
        Ok(op)
    }

    /// Reads two values, for an operation on a pair.
    fn read_two(
        &mut self,
        a: &Val,
        b: &Val,
        inputs: &mut Vec<Input>,
        op: Op,
    ) -> Result<Op, Failure> {
        self.read(a, inputs)?;
        self.read(b, inputs)?;
        Ok(op)
    }

    /// Reads one value into the step's values (and, when recording, its inputs).
    fn read(&mut self, v: &Val, inputs: &mut Vec<Input>) -> Result<Decimal, Failure> {
        let (value, unit) = self.value(v)?;
        self.values.push(value);
        if R::ON {
            inputs.push(self.input(v, value, unit));
        }
        Ok(value)
    }

    /// The value of an operand and its unit.
    fn value(&self, v: &Val) -> Result<(Decimal, Unit), Failure> {
        let program = self.scheme.program();
        Ok(match v {
            Val::Step(i) => {
                let value = self.results.get(*i).copied().flatten().ok_or_else(|| {
                    (
                        "unknown_step",
                        "an earlier step has not been worked out".to_owned(),
                    )
                })?;
                (
                    value,
                    program.steps.get(*i).map_or(Unit::Number, |s| s.unit),
                )
            }
            Val::Param(p) => {
                let (value, _) = self.parameter(*p)?;
                let unit = self
                    .scheme
                    .parameters
                    .get(*p)
                    .map_or(Unit::Number, |p| p.unit);
                (value, unit)
            }
            Val::Answer(q) => match self.answers.get(*q).copied().flatten() {
                Some(Answer::Money(d)) => (d, Unit::Money),
                Some(Answer::Number(d)) => (d, Unit::Number),
                _ => (Decimal::ZERO, self.answer_unit(*q)),
            },
            Val::Points(q) => (
                points_of(self.scheme, self.answers, *q).unwrap_or(Decimal::ZERO),
                Unit::Number,
            ),
            Val::Section(s) => {
                let total = self
                    .scheme
                    .index()
                    .section_questions(*s)
                    .filter_map(|q| points_of(self.scheme, self.answers, q))
                    .try_fold(Decimal::ZERO, Decimal::checked_add)
                    .ok_or_else(overflow)?;
                (total, Unit::Number)
            }
            Val::Fixed(value, unit) => (*value, *unit),
        })
    }

    fn answer_unit(&self, q: usize) -> Unit {
        match self.scheme.question_at(q).map(|q| &q.answer) {
            Some(crate::scheme::AnswerKind::Money(_)) => Unit::Money,
            _ => Unit::Number,
        }
    }

    /// Where an operand's value came from, for the explanation.
    fn input(&self, v: &Val, value: Decimal, unit: Unit) -> Input {
        let scheme = self.scheme;
        let question_id = |q: usize| {
            scheme
                .question_at(q)
                .map_or_else(String::new, |q| q.id.clone())
        };
        let source = match v {
            Val::Step(i) => Source::Step {
                step: self.step_id(*i),
            },
            Val::Param(p) => self.parameter_source(*p),
            Val::Answer(q) => Source::Answer {
                question: question_id(*q),
                reason: self.reasons.get(*q).cloned().flatten(),
            },
            Val::Points(q) => Source::Points {
                question: question_id(*q),
                answer: self.answer_json(*q),
            },
            Val::Section(s) => Source::Section {
                section: scheme
                    .sections
                    .get(*s)
                    .map_or_else(String::new, |s| s.id.clone()),
            },
            Val::Fixed(..) => Source::Fixed,
        };
        Input {
            value,
            unit,
            source,
        }
    }

    /// The answer to the question at `q` as an answers file writes it, if it was answered.
    fn answer_json(&self, q: usize) -> Option<serde_json::Value> {
        let answer = self.answers.get(q)?.as_ref()?;
        Some(answer.to_json(self.scheme.question_at(q)?))
    }

    /// The answer to the question at `q`, read by id.
    fn answer_read(&self, q: usize) -> AnswerRead {
        AnswerRead {
            question: self
                .scheme
                .question_at(q)
                .map_or_else(String::new, |q| q.id.clone()),
            answer: self.answer_json(q),
        }
    }

    /// What a choice's condition read.
    fn condition(&self, test: &Test, holds: bool) -> ConditionRead {
        ConditionRead {
            holds,
            answers: test
                .questions()
                .into_iter()
                .map(|q| self.answer_read(q))
                .collect(),
        }
    }

    /// A parameter's value in force on the date, with the position of the dated entry.
    fn parameter(&self, p: usize) -> Result<(Decimal, usize), Failure> {
        let parameter = self
            .scheme
            .parameters
            .get(p)
            .ok_or_else(|| ("unknown_parameter", "a parameter is missing".to_owned()))?;
        let (entry, dated) = parameter.value_on(self.date).ok_or_else(|| {
            (
                "parameter_not_in_force",
                format!("parameter {:?} has no value on {}", parameter.id, self.date),
            )
        })?;
        let value = dated.value.ok_or_else(|| {
            (
                "invalid_parameter",
                format!("parameter {:?} is not a single value", parameter.id),
            )
        })?;
        Ok((value.0, entry))
    }

    /// Where a parameter's value came from: its id, the dated entry and its reference.
    fn parameter_source(&self, p: usize) -> Source {
        let parameter = self.scheme.parameters.get(p);
        let dated = parameter.and_then(|x| x.value_on(self.date));
        Source::Parameter {
            parameter: parameter.map_or_else(String::new, |x| x.id.clone()),
            entry: dated.map_or(0, |(entry, _)| entry),
            from: dated.map_or(self.date, |(_, d)| d.from),
            to: dated.and_then(|(_, d)| d.to),
            band: None,
            option: None,
            reference: dated.and_then(|(_, d)| d.reference.clone()),
        }
    }

    /// The value of the band of table `p` that `score` falls in, with the positions of the
    /// dated entry and the band.
    fn band(&self, p: usize, score: Decimal) -> Result<(Decimal, usize, usize), Failure> {
        let parameter = self
            .scheme
            .parameters
            .get(p)
            .ok_or_else(|| ("unknown_parameter", "a band table is missing".to_owned()))?;
        let (entry, dated) = parameter.value_on(self.date).ok_or_else(|| {
            (
                "parameter_not_in_force",
                format!("parameter {:?} has no value on {}", parameter.id, self.date),
            )
        })?;
        let bands = dated.bands.as_deref().ok_or_else(|| {
            (
                "invalid_parameter",
                format!("parameter {:?} is not a band table", parameter.id),
            )
        })?;
        let position = bands
            .iter()
            .rposition(|b| b.min.0 <= score)
            .ok_or_else(|| {
                (
                    "no_band",
                    format!("{score} is below the lowest band of {:?}", parameter.id),
                )
            })?;
        Ok((bands[position].value.0, entry, position))
    }

    /// The value an options table gives option `option` of question `q` on the date, with
    /// the option's id.
    fn option_value(
        &self,
        p: usize,
        q: usize,
        option: usize,
    ) -> Result<(Decimal, &'a str), Failure> {
        let scheme = self.scheme;
        let missing = || {
            (
                "invalid_parameter",
                "an options table has no value for this answer".to_owned(),
            )
        };
        let id = match scheme.question_at(q).map(|q| &q.answer) {
            Some(crate::scheme::AnswerKind::Choice(options)) => {
                options.get(option).map(|o| o.id.as_str())
            }
            _ => None,
        }
        .ok_or_else(missing)?;
        let (_, dated) = scheme
            .parameters
            .get(p)
            .and_then(|parameter| parameter.value_on(self.date))
            .ok_or_else(|| {
                (
                    "parameter_not_in_force",
                    format!("an options table has no value on {}", self.date),
                )
            })?;
        let value = dated
            .options
            .as_ref()
            .and_then(|o| o.get(id))
            .ok_or_else(missing)?;
        Ok((value.0, id))
    }

    /// The closing steps: the amount for the scheme's period, rounded, and its conversion.
    fn close(&mut self, flow: Flow) -> Result<Figures, Failure> {
        let scheme = self.scheme;
        // A weekly amount is shown only when the scheme gives the weeks in its year; a
        // weekly scheme must give them, a yearly one may, a one-off one has no week.
        let weeks = match scheme.period {
            Period::OneOff => None,
            _ => scheme.weeks_per_year.map(|w| w.0),
        };
        let has_weekly = weeks.is_some();
        let eligible = flow != Flow::NotEligible;
        let conversation = flow == Flow::Conversation;
        if flow != Flow::Next {
            let zero = scheme.rounding.apply(Decimal::ZERO);
            let op = if conversation {
                Op::Conversation
            } else {
                Op::NotEligible
            };
            if R::ON {
                for id in ["annual", "weekly"]
                    .into_iter()
                    .take(1 + usize::from(has_weekly))
                {
                    self.record.keep(closing(id, op, vec![], None, zero));
                }
            }
            return Ok(Figures {
                eligible,
                conversation,
                annual: Money(zero),
                weekly: has_weekly.then_some(Money(zero)),
            });
        }
        let program = scheme.program();
        let value = self
            .results
            .get(program.result)
            .copied()
            .flatten()
            .ok_or_else(|| {
                (
                    "unknown_step",
                    "the result step has not been worked out".to_owned(),
                )
            })?;
        if value.is_sign_negative() && !value.is_zero() {
            // Loading refuses a scheme whose result can be negative; this stays as a guard.
            return Err((
                "negative_result",
                format!("the amount works out as {value}, and an amount cannot be negative"),
            ));
        }
        let rounding = scheme.rounding;
        let head = rounding.apply(value);
        let first = match scheme.period {
            Period::OneOff | Period::Annual => "annual",
            Period::Weekly => "weekly",
        };
        if R::ON {
            let from_result = self.input(&Val::Step(program.result), value, Unit::Money);
            self.record.keep(closing(
                first,
                Op::Round,
                vec![from_result],
                Some((value, rounding)),
                head,
            ));
        }
        let Some(weeks) = weeks else {
            return Ok(Figures {
                eligible,
                conversation,
                annual: Money(head),
                weekly: None,
            });
        };
        let (second, op) = match scheme.period {
            Period::Weekly => ("annual", Op::Product),
            _ => ("weekly", Op::Divide),
        };
        let raw = explain::compute(op, &[head, weeks]).ok_or_else(overflow)?;
        let tail = rounding.apply(raw);
        if R::ON {
            let inputs = vec![
                Input {
                    value: head,
                    unit: Unit::Money,
                    source: Source::Step { step: first.into() },
                },
                Input {
                    value: weeks,
                    unit: Unit::Number,
                    source: Source::Setting {
                        setting: "weeks_per_year".into(),
                    },
                },
            ];
            self.record
                .keep(closing(second, op, inputs, Some((raw, rounding)), tail));
        }
        let (annual, weekly) = if first == "annual" {
            (head, tail)
        } else {
            (tail, head)
        };
        Ok(Figures {
            eligible,
            conversation,
            annual: Money(annual),
            weekly: Some(Money(weekly)),
        })
    }
}

/// An engine closing step; `rounded` is the value before the scheme's rounding and the
/// rounding, for every closing step but one that says nothing is payable.
fn closing(
    id: &str,
    op: Op,
    inputs: Vec<Input>,
    rounded: Option<(Decimal, Rounding)>,
    result: Decimal,
) -> ExplainedStep {
    ExplainedStep {
        id: id.into(),
        kind: op,
        inputs,
        unit: Unit::Money,
        unrounded: rounded.map(|(raw, _)| raw),
        rounding: rounded.map(|(_, r)| r),
        passed: None,
        condition: None,
        answer: None,
        result,
    }
}
