//! What the fuzz targets share: the example schemes, loaded once per process, and the
//! way an input is split into parts and turned into an assessment date.

use std::sync::LazyLock;
use waymark_engine::{Date, Scheme};

/// The example schemes in `www/schemes/`, loaded once: loading one on every input would
/// cost more than the work being fuzzed.
pub static EXAMPLES: LazyLock<Vec<Scheme>> = LazyLock::new(|| {
    [
        include_str!("../../www/schemes/northvale-recovery-2026.json"),
        include_str!("../../www/schemes/eastbrook-substance-misuse-2026.json"),
        include_str!("../../www/schemes/southmere-existing-package-2026.json"),
        include_str!("../../www/schemes/westhaven-recovery-grant-2026.json"),
    ]
    .into_iter()
    .map(|text| Scheme::from_json(text).expect("every example scheme loads"))
    .collect()
});

/// The input as text, split at its first NUL byte into a leading part (if there is a
/// NUL) and the rest: how targets that take two documents read them.
pub fn parts(data: &[u8]) -> (Option<String>, String) {
    let text = String::from_utf8_lossy(data);
    match text.split_once('\u{0}') {
        Some((first, rest)) => (Some(first.to_owned()), rest.to_owned()),
        None => (None, text.into_owned()),
    }
}

/// An assessment date that depends on every byte of the input: up to 450 days after the
/// scheme starts, so most dates are inside a year's scheme and some are after it.
pub fn date_for(scheme: &Scheme, data: &[u8]) -> Date {
    let hash = data
        .iter()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(*b)));
    let days = scheme.applies_from.days_since_epoch() + i64::from(hash % 450);
    Date::from_days_since_epoch(days).unwrap_or(scheme.applies_from)
}
