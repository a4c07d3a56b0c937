//! A checked scheme's allocation compiled for the evaluator: every id a step or a condition
//! names is resolved to a position once, when the scheme loads, so working out an estimate
//! never looks anything up by name.

use crate::amount::Rounding;
use crate::issue::Issue;
use crate::scheme::{AnswerKind, Calc, Condition, Lookup, Operand, Unit};
use crate::units::{self, StepUnits};
use rust_decimal::Decimal;

/// What a step reads, by position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// An earlier step's result.
    Step(usize),
    /// A parameter's value on the assessment date.
    Param(usize),
    /// A number or money answer.
    Answer(usize),
    /// The points a question's answer carries.
    Points(usize),
    /// The points of a section's answers.
    Section(usize),
    /// A value written in the step.
    Fixed(Decimal, Unit),
}

/// A step's calculation over positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Work {
    Points(Vec<usize>),
    Sum(Vec<Val>),
    Product(Vec<Val>),
    Difference(Val, Val),
    Percent(Val, Val),
    Divide(Val, Val),
    Power(Val, u32),
    Band(Val, usize),
    /// The question, the options table, and the value when the question was not asked.
    Lookup(usize, usize, Option<Val>),
    /// The base, and each term's weight and value.
    Weighted(Val, Vec<(Val, Val)>),
    AsMoney(Val),
    Refer(Val, Val),
    AtMost(Val, Val),
    AtLeast(Val, Val),
    Require(Val, Val),
    Choose(Test, Val, Val),
}

impl Work {
    /// The values the work reads, in order.
    pub(crate) fn vals(&self) -> Vec<&Val> {
        match self {
            Work::Points(_) => Vec::new(),
            Work::Sum(vals) | Work::Product(vals) => vals.iter().collect(),
            Work::Power(v, _) | Work::Band(v, _) | Work::AsMoney(v) => vec![v],
            Work::Lookup(_, _, otherwise) => otherwise.iter().collect(),
            Work::Weighted(base, terms) => std::iter::once(base)
                .chain(terms.iter().flat_map(|(w, v)| [w, v]))
                .collect(),
            Work::Difference(a, b)
            | Work::Percent(a, b)
            | Work::Divide(a, b)
            | Work::AtMost(a, b)
            | Work::AtLeast(a, b)
            | Work::Require(a, b)
            | Work::Refer(a, b)
            | Work::Choose(_, a, b) => vec![a, b],
        }
    }
}

/// A compiled step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Compiled {
    pub(crate) work: Work,
    pub(crate) unit: Unit,
    pub(crate) round: Option<Rounding>,
    pub(crate) section: Option<usize>,
}

/// A test on answers, by position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    /// A test on the answer to one question.
    Answer { question: usize, holds_for: Holds },
    /// Every test holds.
    All(Vec<Test>),
    /// At least one test holds.
    Any(Vec<Test>),
    /// The test does not hold.
    Not(Box<Test>),
}

impl Test {
    /// The positions of the questions the test reads, in the order written, each once.
    pub(crate) fn questions(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.each_question(&mut out);
        out
    }

    fn each_question(&self, out: &mut Vec<usize>) {
        match self {
            Test::Answer { question, .. } => {
                if !out.contains(question) {
                    out.push(*question);
                }
            }
            Test::All(tests) | Test::Any(tests) => {
                tests.iter().for_each(|t| t.each_question(out));
            }
            Test::Not(test) => test.each_question(out),
        }
    }

    /// Whether the test reads the answer to the question at `position`.
    pub(crate) fn reads(&self, position: usize) -> bool {
        self.questions().contains(&position)
    }
}

/// Which answers make a test hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Holds {
    /// One of these options, or yes or no.
    AnyOf(Vec<Choice>),
    /// A number or money answer within these limits.
    Range(Option<Decimal>, Option<Decimal>),
}

/// An option by position, or a yes/no answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Choice {
    Option(usize),
    YesNo(bool),
}

/// The compiled allocation and conditions of a scheme.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Program {
    /// The steps, in order.
    pub(crate) steps: Vec<Compiled>,
    /// The position of the step whose result is the amount.
    pub(crate) result: usize,
    /// Each question's `show_if`, by question position.
    pub(crate) show_if: Vec<Option<Test>>,
    /// Whether some question's `show_if` reads each question.
    pub(crate) decides: Vec<bool>,
    /// For each question, the band tables looked up directly by its answer.
    pub(crate) tables: Vec<Vec<usize>>,
}

/// A step the checks passed that still does not compile: only a bug can cause this.
fn broken(step: usize) -> Issue {
    Issue::new(
        "invalid_calculation",
        format!("/allocation/steps/{step}/calc"),
        "this step could not be compiled",
    )
}

impl Program {
    /// Compiles a scheme that passed its checks.
    pub(crate) fn compile(s: Lookup) -> Result<Program, Issue> {
        let questions = s.index.question_count();
        let mut units = StepUnits::new();
        let mut steps = Vec::with_capacity(s.file.allocation.steps.len());
        let mut tables = vec![Vec::new(); questions];
        for (i, step) in s.file.allocation.steps.iter().enumerate() {
            let unit = units::step_unit(s, step, &units).map_err(|_| broken(i))?;
            units.insert(step.id.as_str(), unit);
            let work = work(s, &step.calc, unit).ok_or_else(|| broken(i))?;
            if let Work::Band(Val::Answer(q), table) = &work {
                if let Some(list) = tables.get_mut(*q) {
                    list.push(*table);
                }
            }
            let section = match &step.section {
                Some(id) => Some(s.index.section(id).ok_or_else(|| broken(i))?),
                None => None,
            };
            steps.push(Compiled {
                work,
                unit,
                round: step.round,
                section,
            });
        }
        let result = s
            .index
            .step(&s.file.allocation.result)
            .ok_or_else(|| broken(steps.len()))?;
        let mut show_if = Vec::with_capacity(questions);
        let mut decides = vec![false; questions];
        for (_, q) in s.file.questions() {
            let test = match &q.show_if {
                Some(c) => {
                    let test = test(s, c, 0).ok_or_else(|| broken(0))?;
                    for q in test.questions() {
                        if let Some(d) = decides.get_mut(q) {
                            *d = true;
                        }
                    }
                    Some(test)
                }
                None => None,
            };
            show_if.push(test);
        }
        Ok(Program {
            steps,
            result,
            show_if,
            decides,
            tables,
        })
    }
}

fn val(s: Lookup, op: &Operand) -> Option<Val> {
    Some(match op {
        Operand::Step(id) => Val::Step(s.index.step(id)?),
        Operand::Param(id) => Val::Param(s.index.parameter(id)?),
        Operand::Answer(id) => Val::Answer(s.index.question(id)?),
        Operand::Points(id) => Val::Points(s.index.question(id)?),
        Operand::Section(id) => Val::Section(s.index.section(id)?),
        Operand::Money(m) => Val::Fixed(m.0, Unit::Money),
        Operand::Number(n) => Val::Fixed(n.0, Unit::Number),
    })
}

fn vals(s: Lookup, ops: &[Operand]) -> Option<Vec<Val>> {
    ops.iter().map(|o| val(s, o)).collect()
}

fn pair(s: Lookup, a: &Operand, b: &Operand) -> Option<(Val, Val)> {
    Some((val(s, a)?, val(s, b)?))
}

fn work(s: Lookup, calc: &Calc, unit: Unit) -> Option<Work> {
    Some(match calc {
        Calc::Points(scope) => {
            let everything = scope.sections.is_empty() && scope.questions.is_empty();
            let mut questions: Vec<usize> = Vec::new();
            for (i, section) in s.file.sections.iter().enumerate() {
                if everything || scope.sections.contains(&section.id) {
                    questions.extend(s.index.section_questions(i));
                }
            }
            for id in &scope.questions {
                questions.push(s.index.question(id)?);
            }
            Work::Points(questions)
        }
        Calc::Sum(ops) => Work::Sum(vals(s, ops)?),
        Calc::Product(ops) => Work::Product(vals(s, ops)?),
        Calc::Difference(ops) => match ops.as_slice() {
            [a, b] => {
                let (a, b) = pair(s, a, b)?;
                Work::Difference(a, b)
            }
            _ => return None,
        },
        Calc::Percent(p) => {
            let (of, percent) = pair(s, &p.of, &p.percent)?;
            Work::Percent(of, percent)
        }
        Calc::Divide(d) => {
            let (value, by) = pair(s, &d.value, &d.by)?;
            Work::Divide(value, by)
        }
        Calc::Power(p) => Work::Power(val(s, &p.of)?, p.exponent),
        Calc::Band(b) => Work::Band(val(s, &b.of)?, s.index.parameter(&b.table)?),
        Calc::Lookup(l) => Work::Lookup(
            s.index.question(&l.question)?,
            s.index.parameter(&l.table)?,
            match &l.otherwise {
                Some(v) => Some(val(s, v)?),
                None => None,
            },
        ),
        Calc::Weighted(w) => Work::Weighted(
            match &w.base {
                Some(base) => val(s, base)?,
                None => Val::Fixed(Decimal::ZERO, unit),
            },
            w.terms
                .iter()
                .map(|t| pair(s, &t.weight, &t.value))
                .collect::<Option<Vec<_>>>()?,
        ),
        Calc::AsMoney(v) => Work::AsMoney(val(s, v)?),
        Calc::Refer(t) => {
            let (v, level) = pair(s, &t.value, &t.at_least)?;
            Work::Refer(v, level)
        }
        Calc::AtMost(l) => {
            let (v, limit) = pair(s, &l.value, &l.limit)?;
            Work::AtMost(v, limit)
        }
        Calc::AtLeast(l) => {
            let (v, limit) = pair(s, &l.value, &l.limit)?;
            Work::AtLeast(v, limit)
        }
        Calc::Require(t) => {
            let (v, threshold) = pair(s, &t.value, &t.at_least)?;
            Work::Require(v, threshold)
        }
        Calc::Choose(c) => {
            let (then, otherwise) = pair(s, &c.then, &c.otherwise)?;
            Work::Choose(test(s, &c.when, 0)?, then, otherwise)
        }
    })
}

fn test(s: Lookup, c: &Condition, depth: usize) -> Option<Test> {
    if depth > Condition::MOST_DEPTH {
        return None;
    }
    let all = |tests: &[Condition]| {
        tests
            .iter()
            .map(|t| test(s, t, depth + 1))
            .collect::<Option<Vec<_>>>()
    };
    match (&c.all, &c.any, &c.not) {
        (Some(tests), None, None) => return Some(Test::All(all(tests)?)),
        (None, Some(tests), None) => return Some(Test::Any(all(tests)?)),
        (None, None, Some(t)) => return Some(Test::Not(Box::new(test(s, t, depth + 1)?))),
        (None, None, None) => {}
        _ => return None,
    }
    let question = s.index.question(c.question.as_deref()?)?;
    let holds_for = match &c.any_of {
        Some(values) => {
            let is_choice = matches!(
                s.question_at(question).map(|q| &q.answer),
                Some(AnswerKind::Choice(_))
            );
            let choices = values
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(id) if is_choice => {
                        s.index.option(question, id).map(Choice::Option)
                    }
                    serde_json::Value::Bool(b) => Some(Choice::YesNo(*b)),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Holds::AnyOf(choices)
        }
        None => Holds::Range(c.at_least.map(|n| n.0), c.at_most.map(|n| n.0)),
    };
    Some(Test::Answer {
        question,
        holds_for,
    })
}
