//! `waymark cases`: a synthetic caseload for a scheme, so nobody's real data is needed to
//! try the council tools.
//!
//! Each case is a made-up person with one level of need, drawn with most people in the
//! middle and fewer at either end. Every answer leans towards that level with some noise,
//! so answers hang together as a real person's would and the spread of budgets looks like
//! a real caseload's rather than a uniform one. Questions are answered in order and only
//! when their `show_if` holds for the earlier answers. The generator is a seeded
//! splitmix64, so a seed always gives the same caseload, and case `n` is the same whatever
//! `--count` is.

use crate::files;
use crate::output::Output;
use crate::Failure;
use waymark_engine::answers::{applies, Answer};
use waymark_engine::scheme::{AnswerKind, Question};
use waymark_engine::{Decimal, Scheme};

/// The largest caseload generated in one go.
const MOST: u64 = 100_000_000;

/// `waymark cases`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme file.
    pub scheme: String,
    /// How many cases.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(0..=MOST), value_name = "N")]
    pub count: u64,
    /// The seed: the same seed always gives the same caseload.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Where to write [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
}

/// Writes `--count` synthetic cases from `--seed` as JSON Lines.
pub fn run(options: &Options) -> Result<(), Failure> {
    let scheme = files::scheme(&options.scheme)?;
    let mut out = Output::create(options.out.as_deref())?;
    for n in 0..options.count {
        let answers = person(&scheme, options.seed, n);
        let id = format!("case-{:06}", n + 1);
        let line = serde_json::json!({"id": id, "answers": answers});
        out.write(&format!("{line}\n"))?;
    }
    out.finish()
}

/// The answers of the `n`th person generated from `seed`, in question order.
pub fn person(scheme: &Scheme, seed: u64, n: u64) -> serde_json::Map<String, serde_json::Value> {
    let mut rng = Rng(seed ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03));
    rng.next();
    let need = (rng.unit() + rng.unit()) / 2.0;
    let mut given = vec![None; scheme.question_count()];
    let mut out = serde_json::Map::new();
    for (i, (_, q)) in scheme.questions().enumerate() {
        // A self-assessment has no practitioner's adjustments.
        if q.practitioner || !applies(scheme, i, &given) {
            continue;
        }
        let answer = answer(q, need, &mut rng);
        out.insert(q.id.clone(), json(&answer, q));
        given[i] = Some(answer);
    }
    out
}

/// One answer for a person with this level of need (0 to 1).
fn answer(q: &Question, need: f64, rng: &mut Rng) -> Answer {
    match &q.answer {
        AnswerKind::Choice(options) => {
            // Options by their points, so a higher need leans to options with more points.
            let mut order: Vec<usize> = (0..options.len()).collect();
            order.sort_by_key(|i| options[*i].points);
            let last = options.len().saturating_sub(1) as f64;
            let noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.2;
            let rank = (need * last + noise).round().clamp(0.0, last) as usize;
            Answer::Choice(order.get(rank).map_or(0, |i| *i))
        }
        AnswerKind::YesNo(points) => {
            let needier = points.yes >= points.no;
            let lean = if points.yes == points.no {
                0.5
            } else {
                0.15 + 0.7 * need
            };
            Answer::YesNo((rng.unit() < lean) == needier)
        }
        AnswerKind::Number(limits) => {
            let (min, max) = (limits.min.0, limits.max.0);
            let value = between(min, max, rng.lower_middle());
            let value = if limits.whole {
                within(value.round(), min.ceil(), max.floor())
            } else {
                within(value.round_dp(1), min, max)
            };
            Answer::Number(value)
        }
        AnswerKind::Money(limits) => {
            let (min, max) = (limits.min.0, limits.max.0);
            let hundred = Decimal::ONE_HUNDRED;
            let pence = between(min, max, rng.lower_middle())
                .saturating_mul(hundred)
                .round();
            let lowest = min.saturating_mul(hundred).ceil();
            let mut value = within(pence, lowest, max.saturating_mul(hundred).floor()) / hundred;
            value.rescale(2);
            Answer::Money(value)
        }
    }
}

/// `value` kept from `low` to `high`; `low` if there is nothing between them.
fn within(value: Decimal, low: Decimal, high: Decimal) -> Decimal {
    if low > high {
        low
    } else {
        value.clamp(low, high)
    }
}

/// The point a share (0 to 1) of the way from `min` to `max`.
fn between(min: Decimal, max: Decimal, share: f64) -> Decimal {
    // The share is turned into millionths so the arithmetic stays exact from here on.
    let millionths = Decimal::new((share.clamp(0.0, 1.0) * 1e6).round() as i64, 6);
    max.checked_sub(min)
        .and_then(|span| span.checked_mul(millionths))
        .and_then(|part| part.checked_add(min))
        .unwrap_or(min)
}

/// An answer as an answers file writes it; whole numbers as JSON integers.
fn json(answer: &Answer, q: &Question) -> serde_json::Value {
    match answer {
        Answer::Number(d) if d.fract().is_zero() => d
            .normalize()
            .to_string()
            .parse::<i64>()
            .map_or_else(|_| answer.to_json(q), serde_json::Value::from),
        _ => answer.to_json(q),
    }
}

/// splitmix64: small, fast and the same on every platform.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from 0 up to (not including) 1.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number from 0 to 1, most often near a quarter: a triangular distribution.
    fn lower_middle(&mut self) -> f64 {
        const MODE: f64 = 0.25;
        let u = self.unit();
        if u < MODE {
            (u * MODE).sqrt()
        } else {
            1.0 - ((1.0 - u) * (1.0 - MODE)).sqrt()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use waymark_engine::{answers, Answers};

    fn demo() -> Scheme {
        let text = include_str!("../../tests/fixtures/council/demo-1.json");
        Scheme::from_json(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn every_generated_case_is_complete_and_valid() {
        let scheme = demo();
        for n in 0..500 {
            let answers = Answers(person(&scheme, 7, n).into_iter().collect());
            let checked = answers::check(&scheme, &answers);
            assert!(checked.errors.is_empty(), "case {n}: {:?}", checked.errors);
            assert!(
                checked.notices.is_empty(),
                "case {n}: {:?}",
                checked.notices
            );
        }
    }

    #[test]
    fn a_seed_always_gives_the_same_people() {
        let scheme = demo();
        assert_eq!(person(&scheme, 1, 41), person(&scheme, 1, 41));
        let differ = (0..20)
            .filter(|n| person(&scheme, 1, *n) != person(&scheme, 2, *n))
            .count();
        assert!(differ > 10);
    }

    #[test]
    fn answers_lean_to_the_middle() {
        let scheme = demo();
        let mut counts = BTreeMap::new();
        for n in 0..2000 {
            let answers = person(&scheme, 3, n);
            let daily = answers["daily"].as_str().unwrap_or_default().to_owned();
            *counts.entry(daily).or_insert(0) += 1;
        }
        let (none, some, lots) = (counts["none"], counts["some"], counts["lots"]);
        assert!(some > none && some > lots, "{counts:?}");
        assert!(none > 200 && lots > 200, "{counts:?}");
    }
}
