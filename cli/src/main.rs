//! `waymark`: check, test and run resource allocation schemes from the command line.
//!
//! Exit codes: 0 success; 1 a test failed or a plan has a blocking finding; 2 bad input
//! (with one line per problem naming the file and JSON path). A panic is a bug.

use std::process::ExitCode;
use waymark::{
    batch, bench, caseload, check, estimate, impact, receive, submissions, test, validate, verify,
    Failure,
};

const USAGE: &str = "usage:
  waymark check SCHEME...                       check scheme and test-case files
  waymark test SCHEME...                        run the test cases beside each scheme
  waymark estimate SCHEME ANSWERS [--date YYYY-MM-DD] [--format json|text] [--lang LANG]
                                                work out an estimate (ANSWERS - reads stdin)
  waymark validate SCHEME PLAN (--budget AMOUNT | --answers ANSWERS [--date D]) [--format json|text] [--lang LANG]
                                                cost a recovery support plan and check it (exit 1 if blocked)
  waymark verify SUBMISSION --scheme SCHEME     recompute a submission; exit 1 with every difference
  waymark receive SCHEME... --store FILE [--site DIR] [--port P] [--allow-origin ORIGIN,...]
                  [--request-timeout SECONDS]   a reference receiver for submissions (and the site) on 127.0.0.1
  waymark submissions export --store FILE --out DIR
                                                write each stored submission to DIR/WM-000001.json, ...
  waymark schema [scheme|cases|plan|submission] print a JSON Schema
  waymark bench [DIR]                           time estimates on the schemes in DIR (www/schemes)
  waymark batch SCHEME CASES [--date D] [--out FILE] [--format jsonl|csv] [--threads N]
                                                estimate every case of a caseload (JSON Lines or CSV)
  waymark cases SCHEME [--count N] [--seed S] [--out FILE]
                                                write a synthetic caseload as JSON Lines
  waymark impact --from OLD_SCHEME --to NEW_SCHEME CASES [--date D] [--from-date D] [--to-date D]
                 [--out DIR] [--threads N]      compare every case under two versions: writes
                                                DIR/impact.csv and DIR/impact.html (DIR: impact)";

fn main() -> ExitCode {
    restore_sigpipe();
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match argv.first().map(String::as_str) {
        Some("check") => check::run(&argv[1..]),
        Some("test") => test::run(&argv[1..]),
        Some("estimate") => estimate::run(&argv[1..]),
        Some("validate") => validate::run(&argv[1..]),
        Some("verify") => verify::run(&argv[1..]),
        Some("receive") => receive::run(&argv[1..]),
        Some("submissions") => submissions::run(&argv[1..]),
        Some("schema") => check::schema(&argv[1..]),
        Some("bench") => bench::run(&argv[1..]),
        Some("batch") => batch::run(&argv[1..]),
        Some("cases") => caseload::run(&argv[1..]),
        Some("impact") => impact::run(&argv[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::bad(format!("unknown command {other:?}\n{USAGE}"))),
        None => Err(Failure::bad(USAGE)),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Failed) => ExitCode::from(1),
        Err(Failure::Bad(lines)) => {
            for line in lines {
                eprintln!("waymark: {line}");
            }
            ExitCode::from(2)
        }
    }
}

/// Lets the tool end quietly when its output is piped into a command that stops reading,
/// like `head`, as Unix tools do, instead of failing to print.
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: setting a signal's disposition to the default at start-up, before any
    // threads exist, has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
