//! The largest inputs the engine reads. Every document is refused before it is parsed when
//! its text is longer than its limit, and a plan with more goals or supports than a person's
//! plan could need is refused before it is costed, so no input can hold a core for long.
//! Callers that read files (the CLI, the receiver) read at most the limit and one byte more.

use crate::issue::Issue;

/// The longest scheme file: the largest example is under 100 KB.
pub const SCHEME_BYTES: usize = 4 * 1024 * 1024;

/// The longest answers document.
pub const ANSWERS_BYTES: usize = 256 * 1024;

/// The longest plan document.
pub const PLAN_BYTES: usize = 1024 * 1024;

/// The longest submission: answers, an explained estimate and a plan with its report.
pub const SUBMISSION_BYTES: usize = 4 * 1024 * 1024;

/// The longest review: a plan and what the person said about each goal.
pub const REVIEW_BYTES: usize = 2 * 1024 * 1024;

/// The longest text a person may write for one part of a review, in characters.
pub const REVIEW_TEXT_CHARS: usize = 4000;

/// The longest test-case file.
pub const CASES_BYTES: usize = 16 * 1024 * 1024;

/// The longest community directory: 5,000 entries take about 2 MiB.
pub const DIRECTORY_BYTES: usize = 16 * 1024 * 1024;

/// The most goals a plan may have.
pub const PLAN_GOALS: usize = 200;

/// The most supports a plan may have.
pub const PLAN_SUPPORTS: usize = 500;

/// The longest reason a practitioner may give for an adjustment, in characters.
pub const REASON_CHARS: usize = 2000;

/// Refuses `text` when it is longer than `limit` bytes, naming what it is.
pub fn within(text: &str, limit: usize, what: &str) -> Result<(), Issue> {
    if text.len() <= limit {
        return Ok(());
    }
    Err(Issue::new(
        "too_large",
        "",
        format!(
            "this {what} is {} bytes long, and the most a {what} may be is {} bytes",
            text.len(),
            limit
        ),
    ))
}
