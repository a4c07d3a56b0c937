//! `waymark validate`: a plan's costing and findings against a scheme's rules.

use crate::args::{amount, Reading};
use crate::files;
use crate::Failure;
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::{estimate, limits, Money, Scheme};

/// `waymark validate`'s command line.
#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("budget_from").required(true).args(["budget", "answers"]))]
pub struct Options {
    /// The scheme file.
    pub scheme: String,
    /// The plan file, or - for standard input.
    pub plan: String,
    /// The yearly budget (for a one-off scheme, the payment), like 7416.00.
    #[arg(long, value_parser = amount, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub budget: Option<Money>,
    /// Work the budget out from these answers instead, on --date or the plan's first day.
    #[arg(long, value_name = "ANSWERS")]
    pub answers: Option<String>,
    #[command(flatten)]
    pub reading: Reading,
}

/// Prints the costing and findings; exit 1 when something blocks.
pub fn run(options: &Options) -> Result<(), Failure> {
    let (scheme_path, plan_path) = (&options.scheme, &options.plan);
    let scheme = files::scheme(scheme_path)?;
    let plan = Plan::from_json(&files::read(plan_path, limits::PLAN_BYTES)?)
        .map_err(|i| Failure::Bad(files::located(plan_path, &i)))?;
    let budget = budget(options, scheme_path, &scheme, &plan)?;
    let report = validate_plan(&scheme, &plan, budget)
        .map_err(|i| Failure::Bad(files::located(plan_path, &i)))?;
    if options.reading.wants_text() {
        let words = crate::words::for_person(options.reading.lang.as_deref(), &scheme)?;
        crate::output::print_text(&waymark_words::report::plan(
            &words, &scheme, &plan, &report,
        ));
    } else {
        let json =
            serde_json::to_string_pretty(&report).map_err(|e| Failure::bad(e.to_string()))?;
        println!("{json}");
    }
    if report.blocked {
        Err(Failure::Failed)
    } else {
        Ok(())
    }
}

/// The budget: given with `--budget`, or estimated from `--answers` on `--date` (or the
/// plan's first day).
fn budget(
    options: &Options,
    scheme_path: &str,
    scheme: &Scheme,
    plan: &Plan,
) -> Result<Money, Failure> {
    match (options.budget, &options.answers) {
        (Some(budget), _) => Ok(budget),
        (None, Some(path)) => {
            let answers = files::answers(path)?;
            let date = options.reading.date.unwrap_or(plan.starts);
            estimate(scheme, &answers, date)
                .map(|e| e.annual)
                .map_err(|issues| Failure::Bad(files::estimate_issues(scheme_path, path, &issues)))
        }
        (None, None) => Err(Failure::bad(
            "validate needs either --budget AMOUNT or --answers ANSWERS",
        )),
    }
}
