//! `waymark impact`: what a new version of a scheme would do to every case's budget.
//!
//! Every case is worked out under both versions; one CSV row per case gives the old and new
//! amounts, the difference and the steps where the change started (see `waymark_engine::compare`). The
//! summary keeps only counts, a histogram and the ten largest losses, so memory does not
//! grow with the caseload; it becomes a self-contained HTML report beside the CSV.

use crate::args::{date, date_or_today, threads};
use crate::batch::{in_force, known_columns, work_out, yes_no};
use crate::csv::{self, Cell::Figure, Cell::Text};
use crate::files;
use crate::impact_report;
use crate::impact_summary::{Amounts, Case, Summary};
use crate::output::{BadRows, Output};
use crate::pipeline;
use crate::progress::Progress;
use crate::rows::{Layout, Reader, Row};
use crate::Failure;
use std::borrow::Cow;
use std::path::Path;
use waymark_engine::compare::Versions;
use waymark_engine::estimate::{estimate_checked, figures_checked};
use waymark_engine::{Answers, Date, Issue, Scheme};
use waymark_words::Catalogue;

/// The CSV's header.
pub const CSV_HEADER: &str = "id,line,old_eligible,old_annual,old_weekly,new_eligible,new_annual,new_weekly,difference,percent,changed_by,problem\n";

/// One version of a scheme, and the date it is worked out for.
pub struct Version {
    /// The scheme file's path, as given.
    pub path: String,
    /// The scheme.
    pub scheme: Scheme,
    /// The assessment date.
    pub date: Date,
}

/// `waymark impact`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The caseload: JSON Lines, or CSV with an `id` column and one per question.
    pub cases: String,
    /// The version in use now.
    #[arg(long, value_name = "OLD_SCHEME")]
    pub from: String,
    /// The version proposed.
    #[arg(long, value_name = "NEW_SCHEME")]
    pub to: String,
    /// The assessment date for both [default: today].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// The assessment date under the old version [default: --date].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD")]
    pub from_date: Option<Date>,
    /// The assessment date under the new version [default: --date].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD")]
    pub to_date: Option<Date>,
    /// The folder for impact.csv and impact.html.
    #[arg(long, default_value = "impact", value_name = "DIR")]
    pub out: String,
    /// Threads to work on [default: every core].
    #[arg(long, value_parser = threads, value_name = "N")]
    pub threads: Option<usize>,
}

/// Compares every case of a caseload under two versions of a scheme.
pub fn run(options: &Options) -> Result<(), Failure> {
    let cases_path = &options.cases;
    let version = |path: &str, date: Option<Date>, option: &str| -> Result<Version, Failure> {
        let date = date_or_today(date.or(options.date))?;
        let scheme = files::scheme(path)?;
        in_force(&scheme, path, date, option)?;
        Ok(Version {
            path: path.to_owned(),
            scheme,
            date,
        })
    };
    let old = version(&options.from, options.from_date, "--from-date")?;
    let new = version(&options.to, options.to_date, "--to-date")?;
    files::same_currency(&old.scheme, &old.path, &new.scheme, &new.path)?;
    let threads = pipeline::threads(options.threads);
    let dir = options.out.as_str();
    std::fs::create_dir_all(dir).map_err(|e| Failure::bad(format!("{dir}: cannot create: {e}")))?;
    let csv_path = Path::new(dir).join("impact.csv").display().to_string();
    let html_path = Path::new(dir).join("impact.html").display().to_string();
    let (mut reader, layout) =
        Reader::open(cases_path, &|id| yes_no(&[&old.scheme, &new.scheme], id))?;
    known_columns(&reader, &layout, &[&old.scheme, &new.scheme])?;
    let mut out = Output::create(Some(&csv_path))?;
    out.write(CSV_HEADER)?;
    let mut progress = Progress::start("impact", reader.bytes().1);
    let mut summary = Summary::default();
    let mut bad = BadRows::new(reader.name());
    let versions = Versions::new(&old.scheme, &new.scheme);
    let words = crate::words::staff()?;
    let work = |row: &Row| compare(&words, &old, &new, &versions, &layout, row);
    let total = pipeline::run(&mut reader, threads, &mut progress, work, |case: Case| {
        if !case.problems.is_empty() {
            let issues: Vec<Issue> = case.problems.iter().map(|(_, i)| i.clone()).collect();
            bad.add(case.line, &issues);
        }
        out.write(&case.csv)?;
        summary.add(case);
        Ok(())
    })?;
    out.finish()?;
    let report = impact_report::html(&words, &old, &new, reader.name(), &summary);
    std::fs::write(&html_path, report)
        .map_err(|e| Failure::bad(format!("{html_path}: cannot write: {e}")))?;
    eprintln!("{}", progress.finish(total, threads));
    println!("{}", summary.headline());
    println!("wrote {csv_path} and {html_path}");
    bad.outcome(total, &csv_path)
}

/// One case under both versions: the figures alone, and the explanations too when the
/// amounts differ, to name the steps where the change started.
fn compare(
    words: &Catalogue,
    old: &Version,
    new: &Version,
    versions: &Versions,
    layout: &Layout,
    row: &Row,
) -> Case {
    let case = layout.case(row);
    let answers = |this: &Version, other: &Version| match &case {
        Ok(case) => Ok(asked(&case.answers, &this.scheme, &other.scheme)),
        Err(bad) => Err(bad.issues.clone()),
    };
    let figures = |this: &Version, other: &Version| {
        answers(this, other)
            .and_then(|a| work_out(&this.scheme, this.date, layout, &a, figures_checked))
    };
    let (before, after) = (figures(old, new), figures(new, old));
    let changed_by: Vec<String> = match (&before, &after) {
        (Ok(a), Ok(b)) if a != b => {
            let explained = |this: &Version, other: &Version| {
                answers(this, other)
                    .and_then(|a| work_out(&this.scheme, this.date, layout, &a, estimate_checked))
            };
            match (explained(old, new), explained(new, old)) {
                (Ok(a), Ok(b)) => versions
                    .changed_by(&a.explanation, &b.explanation)
                    .iter()
                    .map(|s| waymark_words::explain::label(words, &new.scheme, &s.id))
                    .collect(),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    };
    let id = match &case {
        Ok(case) => case.id.clone(),
        Err(bad) => bad.id.clone(),
    };
    let problems = problems(&old.scheme.version, &new.scheme.version, &before, &after);
    let before = before.ok().map(|e| Amounts::of(&e));
    let after = after.ok().map(|e| Amounts::of(&e));
    let case = Case {
        id,
        line: row.line,
        before,
        after,
        changed_by,
        problems,
        csv: String::new(),
    };
    Case {
        csv: csv_row(&case),
        ..case
    }
}

/// The answers a version asks about: answers to questions that only the other version
/// asks are left out, so a caseload can hold answers for both. Answers to questions that
/// neither asks are kept, to be reported.
fn asked<'a>(answers: &'a Answers, this: &Scheme, other: &Scheme) -> Cow<'a, Answers> {
    let elsewhere = |id: &String| this.question(id).is_none() && other.question(id).is_some();
    if !answers.0.keys().any(elsewhere) {
        return Cow::Borrowed(answers);
    }
    let kept = answers.0.iter().filter(|(id, _)| !elsewhere(id));
    Cow::Owned(Answers(kept.map(|(k, v)| (k.clone(), v.clone())).collect()))
}

/// A case's problems under either version, each with the versions it was found under;
/// the message of one found under only one version says which.
fn problems<T>(
    old: &str,
    new: &str,
    before: &Result<T, Vec<Issue>>,
    after: &Result<T, Vec<Issue>>,
) -> Vec<(String, Issue)> {
    let tagged = |issues: &[Issue], version: &str| -> Vec<(String, Issue)> {
        issues
            .iter()
            .map(|i| {
                let message = format!("{} (version {version})", i.message);
                (
                    version.to_owned(),
                    Issue::new(&i.code, i.path.clone(), message),
                )
            })
            .collect()
    };
    match (before, after) {
        (Err(a), Err(b)) if a == b => a.iter().map(|i| ("both".to_owned(), i.clone())).collect(),
        (Err(a), Err(b)) => [tagged(a, old), tagged(b, new)].concat(),
        (Err(a), Ok(_)) => tagged(a, old),
        (Ok(_), Err(b)) => tagged(b, new),
        (Ok(_), Ok(_)) => Vec::new(),
    }
}

/// The CSV row for a case.
fn csv_row(case: &Case) -> String {
    let side = |a: &Option<Amounts>| match a {
        Some(a) if a.conversation => ["conversation".to_owned(), String::new(), String::new()],
        Some(a) => [
            if a.eligible { "yes" } else { "no" }.to_owned(),
            a.annual.to_string(),
            a.weekly.map(|w| w.to_string()).unwrap_or_default(),
        ],
        None => Default::default(),
    };
    let [oe, oa, ow] = side(&case.before);
    let [ne, na, nw] = side(&case.after);
    let difference = case.difference().map(|d| d.to_string()).unwrap_or_default();
    let percent = case.percent().map(|p| p.to_string()).unwrap_or_default();
    let problem: Vec<String> = case.problems.iter().map(|(_, i)| i.to_string()).collect();
    csv::record(&[
        Text(&case.id),
        Figure(&case.line.to_string()),
        Figure(&oe),
        Figure(&oa),
        Figure(&ow),
        Figure(&ne),
        Figure(&na),
        Figure(&nw),
        Figure(&difference),
        Figure(&percent),
        Text(&case.changed_by.join("; ")),
        Text(&problem.join("; ")),
    ])
}
