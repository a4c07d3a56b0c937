//! The `waymark` command-line tool as a library: each command in its own module, so the
//! binary, the tests and the fuzz targets share one implementation.

pub mod args;
pub mod batch;
pub mod bench;
pub mod caseload;
pub mod check;
pub mod compare;
pub mod csv;
pub mod directory;
pub mod estimate;
pub mod files;
pub mod impact;
pub mod impact_report;
pub mod impact_summary;
pub mod oruk;
pub mod oruk_synthetic;
pub mod outcomes;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod receive;
pub mod reviews;
pub mod rows;
pub mod scheme_diff;
pub mod site;
pub mod submissions;
pub mod test;
pub mod validate;
pub mod verify;
pub mod words;

/// How a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Bad input or usage: each line names the file and path. Exit code 2.
    Bad(Vec<String>),
    /// The command ran, and what it checked did not pass. Exit code 1.
    Failed,
}

impl Failure {
    /// A single line of bad input.
    pub fn bad(line: impl Into<String>) -> Failure {
        Failure::Bad(vec![line.into()])
    }
}
