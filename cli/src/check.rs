//! `waymark check` and `waymark schema`.

use crate::files;
use crate::Failure;
use std::path::Path;

/// Checks scheme files (and any test-case files named); every problem is listed.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    if argv.is_empty() {
        return Err(Failure::bad("check needs at least one scheme file"));
    }
    let mut problems = Vec::new();
    for path in argv {
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

/// Prints the JSON Schema for scheme files (the default) or test-case files.
pub fn schema(argv: &[String]) -> Result<(), Failure> {
    let schema = match argv.first().map(String::as_str) {
        None | Some("scheme") => waymark_engine::scheme_json_schema(),
        Some("cases") => waymark_engine::cases_json_schema(),
        Some("plan") => waymark_engine::plan_json_schema(),
        Some("submission") => waymark_engine::submission_json_schema(),
        Some(other) => {
            return Err(Failure::bad(format!(
                "no schema called {other:?}: use scheme, cases, plan or submission"
            )))
        }
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}
