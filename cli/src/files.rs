//! Reading schemes, answers and case files, with every problem located by file and path.

use crate::Failure;
use std::io::Read;
use std::path::{Path, PathBuf};
use waymark_engine::cases::CaseFile;
use waymark_engine::{Answers, Issue, Scheme};

/// Reads a file, or standard input for `-`.
pub fn read(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::bad(format!("stdin: cannot read: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| Failure::bad(format!("{path}: cannot read: {e}")))
}

/// One line per issue, naming the file (`stdin` for `-`).
pub fn located(file: &str, issues: &[Issue]) -> Vec<String> {
    let file = if file == "-" { "stdin" } else { file };
    issues.iter().map(|i| format!("{file}: {i}")).collect()
}

/// Reads and checks a scheme.
pub fn scheme(path: &str) -> Result<Scheme, Failure> {
    Scheme::from_json(&read(path)?).map_err(|issues| Failure::Bad(located(path, &issues)))
}

/// Reads answers.
pub fn answers(path: &str) -> Result<Answers, Failure> {
    Answers::from_json(&read(path)?).map_err(|issues| Failure::Bad(located(path, &issues)))
}

/// Reads a case file.
pub fn cases(path: &Path) -> Result<CaseFile, Failure> {
    let name = path.display().to_string();
    CaseFile::from_json(&read(&name)?).map_err(|issue| Failure::Bad(located(&name, &[issue])))
}

/// Whether a path names a test-case file rather than a scheme.
pub fn is_case_file(path: &str) -> bool {
    path.ends_with(".tests.json")
}

/// The test-case file beside a scheme: `x.json` has `x.tests.json`.
pub fn case_file_for(scheme: &str) -> PathBuf {
    let path = Path::new(scheme);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.tests.json"))
}

/// The scheme a case file names, relative to the case file.
pub fn scheme_for(case_path: &Path, file: &CaseFile) -> PathBuf {
    case_path
        .parent()
        .unwrap_or(Path::new(""))
        .join(&file.scheme)
}
