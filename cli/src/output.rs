//! Where `batch` and `impact` write, and how they report rows that could not be worked out.

use crate::Failure;
use std::fs::File;
use std::io::{BufWriter, Write};
use waymark_engine::Issue;

/// How many problem rows are listed on standard error before the rest are only counted.
const LISTED: usize = 20;

/// A buffered output: a file, or standard output.
pub struct Output {
    name: String,
    out: BufWriter<Box<dyn Write>>,
}

impl Output {
    /// Creates `path`, or writes to standard output when there is none (or it is `-`).
    pub fn create(path: Option<&str>) -> Result<Output, Failure> {
        let (name, out): (String, Box<dyn Write>) = match path {
            None | Some("-") => ("standard output".into(), Box::new(std::io::stdout())),
            Some(path) => {
                let file = File::create(path)
                    .map_err(|e| Failure::bad(format!("{path}: cannot create: {e}")))?;
                (path.to_owned(), Box::new(file))
            }
        };
        Ok(Output {
            name,
            out: BufWriter::with_capacity(1 << 16, out),
        })
    }

    /// Writes text.
    pub fn write(&mut self, text: &str) -> Result<(), Failure> {
        self.out
            .write_all(text.as_bytes())
            .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", self.name)))
    }

    /// Writes what is buffered.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.out
            .flush()
            .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", self.name)))
    }
}

/// Rows that could not be worked out: the first few as lines naming the file and line,
/// and a count of all of them.
pub struct BadRows {
    file: String,
    lines: Vec<String>,
    rows: u64,
}

impl BadRows {
    /// Nothing wrong yet in `file`.
    pub fn new(file: &str) -> BadRows {
        BadRows {
            file: file.to_owned(),
            lines: Vec::new(),
            rows: 0,
        }
    }

    /// Records a row's problems.
    pub fn add(&mut self, line: u64, issues: &[Issue]) {
        self.rows += 1;
        for issue in issues {
            if self.lines.len() < LISTED {
                self.lines.push(format!("{}:{line}: {issue}", self.file));
            }
        }
    }

    /// `Ok` if every row was worked out; otherwise the lines to print, ending with a count.
    pub fn outcome(self, total: u64, whole: &str) -> Result<(), Failure> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut lines = self.lines;
        let listed = if lines.len() == LISTED {
            " (the first are listed above)"
        } else {
            ""
        };
        lines.push(format!(
            "{}: {} of {} cases could not be worked out{listed}: see {whole}",
            self.file,
            crate::progress::count(self.rows),
            crate::progress::count(total)
        ));
        Err(Failure::Bad(lines))
    }
}

/// Prints text for a person on a terminal: see [`printable`].
pub fn print_text(text: &str) {
    print!("{}", printable(text));
}

/// Text without control characters, for a terminal: text from a plan, a scheme or any
/// input file could otherwise carry escape sequences that move the cursor or rewrite the
/// screen. Line breaks and tabs are kept.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}
