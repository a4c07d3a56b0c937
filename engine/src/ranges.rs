//! The range every step of an allocation can take, worked out when a scheme loads from the
//! limits of its answers and the values of its parameters. A scheme whose amount could be
//! negative for some answers is refused, naming the step where it first goes below zero,
//! and so is a band table that does not reach down to the least value looked up in it:
//! `waymark check` finds these, rather than a person asking for an estimate.
//!
//! Each range holds every value its step can take, and may hold more, so a scheme is
//! refused only when its arithmetic allows the problem. To keep them close:
//! - the work is done once for each period in which every parameter has one value, so a
//!   parameter is a constant;
//! - a value is kept as a sum of independent inputs times constants where the arithmetic
//!   allows, so "less 10 per cent" is known to move with what it is taken from;
//! - steps are worked out in order, and working out stops at a `require` step that fails,
//!   so after one the value it tested is at least its threshold;
//! - a `choose` step reads its first value only for the answers its condition holds for.
//!
//! Bounds saturate at the largest decimal: an amount that large cannot be worked out, and
//! fails as an overflow with its own message.

use crate::amount::Rounding;
use crate::date::Date;
use crate::issue::Issue;
use crate::program::{Choice, Holds, Program, Test, Val, Work};
use crate::scheme::{AnswerKind, Question, SchemeFile};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// The most inputs a value is followed through; a value of more is read as itself, so
/// loading stays linear in the size of the scheme.
const MOST_TERMS: usize = 64;

/// The values a step can take; `None` for a side that cannot be bounded (a parameter not
/// in force).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Range {
    pub(crate) low: Option<Decimal>,
    pub(crate) high: Option<Decimal>,
}

impl Range {
    const UNKNOWN: Range = Range {
        low: None,
        high: None,
    };

    fn exactly(value: Decimal) -> Range {
        Range::between(value, value)
    }

    fn between(a: Decimal, b: Decimal) -> Range {
        Range {
            low: Some(a.min(b)),
            high: Some(a.max(b)),
        }
    }

    fn with_zero(self) -> Range {
        self.union(Range::exactly(Decimal::ZERO))
    }

    fn union(self, other: Range) -> Range {
        Range {
            low: self.low.zip(other.low).map(|(a, b)| a.min(b)),
            high: self.high.zip(other.high).map(|(a, b)| a.max(b)),
        }
    }

    fn add(self, other: Range) -> Range {
        let add = |a: Option<Decimal>, b: Option<Decimal>| Some(a?.saturating_add(b?));
        Range {
            low: add(self.low, other.low),
            high: add(self.high, other.high),
        }
    }

    fn minus(self, other: Range) -> Range {
        let sub = |a: Option<Decimal>, b: Option<Decimal>| Some(a?.saturating_sub(b?));
        Range {
            low: sub(self.low, other.high),
            high: sub(self.high, other.low),
        }
    }

    fn times(self, other: Range) -> Range {
        let (Some(a), Some(b), Some(c), Some(d)) = (self.low, self.high, other.low, other.high)
        else {
            return Range::UNKNOWN;
        };
        let products = [
            a.saturating_mul(c),
            a.saturating_mul(d),
            b.saturating_mul(c),
            b.saturating_mul(d),
        ];
        Range {
            low: products.iter().copied().reduce(Decimal::min),
            high: products.iter().copied().reduce(Decimal::max),
        }
    }

    /// The quotient, or `None` when the divisor can be zero (or cannot be bounded).
    fn divided_by(self, by: Range) -> Option<Range> {
        let (Some(c), Some(d)) = (by.low, by.high) else {
            return None;
        };
        if c <= Decimal::ZERO && d >= Decimal::ZERO {
            return None;
        }
        let (Some(a), Some(b)) = (self.low, self.high) else {
            return Some(Range::UNKNOWN);
        };
        let quotient = |x: Decimal, y: Decimal| {
            x.checked_div(y)
                .unwrap_or(if x.is_sign_negative() == y.is_sign_negative() {
                    Decimal::MAX
                } else {
                    Decimal::MIN
                })
        };
        let quotients = [
            quotient(a, c),
            quotient(a, d),
            quotient(b, c),
            quotient(b, d),
        ];
        Some(Range {
            low: quotients.iter().copied().reduce(Decimal::min),
            high: quotients.iter().copied().reduce(Decimal::max),
        })
    }

    fn power(self, exponent: u32) -> Range {
        let (Some(low), Some(high)) = (self.low, self.high) else {
            return Range::UNKNOWN;
        };
        let raise = |x: Decimal| (0..exponent).fold(Decimal::ONE, |p, _| p.saturating_mul(x));
        let (a, b) = (raise(low), raise(high));
        if exponent % 2 == 0 && low.is_sign_negative() && high.is_sign_positive() {
            Range::between(Decimal::ZERO, a.max(b))
        } else {
            Range::between(a, b)
        }
    }

    fn at_most(self, limit: Range) -> Range {
        Range {
            low: self.low.zip(limit.low).map(|(a, b)| a.min(b)),
            high: match (self.high, limit.high) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    fn at_least(self, limit: Range) -> Range {
        Range {
            low: match (self.low, limit.low) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
            high: self.high.zip(limit.high).map(|(a, b)| a.max(b)),
        }
    }

    /// The range of a value known to be at least `floor`.
    fn floored(self, floor: Decimal) -> Range {
        Range {
            low: Some(self.low.map_or(floor, |low| low.max(floor))),
            high: self.high.map(|high| high.max(floor)),
        }
    }

    /// The range of a value known to be within `low` and `high`, where either is given.
    fn within(self, low: Option<Decimal>, high: Option<Decimal>) -> Range {
        let low = match (self.low, low) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let high = match (self.high, high) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (low, high) {
            // No answer is within both: the range is empty, read as the one value.
            (Some(l), Some(h)) if l > h => Range::exactly(l),
            _ => Range { low, high },
        }
    }

    fn rounded(self, rounding: Rounding) -> Range {
        Range {
            low: self.low.map(|v| rounding.apply(v)),
            high: self.high.map(|v| rounding.apply(v)),
        }
    }

    /// Whether every value in the range is zero or more.
    pub(crate) fn not_negative(self) -> bool {
        !self.may_be_negative()
    }

    /// Whether every value in the range is zero or less.
    pub(crate) fn not_positive(self) -> bool {
        self.high
            .is_some_and(|high| high.is_sign_negative() || high.is_zero())
    }

    /// Whether the range may reach below zero.
    fn may_be_negative(self) -> bool {
        self.low
            .is_none_or(|low| low.is_sign_negative() && !low.is_zero())
    }
}

/// Refuses a scheme whose amount could be negative, or that looks up a band table with a
/// value below the table's first band.
pub(crate) fn check(file: &SchemeFile, program: &Program) -> Result<(), Vec<Issue>> {
    let mut issues: Vec<Issue> = Vec::new();
    for date in periods(file) {
        let inputs = Inputs::on(file, date);
        let analysis = analyse(program, inputs);
        let divisions = analysis.zero_divisors.iter().map(|i| {
            Issue::new(
                "division_by_zero",
                format!("/allocation/steps/{i}/calc/divide/by"),
                "for some answers this can be 0, and no step may divide by zero: divide by a value that is never 0, such as one with an at_least floor above 0",
            )
        });
        // A step that can divide by zero has no range, so the amount's sign is not
        // reported as well.
        let sign = if analysis.zero_divisors.is_empty() {
            negative(file, program, &analysis.ranges)
        } else {
            None
        };
        let found = uncovered_bands(file, &analysis)
            .into_iter()
            .chain(divisions)
            .chain(sign);
        for issue in found {
            if !issues.contains(&issue) {
                issues.push(issue);
            }
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

/// The first day of each period in which every parameter has one value: the scheme's
/// first day, and each day a parameter's value starts or the day after one ends, while
/// the scheme applies.
pub(crate) fn periods(file: &SchemeFile) -> BTreeSet<Date> {
    let applies = |d: &Date| *d >= file.applies_from && file.applies_to.is_none_or(|to| *d <= to);
    let next_day = |d: Date| Date::from_days_since_epoch(d.days_since_epoch() + 1);
    let values = file.parameters.iter().flat_map(|p| &p.values);
    let starts = values.flat_map(|v| [Some(v.from), v.to.and_then(next_day)]);
    std::iter::once(file.applies_from)
        .chain(starts.flatten())
        .filter(applies)
        .collect()
}

/// What a scheme's steps read, on one day: the answers' and points' ranges by question,
/// and each parameter's value, by position.
#[derive(Clone)]
struct Inputs {
    answers: Vec<Range>,
    points: Vec<Range>,
    /// Each parameter's value, or for a band table the range of its bands' values, with
    /// the position of the dated value in force and its first band's lowest score.
    parameters: Vec<(Range, Option<(usize, Decimal)>)>,
    /// Each question's options' points, for narrowing by a condition.
    options: Vec<Vec<Decimal>>,
    /// Each band table's values on the day, band by band.
    bands: Vec<Vec<Decimal>>,
    /// The questions of each section.
    sections: Vec<std::ops::Range<usize>>,
}

impl Inputs {
    fn on(file: &SchemeFile, date: Date) -> Inputs {
        let questions: Vec<&Question> = file.questions().map(|(_, q)| q).collect();
        let answers = questions.iter().map(|q| answer_range(q)).collect();
        let points = questions.iter().map(|q| points_range(q)).collect();
        let options = questions
            .iter()
            .map(|q| match &q.answer {
                AnswerKind::Choice(options) => options.iter().map(|o| o.points.0).collect(),
                AnswerKind::YesNo(p) => vec![p.no.0, p.yes.0],
                _ => Vec::new(),
            })
            .collect();
        let parameters = file
            .parameters
            .iter()
            .map(|p| match p.value_on(date) {
                Some((_, dated)) if dated.value.is_some() => (
                    dated.value.map_or(Range::UNKNOWN, |v| Range::exactly(v.0)),
                    None,
                ),
                Some((entry, dated)) => {
                    let bands = dated.bands.iter().flatten().map(|b| b.value.0);
                    let options = dated.options.iter().flat_map(|o| o.values().map(|v| v.0));
                    let range = bands
                        .chain(options)
                        .map(Range::exactly)
                        .reduce(Range::union)
                        .unwrap_or(Range::UNKNOWN);
                    let first = dated.bands.as_ref().and_then(|b| b.first());
                    (range, first.map(|b| (entry, b.min.0)))
                }
                None => (Range::UNKNOWN, None),
            })
            .collect();
        let bands = file
            .parameters
            .iter()
            .map(|p| {
                let dated = p.value_on(date).and_then(|(_, d)| d.bands.as_ref());
                dated
                    .iter()
                    .flat_map(|b| b.iter())
                    .map(|b| b.value.0)
                    .collect()
            })
            .collect();
        let mut start = 0;
        let sections = file
            .sections
            .iter()
            .map(|s| {
                let range = start..start + s.questions.len();
                start = range.end;
                range
            })
            .collect();
        Inputs {
            answers,
            points,
            parameters,
            options,
            bands,
            sections,
        }
    }

    fn parameter(&self, p: usize) -> Range {
        self.parameters.get(p).map_or(Range::UNKNOWN, |(r, _)| *r)
    }

    /// The inputs with the answers, or the points, that `test` reads narrowed to those
    /// for which it holds (`holds`), or does not; `None` when nothing can be narrowed.
    fn narrowed(&self, test: &Test, holds: bool) -> Option<Inputs> {
        let (question, holds_for) = match (test, holds) {
            (
                Test::Answer {
                    question,
                    holds_for,
                },
                _,
            ) => (*question, holds_for),
            (Test::Not(test), _) => return self.narrowed(test, !holds),
            // Every part holds, or (for `any` not holding) every part fails: narrow by each.
            (Test::All(tests), true) | (Test::Any(tests), false) => {
                let mut narrowed = self.clone();
                for t in tests {
                    if let Some(next) = narrowed.narrowed(t, holds) {
                        narrowed = next;
                    }
                }
                return Some(narrowed);
            }
            _ => return None,
        };
        let q = question;
        let mut narrowed = self.clone();
        match holds_for {
            Holds::Range(low, high) => {
                let answer = narrowed.answers.get_mut(q)?;
                *answer = match (holds, low, high) {
                    (true, _, _) => answer.within(*low, *high),
                    (false, Some(low), None) => answer.within(None, Some(*low)),
                    (false, None, Some(high)) => answer.within(Some(*high), None),
                    (false, _, _) => *answer,
                };
            }
            Holds::AnyOf(choices) => {
                let options = self.options.get(q)?;
                let chosen = |i: usize| {
                    choices.iter().any(|c| match c {
                        Choice::Option(o) => *o == i,
                        Choice::YesNo(yes) => usize::from(*yes) == i,
                    })
                };
                let points = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| chosen(*i) == holds)
                    .map(|(_, p)| Range::exactly(*p))
                    .reduce(Range::union)?;
                // Not being asked is not one of the choices, so it counts as not holding.
                *narrowed.points.get_mut(q)? = if holds { points } else { points.with_zero() };
            }
        }
        Some(narrowed)
    }
}

/// What the analysis finds: every step's range, and the range of what each band step
/// looks up.
pub(crate) struct Analysis {
    pub(crate) ranges: Vec<Range>,
    band_inputs: Vec<(usize, usize, Range)>,
    /// The divide steps whose divisor can be zero.
    zero_divisors: Vec<usize>,
    inputs: Inputs,
}

impl Analysis {
    /// The range of what an operand reads.
    pub(crate) fn operand(&self, v: &Val) -> Range {
        operand(&self.inputs, &[], v).range(&self.inputs, &self.ranges)
    }

    /// Whether a band table's values never go down from one band to the next, on this
    /// day (`Some(true)`), never go up (`Some(false)`), or both ways.
    pub(crate) fn bands_rise(&self, table: usize) -> Option<bool> {
        self.inputs.bands.get(table).and_then(|values| {
            let rises = values.windows(2).all(|w| w[0] <= w[1]);
            let falls = values.windows(2).all(|w| w[0] >= w[1]);
            match (rises, falls) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            }
        })
    }
}

/// The ranges of every step of `program` on `date`.
pub(crate) fn on(file: &SchemeFile, program: &Program, date: Date) -> Analysis {
    analyse(program, Inputs::on(file, date))
}

fn analyse(program: &Program, mut inputs: Inputs) -> Analysis {
    let mut ranges: Vec<Range> = Vec::with_capacity(program.steps.len());
    let mut forms: Vec<Option<Linear>> = Vec::with_capacity(program.steps.len());
    let mut band_inputs = Vec::new();
    let mut zero_divisors = Vec::new();
    for (i, step) in program.steps.iter().enumerate() {
        let form = |v: &Val| operand(&inputs, &forms, v);
        let range_of = |v: &Val| form(v).range(&inputs, &ranges);
        let linear = match &step.work {
            Work::Points(questions) => questions.iter().try_fold(Linear::default(), |sum, q| {
                sum.plus(&Linear::atom(Atom::Points(*q)))
            }),
            Work::Sum(vals) => vals
                .iter()
                .try_fold(Linear::default(), |sum, v| sum.plus(&form(v))),
            Work::Difference(a, b) => form(b)
                .scaled(-Decimal::ONE)
                .and_then(|minus| form(a).plus(&minus)),
            Work::Product(vals) => vals
                .iter()
                .try_fold(Linear::constant(Decimal::ONE), |p, v| p.times(&form(v))),
            Work::Percent(of, percent) => form(of)
                .times(&form(percent))
                .and_then(|p| p.scaled(Decimal::new(1, 2))),
            Work::Weighted(base, terms) => terms.iter().try_fold(form(base), |sum, (w, v)| {
                form(w).times(&form(v)).and_then(|t| sum.plus(&t))
            }),
            Work::AsMoney(v) => Some(form(v)),
            _ => None,
        }
        .filter(|l| step.round.is_none() && l.terms.len() <= MOST_TERMS);
        let range = match (&linear, &step.work) {
            (Some(linear), _) => linear.range(&inputs, &ranges),
            (None, Work::Product(vals)) => vals
                .iter()
                .fold(Range::exactly(Decimal::ONE), |p, v| p.times(range_of(v))),
            (None, Work::Percent(of, percent)) => range_of(of)
                .times(range_of(percent))
                .times(Range::exactly(Decimal::new(1, 2))),
            (None, Work::Sum(vals)) => vals
                .iter()
                .fold(Range::exactly(Decimal::ZERO), |sum, v| sum.add(range_of(v))),
            (None, Work::Difference(a, b)) => range_of(a).minus(range_of(b)),
            (None, Work::Points(questions)) => questions
                .iter()
                .fold(Range::exactly(Decimal::ZERO), |sum, q| {
                    sum.add(inputs.points.get(*q).copied().unwrap_or(Range::UNKNOWN))
                }),
            (None, Work::Power(of, exponent)) => range_of(of).power(*exponent),
            (None, Work::Divide(value, by)) => match range_of(value).divided_by(range_of(by)) {
                Some(range) => range,
                None => {
                    zero_divisors.push(i);
                    Range::UNKNOWN
                }
            },
            (None, Work::Band(of, table)) => {
                band_inputs.push((i, *table, range_of(of)));
                inputs.parameter(*table)
            }
            (None, Work::Lookup(_, table, otherwise)) => {
                let table = inputs.parameter(*table);
                otherwise
                    .as_ref()
                    .map_or(table, |v| table.union(range_of(v)))
            }
            (None, Work::Weighted(base, terms)) => {
                terms.iter().fold(range_of(base), |sum, (w, v)| {
                    sum.add(range_of(w).times(range_of(v)))
                })
            }
            (None, Work::AsMoney(v) | Work::Refer(v, _)) => range_of(v),
            (None, Work::AtMost(v, limit)) => range_of(v).at_most(range_of(limit)),
            (None, Work::AtLeast(v, limit)) => range_of(v).at_least(range_of(limit)),
            (None, Work::Require(v, _)) => range_of(v),
            (None, Work::Choose(test, then, otherwise)) => {
                let branch = |v: &Val, holds: bool| match inputs.narrowed(test, holds) {
                    Some(narrowed) => form(v).range(&narrowed, &ranges),
                    None => range_of(v),
                };
                branch(then, true).union(branch(otherwise, false))
            }
        };
        let range = match step.round {
            Some(rounding) => range.rounded(rounding),
            None => range,
        };
        let floor = match &step.work {
            Work::Require(tested, threshold) => {
                range_of(threshold).low.map(|floor| (tested.clone(), floor))
            }
            _ => None,
        };
        ranges.push(range);
        forms.push(linear);
        // From here on, what a `require` tested is at least its threshold, and a step it
        // tested is read as itself rather than as the sum it was worked out from.
        match floor {
            Some((Val::Step(j), floor)) => {
                if let Some(r) = ranges.get_mut(j) {
                    *r = r.floored(floor);
                }
                if let Some(f) = forms.get_mut(j) {
                    *f = None;
                }
            }
            Some((Val::Answer(q), floor)) => {
                if let Some(r) = inputs.answers.get_mut(q) {
                    *r = r.floored(floor);
                }
            }
            Some((Val::Points(q), floor)) => {
                if let Some(r) = inputs.points.get_mut(q) {
                    *r = r.floored(floor);
                }
            }
            _ => {}
        }
    }
    Analysis {
        ranges,
        band_inputs,
        zero_divisors,
        inputs,
    }
}

/// Each table whose first band starts above the least value a step can look up in it:
/// that lookup would fail for some answers.
fn uncovered_bands(file: &SchemeFile, analysis: &Analysis) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (step, table, input) in &analysis.band_inputs {
        let Some(low) = input.low else { continue };
        let Some((entry, first)) = analysis.inputs.parameters.get(*table).and_then(|(_, f)| *f)
        else {
            continue;
        };
        if first <= low {
            continue;
        }
        let step_id = file
            .allocation
            .steps
            .get(*step)
            .map_or("", |s| s.id.as_str());
        issues.push(Issue::new(
            "band_gap",
            format!("/parameters/{table}/values/{entry}/bands/0/min"),
            format!(
                "step {step_id:?} can look up {} in this table, and its first band starts at {}: add a band from {}",
                low.normalize(),
                first.normalize(),
                low.normalize()
            ),
        ));
    }
    issues
}

/// Where a result that could be negative first goes below zero: following the result back
/// through the steps it reads that could be negative too, to the first that reads none.
fn negative(file: &SchemeFile, program: &Program, ranges: &[Range]) -> Option<Issue> {
    let may_be_negative = |i: usize| ranges.get(i).is_none_or(|r| r.may_be_negative());
    if !may_be_negative(program.result) {
        return None;
    }
    let mut culprit = program.result;
    while let Some(next) = program.steps.get(culprit).and_then(|s| {
        steps_read(&s.work)
            .into_iter()
            .find(|j| may_be_negative(*j))
    }) {
        culprit = next;
    }
    let low = ranges.get(culprit).and_then(|r| r.low).map_or_else(
        || "below zero".to_owned(),
        |low| format!("as low as {}", low.normalize()),
    );
    let step = file
        .allocation
        .steps
        .get(culprit)
        .map_or("", |s| s.id.as_str());
    Some(Issue::new(
        "negative_result",
        format!("/allocation/steps/{culprit}/calc"),
        format!(
            "for some answers this step ({step:?}) can be {low}, so the amount could be negative: \
             add an at_least step with a limit of 0, or change the calculation"
        ),
    ))
}

/// The earlier steps a step reads, all before it.
fn steps_read(work: &Work) -> Vec<usize> {
    work.vals()
        .into_iter()
        .filter_map(|v| match v {
            Val::Step(j) => Some(*j),
            _ => None,
        })
        .collect()
}

/// An independent input of an allocation: two different atoms can take any values in
/// their ranges together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Atom {
    Answer(usize),
    Points(usize),
    /// A parameter not in force, whose value is unknown.
    Param(usize),
    /// The points of a section with more questions than are followed one by one.
    Section(usize),
    /// A step whose value is not a sum of inputs, like a band or a cap.
    Step(usize),
}

/// A value as a constant plus inputs times coefficients.
#[derive(Debug, Clone, Default)]
struct Linear {
    constant: Decimal,
    terms: BTreeMap<Atom, Decimal>,
}

impl Linear {
    fn constant(value: Decimal) -> Linear {
        Linear {
            constant: value,
            terms: BTreeMap::new(),
        }
    }

    fn atom(atom: Atom) -> Linear {
        Linear {
            constant: Decimal::ZERO,
            terms: BTreeMap::from([(atom, Decimal::ONE)]),
        }
    }

    fn plus(&self, other: &Linear) -> Option<Linear> {
        let mut sum = self.clone();
        sum.constant = sum.constant.checked_add(other.constant)?;
        for (atom, c) in &other.terms {
            let entry = sum.terms.entry(*atom).or_insert(Decimal::ZERO);
            *entry = entry.checked_add(*c)?;
        }
        Some(sum)
    }

    fn scaled(&self, by: Decimal) -> Option<Linear> {
        Some(Linear {
            constant: self.constant.checked_mul(by)?,
            terms: self
                .terms
                .iter()
                .map(|(a, c)| Some((*a, c.checked_mul(by)?)))
                .collect::<Option<_>>()?,
        })
    }

    /// The product, while it stays linear: one side must be a constant.
    fn times(&self, other: &Linear) -> Option<Linear> {
        match (self.terms.is_empty(), other.terms.is_empty()) {
            (_, true) => self.scaled(other.constant),
            (true, false) => other.scaled(self.constant),
            (false, false) => None,
        }
    }

    fn range(&self, inputs: &Inputs, steps: &[Range]) -> Range {
        self.terms
            .iter()
            .fold(Range::exactly(self.constant), |sum, (atom, c)| {
                let range = match atom {
                    Atom::Answer(q) => inputs.answers.get(*q).copied(),
                    Atom::Points(q) => inputs.points.get(*q).copied(),
                    Atom::Param(p) => Some(inputs.parameter(*p)),
                    Atom::Section(s) => inputs.sections.get(*s).map(|questions| {
                        questions
                            .clone()
                            .fold(Range::exactly(Decimal::ZERO), |sum, q| {
                                sum.add(inputs.points.get(q).copied().unwrap_or(Range::UNKNOWN))
                            })
                    }),
                    Atom::Step(i) => steps.get(*i).copied(),
                };
                sum.add(range.unwrap_or(Range::UNKNOWN).times(Range::exactly(*c)))
            })
    }
}

/// What an operand is as a linear value: earlier linear steps are carried through, and a
/// parameter is its value on the day.
fn operand(inputs: &Inputs, forms: &[Option<Linear>], v: &Val) -> Linear {
    match v {
        Val::Step(i) => forms
            .get(*i)
            .cloned()
            .flatten()
            .unwrap_or_else(|| Linear::atom(Atom::Step(*i))),
        Val::Param(p) => match inputs.parameter(*p) {
            Range {
                low: Some(low),
                high: Some(high),
            } if low == high => Linear::constant(low),
            _ => Linear::atom(Atom::Param(*p)),
        },
        Val::Answer(q) => Linear::atom(Atom::Answer(*q)),
        Val::Points(q) => Linear::atom(Atom::Points(*q)),
        Val::Section(s) => {
            let questions = inputs.sections.get(*s).cloned().unwrap_or(0..0);
            if questions.len() > MOST_TERMS {
                Linear::atom(Atom::Section(*s))
            } else {
                questions.fold(Linear::default(), |sum, q| {
                    sum.plus(&Linear::atom(Atom::Points(q))).unwrap_or(sum)
                })
            }
        }
        Val::Fixed(d, _) => Linear::constant(*d),
    }
}

/// The values a number or money answer can take.
fn answer_range(q: &Question) -> Range {
    let range = match &q.answer {
        AnswerKind::Number(l) => Range::between(l.min.0, l.max.0),
        AnswerKind::Money(l) => Range::between(l.min.0, l.max.0),
        _ => Range::exactly(Decimal::ZERO),
    };
    if_not_asked(q, range)
}

/// The points a question's answer can carry.
fn points_range(q: &Question) -> Range {
    let range = q
        .points_range()
        .map_or(Range::exactly(Decimal::ZERO), |(low, high)| {
            Range::between(low, high)
        });
    if_not_asked(q, range)
}

/// A question every person is asked must be answered; one that may not be asked (because
/// an earlier answer decides, or it is a practitioner's) reads as zero when it is not.
fn if_not_asked(q: &Question, range: Range) -> Range {
    if q.may_be_unasked() {
        range.with_zero()
    } else {
        range
    }
}
