//! `waymark check` and `waymark schema`.

use crate::files;
use crate::Failure;
use std::path::Path;

/// `waymark check`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// Scheme files and test-case files (`*.tests.json`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
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
}

/// Checks scheme files (and any test-case files named); every problem is listed.
pub fn run(options: &Options) -> Result<(), Failure> {
    let mut problems = Vec::new();
    for path in &options.files {
        let outcome = if files::is_case_file(path) {
            files::cases(Path::new(path)).map(|c| format!("{} test cases", c.cases.len()))
        } else {
            files::scheme(path).map(|s| format!("{} version {}", s.id, s.version))
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

/// Prints the JSON Schema for one kind of document.
pub fn schema(kind: SchemaKind) -> Result<(), Failure> {
    let schema = match kind {
        SchemaKind::Scheme => waymark_engine::scheme_json_schema(),
        SchemaKind::Cases => waymark_engine::cases_json_schema(),
        SchemaKind::Plan => waymark_engine::plan_json_schema(),
        SchemaKind::Submission => waymark_engine::submission_json_schema(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}
