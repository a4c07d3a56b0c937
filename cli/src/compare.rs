//! `waymark compare`: a new estimate beside the last one for one person, as a council
//! writes a reassessment letter: both amounts, the difference, every answer that changed
//! and the steps where each change in money started.

use crate::args::{date, date_or_today, Format};
use crate::files;
use crate::Failure;
use waymark_engine::compare::{compare, Side};
use waymark_engine::{estimate, Date};
use waymark_words::compare::Given;

/// `waymark compare`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme file the new estimate is worked out with.
    pub scheme: String,
    /// The answers of the last assessment, or - for standard input.
    pub before: String,
    /// The answers of the new assessment.
    pub after: String,
    /// The assessment date for both [default: today].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD", conflicts_with_all = ["before_date", "after_date"])]
    pub date: Option<Date>,
    /// The date of the last assessment.
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD", requires = "after_date")]
    pub before_date: Option<Date>,
    /// The date of the new assessment.
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD", requires = "before_date")]
    pub after_date: Option<Date>,
    /// The scheme version the last assessment was worked out with [default: SCHEME].
    #[arg(long, value_name = "OLD_SCHEME")]
    pub before_scheme: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// The language of the text [default: the new scheme's first].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// Prints the comparison as JSON or as the text a person reads.
pub fn run(options: &Options) -> Result<(), Failure> {
    if options.before == "-" && options.after == "-" {
        return Err(Failure::bad(
            "only one of the answers files can be standard input",
        ));
    }
    let after_scheme = files::scheme(&options.scheme)?;
    let before_path = options.before_scheme.as_deref().unwrap_or(&options.scheme);
    let before_scheme = match &options.before_scheme {
        Some(path) => files::scheme(path)?,
        None => after_scheme.clone(),
    };
    files::same_currency(&before_scheme, before_path, &after_scheme, &options.scheme)?;
    let before_answers = files::answers(&options.before)?;
    let after_answers = files::answers(&options.after)?;
    let (before_date, after_date) = match (options.before_date, options.after_date) {
        (Some(b), Some(a)) => (b, a),
        _ => {
            let d = date_or_today(options.date)?;
            (d, d)
        }
    };
    let words = match options.format {
        Format::Text => Some(crate::words::for_person(
            options.lang.as_deref(),
            &after_scheme,
        )?),
        Format::Json => None,
    };
    let before = estimate(&before_scheme, &before_answers, before_date);
    let after = estimate(&after_scheme, &after_answers, after_date);
    let (before, after) = match (before, after) {
        (Ok(b), Ok(a)) => (b, a),
        (b, a) => {
            let mut lines = Vec::new();
            if let Err(issues) = b {
                lines.extend(files::estimate_issues(
                    before_path,
                    &options.before,
                    &issues,
                ));
            }
            if let Err(issues) = a {
                lines.extend(files::estimate_issues(
                    &options.scheme,
                    &options.after,
                    &issues,
                ));
            }
            return Err(Failure::Bad(lines));
        }
    };
    let side = |scheme, answers, estimate| Side {
        scheme,
        answers,
        estimate,
    };
    let comparison = compare(
        side(&before_scheme, &before_answers, &before),
        side(&after_scheme, &after_answers, &after),
    );
    if let Some(words) = words {
        let given = Given {
            before: &before_scheme,
            before_answers: &before_answers,
            after: &after_scheme,
            after_answers: &after_answers,
        };
        let text = waymark_words::compare::comparison(&words, given, &comparison);
        crate::output::print_text(&text);
        return Ok(());
    }
    let text =
        serde_json::to_string_pretty(&comparison).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}
