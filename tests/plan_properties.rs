//! Properties of recovery support plans over every example scheme: a recurring support
//! costs its yearly amount (its amount times its units times how often) times the days it
//! runs in the plan over 365, and a one-off support its whole amount; the budget for the
//! plan is the yearly budget shared over the plan's days in the same way; what
//! is planned is what the budget pays over the plan; every total is the sum of its parts, to
//! the penny, in every grouping; a support whose dates are all outside the plan is bad
//! input; and checking a plan never panics, whatever the plan file holds.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use waymark_engine::amount::{Rounding, RoundingRule};
use waymark_engine::plan::{
    area_ids, validate_plan, Detail, Frequency, HoldingKind, Plan, PlanReport, Rule, Severity,
};
use waymark_engine::scheme::Period;
use waymark_engine::{Date, Decimal, Money, Scheme};
use waymark_tests::{examples, Rng};

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len() as u64) as usize]
}

fn chance(rng: &mut Rng, one_in: u64) -> bool {
    rng.below(one_in) == 0
}

/// An amount of money up to `max_pence`, written as a string with two places.
fn money(rng: &mut Rng, max_pence: u64) -> String {
    let p = rng.below(max_pence + 1);
    format!("{}.{:02}", p / 100, p % 100)
}

fn day(days: i64) -> Date {
    Date::from_days_since_epoch(days).unwrap()
}

fn date_json(d: Date) -> Value {
    Value::String(d.to_string())
}

/// A random plan that refers only to the scheme's own life areas, categories and goals, and
/// whose supports each run for at least one of its days, so that it can always be costed:
/// dates anywhere in 2026 and 2027, plans from a day to over a year, supports that start
/// before or end after the plan (or on its first or last day), free and paid supports,
/// several goals per support or none.
fn random_plan(scheme: &Scheme, rng: &mut Rng) -> Value {
    let rules = scheme
        .plan
        .as_ref()
        .expect("every example scheme has plan rules");
    let first = Date::new(2026, 1, 1).unwrap().days_since_epoch();
    let starts = first + rng.below(500) as i64;
    let ends = starts + rng.below(420) as i64;
    let areas: Vec<&str> = area_ids(scheme).collect();
    let goals: Vec<Value> = (0..rng.below(6))
        .map(|i| {
            json!({
                "id": format!("g{i}"),
                "text": format!("Goal {i}"),
                "area": pick(rng, &areas),
                "measure": "",
            })
        })
        .collect();
    let goal_ids: Vec<String> = goals
        .iter()
        .map(|g| g["id"].as_str().unwrap().to_owned())
        .collect();
    let supports: Vec<Value> = (0..rng.below(9))
        .map(|i| {
            let mut s = Map::new();
            s.insert("id".into(), json!(format!("s{i}")));
            s.insert("description".into(), json!(format!("Support {i}")));
            s.insert("category".into(), json!(pick(rng, &rules.categories).id));
            let amount = match rng.below(4) {
                0 => "0.00".to_owned(),
                1 => money(rng, 2_000),
                _ => money(rng, 500_000),
            };
            s.insert("amount".into(), json!(amount));
            if !chance(rng, 3) {
                let units = [
                    json!(1),
                    json!(2),
                    json!(3),
                    json!(25),
                    json!("0.5"),
                    json!("1.25"),
                    json!(0),
                ];
                s.insert("units".into(), pick(rng, &units).clone());
            }
            let frequency = *pick(rng, &["once", "weekly", "monthly", "yearly"]);
            s.insert("frequency".into(), json!(frequency));
            // A start up to 60 days before the plan (within it, for a support paid once, on
            // that day) and no later than its last day, and an end no earlier than the plan's
            // first day or the support's start.
            let mut support_starts = None;
            if chance(rng, 3) {
                let earliest = if frequency == "once" {
                    starts
                } else {
                    starts - 60
                };
                let d = earliest + rng.below((ends - earliest + 1) as u64) as i64;
                support_starts = Some(d);
                s.insert("starts".into(), date_json(day(d)));
            }
            if chance(rng, 3) {
                let from = support_starts.map_or(starts, |d| d.max(starts));
                s.insert("ends".into(), date_json(day(from + rng.below(450) as i64)));
            }
            let serves: Vec<&String> = goal_ids.iter().filter(|_| chance(rng, 2)).collect();
            s.insert("goals".into(), json!(serves));
            let payer = *pick(
                rng,
                &[
                    "budget",
                    "budget",
                    "budget",
                    "family_friends",
                    "community",
                    "universal",
                ],
            );
            s.insert("payer".into(), json!(payer));
            if chance(rng, 6) {
                s.insert("relative_in_household".into(), json!(true));
            }
            Value::Object(s)
        })
        .collect();
    let mut plan = Map::new();
    plan.insert("starts".into(), date_json(day(starts)));
    plan.insert("ends".into(), date_json(day(ends)));
    if !chance(rng, 4) {
        plan.insert(
            "review".into(),
            date_json(day(starts - 30 + rng.below(420) as i64)),
        );
    }
    plan.insert("goals".into(), Value::Array(goals));
    plan.insert("supports".into(), Value::Array(supports));
    if !chance(rng, 3) {
        plan.insert(
            "contingency".into(),
            json!({"amount": money(rng, 300_000), "when": if chance(rng, 4) { "" } else { "When things get harder" }}),
        );
    }
    if !chance(rng, 3) {
        plan.insert(
            "crisis".into(),
            json!({"contacts": if chance(rng, 4) { " " } else { "My sister" }}),
        );
    }
    let kinds = [
        "direct_payment",
        "third_party",
        "council",
        "individual_service_fund",
    ];
    match rng.below(4) {
        0 => {}
        1 => {
            let parts: Vec<Value> = (0..rng.below(4))
                .map(|_| json!({"kind": pick(rng, &kinds), "amount": money(rng, 1_000_000)}))
                .collect();
            plan.insert("holding".into(), json!({"kind": "split", "split": parts}));
        }
        _ => {
            plan.insert("holding".into(), json!({"kind": pick(rng, &kinds)}));
        }
    }
    if chance(rng, 2) {
        plan.insert("helpers".into(), json!(["My care navigator"]));
    }
    if chance(rng, 2) {
        plan.insert("risks".into(), json!("Some risks"));
        plan.insert("if_support_fails".into(), json!("A back-up"));
    }
    Value::Object(plan)
}

fn parse(plan: &Value) -> Plan {
    Plan::from_json(&plan.to_string()).unwrap_or_else(|e| panic!("{e:?}: {plan}"))
}

fn random_budget(rng: &mut Rng) -> Money {
    Money(money(rng, 2_000_000).parse().unwrap())
}

/// Moves some of a random plan's supports wholly outside it, before its first day or after
/// its last, keeping each support's own dates in order; returns which ones, in order.
fn move_outside(value: &mut Value, rng: &mut Rng) -> Vec<usize> {
    let date = |v: &Value| -> i64 {
        v.as_str()
            .unwrap()
            .parse::<Date>()
            .unwrap()
            .days_since_epoch()
    };
    let starts = date(&value["starts"]);
    let ends = date(&value["ends"]);
    let mut moved = Vec::new();
    let supports = value["supports"].as_array_mut().unwrap();
    for (i, s) in supports.iter_mut().enumerate() {
        if !chance(rng, 2) {
            continue;
        }
        let s = s.as_object_mut().unwrap();
        let (first, last) = if chance(rng, 2) {
            let last = starts - 1 - rng.below(60) as i64;
            (last - rng.below(100) as i64, last)
        } else {
            let first = ends + 1 + rng.below(60) as i64;
            (first, first + rng.below(100) as i64)
        };
        // Only the date that puts it outside is needed; the other may be left out.
        let before = last < starts;
        if before || chance(rng, 2) {
            s.insert("ends".into(), date_json(day(last)));
        } else {
            s.remove("ends");
        }
        if !before || chance(rng, 2) {
            s.insert("starts".into(), date_json(day(first)));
        } else {
            s.remove("starts");
        }
        moved.push(i);
    }
    moved
}

fn frequency_per_year(f: Frequency, weeks: Decimal) -> Decimal {
    match f {
        Frequency::Once | Frequency::Yearly => Decimal::ONE,
        Frequency::Weekly => weeks,
        Frequency::Monthly => Decimal::from(12),
    }
}

/// The days of the plan a support runs, counting both ends.
fn active_days(plan: &Plan, starts: Option<Date>, ends: Option<Date>) -> i64 {
    let from = starts.map_or(plan.starts, |d| d.max(plan.starts));
    let to = ends.map_or(plan.ends, |d| d.min(plan.ends));
    (from.days_until(to) + 1).max(0)
}

/// Shares of `total` among `n` goals: equal parts rounded down, the rest to the first.
fn shares(total: Decimal, n: usize, places: u32) -> Vec<Decimal> {
    let down = Rounding {
        places,
        strategy: RoundingRule::Down,
    };
    let share = down.apply(total / Decimal::from(n as u64));
    let first = total - share * Decimal::from(n as u64 - 1);
    std::iter::once(first)
        .chain(std::iter::repeat_n(share, n - 1))
        .collect()
}

/// Checks a report against the plan it came from; `Err` says what is wrong.
fn check_report(scheme: &Scheme, plan: &Plan, budget: Money, r: &PlanReport) -> Result<(), String> {
    let rules = scheme.plan.as_ref().unwrap();
    let rounding = rules.rounding;
    let weeks = scheme.weeks_per_year.map_or(Decimal::from(52), |w| w.0);
    let c = &r.costing;
    macro_rules! ensure {
        ($cond:expr, $($fmt:tt)*) => {
            if !$cond {
                return Err(format!($($fmt)*));
            }
        };
    }
    ensure!(
        c.days == plan.starts.days_until(plan.ends) + 1,
        "days {}",
        c.days
    );
    ensure!(
        c.supports.len() == plan.supports.len(),
        "{} supports costed",
        c.supports.len()
    );

    // Each support: its amount times its units times how often for a year; over the plan,
    // that yearly amount times the days of the plan it runs over 365 (a one-off support: its
    // whole amount); both rounded as the scheme says.
    for (s, cost) in plan.supports.iter().zip(&c.supports) {
        ensure!(
            s.id == cost.id && s.category == cost.category && s.payer == cost.payer,
            "{} out of order",
            s.id
        );
        let each = s.amount.0 * s.units.0;
        let yearly = each * frequency_per_year(s.frequency, weeks);
        let per_year = rounding.apply(yearly);
        ensure!(
            cost.per_year.0 == per_year,
            "{}: per year {} not {per_year}",
            s.id,
            cost.per_year
        );
        // A plan with a support wholly outside it is bad input, so every support costed
        // runs for at least a day of the plan.
        let days = active_days(plan, s.starts, s.ends);
        ensure!(days >= 1, "{}: runs for {days} days of the plan", s.id);
        let over_plan = rounding.apply(match s.frequency {
            Frequency::Once => each,
            _ => yearly * Decimal::from(days) / Decimal::from(365),
        });
        ensure!(
            cost.over_plan.0 == over_plan,
            "{}: over the plan {} not {over_plan}",
            s.id,
            cost.over_plan
        );
        ensure!(
            cost.per_year.0.scale() <= rounding.places,
            "{}: {} is not rounded",
            s.id,
            cost.per_year
        );
    }

    let sum = |f: &dyn Fn(&waymark_engine::plan::SupportCost) -> bool, year: bool| -> Decimal {
        c.supports
            .iter()
            .filter(|s| f(s))
            .map(|s| if year { s.per_year.0 } else { s.over_plan.0 })
            .sum()
    };
    for year in [true, false] {
        let which = if year { "per year" } else { "over the plan" };
        let total = sum(&|_| true, year);
        for (name, groups) in [
            ("goal", &c.by_goal),
            ("category", &c.by_category),
            ("payer", &c.by_payer),
        ] {
            let grouped: Decimal = groups
                .iter()
                .map(|g| if year { g.per_year.0 } else { g.over_plan.0 })
                .sum();
            ensure!(grouped == total, "by {name} {which}: {grouped} not {total}");
            let mut keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            ensure!(keys.len() == groups.len(), "by {name}: a key is repeated");
        }
        for g in &c.by_category {
            let want = sum(&|s| s.category == g.key, year);
            let got = if year { g.per_year.0 } else { g.over_plan.0 };
            ensure!(got == want, "category {} {which}: {got} not {want}", g.key);
        }
        for g in &c.by_payer {
            let want = sum(
                &|s| serde_json::to_value(s.payer).unwrap() == g.key.as_str(),
                year,
            );
            let got = if year { g.per_year.0 } else { g.over_plan.0 };
            ensure!(got == want, "payer {} {which}: {got} not {want}", g.key);
        }
        // By goal: each support is shared between its goals, rounded down, with what is left
        // over going to its first goal; supports with no goal are under "".
        let mut want: BTreeMap<&str, Decimal> = plan
            .goals
            .iter()
            .map(|g| (g.id.as_str(), Decimal::ZERO))
            .collect();
        for (s, cost) in plan.supports.iter().zip(&c.supports) {
            let amount = if year {
                cost.per_year.0
            } else {
                cost.over_plan.0
            };
            if s.goals.is_empty() {
                *want.entry("").or_default() += amount;
                continue;
            }
            for (goal, share) in s
                .goals
                .iter()
                .zip(shares(amount, s.goals.len(), rounding.places))
            {
                *want.entry(goal.as_str()).or_default() += share;
            }
        }
        let got: BTreeMap<&str, Decimal> = c
            .by_goal
            .iter()
            .map(|g| {
                (
                    g.key.as_str(),
                    if year { g.per_year.0 } else { g.over_plan.0 },
                )
            })
            .collect();
        ensure!(got == want, "by goal {which}: {got:?} not {want:?}");
    }

    // The budget for the plan: the yearly budget times the plan's days over 365, rounded
    // as the scheme says; the whole payment for a one-off scheme.
    let budget_for_plan = if scheme.period == Period::OneOff {
        budget.0
    } else {
        rounding.apply(budget.0 * Decimal::from(c.days) / Decimal::from(365))
    };
    ensure!(
        c.budget_for_plan.0 == budget_for_plan,
        "budget for the plan {} not {budget_for_plan}",
        c.budget_for_plan
    );
    let planned = sum(&|s| s.payer.is_budget(), false);
    ensure!(
        c.planned.0 == planned,
        "planned {} not {planned}",
        c.planned
    );
    ensure!(c.budget == budget, "budget {}", c.budget);
    let contingency = plan
        .contingency
        .as_ref()
        .map_or(Decimal::ZERO, |k| k.amount.0);
    ensure!(
        c.contingency.0 == contingency,
        "contingency {}",
        c.contingency
    );
    ensure!(
        c.remaining.0 == budget_for_plan - planned - contingency,
        "remaining {} not {budget_for_plan} - {planned} - {contingency}",
        c.remaining
    );

    // The checks about money compare with the budget for the plan.
    let pence = Rounding {
        places: 2,
        strategy: RoundingRule::HalfUp,
    };
    let percent = |p: Decimal| budget_for_plan * p / Decimal::ONE_HUNDRED;
    let found = |code: &str, path: &str| {
        r.findings
            .iter()
            .filter(|f| f.code == code && f.path == path)
            .collect::<Vec<_>>()
    };
    for check in &rules.checks {
        match &check.rule {
            Rule::OverBudget { tolerance_percent } => {
                let asked = planned + contingency;
                let over = asked > budget_for_plan + percent(tolerance_percent.0);
                let got = found(&check.code, "/supports");
                ensure!(
                    got.len() == usize::from(over),
                    "over budget: {} findings for {asked} against {budget_for_plan}",
                    got.len()
                );
                let detail = Detail::OverBudget {
                    over: Money(asked - budget_for_plan),
                    budget: Money(budget_for_plan),
                };
                ensure!(
                    got.iter().all(|f| f.detail.as_ref() == Some(&detail)),
                    "over budget: {got:?} not {detail:?}"
                );
            }
            Rule::ContingencyRange {
                min_percent,
                max_percent,
            } => {
                let min = pence.apply(percent(min_percent.0));
                let max = pence.apply(percent(max_percent.0));
                let outside = contingency < min || contingency > max;
                let got = found(&check.code, "/contingency/amount");
                ensure!(
                    got.len() == usize::from(outside),
                    "contingency {contingency} against {min} to {max}: {got:?}"
                );
            }
            Rule::HoldingNotOffered {} => {
                let short_split = plan
                    .holding
                    .as_ref()
                    .is_some_and(|h| h.kind == HoldingKind::Split && h.split.len() < 2);
                let got = found(&check.code, "/holding/split");
                ensure!(
                    got.len() == usize::from(short_split),
                    "split holding: {got:?}"
                );
            }
            _ => {}
        }
    }

    // Findings: blocking ones first, each with the severity its check declares.
    let blocks = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocks)
        .count();
    ensure!(
        r.findings[..blocks]
            .iter()
            .all(|f| f.severity == Severity::Blocks),
        "advice before a blocking finding"
    );
    ensure!(r.blocked == (blocks > 0), "blocked is {}", r.blocked);
    for f in &r.findings {
        let check = rules.checks.iter().find(|k| k.code == f.code);
        ensure!(
            check.is_some_and(|k| k.severity == f.severity),
            "finding {} is not the scheme's",
            f.code
        );
        ensure!(
            f.path.starts_with('/'),
            "finding {} has path {:?}",
            f.code,
            f.path
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn costing_totals_equal_the_sum_of_their_parts(seed in any::<u64>()) {
        for ex in examples() {
            let mut rng = Rng::new(seed);
            let value = random_plan(&ex.scheme, &mut rng);
            let plan = parse(&value);
            let budget = random_budget(&mut rng);
            let report = validate_plan(&ex.scheme, &plan, budget)
                .map_err(|i| TestCaseError::fail(format!("{}: {i:?}\n{value}", ex.name)))?;
            check_report(&ex.scheme, &plan, budget, &report)
                .map_err(|e| TestCaseError::fail(format!("{}: {e}\n{value}", ex.name)))?;
        }
    }

    #[test]
    fn supports_wholly_outside_the_plan_are_bad_input(seed in any::<u64>()) {
        for ex in examples() {
            let mut rng = Rng::new(seed);
            let mut value = random_plan(&ex.scheme, &mut rng);
            let moved = move_outside(&mut value, &mut rng);
            let plan = parse(&value);
            let budget = random_budget(&mut rng);
            match validate_plan(&ex.scheme, &plan, budget) {
                Ok(_) => prop_assert!(moved.is_empty(), "{}: accepted\n{value}", ex.name),
                Err(issues) => {
                    let want: Vec<(String, String)> = moved
                        .iter()
                        .map(|i| ("outside_plan".to_owned(), format!("/supports/{i}/starts")))
                        .collect();
                    let got: Vec<(String, String)> =
                        issues.iter().map(|i| (i.code.clone(), i.path.clone())).collect();
                    prop_assert_eq!(got, want, "{}\n{}", ex.name, value);
                }
            }
        }
    }

    /// Supports that spend the yearly budget evenly fit the budget for any plan of up to a
    /// year: a yearly support costing the whole budget costs exactly the budget for the plan.
    #[test]
    fn a_yearly_support_of_the_whole_budget_uses_exactly_the_budget_for_the_plan(
        seed in any::<u64>()
    ) {
        for ex in examples().into_iter().filter(|e| e.scheme.period != Period::OneOff) {
            let mut rng = Rng::new(seed);
            let mut value = random_plan(&ex.scheme, &mut rng);
            let starts = Date::new(2026, 1, 1).unwrap().days_since_epoch() + rng.below(500) as i64;
            value["starts"] = date_json(day(starts));
            value["ends"] = date_json(day(starts + rng.below(365) as i64));
            value.as_object_mut().unwrap().remove("contingency");
            let budget = money(&mut rng, 2_000_000);
            let category = &ex.scheme.plan.as_ref().unwrap().categories[0].id;
            value["supports"] = json!([{
                "id": "all",
                "description": "Everything",
                "category": category,
                "amount": budget,
                "frequency": "yearly",
                "payer": "budget",
            }]);
            let plan = parse(&value);
            let report = validate_plan(&ex.scheme, &plan, Money(budget.parse().unwrap()))
                .map_err(|i| TestCaseError::fail(format!("{}: {i:?}\n{value}", ex.name)))?;
            let c = &report.costing;
            prop_assert_eq!(c.planned, c.budget_for_plan, "{}\n{}", ex.name, value);
            prop_assert!(c.remaining.0.is_zero(), "{}: remaining {}", ex.name, c.remaining);
            prop_assert!(
                report.findings.iter().all(|f| f.path != "/supports"),
                "{}: {:?}",
                ex.name,
                report.findings
            );
        }
    }

    #[test]
    fn validate_plan_never_panics_on_changed_plans(seed in any::<u64>()) {
        for ex in examples() {
            let mut rng = Rng::new(seed);
            let mut value = random_plan(&ex.scheme, &mut rng);
            for _ in 0..=rng.below(4) {
                mutate(&mut value, &mut rng);
            }
            let budget = *pick(&mut rng, &BUDGETS);
            if let Ok(plan) = Plan::from_json(&value.to_string()) {
                let budget = Money(budget.parse().unwrap());
                if let Ok(report) = validate_plan(&ex.scheme, &plan, budget) {
                    prop_assert_eq!(
                        report.blocked,
                        report.findings.iter().any(|f| f.severity == Severity::Blocks)
                    );
                }
            }
        }
    }

    #[test]
    fn reading_any_text_as_a_plan_never_panics(text in ".{0,300}") {
        let _ = Plan::from_json(&text);
    }
}

const BUDGETS: [&str; 6] = [
    "0",
    "-1000.00",
    "7416.00",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
];

/// Strings that are awkward as amounts.
const AWKWARD_AMOUNTS: [&str; 10] = [
    "0",
    "-0.00",
    "-1.00",
    "0.5",
    "99999999999999999999.99",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "7922816251426433759354395033.5",
    "0.0000000000000000000000000001",
    "1e3",
];

/// Strings that are awkward as dates.
const AWKWARD_DATES: [&str; 6] = [
    "2024-02-29",
    "2026-02-29",
    "0001-01-01",
    "9999-12-31",
    "1970-01-01",
    "2026-13-01",
];

/// Strings that are awkward as ids, kinds or words.
const AWKWARD_WORDS: [&str; 10] = [
    "",
    " ",
    "once",
    "weekly",
    "split",
    "budget",
    "council",
    "g0",
    "s0",
    "\u{202e}é\u{0}",
];

/// A value that is awkward in one way or another, usually of the same JSON type as `like`,
/// so that most changed plans can still be read.
fn awkward(like: &Value, rng: &mut Rng) -> Value {
    let strings = |list: &[&str]| list.iter().map(|s| json!(s)).collect::<Vec<_>>();
    let values = match like {
        Value::String(s) if !chance(rng, 4) => {
            if s.len() == 10 && s.as_bytes()[4] == b'-' {
                strings(&AWKWARD_DATES)
            } else if s.starts_with(|c: char| c.is_ascii_digit()) {
                strings(&AWKWARD_AMOUNTS)
            } else {
                strings(&AWKWARD_WORDS)
            }
        }
        Value::Number(_) if !chance(rng, 4) => {
            vec![json!(0), json!(u32::MAX), json!(u64::MAX), json!(1.5)]
        }
        _ => {
            let mut all = strings(&AWKWARD_AMOUNTS);
            all.extend(strings(&AWKWARD_DATES));
            all.extend(strings(&AWKWARD_WORDS));
            all.extend([
                json!(0),
                json!(-1),
                json!(1e300),
                json!(u64::MAX),
                json!(i64::MIN),
                json!(true),
                json!(null),
                json!([]),
                json!({}),
                json!(["g0", "g0", "g1"]),
                json!({"kind": "split", "split": [{"kind": "split", "amount": "1.00"}]}),
                json!({"amount": "79228162514264337593543950335", "when": "x"}),
            ]);
            all
        }
    };
    pick(rng, &values).clone()
}

/// Replaces, removes or adds something somewhere in a JSON value.
fn mutate(value: &mut Value, rng: &mut Rng) {
    let descend = !chance(rng, 8);
    match value {
        Value::Object(map) if !map.is_empty() && descend => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = pick(rng, &keys).clone();
            match rng.below(16) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert("unexpected".into(), awkward(&Value::Null, rng));
                }
                _ => mutate(map.get_mut(&key).unwrap(), rng),
            }
        }
        Value::Array(items) if !items.is_empty() && descend => {
            let i = rng.below(items.len() as u64) as usize;
            match rng.below(8) {
                0 => {
                    items.remove(i);
                }
                1 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                _ => mutate(&mut items[i], rng),
            }
        }
        _ => *value = awkward(value, rng),
    }
}
