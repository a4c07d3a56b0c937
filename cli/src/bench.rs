//! `waymark bench`: native time per estimate on each example scheme and on a generated
//! 200-question scheme, with its explanation and for the figures alone, and the time of
//! "what would change this". Figures are printed, never asserted.

use crate::files;
use crate::Failure;
use std::time::{Duration, Instant};
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::{
    estimate, figures, limits, what_would_change, Answers, Date, Decimal, Money, Scheme,
};

/// Prints timings for the schemes in a folder.
pub fn run(dir: &str) -> Result<(), Failure> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Failure::bad(format!("{dir}: cannot read: {e}")))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !files::is_case_file(&p.display().to_string())
        })
        .collect();
    paths.sort();
    println!(
        "{:<34} {:>14} {:>14} {:>18}",
        "scheme", "explained", "figures only", "what would change"
    );
    // The first scheme with plan rules, to time checking the largest plan against.
    let mut with_plans: Option<Scheme> = None;
    for path in paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scheme = files::scheme(&path.display().to_string())?;
        let case_path = files::case_file_for(&path.display().to_string());
        let cases = files::cases(&case_path)?;
        let Some(case) = cases
            .cases
            .iter()
            .find(|c| estimate(&scheme, &c.answers, c.date).is_ok())
        else {
            continue;
        };
        report(&name, &scheme, &case.answers, case.date);
        if with_plans.is_none() && scheme.plan.is_some() {
            with_plans = Some(scheme);
        }
    }
    let (scheme, answers) = generated(200)?;
    let date = Date::new(2026, 6, 1).ok_or_else(|| Failure::bad("bad date"))?;
    report("generated (200 questions)", &scheme, &answers, date);
    directory_search();
    let Some(with_plans) = with_plans else {
        return Ok(());
    };
    let plan = largest_plan(&with_plans)?;
    let checked = time(|| {
        let _ = validate_plan(&with_plans, &plan, Money(Decimal::from(100_000)));
    });
    println!(
        "checking and costing the largest plan ({} goals, {} supports) for {}: {}",
        plan.goals.len(),
        plan.supports.len(),
        with_plans.id,
        show(checked)
    );
    Ok(())
}

/// A plan as large as the limits allow, each support serving two goals.
fn largest_plan(scheme: &Scheme) -> Result<Plan, Failure> {
    let area = scheme.sections.first().map_or("", |s| s.id.as_str());
    let category = scheme
        .plan
        .as_ref()
        .and_then(|p| p.categories.first())
        .map_or("", |c| c.id.as_str());
    let goals: Vec<serde_json::Value> = (0..limits::PLAN_GOALS)
        .map(|g| serde_json::json!({"id": format!("g{g}"), "text": "A goal", "area": area, "measure": "How it shows"}))
        .collect();
    let supports: Vec<serde_json::Value> = (0..limits::PLAN_SUPPORTS)
        .map(|s| {
            let serves = [s % limits::PLAN_GOALS, (s + 1) % limits::PLAN_GOALS];
            serde_json::json!({"id": format!("s{s}"), "description": "A support", "category": category,
                "amount": "12.50", "frequency": "weekly", "payer": "budget",
                "goals": serves.map(|g| format!("g{g}"))})
        })
        .collect();
    let plan = serde_json::json!({"starts": "2026-06-01", "ends": "2027-05-31", "review": "2026-12-01",
        "goals": goals, "supports": supports});
    Plan::from_json(&plan.to_string())
        .map_err(|issues| Failure::Bad(files::located("largest plan", &issues)))
}

fn report(name: &str, scheme: &Scheme, answers: &Answers, date: Date) {
    let explained = time(|| {
        let _ = estimate(scheme, answers, date);
    });
    let alone = time(|| {
        let _ = figures(scheme, answers, date);
    });
    let changes = match estimate(scheme, answers, date) {
        Ok(e) => time(|| {
            let _ = what_would_change(scheme, answers, date, &e);
        }),
        Err(_) => Duration::ZERO,
    };
    println!(
        "{name:<34} {:>14} {:>14} {:>18}",
        show(explained),
        show(alone),
        show(changes)
    );
}

/// Prints the time a search of a synthetic 5,000-service directory takes for each letter
/// typed, at the median and the 95th percentile, natively (the browser's figures are in
/// `scripts/browser-bench.mjs`).
fn directory_search() {
    use waymark_engine::directory::{Directory, DirectorySource, Finder, Query};
    let Ok(value) = crate::oruk::parse(&crate::oruk_synthetic::feed(5000, 1)) else {
        return;
    };
    let (Ok(parsed), Some(imported)) = (crate::oruk::feed(&value), Date::new(2026, 12, 1)) else {
        return;
    };
    let source = DirectorySource {
        standard: "oruk".into(),
        imported,
        services: None,
        complete: true,
    };
    let mut directory = Directory::empty("en", source);
    let mapping = crate::directory::Mapping::default();
    let mut tables = crate::directory::Tables::default();
    for (at, service) in &parsed.services {
        if let crate::oruk::Read::Kept(service, _) = crate::oruk::entry(service, at, &mapping) {
            crate::directory::add(&mut directory, &mut tables, *service);
        }
    }
    let finder = Finder::new(&directory);
    let typed = [
        "w",
        "wa",
        "wal",
        "walk",
        "walki",
        "walking",
        "walking g",
        "walking group",
    ];
    // A new search of the whole directory for each letter, and the search the page makes,
    // which refines the last results as the person types on.
    let (mut whole, mut refined) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        for free in [None, Some(true)] {
            let mut was = Query {
                free,
                ..Query::default()
            };
            let mut previous = finder.find(&directory, &was);
            for text in typed {
                let query = Query {
                    text: text.into(),
                    free,
                    ..Query::default()
                };
                let start = Instant::now();
                std::hint::black_box(finder.find(&directory, &query));
                whole.push(start.elapsed());
                let start = Instant::now();
                let found = finder.refine(&directory, &was, &previous, &query);
                refined.push(start.elapsed());
                (was, previous) = (query, found);
            }
        }
    }
    for (what, mut times) in [("a new search", whole), ("refined as typed", refined)] {
        times.sort();
        let at = |share: f64| times[((times.len() - 1) as f64 * share) as usize];
        println!(
            "searching 5,000 directory entries for each letter typed, {what}: {} median, {} at p95",
            show(at(0.5)),
            show(at(0.95))
        );
    }
}

/// The mean time of `f`, run for about half a second.
fn time(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_millis(500) || runs < 3 {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn show(d: Duration) -> String {
    let micros = d.as_secs_f64() * 1e6;
    if micros < 1000.0 {
        format!("{micros:.1} µs")
    } else {
        format!("{:.2} ms", micros / 1000.0)
    }
}

/// A price-per-point scheme with `n` four-option questions in sections of 20, and answers.
pub fn generated(n: usize) -> Result<(Scheme, Answers), Failure> {
    let sections: Vec<serde_json::Value> = (0..n.div_ceil(20))
        .map(|s| {
            let questions: Vec<serde_json::Value> = (s * 20..((s + 1) * 20).min(n))
                .map(|q| {
                    let options: Vec<serde_json::Value> = (0..4)
                        .map(|o| serde_json::json!({"id": format!("o{o}"), "label": format!("Option {o}"), "points": o}))
                        .collect();
                    serde_json::json!({"id": format!("q{q}"), "text": format!("Question {q}"), "answer": {"choice": options}})
                })
                .collect();
            serde_json::json!({"id": format!("s{s}"), "title": format!("Section {s}"), "questions": questions})
        })
        .collect();
    let scheme = serde_json::json!({
        "id": "generated", "version": "1", "title": "Generated", "owner": "Nobody",
        "applies_from": "2026-04-01", "currency": "GBP", "period": "annual", "weeks_per_year": "52",
        "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "A generated scheme.", "next_steps": "None.", "not_eligible": "Not eligible."},
        "parameters": [{"id": "price", "label": "Price per point", "unit": "money", "values": [{"from": "2026-04-01", "value": "40.00"}]}],
        "sections": sections,
        "allocation": {"steps": [
            {"id": "points", "label": "Points", "calc": {"points": {}}},
            {"id": "enough", "label": "Threshold", "calc": {"require": {"value": "points", "at_least": {"number": 10}}}},
            {"id": "money", "label": "Points times price", "calc": {"product": ["points", {"param": "price"}]}},
            {"id": "capped", "label": "Cap", "calc": {"at_most": {"value": "money", "limit": {"money": "20000.00"}}}}
        ], "result": "capped"}
    });
    let answers = Answers(
        (0..n)
            .map(|q| (format!("q{q}"), serde_json::json!("o2")))
            .collect(),
    );
    let scheme = Scheme::from_json(&scheme.to_string())
        .map_err(|issues| Failure::Bad(files::located("generated scheme", &issues)))?;
    Ok((scheme, answers))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_generated_scheme_loads_and_estimates() {
        let Ok((scheme, answers)) = super::generated(200) else {
            panic!("the generated scheme does not load");
        };
        let date = waymark_engine::Date::new(2026, 6, 1).unwrap();
        let e = waymark_engine::estimate(&scheme, &answers, date).unwrap();
        assert_eq!(e.annual.to_string(), "16000.00");
    }
}
