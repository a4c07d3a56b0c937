//! What changed between two versions of a scheme, in words a council panel reads:
//! parameters in force on each version's date, points, questions, steps and settings.

use crate::impact::Version;
use waymark_engine::scheme::{AnswerKind, DatedValue, Parameter, Period, Question};
use waymark_words::Catalogue;

/// One change: what, its old value and its new value ("none" where there is none).
pub type Change = (String, String, String);

/// Every change from `old` to `new`, parameters first.
pub fn changes(c: &Catalogue, old: &Version, new: &Version) -> Vec<Change> {
    let mut out = Vec::new();
    parameters(c, old, new, &mut out);
    points(c, old, new, &mut out);
    questions(c, old, new, &mut out);
    steps(c, old, new, &mut out);
    settings(c, old, new, &mut out);
    out
}

const NONE: &str = "none";

fn parameters(c: &Catalogue, old: &Version, new: &Version, out: &mut Vec<Change>) {
    let value = |v: &Version, id: &str| {
        v.scheme.parameter(id).map_or_else(
            || NONE.to_owned(),
            |p| in_force(c, v, p, p.value_on(v.date).map(|(_, d)| d)),
        )
    };
    let ids = new
        .scheme
        .parameters
        .iter()
        .chain(&old.scheme.parameters)
        .map(|p| (p.id.as_str(), c.say(&p.label)));
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
fn in_force(c: &Catalogue, v: &Version, p: &Parameter, dated: Option<&DatedValue>) -> String {
    let Some(dated) = dated else {
        return NONE.to_owned();
    };
    let show = |value| c.value(value, p.unit, v.scheme.currency);
    if let Some(value) = dated.value {
        return show(value.0);
    }
    let bands = dated.bands.iter().flatten().map(|b| {
        let name = b
            .label
            .as_ref()
            .map_or_else(|| format!("from {}", b.min), |l| c.say(l).to_owned());
        format!("{name}: {}", show(b.value.0))
    });
    bands.collect::<Vec<_>>().join("; ")
}

fn points(c: &Catalogue, old: &Version, new: &Version, out: &mut Vec<Change>) {
    for (_, q) in new.scheme.questions() {
        let Some(before) = old.scheme.question(&q.id) else {
            continue;
        };
        for (answer, a, b) in answer_points(c, before, q) {
            out.push((
                format!(
                    "Points for \u{201c}{answer}\u{201d} to \u{201c}{}\u{201d}",
                    c.say(&q.text)
                ),
                a,
                b,
            ));
        }
    }
}

/// Each answer whose points differ: its label, old points, new points.
fn answer_points(c: &Catalogue, old: &Question, new: &Question) -> Vec<Change> {
    let list = |q: &Question| -> Vec<(String, String, String)> {
        match &q.answer {
            AnswerKind::Choice(options) => options
                .iter()
                .map(|o| {
                    (
                        o.id.clone(),
                        c.say(&o.label).to_owned(),
                        o.points.to_string(),
                    )
                })
                .collect(),
            AnswerKind::YesNo(p) => vec![
                ("yes".into(), c.app.yes.clone(), p.yes.to_string()),
                ("no".into(), c.app.no.clone(), p.no.to_string()),
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

fn questions(c: &Catalogue, old: &Version, new: &Version, out: &mut Vec<Change>) {
    for (_, q) in new.scheme.questions() {
        if old.scheme.question(&q.id).is_none() {
            let text = c.say(&q.text).to_owned();
            out.push(("Question added".into(), NONE.into(), text));
        }
    }
    for (_, q) in old.scheme.questions() {
        if new.scheme.question(&q.id).is_none() {
            let text = c.say(&q.text).to_owned();
            out.push(("Question removed".into(), text, NONE.into()));
        }
    }
}

fn steps(c: &Catalogue, old: &Version, new: &Version, out: &mut Vec<Change>) {
    let (a, b) = (&old.scheme.allocation.steps, &new.scheme.allocation.steps);
    let label = |s: &waymark_engine::scheme::Step| c.say(&s.label).to_owned();
    for step in b {
        match old.scheme.step(&step.id) {
            None => out.push(("Step added".into(), NONE.into(), label(step))),
            Some(was) if was.calc != step.calc || was.round != step.round => {
                out.push(("Step changed".into(), label(was), label(step)));
            }
            Some(_) => {}
        }
    }
    for step in a {
        if new.scheme.step(&step.id).is_none() {
            out.push(("Step removed".into(), label(step), NONE.into()));
        }
    }
}

fn settings(c: &Catalogue, old: &Version, new: &Version, out: &mut Vec<Change>) {
    let (a, b) = (&old.scheme, &new.scheme);
    if a.rounding != b.rounding {
        let words = |s: &waymark_engine::Scheme| {
            waymark_words::explain::rounding(
                c,
                s.rounding,
                s.currency,
                waymark_engine::scheme::Unit::Money,
            )
        };
        out.push(("Rounding of the final amounts".into(), words(a), words(b)));
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
        let got = changes(&crate::words::staff().ok().unwrap(), &old, &new);
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
        let got = changes(&crate::words::staff().ok().unwrap(), &old, &new);
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
