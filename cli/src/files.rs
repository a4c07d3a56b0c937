//! Reading schemes, answers and case files, with every problem located by file and path.

use crate::Failure;
use std::io::Read;
use std::path::{Path, PathBuf};
use waymark_engine::cases::CaseFile;
use waymark_engine::directory::Directory;
use waymark_engine::{limits, Answers, Issue, Scheme};

/// Reads a text file, or standard input for `-`, of at most `limit` bytes: only that much
/// and one byte more is read, so an endless input is refused at once. The text must be
/// UTF-8 (a leading byte order mark is skipped); anything else is refused naming the line,
/// column and byte where it goes wrong.
pub fn read(path: &str, limit: usize) -> Result<String, Failure> {
    let name = display_name(path);
    let cannot = |e: std::io::Error| Failure::bad(format!("{name}: cannot read: {e}"));
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(cannot)?)
    };
    let mut bytes = Vec::new();
    source
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(Failure::bad(format!(
            "{name}: larger than {limit} bytes, the most this file may be"
        )));
    }
    text(bytes).map_err(|problem| Failure::bad(format!("{name}: {problem}")))
}

/// The bytes as UTF-8 text without a byte order mark, or where and why they are not.
pub fn text(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("this file is UTF-16 (its first two bytes say so): save it as UTF-8".into());
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        format!(
            "not UTF-8 text: line {line}, column {column} (byte {}) is not a character; save the file as UTF-8",
            good.len()
        )
    })
}

/// How a file is named in messages: `stdin` for `-`.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        "stdin"
    } else {
        path
    }
}

/// One line per issue, naming the file (`stdin` for `-`).
pub fn located(file: &str, issues: &[Issue]) -> Vec<String> {
    let file = display_name(file);
    issues.iter().map(|i| format!("{file}: {i}")).collect()
}

/// The problems met working out an estimate, each under the file it is in: a step that
/// cannot be worked out for these answers, or a date the scheme does not cover, is the
/// scheme's; anything else the answers'.
pub fn estimate_issues(scheme: &str, answers: &str, issues: &[Issue]) -> Vec<String> {
    let file = |i: &Issue| if i.in_scheme() { scheme } else { answers };
    issues
        .iter()
        .flat_map(|i| located(file(i), std::slice::from_ref(i)))
        .collect()
}

/// Reads and checks a scheme.
pub fn scheme(path: &str) -> Result<Scheme, Failure> {
    Scheme::from_json(&read(path, limits::SCHEME_BYTES)?)
        .map_err(|issues| Failure::Bad(located(path, &issues)))
}

/// Reads answers.
pub fn answers(path: &str) -> Result<Answers, Failure> {
    Answers::from_json(&read(path, limits::ANSWERS_BYTES)?)
        .map_err(|issues| Failure::Bad(located(path, &issues)))
}

/// Reads a case file.
pub fn cases(path: &Path) -> Result<CaseFile, Failure> {
    let name = path.display().to_string();
    CaseFile::from_json(&read(&name, limits::CASES_BYTES)?)
        .map_err(|issue| Failure::Bad(located(&name, &[issue])))
}

/// Refuses two versions of a scheme whose amounts are in different currencies: there is
/// no difference between them to work out.
pub fn same_currency(
    old: &Scheme,
    old_path: &str,
    new: &Scheme,
    new_path: &str,
) -> Result<(), Failure> {
    if old.currency == new.currency {
        return Ok(());
    }
    Err(Failure::bad(format!(
        "{}: its amounts are in {}, and those of {} in {}: amounts in two currencies cannot be compared",
        display_name(old_path),
        old.currency.code(),
        display_name(new_path),
        new.currency.code()
    )))
}

/// Reads a community directory, checked against the scheme when one is given.
pub fn directory(path: &str, scheme: Option<&Scheme>) -> Result<Directory, Failure> {
    Directory::from_json(&read(path, limits::DIRECTORY_BYTES)?, scheme)
        .map_err(|issues| Failure::Bad(located(path, &issues)))
}

/// Whether a path names a community directory.
pub fn is_directory_file(path: &str) -> bool {
    path.ends_with(".directory.json")
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
