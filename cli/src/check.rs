//! `waymark check` and `waymark schema`.

use crate::files;
use crate::Failure;
use std::path::Path;
use waymark_engine::fairness::{self, Monotonic, NotMonotonic};
use waymark_engine::Scheme;

/// `waymark check`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// Scheme files, test-case files (`*.tests.json`) and community directories
    /// (`*.directory.json`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// The scheme a directory's plan categories and life areas are checked against.
    #[arg(long, value_name = "SCHEME")]
    pub scheme: Option<String>,
    /// How many combinations of answers to sample when more points lowering the amount can
    /// be neither proved impossible nor searched for in every combination.
    #[arg(long, default_value_t = 2000, value_name = "N")]
    pub samples: u64,
    /// The seed the samples are drawn from: the same seed draws the same samples.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
}

/// Which JSON Schema `waymark schema` prints.
#[derive(Clone, Copy, Default, clap::ValueEnum)]
pub enum SchemaKind {
    /// Scheme files.
    #[default]
    Scheme,
    /// Test-case files.
    Cases,
    /// Recovery support plans.
    Plan,
    /// Submissions.
    Submission,
    /// Reviews of a plan.
    Review,
    /// Community directories.
    Directory,
}

/// Checks scheme files (and any test-case files named); every problem is listed.
pub fn run(options: &Options) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let scheme = options.scheme.as_deref().map(files::scheme).transpose()?;
    for path in &options.files {
        let outcome = if files::is_directory_file(path) {
            files::directory(path, scheme.as_ref()).map(|d| {
                let whole = if d.source.complete {
                    ""
                } else {
                    ", not the whole feed"
                };
                format!("{} services{whole}", d.entries.len())
            })
        } else if files::is_case_file(path) {
            files::cases(Path::new(path)).map(|c| format!("{} test cases", c.cases.len()))
        } else {
            files::scheme(path).and_then(|s| {
                let fair = match fairness::monotonicity(&s, options.samples, options.seed) {
                    Ok(Monotonic::Proved) => "proved".to_owned(),
                    Ok(Monotonic::Checked {
                        combinations,
                        every: true,
                    }) => format!("checked on all {combinations} combinations"),
                    Ok(Monotonic::Checked {
                        combinations,
                        every: false,
                    }) => format!("checked on {combinations} sampled combinations"),
                    Err(found) => return Err(Failure::bad(not_monotonic(path, &s, &found))),
                };
                Ok(format!(
                    "{} version {}; more points never lower the amount: {fair}",
                    s.id, s.version
                ))
            })
        };
        match outcome {
            Ok(what) => println!("ok {path}: {what}"),
            Err(Failure::Bad(lines)) => problems.extend(lines),
            Err(Failure::Failed) => return Err(Failure::Failed),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Bad(problems))
    }
}

/// A counterexample, located at the question.
fn not_monotonic(path: &str, scheme: &Scheme, found: &NotMonotonic) -> String {
    let place = scheme.sections.iter().enumerate().find_map(|(s, section)| {
        let q = section
            .questions
            .iter()
            .position(|q| q.id == found.question)?;
        Some(format!("/sections/{s}/questions/{q}"))
    });
    let json = |a: &waymark_engine::Answers| serde_json::to_string(a).unwrap_or_default();
    format!(
        "{path}: {}: more points for {:?} can lower the amount: on {}, the answers {} give {} and the answers {} give {} [not_monotonic]",
        place.unwrap_or_default(),
        found.question,
        found.date,
        json(&found.fewer),
        found.fewer_amount,
        json(&found.more),
        found.more_amount
    )
}

/// Prints the JSON Schema for one kind of document.
pub fn schema(kind: SchemaKind) -> Result<(), Failure> {
    let schema = match kind {
        SchemaKind::Scheme => waymark_engine::scheme_json_schema(),
        SchemaKind::Cases => waymark_engine::cases_json_schema(),
        SchemaKind::Plan => waymark_engine::plan_json_schema(),
        SchemaKind::Submission => waymark_engine::submission_json_schema(),
        SchemaKind::Review => waymark_engine::review_json_schema(),
        SchemaKind::Directory => waymark_engine::directory_json_schema(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}
