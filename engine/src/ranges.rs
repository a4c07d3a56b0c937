//! The range every step of an allocation can take, worked out when a scheme loads from the
//! limits of its answers and every dated value of its parameters. A scheme whose result
//! could be negative for some answers is refused, naming the first step that can go below
//! zero, so a negative budget is found by `waymark check` rather than by a person.
//!
//! The ranges are intervals: each is wide enough to hold every value the step can take,
//! and may be wider (two steps that move together are treated as independent), so a scheme
//! is refused only when its arithmetic allows a negative result, not only when a
//! particular person would get one.

use crate::issue::Issue;
use crate::program::{Program, Val, Work};
use crate::scheme::{AnswerKind, SchemeFile};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The values a step can take: `None` for a side with no bound the analysis can name
/// (when the arithmetic would overflow).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range {
    low: Option<Decimal>,
    high: Option<Decimal>,
}

impl Range {
    fn exactly(value: Decimal) -> Range {
        Range::between(value, value)
    }

    fn between(a: Decimal, b: Decimal) -> Range {
        Range {
            low: Some(a.min(b)),
            high: Some(a.max(b)),
        }
    }

    const UNKNOWN: Range = Range {
        low: None,
        high: None,
    };

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
        let add = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_add(b?);
        Range {
            low: add(self.low, other.low),
            high: add(self.high, other.high),
        }
    }

    fn minus(self, other: Range) -> Range {
        let sub = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
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
        let products: Option<Vec<Decimal>> = [(a, c), (a, d), (b, c), (b, d)]
            .iter()
            .map(|(x, y)| x.checked_mul(*y))
            .collect();
        match products {
            Some(p) => Range {
                low: p.iter().copied().reduce(Decimal::min),
                high: p.iter().copied().reduce(Decimal::max),
            },
            None => Range::UNKNOWN,
        }
    }

    fn power(self, exponent: u32) -> Range {
        let (Some(low), Some(high)) = (self.low, self.high) else {
            return Range::UNKNOWN;
        };
        let raise = |x: Decimal| (0..exponent).try_fold(Decimal::ONE, |p, _| p.checked_mul(x));
        let (Some(a), Some(b)) = (raise(low), raise(high)) else {
            return Range::UNKNOWN;
        };
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

    /// Whether the range reaches below zero. A range too large to bound is not counted:
    /// working out such an amount fails as an overflow, with its own message.
    fn may_be_negative(self) -> bool {
        self.low
            .is_some_and(|low| low.is_sign_negative() && !low.is_zero())
    }
}

/// Refuses a scheme whose result could be negative, or that looks up a band table with a
/// value below the table's first band.
pub(crate) fn check(file: &SchemeFile, program: &Program) -> Result<(), Vec<Issue>> {
    let analysis = analyse(file, program);
    let mut issues = uncovered_bands(file, &analysis);
    issues.extend(negative(file, program, &analysis.ranges));
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

/// Each dated table whose first band starts above the least value a step can look up in
/// it: that lookup would fail for some answers.
fn uncovered_bands(file: &SchemeFile, analysis: &Analysis) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (step, table, input) in &analysis.band_inputs {
        let Some(low) = input.low else { continue };
        let Some(parameter) = file.parameters.get(*table) else {
            continue;
        };
        for (k, value) in parameter.values.iter().enumerate() {
            let first = value.bands.as_ref().and_then(|b| b.first());
            let Some(first) = first.filter(|b| b.min.0 > low) else {
                continue;
            };
            let step_id = file
                .allocation
                .steps
                .get(*step)
                .map_or("", |s| s.id.as_str());
            issues.push(Issue::new(
                "band_gap",
                format!("/parameters/{table}/values/{k}/bands/0/min"),
                format!(
                    "step {step_id:?} can look up {low} in this table, and its first band starts at {}: add a band from {low}",
                    first.min
                ),
            ));
        }
    }
    issues
}

/// The first step on the way to a result that could be negative.
fn negative(file: &SchemeFile, program: &Program, ranges: &[Range]) -> Option<Issue> {
    let result = ranges
        .get(program.result)
        .copied()
        .unwrap_or(Range::UNKNOWN);
    if !result.may_be_negative() {
        return None;
    }
    let first = ranges
        .iter()
        .position(|r| r.may_be_negative())
        .unwrap_or(program.result);
    let low = ranges
        .get(first)
        .and_then(|r| r.low)
        .map_or_else(|| "below zero".to_owned(), |low| format!("as low as {low}"));
    let step = file
        .allocation
        .steps
        .get(first)
        .map_or("", |s| s.id.as_str());
    Some(Issue::new(
        "negative_result",
        format!("/allocation/steps/{first}/calc"),
        format!(
            "for some answers this step ({step:?}) can be {low}, so the amount could be negative: \
             add an at_least step with a limit of 0, or change the calculation"
        ),
    ))
}

/// What the analysis finds: every step's range, and the range of what each band step
/// looks up.
struct Analysis {
    ranges: Vec<Range>,
    band_inputs: Vec<(usize, usize, Range)>,
}

/// Every step's range, in the order the steps are worked out. Working out stops at the
/// first `require` step whose value is below its threshold (the person is not eligible
/// and the amount is zero), so every step after a `require` may count on the step it
/// tests being at least the threshold.
fn analyse(file: &SchemeFile, program: &Program) -> Analysis {
    let mut ranges: Vec<Range> = Vec::with_capacity(program.steps.len());
    let mut forms: Vec<Option<Linear>> = Vec::with_capacity(program.steps.len());
    let mut band_inputs = Vec::new();
    for (i, step) in program.steps.iter().enumerate() {
        let form = |v: &Val| operand(file, &forms, v);
        let range_of = |v: &Val| form(v).range(file, &ranges);
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
            _ => None,
        };
        let range = match (&linear, &step.work) {
            (Some(linear), _) => linear.range(file, &ranges),
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
                    sum.add(points_range(file, *q))
                }),
            (None, Work::Power(of, exponent)) => range_of(of).power(*exponent),
            (None, Work::Band(of, table)) => {
                band_inputs.push((i, *table, range_of(of)));
                band_range(file, *table)
            }
            (None, Work::AtMost(v, limit)) => range_of(v).at_most(range_of(limit)),
            (None, Work::AtLeast(v, limit)) => range_of(v).at_least(range_of(limit)),
            (None, Work::Require(v, _)) => range_of(v),
            (None, Work::Choose(_, then, otherwise)) => range_of(then).union(range_of(otherwise)),
        };
        let floor = match &step.work {
            Work::Require(Val::Step(tested), threshold) => Some((*tested, range_of(threshold).low)),
            _ => None,
        };
        ranges.push(range);
        forms.push(linear);
        // From here on, the step a `require` tested is at least its threshold, and is
        // read as itself rather than as the sum it was worked out from.
        if let Some((tested, Some(floor))) = floor {
            if let Some(r) = ranges.get_mut(tested) {
                *r = Range {
                    low: Some(r.low.map_or(floor, |low| low.max(floor))),
                    high: r.high.map(|high| high.max(floor)),
                };
            }
            if let Some(f) = forms.get_mut(tested) {
                *f = None;
            }
        }
    }
    Analysis {
        ranges,
        band_inputs,
    }
}

/// An independent input of an allocation: two different atoms can take any values in
/// their ranges together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Atom {
    Answer(usize),
    Points(usize),
    Param(usize),
    /// A step whose value is not a sum of inputs, like a band or a cap.
    Step(usize),
}

/// A value as a constant plus inputs times coefficients, so that a step and a share of it
/// taken away (like less 10 per cent) are known to move together.
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

    fn range(&self, file: &SchemeFile, steps: &[Range]) -> Range {
        self.terms
            .iter()
            .fold(Range::exactly(self.constant), |sum, (atom, c)| {
                let range = match atom {
                    Atom::Answer(q) => answer_range(file, *q),
                    Atom::Points(q) => points_range(file, *q),
                    Atom::Param(p) => param_range(file, *p),
                    Atom::Step(i) => steps.get(*i).copied().unwrap_or(Range::UNKNOWN),
                };
                sum.add(range.times(Range::exactly(*c)))
            })
    }
}

/// What an operand is as a linear value: earlier linear steps are carried through; a
/// parameter with one value on every date is a constant.
fn operand(file: &SchemeFile, forms: &[Option<Linear>], v: &Val) -> Linear {
    match v {
        Val::Step(i) => forms
            .get(*i)
            .cloned()
            .flatten()
            .unwrap_or_else(|| Linear::atom(Atom::Step(*i))),
        Val::Param(p) => match param_range(file, *p) {
            Range {
                low: Some(low),
                high: Some(high),
            } if low == high => Linear::constant(low),
            _ => Linear::atom(Atom::Param(*p)),
        },
        Val::Answer(q) => Linear::atom(Atom::Answer(*q)),
        Val::Points(q) => Linear::atom(Atom::Points(*q)),
        Val::Section(s) => {
            let first: usize = file
                .sections
                .iter()
                .take(*s)
                .map(|s| s.questions.len())
                .sum();
            let count = file.sections.get(*s).map_or(0, |s| s.questions.len());
            (first..first + count).fold(Linear::default(), |sum, q| {
                sum.plus(&Linear::atom(Atom::Points(q))).unwrap_or_default()
            })
        }
        Val::Fixed(d, _) => Linear::constant(*d),
    }
}

/// The values a number or money answer can take, counting none when it is not asked.
fn answer_range(file: &SchemeFile, position: usize) -> Range {
    let Some((_, q)) = file.questions().nth(position) else {
        return Range::UNKNOWN;
    };
    let range = match &q.answer {
        AnswerKind::Number(l) => Range::between(l.min.0, l.max.0),
        AnswerKind::Money(l) => Range::between(l.min.0, l.max.0),
        _ => Range::exactly(Decimal::ZERO),
    };
    if_not_asked(q, range)
}

/// The points a question can carry, counting none when it may not be asked.
fn points_range(file: &SchemeFile, position: usize) -> Range {
    let Some((_, q)) = file.questions().nth(position) else {
        return Range::UNKNOWN;
    };
    let range = q
        .points_range()
        .map_or(Range::exactly(Decimal::ZERO), |(low, high)| {
            Range::between(low, high)
        });
    if_not_asked(q, range)
}

/// A question every person is asked must be answered; one asked only when an earlier
/// answer makes it relevant reads as zero when it is not asked.
fn if_not_asked(q: &crate::scheme::Question, range: Range) -> Range {
    if q.show_if.is_some() {
        range.with_zero()
    } else {
        range
    }
}

fn param_range(file: &SchemeFile, p: usize) -> Range {
    let values = file.parameters.get(p).into_iter().flat_map(|p| &p.values);
    values
        .filter_map(|v| v.value.map(|n| Range::exactly(n.0)))
        .reduce(Range::union)
        .unwrap_or(Range::UNKNOWN)
}

fn band_range(file: &SchemeFile, table: usize) -> Range {
    let values = file
        .parameters
        .get(table)
        .into_iter()
        .flat_map(|p| &p.values);
    values
        .flat_map(|v| v.bands.iter().flatten())
        .map(|b| Range::exactly(b.value.0))
        .reduce(Range::union)
        .unwrap_or(Range::UNKNOWN)
}
