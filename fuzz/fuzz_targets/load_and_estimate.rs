//! Estimates arbitrary answers, under a scheme read from the input's first part (before a
//! NUL byte) or else under each example scheme: nothing may panic, every estimate replays
//! from its explanation to the same amounts, and the figures-only path gives exactly the
//! estimate's amounts, or the same issues.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_engine::{estimate, figures, replay, Answers, Scheme};
use waymark_fuzz::{date_for, parts, EXAMPLES};

fn check(scheme: &Scheme, answers: &Answers, data: &[u8]) {
    let date = date_for(scheme, data);
    let explained = estimate(scheme, answers, date);
    let alone = figures(scheme, answers, date);
    match (&explained, &alone) {
        (Ok(e), Ok(f)) => {
            assert_eq!(
                (f.eligible, f.annual, f.weekly),
                (e.eligible, e.annual, e.weekly)
            );
            let r = replay(&e.explanation).expect("an estimate replays");
            assert_eq!(r.eligible, e.eligible);
            assert_eq!(r.results.get("annual"), Some(&e.annual.0));
            assert_eq!(r.results.get("weekly").copied(), e.weekly.map(|w| w.0));
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!(
            "estimate and figures disagree: {:?} and {:?}",
            explained.map(|e| e.annual),
            alone
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let (scheme_text, answers_text) = parts(data);
    let Ok(answers) = Answers::from_json(&answers_text) else {
        return;
    };
    match scheme_text {
        Some(text) => {
            if let Ok(scheme) = Scheme::from_json(&text) {
                check(&scheme, &answers, data);
            }
        }
        None => {
            for scheme in EXAMPLES.iter() {
                check(scheme, &answers, data);
            }
        }
    }
});
