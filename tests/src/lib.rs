//! Helpers shared by the cross-crate tests: the example schemes, compiled in so that the
//! same tests run natively and as wasm, and seeded random answers.

use waymark_engine::answers::{self, Answer};
use waymark_engine::cases::CaseFile;
use waymark_engine::scheme::AnswerKind;
use waymark_engine::{Answers, Date, Decimal, Scheme};

/// An example scheme with its test cases.
pub struct Example {
    /// The file name without `.json`.
    pub name: &'static str,
    /// The scheme file's text.
    pub text: &'static str,
    /// The scheme.
    pub scheme: Scheme,
    /// Its test cases.
    pub cases: CaseFile,
}

macro_rules! examples {
    ($($name:literal),* $(,)?) => {
        [$(($name,
            include_str!(concat!("../../www/schemes/", $name, ".json")),
            include_str!(concat!("../../www/schemes/", $name, ".tests.json")))),*]
    };
}

/// Every example scheme in `www/schemes`, loaded.
pub fn examples() -> Vec<Example> {
    let files = examples!(
        "northvale-recovery-2026",
        "eastbrook-substance-misuse-2026",
        "southmere-existing-package-2026",
        "westhaven-recovery-grant-2026",
        "riverbend-individual-budget-2027",
    );
    files
        .into_iter()
        .map(|(name, text, cases)| Example {
            name,
            text,
            scheme: Scheme::from_json(text).unwrap_or_else(|e| panic!("{name}: {e:?}")),
            cases: CaseFile::from_json(cases).unwrap_or_else(|e| panic!("{name} cases: {e}")),
        })
        .collect()
}

/// A small, fast, seeded generator (splitmix64), the same on every target.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Valid random answers: every question that applies, given the earlier answers, is
/// answered with a random option or a random value within its limits.
pub fn random_answers(scheme: &Scheme, rng: &mut Rng) -> Answers {
    let mut given = Answers::default();
    for (i, (_, q)) in scheme.questions().enumerate() {
        let applies = q.show_if.is_none() || answers::check(scheme, &given).applies[i];
        if !applies {
            continue;
        }
        let answer = match &q.answer {
            AnswerKind::Choice(options) => Answer::Choice(rng.below(options.len() as u64) as usize),
            AnswerKind::YesNo(_) => Answer::YesNo(rng.below(2) == 1),
            AnswerKind::Number(l) => {
                let span = (l.max.0 - l.min.0).trunc();
                let steps = u64::try_from(span.mantissa()).unwrap_or(0) + 1;
                Answer::Number(l.min.0 + Decimal::from(rng.below(steps)))
            }
            AnswerKind::Money(l) => {
                let pence = ((l.max.0 - l.min.0) * Decimal::ONE_HUNDRED).trunc();
                let steps = u64::try_from(pence.mantissa()).unwrap_or(0) + 1;
                let mut value = l.min.0 + Decimal::from(rng.below(steps)) / Decimal::ONE_HUNDRED;
                value.rescale(2);
                Answer::Money(value)
            }
        };
        let value = answer.to_json(q);
        if !q.practitioner {
            given.set(&q.id, value);
        } else if rng.below(2) == 1 {
            let adjusted =
                serde_json::json!({"answer": value, "reason": "the market rate is higher"});
            given.set(&q.id, adjusted);
        }
    }
    given
}

/// A random date on which the scheme applies, within its first 400 days.
pub fn random_date(scheme: &Scheme, rng: &mut Rng) -> Date {
    let start = scheme.applies_from.days_since_epoch();
    let end = scheme
        .applies_to
        .map_or(start + 400, |d| d.days_since_epoch());
    let span = u64::try_from(end - start + 1).unwrap_or(1);
    let offset = i64::try_from(rng.below(span)).unwrap_or(0);
    Date::from_days_since_epoch(start + offset).unwrap_or(scheme.applies_from)
}
