//! `waymark batch`: an estimate for every case in a caseload, written as it goes.
//!
//! Each output row is the case's id with `eligible`, `annual` and `weekly`, or the
//! problems that stopped its estimate, with the line it was read from. A bad row never
//! stops the rest; if there were any, the command lists them and exits 2 at the end.

use crate::args::{date, date_or_today, threads};
use crate::csv::{self, Cell::Figure, Cell::Text};
use crate::files;
use crate::output::{BadRows, Output};
use crate::pipeline;
use crate::progress::Progress;
use crate::rows::{BadRow, Layout, Reader, Row};
use crate::Failure;
use waymark_engine::answers::{self, Checked};
use waymark_engine::estimate::figures_checked;
use waymark_engine::scheme::AnswerKind;
use waymark_engine::{Answers, Date, Figures, Issue, Scheme};

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    #[value(name = "jsonl")]
    JsonLines,
    /// Comma-separated values with a header.
    Csv,
}

/// `waymark batch`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme file.
    pub scheme: String,
    /// The caseload: JSON Lines, or CSV with an `id` column and one per question.
    pub cases: String,
    /// The assessment date [default: today].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Where to write [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
    /// What to write [default: csv when --out ends in .csv, otherwise jsonl].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Threads to work on [default: every core].
    #[arg(long, value_parser = threads, value_name = "N")]
    pub threads: Option<usize>,
}

/// The CSV output's header.
const CSV_HEADER: &str = "id,eligible,annual,weekly,problem\n";

/// Estimates every case of a caseload.
pub fn run(options: &Options) -> Result<(), Failure> {
    let scheme_path = &options.scheme;
    let scheme = files::scheme(scheme_path)?;
    let date = date_or_today(options.date)?;
    in_force(&scheme, scheme_path, date, "--date")?;
    let threads = pipeline::threads(options.threads);
    let format = format(options.format, options.out.as_deref());
    let (mut reader, layout) = Reader::open(&options.cases, &|id| yes_no(&[&scheme], id))?;
    known_columns(&reader, &layout, &[&scheme])?;
    let mut out = Output::create(options.out.as_deref())?;
    if format == Format::Csv {
        out.write(CSV_HEADER)?;
    }
    let mut progress = Progress::start("batch", reader.bytes().1);
    let mut bad = BadRows::new(reader.name());
    let work = |row: &Row| {
        let outcome = layout.given(&scheme, row).and_then(|case| {
            let checked = answers::check_given(&scheme, &case.answers);
            match located(&layout, figures_checked(&scheme, &checked, date), checked) {
                Ok(e) => Ok((case.id, e)),
                Err(issues) => Err(BadRow {
                    id: case.id,
                    issues,
                }),
            }
        });
        match outcome {
            Ok((id, e)) => (estimated(format, &id, &e), None),
            Err(b) => (
                problem(format, &b.id, row.line, &b.issues),
                Some((row.line, b.issues)),
            ),
        }
    };
    let total = pipeline::run(
        &mut reader,
        threads,
        &mut progress,
        work,
        |(text, bad_row)| {
            if let Some((line, issues)) = bad_row {
                bad.add(line, &issues);
            }
            out.write(&text)
        },
    )?;
    out.finish()?;
    eprintln!("{}", progress.finish(total, threads));
    bad.outcome(total, options.out.as_deref().unwrap_or("the output"))
}

/// Checks one case's answers and works them out with `how` (the figures alone, or the
/// explained estimate); answer problems come back with JSON Pointers into the row, and
/// scheme problems (like an amount too large to work out) with the scheme's path in the
/// message.
pub fn work_out<T>(
    scheme: &Scheme,
    date: Date,
    layout: &Layout,
    answers: &Answers,
    how: fn(&Scheme, &Checked, Date) -> Result<T, Vec<Issue>>,
) -> Result<T, Vec<Issue>> {
    let checked = answers::check(scheme, answers);
    let outcome = how(scheme, &checked, date);
    located(layout, outcome, checked)
}

/// An outcome's problems located for the row: answer problems with JSON Pointers into it,
/// and scheme problems with the scheme's path in the message.
fn located<T>(
    layout: &Layout,
    outcome: Result<T, Vec<Issue>>,
    checked: Checked,
) -> Result<T, Vec<Issue>> {
    if !checked.errors.is_empty() {
        let prefix = layout.answers_path();
        return Err(checked
            .errors
            .into_iter()
            .map(|i| Issue {
                path: format!("{prefix}{}", i.path),
                ..i
            })
            .collect());
    }
    outcome.map_err(|issues| {
        issues
            .into_iter()
            .map(|i| Issue::new(&i.code, "", format!("{} (scheme {})", i.message, i.path)))
            .collect()
    })
}

/// Fails unless the scheme applies on the date.
pub fn in_force(scheme: &Scheme, path: &str, date: Date, option: &str) -> Result<(), Failure> {
    if scheme.applies_on(date) {
        return Ok(());
    }
    let until = scheme
        .applies_to
        .map_or(String::new(), |d| format!(" to {d}"));
    Err(Failure::bad(format!(
        "{path}: version {} applies from {}{until}, not on {date}: give {option} YYYY-MM-DD",
        scheme.version, scheme.applies_from
    )))
}

/// Whether a question of any of the schemes takes yes or no.
pub fn yes_no(schemes: &[&Scheme], id: &str) -> bool {
    schemes.iter().any(|s| {
        matches!(
            s.question(id).map(|q| &q.answer),
            Some(AnswerKind::YesNo(_))
        )
    })
}

/// Fails if a CSV column is neither `id` nor a question of one of the schemes.
pub fn known_columns(reader: &Reader, layout: &Layout, schemes: &[&Scheme]) -> Result<(), Failure> {
    let unknown: Vec<String> = layout
        .columns()
        .iter()
        .filter(|c| c.name != "id" && schemes.iter().all(|s| s.question(&c.name).is_none()))
        .map(|c| {
            format!(
                "{}:1: column {:?} is not a question of the scheme",
                reader.name(),
                c.name
            )
        })
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Failure::Bad(unknown))
    }
}

/// The output format: `--format`, or from `--out`'s extension, or JSON Lines.
fn format(option: Option<Format>, out: Option<&str>) -> Format {
    match option {
        Some(format) => format,
        None if out.is_some_and(|o| o.to_ascii_lowercase().ends_with(".csv")) => Format::Csv,
        None => Format::JsonLines,
    }
}

/// Writes `text` as a JSON string: quoted as it is when nothing in it needs escaping, as
/// case ids seldom do.
fn push_json_string(out: &mut String, text: &str) {
    if text.bytes().all(|b| b != b'"' && b != b'\\' && b >= 0x20) {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&serde_json::Value::from(text).to_string());
    }
}

/// The output row for an estimate.
fn estimated(format: Format, id: &str, e: &Figures) -> String {
    use std::fmt::Write;
    match format {
        Format::JsonLines => {
            // Written piece by piece into one string: this is the hot path of a caseload.
            let mut out = String::with_capacity(id.len() + 72);
            out.push_str("{\"id\":");
            push_json_string(&mut out, id);
            if e.conversation {
                out.push_str(
                    ",\"eligible\":true,\"conversation\":true,\"annual\":null,\"weekly\":null}\n",
                );
                return out;
            }
            out.push_str(if e.eligible {
                ",\"eligible\":true,\"annual\":\""
            } else {
                ",\"eligible\":false,\"annual\":\""
            });
            let _ = write!(out, "{}", e.annual);
            match e.weekly {
                Some(w) => {
                    let _ = writeln!(out, "\",\"weekly\":\"{w}\"}}");
                }
                None => out.push_str("\",\"weekly\":null}\n"),
            }
            out
        }
        Format::Csv => {
            if e.conversation {
                return csv::record(&[
                    Text(id),
                    Figure("conversation"),
                    Figure(""),
                    Figure(""),
                    Figure(""),
                ]);
            }
            let weekly = e.weekly.map(|w| w.to_string());
            csv::record(&[
                Text(id),
                Figure(if e.eligible { "yes" } else { "no" }),
                Figure(&e.annual.to_string()),
                Figure(weekly.as_deref().unwrap_or("")),
                Figure(""),
            ])
        }
    }
}

/// The output row for a case that could not be worked out.
fn problem(format: Format, id: &str, line: u64, issues: &[Issue]) -> String {
    match format {
        Format::JsonLines => {
            let value = serde_json::json!({"id": id, "line": line, "problems": issues});
            format!("{value}\n")
        }
        Format::Csv => {
            let text: Vec<String> = issues.iter().map(Issue::to_string).collect();
            let problem = format!("line {line}: {}", text.join("; "));
            csv::record(&[Text(id), Figure(""), Figure(""), Figure(""), Text(&problem)])
        }
    }
}
