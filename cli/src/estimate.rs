//! `waymark estimate`: one estimate, as JSON or as the text a person reads.

use crate::args::{date_or_today, Reading};
use crate::files;
use crate::Failure;
use waymark_engine::{estimate, what_would_change};

/// `waymark estimate`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme file.
    pub scheme: String,
    /// The answers file, or - for standard input.
    pub answers: String,
    #[command(flatten)]
    pub reading: Reading,
}

/// Prints the estimate for a scheme and answers.
pub fn run(options: &Options) -> Result<(), Failure> {
    let (scheme_path, answers_path) = (&options.scheme, &options.answers);
    let date = date_or_today(options.reading.date)?;
    let scheme = files::scheme(scheme_path)?;
    let answers = files::answers(answers_path)?;
    let words = if options.reading.wants_text() {
        Some(crate::words::for_person(
            options.reading.lang.as_deref(),
            &scheme,
        )?)
    } else {
        None
    };
    let result = estimate(&scheme, &answers, date).map_err(|issues| {
        Failure::Bad(files::estimate_issues(scheme_path, answers_path, &issues))
    })?;
    if let Some(words) = words {
        crate::output::print_text(&waymark_words::report::estimate(&words, &scheme, &result));
        return Ok(());
    }
    let changes = what_would_change(&scheme, &answers, date, &result);
    let mut value = serde_json::to_value(&result).map_err(|e| Failure::bad(e.to_string()))?;
    if let Some(map) = value.as_object_mut() {
        let changes = serde_json::to_value(changes).map_err(|e| Failure::bad(e.to_string()))?;
        map.insert("what_would_change".into(), changes);
    }
    let text = serde_json::to_string_pretty(&value).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}
