//! `waymark`: check, test and run resource allocation schemes from the command line.
//!
//! Exit codes: 0 success; 1 a test failed or a plan has a blocking finding; 2 bad input
//! (with one line per problem naming the file and JSON path). A panic is a bug.

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;
use waymark::{
    batch, bench, caseload, check, directory, estimate, impact, receive, submissions, test,
    validate, verify, Failure,
};
use waymark::{compare, outcomes, reviews};

/// The limits on what the tool reads and the exit codes, for every command's help, written
/// from the limits themselves.
fn limits() -> String {
    use waymark_engine::limits;
    let size = |bytes: usize| match bytes % (1 << 20) {
        0 => format!("{} MiB", bytes >> 20),
        _ => format!("{} KiB", bytes >> 10),
    };
    format!(
        "Limits: a scheme file may be at most {}, answers {}, a plan {} with at most {} goals and {} supports, \
         a submission {}, a review {}, a test-case file {}, a catalogue {} and each caseload row {}. Anything larger is \
         refused before it is read whole.\n\n\
         Exit codes: 0 success; 1 a check or test failed, or a plan has a blocking finding; 2 bad input.",
        size(limits::SCHEME_BYTES),
        size(limits::ANSWERS_BYTES),
        size(limits::PLAN_BYTES),
        limits::PLAN_GOALS,
        limits::PLAN_SUPPORTS,
        size(limits::SUBMISSION_BYTES),
        size(limits::REVIEW_BYTES),
        size(limits::CASES_BYTES),
        size(waymark::words::CATALOGUE_BYTES),
        size(waymark::rows::LONGEST_RECORD),
    )
}

/// Check, test and run resource allocation schemes.
#[derive(Parser)]
#[command(name = "waymark", version, after_help = limits(), propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check scheme and test-case files.
    #[command(after_help = limits())]
    Check(check::Options),
    /// Run the test cases beside each scheme.
    #[command(after_help = limits())]
    Test {
        /// Scheme files (their `.tests.json` files are run) or test-case files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Work out an estimate.
    #[command(after_help = limits())]
    Estimate(estimate::Options),
    /// Cost a recovery support plan and check it (exit 1 if something blocks it).
    #[command(after_help = limits())]
    Validate(validate::Options),
    /// Compare a new estimate with the last one for one person, for a reassessment letter.
    #[command(after_help = limits())]
    Compare(compare::Options),
    /// Recompute a submission; exit 1 with every difference.
    #[command(after_help = limits())]
    Verify(verify::Options),
    /// A reference receiver for submissions (and the site) on 127.0.0.1.
    #[command(after_help = limits())]
    Receive(receive::Options),
    /// What the reference receiver stored.
    #[command(subcommand)]
    Submissions(submissions::Command),
    /// Print a JSON Schema.
    Schema {
        /// Which document.
        #[arg(value_enum, default_value_t)]
        kind: check::SchemaKind,
    },
    /// Time estimates on the schemes in a folder.
    Bench {
        /// The folder.
        #[arg(default_value = "www/schemes")]
        dir: String,
    },
    /// Estimate every case of a caseload (JSON Lines or CSV).
    #[command(after_help = limits())]
    Batch(batch::Options),
    /// Write a synthetic caseload as JSON Lines.
    Cases(caseload::Options),
    /// Count how plans went from received reviews and submissions: writes DIR/outcomes.csv
    /// and DIR/outcomes.html.
    #[command(after_help = limits())]
    Outcomes(outcomes::Options),
    /// Write synthetic reviews of plans, each with its submission, for trying `outcomes`.
    Reviews(reviews::Options),
    /// Compare every case under two versions: writes DIR/impact.csv and DIR/impact.html.
    #[command(after_help = limits())]
    Impact(impact::Options),
    /// Community directories: import one from an Open Referral UK feed.
    #[command(subcommand)]
    Directory(directory::Command),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Usage errors are bad input, told like every other problem.
        Err(e) if e.use_stderr() => {
            eprint!("waymark: {}", e.render());
            return ExitCode::from(2);
        }
        // Help and the version go to standard output.
        Err(e) => e.exit(),
    };
    let outcome = match cli.command {
        Command::Check(options) => check::run(&options),
        Command::Test { files } => test::run(&files),
        Command::Estimate(options) => estimate::run(&options),
        Command::Validate(options) => validate::run(&options),
        Command::Compare(options) => compare::run(&options),
        Command::Verify(options) => verify::run(&options),
        Command::Receive(options) => receive::serve(options),
        Command::Submissions(command) => submissions::run(&command),
        Command::Schema { kind } => check::schema(kind),
        Command::Bench { dir } => bench::run(&dir),
        Command::Batch(options) => batch::run(&options),
        Command::Cases(options) => caseload::run(&options),
        Command::Impact(options) => impact::run(&options),
        Command::Outcomes(options) => outcomes::run(&options),
        Command::Reviews(options) => reviews::run(&options),
        Command::Directory(command) => directory::run(&command),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "waymark",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Failed) => ExitCode::from(1),
        Err(Failure::Bad(lines)) => {
            for line in lines {
                eprintln!("waymark: {}", waymark::output::printable(&line));
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
