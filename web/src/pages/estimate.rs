//! Running the engine for a page, timed so the page can show how long it took, in whole
//! microseconds, in a data attribute (`data-estimate-us`, read by `make bench`).

use crate::dom::clock::now_ms;
use crate::format::{date_range, long_date};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::alternatives::QuestionAlternatives;
use waymark_engine::issue::Issue;
use waymark_engine::{Answers, Date, Estimate, Scheme};

/// An estimate, or why there is none, and how long the engine took.
pub struct Timed {
    /// The estimate or the engine's issues.
    pub estimate: Result<Rc<Estimate>, Vec<Issue>>,
    /// Microseconds taken.
    pub us: u64,
}

/// Whole microseconds since `start` (in milliseconds, from [`now_ms`]).
fn since(start: f64) -> u64 {
    // Saturating conversion: a negative or absurd interval becomes 0 or u64::MAX.
    ((now_ms() - start) * 1000.0) as u64
}

/// Works out the estimate for `answers`, timing it.
pub fn timed(scheme: &Scheme, answers: &Answers, date: Date) -> Timed {
    let start = now_ms();
    let estimate = waymark_engine::estimate(scheme, answers, date).map(Rc::new);
    Timed {
        estimate,
        us: since(start),
    }
}

/// Works out what each other answer would give, timing it.
pub fn alternatives(
    scheme: &Scheme,
    answers: &Answers,
    date: Date,
    estimate: &Estimate,
) -> (Rc<Vec<QuestionAlternatives>>, u64) {
    let start = now_ms();
    let alternatives = waymark_engine::what_would_change(scheme, answers, date, estimate);
    (Rc::new(alternatives), since(start))
}

/// Why there is no estimate, in the catalogue's words: the scheme's dates when it does not
/// cover the assessment date, otherwise who to ask.
pub fn why_not(issues: &[Issue], scheme: &Scheme, date: Date) -> String {
    let t = text();
    if issues.iter().any(|i| i.code == "date_outside_scheme") {
        return fill(
            t.start_not_covered,
            &[
                ("title", &scheme.title),
                ("dates", &date_range(scheme.applies_from, scheme.applies_to)),
                ("today", &long_date(date)),
                ("owner", &scheme.owner),
            ],
        );
    }
    fill(t.estimate_failed_body, &[("owner", &scheme.owner)])
}
