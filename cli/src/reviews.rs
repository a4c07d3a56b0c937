//! `waymark reviews`: synthetic reviews of plans, each with the submission that sent the
//! plan, so a council can try `waymark outcomes` without anybody's real data.
//!
//! Person `n` answers as `waymark cases` makes them answer; their plan has one to three
//! goals in the scheme's life areas, each with one or two supports in categories the
//! budget may pay for without approval, costed to fit the estimate with a twentieth kept
//! aside. Their review gives each goal a step of the scale (the scheme's own, or
//! not started, some progress, achieved, no longer my goal), says which supports were used
//! and whether the money kept aside was. Everything is seeded, so a seed always gives the
//! same documents.

use crate::caseload::{person, Rng};
use crate::files;
use crate::Failure;
use std::path::Path;
use waymark_engine::plan::{
    area_ids, Contingency, Frequency, Goal, Payer, Plan, PlanRules, Support,
};
use waymark_engine::review::{self, GoalReview, Said};
use waymark_engine::submission::{self, Consent, Extras};
use waymark_engine::{Answers, Date, Decimal, Money, Number, Scheme};
use waymark_words::consent;

/// The most reviews generated in one go.
const MOST: u64 = 100_000;

/// `waymark reviews`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme file; it must have plan rules.
    pub scheme: String,
    /// How many people.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=MOST), value_name = "N")]
    pub count: u64,
    /// The seed: the same seed always gives the same documents.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// The day the plans start [default: the scheme's first day]; each is reviewed after
    /// half a year.
    #[arg(long, value_parser = crate::args::date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// The folder for review-NNNNNN.json and submission-NNNNNN.json.
    #[arg(long, default_value = "reviews", value_name = "DIR")]
    pub out: String,
}

/// Writes `--count` synthetic reviews and submissions.
pub fn run(options: &Options) -> Result<(), Failure> {
    let scheme = files::scheme(&options.scheme)?;
    let Some(rules) = scheme.plan.as_ref() else {
        return Err(Failure::bad(format!(
            "{}: the scheme has no plan rules, so it has no plans to review",
            files::display_name(&options.scheme)
        )));
    };
    let words = crate::words::for_person(None, &scheme)?;
    let starts = options.date.unwrap_or(scheme.applies_from);
    let dir = options.out.as_str();
    std::fs::create_dir_all(dir).map_err(|e| Failure::bad(format!("{dir}: cannot create: {e}")))?;
    let write = |name: String, value: &dyn erased::Json| -> Result<(), Failure> {
        let path = Path::new(dir).join(name);
        let text = value.text().map_err(|e| Failure::bad(e.to_string()))?;
        std::fs::write(&path, text)
            .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", path.display())))
    };
    for n in 0..options.count {
        let mut rng = Rng(options.seed ^ n.wrapping_mul(0x9E6C_63D0_676A_9A99));
        let answers = Answers(person(&scheme, options.seed, n).into_iter().collect());
        let estimate = waymark_engine::estimate(&scheme, &answers, starts)
            .map_err(|i| Failure::Bad(files::located(&format!("person {}", n + 1), &i)))?;
        let budget = if estimate.has_amount() {
            estimate.annual
        } else {
            Money::default()
        };
        let plan = plan(&scheme, rules, starts, budget, &mut rng);
        let at = format!("{starts}T10:00:00Z");
        let sent = submission::build(
            &scheme,
            &answers,
            Extras {
                plan: Some(plan.clone()),
                disagreement: None,
            },
            submission::Envelope {
                date: starts,
                language: words.language.clone(),
                consent: Consent {
                    agreed: consent::agreed(&words, &scheme, true, false),
                    at,
                },
                app_version: "waymark reviews".into(),
                idempotency_key: uuid(&mut rng),
            },
        )
        .map_err(|i| Failure::Bad(files::located(&format!("person {}", n + 1), &i)))?;
        let reviewed = add_days(starts, 182);
        let said = said(&scheme, &plan, &mut rng);
        let review = review::build(
            &scheme,
            &plan,
            said,
            review::Envelope {
                date: reviewed,
                language: words.language.clone(),
                consent: Consent {
                    agreed: consent::review_agreed(&words, &scheme),
                    at: format!("{reviewed}T10:00:00Z"),
                },
                app_version: "waymark reviews".into(),
                idempotency_key: uuid(&mut rng),
            },
        );
        write(format!("submission-{:06}.json", n + 1), &sent)?;
        write(format!("review-{:06}.json", n + 1), &review)?;
    }
    println!(
        "wrote {} reviews and {} submissions to {dir}",
        options.count, options.count
    );
    Ok(())
}

/// Pretty JSON for either document, so one closure writes both.
mod erased {
    /// A document written as pretty JSON with a final newline.
    pub trait Json {
        /// The text.
        fn text(&self) -> serde_json::Result<String>;
    }

    impl<T: serde::Serialize> Json for T {
        fn text(&self) -> serde_json::Result<String> {
            serde_json::to_string_pretty(self).map(|t| t + "\n")
        }
    }
}

/// A year's plan for a person with this budget.
fn plan(scheme: &Scheme, rules: &PlanRules, starts: Date, budget: Money, rng: &mut Rng) -> Plan {
    let areas: Vec<&str> = area_ids(scheme).collect();
    let categories: Vec<&str> = rules
        .categories
        .iter()
        .filter(|c| !c.excluded && !c.needs_approval && c.approval_over.is_none())
        .map(|c| c.id.as_str())
        .collect();
    let goals: Vec<Goal> = (0..1 + pick(rng, 3))
        .map(|g| Goal {
            id: format!("goal-{}", g + 1),
            text: GOALS[pick(rng, GOALS.len())].into(),
            area: areas[pick(rng, areas.len())].into(),
            measure: String::new(),
        })
        .collect();
    let mut supports = Vec::new();
    for goal in &goals {
        for _ in 0..1 + pick(rng, 2) {
            supports.push(Support {
                id: format!("support-{}", supports.len() + 1),
                description: SUPPORTS[pick(rng, SUPPORTS.len())].into(),
                category: categories
                    .get(pick(rng, categories.len().max(1)))
                    .copied()
                    .unwrap_or_default()
                    .into(),
                amount: Money::default(),
                units: Number(Decimal::ONE),
                frequency: Frequency::Once,
                starts: None,
                ends: None,
                goals: vec![goal.id.clone()],
                payer: if budget.0.is_zero() {
                    Payer::Community
                } else {
                    Payer::Budget
                },
                relative_in_household: false,
            });
        }
    }
    // A twentieth kept aside, and the rest shared between the supports in whole units.
    let aside = (budget.0 / Decimal::from(20)).floor();
    let count = Decimal::from(supports.len().max(1));
    let each = ((budget.0 - aside) / count).floor();
    let amount = |mut d: Decimal| {
        d.rescale(scheme.currency.minor_units());
        Money(d)
    };
    for s in &mut supports {
        s.amount = amount(each);
    }
    let contingency = (!aside.is_zero()).then(|| Contingency {
        amount: amount(aside),
        when: "If things get harder for a while".into(),
    });
    Plan {
        json_schema: None,
        starts,
        ends: add_days(starts, 364),
        review: Some(add_days(starts, 182)),
        goals,
        supports,
        contingency,
        crisis: None,
        holding: None,
        helpers: Vec::new(),
        risks: None,
        if_support_fails: None,
    }
}

/// What a person says at their review: each goal leans to some progress.
fn said(scheme: &Scheme, plan: &Plan, rng: &mut Rng) -> Said {
    let scale = review::scale(scheme);
    let goals = plan
        .goals
        .iter()
        .map(|g| {
            // Not started 20%, some progress 40%, achieved 30%, no longer a goal 10% on the
            // usual scale; evenly on a scheme's own.
            let u = rng.unit();
            let progress = if scale == review::PROGRESS {
                match u {
                    u if u < 0.2 => 0,
                    u if u < 0.6 => 1,
                    u if u < 0.9 => 2,
                    _ => 3,
                }
            } else {
                pick(rng, scale.len())
            };
            let (mut used, mut not_used) = (Vec::new(), Vec::new());
            for s in plan.supports.iter().filter(|s| s.goals.contains(&g.id)) {
                if rng.unit() < 0.75 {
                    used.push(s.id.clone());
                } else {
                    not_used.push(s.id.clone());
                }
            }
            GoalReview {
                goal: g.id.clone(),
                progress: scale.get(progress).copied().unwrap_or_default().into(),
                in_own_words: WORDS[progress.min(WORDS.len() - 1)].into(),
                helped: HELPED[pick(rng, HELPED.len())].into(),
                got_in_the_way: IN_THE_WAY[pick(rng, IN_THE_WAY.len())].into(),
                supports_used: used,
                supports_not_used: not_used,
                change: String::new(),
            }
        })
        .collect();
    Said {
        goals,
        contingency_used: plan.contingency.as_ref().map(|_| rng.unit() < 0.3),
        notes: String::new(),
    }
}

/// A number from 0 to `n - 1` (0 when `n` is 0).
fn pick(rng: &mut Rng, n: usize) -> usize {
    ((rng.unit() * n as f64) as usize).min(n.saturating_sub(1))
}

/// A random version 4 UUID in the app's form.
fn uuid(rng: &mut Rng) -> String {
    let (a, b) = (rng.next(), rng.next());
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    let a = (a & 0xffff_ffff_ffff_0fff) | 0x4000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

fn add_days(date: Date, days: i64) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + days).unwrap_or(date)
}

const GOALS: [&str; 5] = [
    "Get out of the house most days",
    "Sleep better",
    "Go back to college",
    "See friends again",
    "Manage my money",
];
const SUPPORTS: [&str; 5] = [
    "Weekly sessions with a peer mentor",
    "A gym membership",
    "A college course",
    "Bus fares",
    "Talking therapy",
];
const WORDS: [&str; 4] = [
    "I have not been able to start this yet",
    "Some weeks are better than others, but it is getting easier",
    "I did it",
    "This matters less to me now",
];
const HELPED: [&str; 3] = [
    "Having the same person each week",
    "Going with a friend",
    "Knowing the money was there",
];
const IN_THE_WAY: [&str; 3] = [
    "Being unwell for a few weeks",
    "The bus times",
    "Waiting for the support to start",
];
