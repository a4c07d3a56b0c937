//! `waymark validate`: a plan's costing and findings against a scheme's rules.

use crate::args::Args;
use crate::estimate::date_option;
use crate::files;
use crate::Failure;
use waymark_engine::amount::parse_decimal;
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::{estimate, Money, Scheme};

/// Prints the costing and findings; exit 1 when something blocks.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let args = Args::parse(argv, &["budget", "answers", "date", "format", "lang"])?;
    let [scheme_path, plan_path] = args.positional.as_slice() else {
        return Err(Failure::bad("validate needs SCHEME and PLAN"));
    };
    let as_text = args.wants_text()?;
    let scheme = files::scheme(scheme_path)?;
    let plan = Plan::from_json(&files::read(plan_path)?)
        .map_err(|i| Failure::Bad(files::located(plan_path, &i)))?;
    let budget = budget(&args, &scheme, &plan)?;
    let report = validate_plan(&scheme, &plan, budget)
        .map_err(|i| Failure::Bad(files::located(plan_path, &i)))?;
    if as_text {
        let words = crate::words::for_person(args.option("lang"), &scheme)?;
        print!(
            "{}",
            waymark_words::report::plan(&words, &scheme, &plan, &report)
        );
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
fn budget(args: &Args, scheme: &Scheme, plan: &Plan) -> Result<Money, Failure> {
    match (args.option("budget"), args.option("answers")) {
        (Some(text), None) => parse_decimal(text)
            .map(Money)
            .ok_or_else(|| Failure::bad(format!("--budget {text:?}: give an amount like 7416.00"))),
        (None, Some(path)) => {
            let answers = files::answers(path)?;
            let date = if args.option("date").is_some() {
                date_option(args)?
            } else {
                plan.starts
            };
            estimate(scheme, &answers, date)
                .map(|e| e.annual)
                .map_err(|issues| Failure::Bad(files::located(path, &issues)))
        }
        _ => Err(Failure::bad(
            "validate needs either --budget AMOUNT or --answers ANSWERS",
        )),
    }
}
