//! `waymark verify`: recompute a submission on the server and list every difference.

use crate::args::Args;
use crate::files;
use crate::Failure;
use waymark_engine::submission::{self, Submission};

/// Prints "verified" or every difference; exit 1 when anything differs.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let args = Args::parse(argv, &["scheme"])?;
    let [path] = args.positional.as_slice() else {
        return Err(Failure::bad("verify needs SUBMISSION and --scheme SCHEME"));
    };
    let scheme_path = args
        .option("scheme")
        .ok_or_else(|| Failure::bad("verify needs --scheme SCHEME"))?;
    let scheme = files::scheme(scheme_path)?;
    let submitted = Submission::from_json(&files::read(path)?)
        .map_err(|i| Failure::Bad(files::located(path, &i)))?;
    let differences = submission::verify(&scheme, &submitted);
    if differences.is_empty() {
        println!(
            "verified {path}: {} version {}, {} a year",
            scheme.id, scheme.version, submitted.estimate.annual
        );
        return Ok(());
    }
    for d in &differences {
        println!("{path}: {}: {}", d.path, d.message);
    }
    println!("{} differences", differences.len());
    Err(Failure::Failed)
}
