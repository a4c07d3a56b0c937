//! What changed between two versions of a scheme, in words a council panel reads:
//! parameters in force on each version's date, points, questions, steps and settings.

use crate::impact::Version;
use waymark_engine::explain::show;
use waymark_engine::scheme::{AnswerKind, DatedValue, Parameter, Period, Question};

/// One change: what, its old value and its new value ("none" where there is none).
pub type Change = (String, String, String);

/// Every change from `old` to `new`, parameters first.
pub fn changes(old: &Version, new: &Version) -> Vec<Change> {
    let mut out = Vec::new();
    parameters(old, new, &mut out);
    points(old, new, &mut out);
    questions(old, new, &mut out);
    steps(old, new, &mut out);
    settings(old, new, &mut out);
    out
}

const NONE: &str = "none";

fn parameters(old: &Version, new: &Version, out: &mut Vec<Change>) {
    let symbol = new.scheme.currency.symbol();
    let value = |v: &Version, id: &str| {
        v.scheme.parameter(id).map_or_else(
            || NONE.to_owned(),
            |p| in_force(p, p.value_on(v.date).map(|(_, d)| d), symbol),
        )
    };
    let ids = new
        .scheme
        .parameters
        .iter()
        .chain(&old.scheme.parameters)
        .map(|p| (p.id.as_str(), p.label.as_str()));
    let mut seen = Vec::new();
    for (id, label) in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let (a, b) = (value(old, id), value(new, id));
        if a != b {
            out.push((label.to_owned(), a, b));
        }
    }
}

/// A parameter's value on a date: one value, or a table of bands.
fn in_force(p: &Parameter, dated: Option<&DatedValue>, symbol: &str) -> String {
    let Some(dated) = dated else {
        return NONE.to_owned();
    };
    if let Some(v) = dated.value {
        return show(v.0, p.unit, symbol);
    }
    let bands = dated.bands.iter().flatten().map(|b| {
        let name = b.label.clone().unwrap_or_else(|| format!("from {}", b.min));
        format!("{name}: {}", show(b.value.0, p.unit, symbol))
    });
    bands.collect::<Vec<_>>().join("; ")
}

fn points(old: &Version, new: &Version, out: &mut Vec<Change>) {
    for (_, q) in new.scheme.questions() {
        let Some(before) = old.scheme.question(&q.id) else {
            continue;
        };
        for (answer, a, b) in answer_points(before, q) {
            out.push((
                format!(
                    "Points for \u{201c}{answer}\u{201d} to \u{201c}{}\u{201d}",
                    q.text
                ),
                a,
                b,
            ));
        }
    }
}

/// Each answer whose points differ: its label, old points, new points.
fn answer_points(old: &Question, new: &Question) -> Vec<Change> {
    let list = |q: &Question| -> Vec<(String, String, String)> {
        match &q.answer {
            AnswerKind::Choice(options) => options
                .iter()
                .map(|o| (o.id.clone(), o.label.clone(), o.points.to_string()))
                .collect(),
            AnswerKind::YesNo(p) => vec![
                ("yes".into(), "Yes".into(), p.yes.to_string()),
                ("no".into(), "No".into(), p.no.to_string()),
            ],
            _ => Vec::new(),
        }
    };
    let (before, after) = (list(old), list(new));
    let find = |l: &[(String, String, String)], id: &str| {
        l.iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, p)| p.clone())
    };
    let mut out = Vec::new();
    for (id, label, points) in &after {
        let was = find(&before, id).unwrap_or_else(|| NONE.to_owned());
        if &was != points {
            out.push((label.clone(), was, points.clone()));
        }
    }
    for (id, label, points) in &before {
        if find(&after, id).is_none() {
            out.push((label.clone(), points.clone(), NONE.to_owned()));
        }
    }
    out
}

fn questions(old: &Version, new: &Version, out: &mut Vec<Change>) {
    for (_, q) in new.scheme.questions() {
        if old.scheme.question(&q.id).is_none() {
            out.push(("Question added".into(), NONE.into(), q.text.clone()));
        }
    }
    for (_, q) in old.scheme.questions() {
        if new.scheme.question(&q.id).is_none() {
            out.push(("Question removed".into(), q.text.clone(), NONE.into()));
        }
    }
}

fn steps(old: &Version, new: &Version, out: &mut Vec<Change>) {
    let (a, b) = (&old.scheme.allocation.steps, &new.scheme.allocation.steps);
    for step in b {
        match a.iter().find(|s| s.id == step.id) {
            None => out.push(("Step added".into(), NONE.into(), step.label.clone())),
            Some(was) if was.calc != step.calc || was.round != step.round => {
                out.push(("Step changed".into(), was.label.clone(), step.label.clone()));
            }
            Some(_) => {}
        }
    }
    for step in a {
        if !b.iter().any(|s| s.id == step.id) {
            out.push(("Step removed".into(), step.label.clone(), NONE.into()));
        }
    }
}

fn settings(old: &Version, new: &Version, out: &mut Vec<Change>) {
    let (a, b) = (&old.scheme, &new.scheme);
    if a.rounding != b.rounding {
        out.push((
            "Rounding of the final amounts".into(),
            a.rounding.describe(),
            b.rounding.describe(),
        ));
    }
    let weeks = |s: &waymark_engine::Scheme| {
        s.weeks_per_year
            .map_or_else(|| "52".to_owned(), |w| w.to_string())
    };
    if weeks(a) != weeks(b) {
        out.push(("Weeks in a year".into(), weeks(a), weeks(b)));
    }
    if a.period != b.period {
        out.push((
            "What the amount is for".into(),
            period(a.period).into(),
            period(b.period).into(),
        ));
    }
}

fn period(p: Period) -> &'static str {
    match p {
        Period::Annual => "a yearly amount",
        Period::Weekly => "a weekly amount",
        Period::OneOff => "a one-off payment",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_engine::{Date, Scheme};

    fn version(text: &str) -> Version {
        let scheme = Scheme::from_json(text).unwrap_or_else(|e| panic!("{e:?}"));
        Version {
            path: String::new(),
            scheme,
            date: Date::new(2026, 6, 1).unwrap(),
        }
    }

    #[test]
    fn names_the_parameters_that_changed() {
        let old = version(include_str!("../../tests/fixtures/council/demo-1.json"));
        let new = version(include_str!("../../tests/fixtures/council/demo-2.json"));
        let got = changes(&old, &new);
        let want = [
            ("Price per point", "£48.00", "£52.00"),
            ("Points needed for a budget", "5", "12"),
            ("Upper limit", "£1,500.00", "£1,200.00"),
        ];
        let want: Vec<Change> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn names_points_questions_and_steps_that_changed() {
        let text = include_str!("../../tests/fixtures/council/demo-1.json");
        let old = version(text);
        let new = version(
            &text
                .replace(
                    r#""label": "A lot", "points": 20"#,
                    r#""label": "A lot", "points": 25"#,
                )
                .replace(
                    r#""id": "age", "text": "How old are you?""#,
                    r#""id": "years", "text": "How old are you?""#,
                )
                .replace(r#"{"answer": "age"}"#, r#"{"answer": "years"}"#),
        );
        let got = changes(&old, &new);
        let what: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            what,
            [
                "Points for \u{201c}A lot\u{201d} to \u{201c}How much help do you need with everyday things?\u{201d}",
                "Question added",
                "Question removed",
                "Step changed"
            ]
        );
        assert_eq!((got[0].1.as_str(), got[0].2.as_str()), ("20", "25"));
    }
}
