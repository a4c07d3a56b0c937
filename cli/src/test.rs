//! `waymark test`: runs the test cases beside each scheme.

use crate::files;
use crate::Failure;
use std::collections::BTreeSet;
use std::path::PathBuf;
use waymark_engine::cases::{run_case, run_plan_case};

/// Runs every case of every scheme named (or of every case file named).
pub fn run(files_named: &[String]) -> Result<(), Failure> {
    let case_files: BTreeSet<PathBuf> = files_named
        .iter()
        .map(|p| {
            if files::is_case_file(p) {
                PathBuf::from(p)
            } else {
                files::case_file_for(p)
            }
        })
        .collect();
    let (mut passed, mut failed) = (0usize, 0usize);
    for case_path in &case_files {
        if !case_path.exists() {
            return Err(Failure::bad(format!(
                "{}: no test cases beside the scheme",
                case_path.display()
            )));
        }
        let file = files::cases(case_path)?;
        let scheme_path = files::scheme_for(case_path, &file);
        let scheme = files::scheme(&scheme_path.display().to_string())?;
        println!(
            "{} ({} version {})",
            case_path.display(),
            scheme.id,
            scheme.version
        );
        let estimates = file.cases.iter().map(|c| (&c.name, run_case(&scheme, c)));
        let plans = file
            .plans
            .iter()
            .map(|c| (&c.name, run_plan_case(&scheme, c)));
        for (name, differences) in estimates.chain(plans) {
            if differences.is_empty() {
                passed += 1;
                println!("  pass  {name}");
            } else {
                failed += 1;
                println!("  FAIL  {name}");
                for d in differences {
                    crate::output::print_text(&format!("          {d}\n"));
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::Failed)
    }
}
