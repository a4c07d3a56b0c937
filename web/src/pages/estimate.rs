//! "What could change this", timed so the page can show how long it took, in whole
//! microseconds, in a data attribute (`data-alternatives-us`, read by `make bench`); and why
//! there is no estimate, in words.

use crate::dom::clock::{micros_since, now_ms};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::alternatives::QuestionAlternatives;
use waymark_engine::issue::Issue;
use waymark_engine::{Answers, Date, Estimate, Scheme};

/// Works out what each other answer would give, timing it.
pub fn alternatives(
    scheme: &Scheme,
    answers: &Answers,
    date: Date,
    estimate: &Estimate,
) -> (Rc<Vec<QuestionAlternatives>>, u64) {
    let start = now_ms();
    let alternatives = waymark_engine::what_would_change(scheme, answers, date, estimate);
    (Rc::new(alternatives), micros_since(start))
}

/// Why there is no estimate, in the catalogue's words: the scheme's dates when it does not
/// cover the assessment date, otherwise who to ask.
pub fn why_not(issues: &[Issue], scheme: &Scheme, date: Date) -> String {
    let t = text();
    let owner = t.say(&scheme.owner);
    if issues.iter().any(|i| i.code == "date_outside_scheme") {
        return fill(
            &t.app.start_not_covered,
            &[
                ("title", t.say(&scheme.title)),
                (
                    "dates",
                    &t.date_range(scheme.applies_from, scheme.applies_to),
                ),
                ("today", &t.date(date)),
                ("owner", owner),
            ],
        );
    }
    fill(&t.app.estimate_failed_body, &[("owner", owner)])
}
