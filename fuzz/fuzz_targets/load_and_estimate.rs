//! Loads arbitrary bytes as a scheme (or, failing that, uses the default scheme) and
//! estimates arbitrary answers: nothing may panic, and every estimate must replay.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_engine::{estimate, replay, Answers, Date, Scheme};

const DEFAULT: &str = include_str!("../../www/schemes/northvale-recovery-2026.json");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (scheme_text, answers_text) = text.split_once('\u{0}').unwrap_or((DEFAULT, &text));
    let Ok(scheme) = Scheme::from_json(scheme_text).or_else(|_| Scheme::from_json(DEFAULT)) else {
        return;
    };
    let Ok(answers) = Answers::from_json(answers_text) else {
        return;
    };
    let day = data.first().copied().unwrap_or(0);
    let date = Date::new(2026, 4 + day % 9, 1 + day % 28).unwrap_or(scheme.applies_from);
    if let Ok(e) = estimate(&scheme, &answers, date) {
        assert!(replay(&e.explanation).is_ok());
    }
});
