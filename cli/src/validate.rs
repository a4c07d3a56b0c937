//! `waymark validate`: a plan's costing and findings against a scheme's rules.

use crate::args::Args;
use crate::estimate::date_option;
use crate::files;
use crate::Failure;
use waymark_engine::amount::parse_decimal;
use waymark_engine::plan::{validate_plan, Plan, PlanReport, Severity};
use waymark_engine::{estimate, Money, Scheme};

/// Prints the costing and findings; exit 1 when something blocks.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let args = Args::parse(argv, &["budget", "answers", "date", "format"])?;
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
        print!("{}", text(&report, scheme.currency.symbol()));
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

fn text(report: &PlanReport, symbol: &str) -> String {
    let money =
        |m: Money| waymark_engine::explain::show(m.0, waymark_engine::scheme::Unit::Money, symbol);
    let c = &report.costing;
    let mut out = format!("Plan of {} days\n\n", c.days);
    out.push_str(&format!(
        "{:<48} {:>14} {:>14}\n",
        "Support", "per year", "over the plan"
    ));
    for s in &c.supports {
        out.push_str(&format!(
            "{:<48} {:>14} {:>14}\n",
            s.description,
            money(s.per_year),
            money(s.over_plan)
        ));
    }
    out.push_str(&format!(
        "\nBudget {} a year, {} for this plan; planned {}, kept aside {}, remaining {}\n",
        money(c.budget),
        money(c.budget_for_plan),
        money(c.planned),
        money(c.contingency),
        money(c.remaining)
    ));
    for (title, groups) in [
        ("By goal", &c.by_goal),
        ("By kind of support", &c.by_category),
        ("By who pays", &c.by_payer),
    ] {
        out.push_str(&format!("\n{title}\n"));
        for g in groups {
            out.push_str(&format!(
                "  {:<46} {:>14} {:>14}\n",
                g.label,
                money(g.per_year),
                money(g.over_plan)
            ));
        }
    }
    if report.findings.is_empty() {
        out.push_str("\nThe plan meets every check.\n");
    }
    for f in &report.findings {
        let kind = match f.severity {
            Severity::Blocks => "Needs changing",
            Severity::Advice => "Advice",
        };
        let detail = f
            .detail
            .as_ref()
            .map_or(String::new(), |d| format!(" ({d})"));
        out.push_str(&format!(
            "\n{kind}: {}{detail} [{} at {}]\n",
            f.message, f.code, f.path
        ));
    }
    out
}
