//! Fairness checks on a council's scheme: that more points never mean less money.
//!
//! A question with points is monotonic unless the scheme marks it `"monotonic": false`:
//! choosing an answer with more points, all else the same, must never lower the amount.
//! [`monotonicity`] first tries to prove it from the allocation's structure, for every
//! period in which the parameters keep their values: each step is followed to see whether
//! it can only rise, only fall, or either way, as a question's points rise (a sum rises
//! with what it adds, a difference falls with what it takes away, a product rises with a
//! factor that is never negative, a cap and a floor rise with their value and limit, a
//! band lookup rises if the table's values never fall). When the structure does not say,
//! it searches: every combination of answers when there are few enough, otherwise a
//! stated number of seeded samples, comparing each answer with the next one up in points.
//! A failure gives a counterexample: the two sets of answers and both amounts.

use crate::answers::{self, Answer, Answers, Checked};
use crate::date::Date;
use crate::estimate::figures_checked;
use crate::program::{Val, Work};
use crate::ranges;
use crate::scheme::{AnswerKind, Question, Scheme};
use crate::Money;
use rust_decimal::Decimal;

/// The most combinations of answers searched one by one; a scheme with more is sampled.
pub const EXHAUSTIVE_UP_TO: u64 = 20_000;

/// How monotonicity was established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Monotonic {
    /// Proved from the structure of the allocation, for every answer.
    Proved,
    /// Searched: every combination of answers, or seeded samples, each compared with the
    /// same answers but one a step up in points.
    Checked {
        /// How many combinations of answers were compared, over every period.
        combinations: u64,
        /// Whether they were every combination there is, rather than samples.
        every: bool,
    },
}

/// Two sets of answers that differ only in one question, where the one with more points
/// gets less.
#[derive(Debug, Clone, PartialEq)]
pub struct NotMonotonic {
    /// The question's id.
    pub question: String,
    /// Its position among the scheme's questions.
    pub position: usize,
    /// The assessment date.
    pub date: Date,
    /// The answers with fewer points for the question.
    pub fewer: Answers,
    /// The same answers with more points for it.
    pub more: Answers,
    /// The yearly amount with fewer points.
    pub fewer_amount: Money,
    /// The yearly amount with more points, which is less.
    pub more_amount: Money,
}

/// Checks that no question with points (unless marked non-monotonic) can lower the amount
/// when its answer carries more points: proved where the structure allows, otherwise
/// searched over every combination or over `samples` combinations drawn from `seed`.
pub fn monotonicity(scheme: &Scheme, samples: u64, seed: u64) -> Result<Monotonic, NotMonotonic> {
    let questions: Vec<&Question> = scheme.questions().map(|(_, q)| q).collect();
    let checked: Vec<usize> = (0..questions.len())
        .filter(|q| {
            // A question whose answers all carry the same points has no answer with more.
            let varies = questions[*q]
                .points_range()
                .is_some_and(|(low, high)| low < high);
            questions[*q].monotonic && varies
        })
        .collect();
    let program = scheme.program();
    let dates = ranges::periods(scheme.file());
    let proved = dates.iter().all(|date| {
        let analysis = ranges::on(scheme.file(), program, *date);
        checked
            .iter()
            .all(|q| !program.decides[*q] && proves(scheme, &analysis, *date, *q))
    });
    if proved {
        return Ok(Monotonic::Proved);
    }
    let values: Vec<Vec<Answer>> = questions.iter().map(|q| candidates(q)).collect();
    let total = values
        .iter()
        .try_fold(1u64, |n, v| n.checked_mul(v.len().max(1) as u64))
        .filter(|n| *n <= EXHAUSTIVE_UP_TO);
    let search = Search {
        scheme,
        questions: &questions,
        values: &values,
        checked: &checked,
    };
    let mut combinations = 0;
    for date in &dates {
        match total {
            Some(total) => {
                (0..total).try_for_each(|n| search.around(&combination(&values, n), *date))?;
                combinations += total;
            }
            None => {
                let mut rng = seed;
                (0..samples).try_for_each(|_| {
                    let drawn: Vec<usize> = values
                        .iter()
                        .map(|v| (next(&mut rng) % v.len().max(1) as u64) as usize)
                        .collect();
                    search.around(&drawn, *date)
                })?;
                combinations += samples;
            }
        }
    }
    Ok(Monotonic::Checked {
        combinations,
        every: total.is_some(),
    })
}

/// How a step moves as one question's points rise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moves {
    Not,
    Up,
    Down,
    Either,
}

impl Moves {
    /// Both together, for something that rises with each.
    fn and(self, other: Moves) -> Moves {
        match (self, other) {
            (Moves::Not, m) | (m, Moves::Not) => m,
            (a, b) if a == b => a,
            _ => Moves::Either,
        }
    }

    fn against(self) -> Moves {
        match self {
            Moves::Up => Moves::Down,
            Moves::Down => Moves::Up,
            m => m,
        }
    }
}

/// Whether the structure shows that the amount never falls as question `q`'s points rise.
fn proves(scheme: &Scheme, analysis: &ranges::Analysis, date: Date, q: usize) -> bool {
    let program = scheme.program();
    let mut moves: Vec<Moves> = Vec::with_capacity(program.steps.len());
    for step in &program.steps {
        let of = |v: &Val| match v {
            Val::Step(j) => moves.get(*j).copied().unwrap_or(Moves::Either),
            Val::Points(p) if *p == q => Moves::Up,
            Val::Section(s) if scheme.index().section_questions(*s).contains(&q) => Moves::Up,
            _ => Moves::Not,
        };
        let sign = |v: &Val| {
            let r = analysis.operand(v);
            (r.not_negative(), r.not_positive())
        };
        // A product moves with a factor that moves when the others keep their signs;
        // with every factor never negative, it moves with all of them.
        let product = |vals: &[&Val]| {
            if vals.iter().all(|v| sign(v).0) {
                return vals.iter().fold(Moves::Not, |m, v| m.and(of(v)));
            }
            let moving: Vec<usize> = (0..vals.len())
                .filter(|i| of(vals[*i]) != Moves::Not)
                .collect();
            let [only] = moving.as_slice() else {
                return if moving.is_empty() {
                    Moves::Not
                } else {
                    Moves::Either
                };
            };
            let mut negatives = 0;
            for (_, v) in vals.iter().enumerate().filter(|(i, _)| i != only) {
                match sign(v) {
                    (true, _) => {}
                    (false, true) => negatives += 1,
                    (false, false) => return Moves::Either,
                }
            }
            if negatives % 2 == 0 {
                of(vals[*only])
            } else {
                of(vals[*only]).against()
            }
        };
        let m = match &step.work {
            Work::Points(questions) => {
                if questions.contains(&q) {
                    Moves::Up
                } else {
                    Moves::Not
                }
            }
            Work::Sum(vals) => vals.iter().fold(Moves::Not, |m, v| m.and(of(v))),
            Work::Difference(a, b) => of(a).and(of(b).against()),
            Work::Product(vals) => product(&vals.iter().collect::<Vec<_>>()),
            Work::Percent(a, b) => product(&[a, b]),
            Work::Divide(a, by) => {
                let positive = analysis.operand(by).low.is_some_and(|l| l > Decimal::ZERO);
                match (of(by), positive, sign(a).0) {
                    (Moves::Not, true, _) => of(a),
                    (m, true, true) => of(a).and(m.against()),
                    _ => Moves::Either,
                }
            }
            Work::Power(v, _) if sign(v).0 => of(v),
            Work::Power(v, _) if of(v) == Moves::Not => Moves::Not,
            Work::Power(..) => Moves::Either,
            Work::Band(v, table) => match (of(v), analysis.bands_rise(*table)) {
                (Moves::Not, _) => Moves::Not,
                (m, Some(true)) => m,
                (m, Some(false)) => m.against(),
                (_, None) => Moves::Either,
            },
            Work::Lookup(question, table, otherwise) => {
                let looked_up = if *question == q {
                    lookup_moves(scheme, *question, *table, date)
                } else {
                    Moves::Not
                };
                otherwise
                    .as_ref()
                    .map_or(looked_up, |v| looked_up.and(of(v)))
            }
            Work::Weighted(base, terms) => terms
                .iter()
                .fold(of(base), |m, (w, v)| m.and(product(&[w, v]))),
            Work::AsMoney(v) | Work::Refer(v, _) => of(v),
            Work::AtMost(v, limit) | Work::AtLeast(v, limit) => of(v).and(of(limit)),
            Work::Require(v, threshold) => {
                // More points may only ever let a person become eligible, not stop them.
                let gate = matches!(of(v), Moves::Not | Moves::Up)
                    && matches!(of(threshold), Moves::Not | Moves::Down);
                if gate {
                    of(v)
                } else {
                    Moves::Either
                }
            }
            Work::Choose(test, then, otherwise) if !test.reads(q) => of(then).and(of(otherwise)),
            Work::Choose(..) => Moves::Either,
        };
        moves.push(m);
    }
    let gates = program
        .steps
        .iter()
        .zip(&moves)
        .all(|(step, m)| !matches!(step.work, Work::Require(..)) || *m != Moves::Either);
    gates && matches!(moves.get(program.result), Some(Moves::Not | Moves::Up))
}

/// How the value an options table gives question `q`'s option moves as the option's
/// points rise, on `date`.
fn lookup_moves(scheme: &Scheme, q: usize, table: usize, date: Date) -> Moves {
    let (Some(question), Some(parameter)) = (scheme.question_at(q), scheme.parameters.get(table))
    else {
        return Moves::Either;
    };
    let AnswerKind::Choice(options) = &question.answer else {
        return Moves::Either;
    };
    let values = parameter
        .value_on(date)
        .and_then(|(_, dated)| dated.options.as_ref());
    let Some(values) = values else {
        return Moves::Either;
    };
    let mut pairs: Vec<(Decimal, Decimal)> = Vec::with_capacity(options.len());
    for option in options {
        match values.get(&option.id) {
            Some(value) => pairs.push((option.points.0, value.0)),
            None => return Moves::Either,
        }
    }
    let (mut rises, mut falls) = (false, false);
    for (i, a) in pairs.iter().enumerate() {
        for b in &pairs[i + 1..] {
            let (low, high) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if low.0 < high.0 {
                rises |= high.1 > low.1;
                falls |= high.1 < low.1;
            }
        }
    }
    match (rises, falls) {
        (false, false) => Moves::Not,
        (true, false) => Moves::Up,
        (false, true) => Moves::Down,
        (true, true) => Moves::Either,
    }
}

/// The answers tried for each question: every option, yes and no, or a number's least,
/// middle and greatest values.
fn candidates(q: &Question) -> Vec<Answer> {
    match &q.answer {
        AnswerKind::Choice(options) => (0..options.len()).map(Answer::Choice).collect(),
        AnswerKind::YesNo(_) => vec![Answer::YesNo(false), Answer::YesNo(true)],
        AnswerKind::Number(l) => spread(l.min.0, l.max.0, l.whole)
            .into_iter()
            .map(Answer::Number)
            .collect(),
        AnswerKind::Money(l) => spread(l.min.0, l.max.0, false)
            .into_iter()
            .map(Answer::Money)
            .collect(),
    }
}

fn spread(min: Decimal, max: Decimal, whole: bool) -> Vec<Decimal> {
    let middle = min
        .checked_add(max)
        .and_then(|s| s.checked_div(Decimal::TWO))
        .map(|m| {
            if whole {
                m.floor()
            } else {
                m.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero)
            }
        })
        .unwrap_or(min);
    let mut values = vec![min, middle, max];
    values.dedup();
    values
}

/// The `n`th combination of candidate answers, counting in mixed radix.
fn combination(values: &[Vec<Answer>], mut n: u64) -> Vec<usize> {
    values
        .iter()
        .map(|v| {
            let len = v.len().max(1) as u64;
            let digit = n % len;
            n /= len;
            digit as usize
        })
        .collect()
}

/// splitmix64, so a seed always gives the same samples.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Search<'a> {
    scheme: &'a Scheme,
    questions: &'a [&'a Question],
    values: &'a [Vec<Answer>],
    checked: &'a [usize],
}

impl Search<'_> {
    /// Compares the amount for `chosen` with the amount when each checked question's
    /// answer is the next one up in points.
    fn around(&self, chosen: &[usize], date: Date) -> Result<(), NotMonotonic> {
        for &q in self.checked {
            let question = self.questions[q];
            let Some(here) = self.values[q].get(chosen[q]) else {
                continue;
            };
            let Some(points) = question.points_for(here) else {
                continue;
            };
            let higher = self.values[q]
                .iter()
                .enumerate()
                .filter_map(|(i, a)| question.points_for(a).map(|p| (i, p)))
                .filter(|(_, p)| p.0 > points.0)
                .min_by_key(|(_, p)| p.0);
            let Some((up, _)) = higher else { continue };
            let mut raised = chosen.to_vec();
            raised[q] = up;
            let (Some(low), Some(high)) = (self.amount(chosen, date), self.amount(&raised, date))
            else {
                continue;
            };
            if high < low {
                return Err(NotMonotonic {
                    question: question.id.clone(),
                    position: q,
                    date,
                    fewer: self.answers(chosen),
                    more: self.answers(&raised),
                    fewer_amount: low,
                    more_amount: high,
                });
            }
        }
        Ok(())
    }

    /// The yearly amount for a combination, or `None` if it cannot be worked out or needs
    /// a conversation rather than an amount (neither is a counterexample).
    fn amount(&self, chosen: &[usize], date: Date) -> Option<Money> {
        let mut checked = Checked {
            answers: Vec::with_capacity(chosen.len()),
            ..Checked::default()
        };
        for (q, i) in chosen.iter().enumerate() {
            let applies = answers::applies(self.scheme, q, &checked.answers);
            checked.applies.push(applies);
            let answer = self.values[q].get(*i).copied();
            checked.answers.push(answer.filter(|_| applies));
        }
        figures_checked(self.scheme, &checked, date)
            .ok()
            .filter(|f| !f.conversation)
            .map(|f| f.annual)
    }

    /// A combination as an answers document, with the questions it asks.
    fn answers(&self, chosen: &[usize]) -> Answers {
        let mut asked: Vec<Option<Answer>> = Vec::with_capacity(chosen.len());
        let mut out = Answers::default();
        for (q, i) in chosen.iter().enumerate() {
            let applies = answers::applies(self.scheme, q, &asked);
            let answer = self.values[q].get(*i).copied().filter(|_| applies);
            if let Some(answer) = answer {
                out.set(&self.questions[q].id, json(self.questions[q], answer));
            }
            asked.push(answer);
        }
        out
    }
}

/// An answer as an answers file writes it.
fn json(q: &Question, answer: Answer) -> serde_json::Value {
    match (answer, &q.answer) {
        (Answer::Choice(i), AnswerKind::Choice(options)) => options
            .get(i)
            .map_or(serde_json::Value::Null, |o| o.id.clone().into()),
        (Answer::YesNo(yes), _) => yes.into(),
        (Answer::Number(d) | Answer::Money(d), _) => d.to_string().into(),
        _ => serde_json::Value::Null,
    }
}
