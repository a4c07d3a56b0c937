//! Which steps of the explanation changed a person's amount between two scheme versions.
//!
//! Comparing two explanations step by step (by id) finds every step whose result moved, but
//! most of those only pass on a change made earlier: if the price per point goes up, the
//! weighted amount and the total go up too. So the comparison starts at the yearly amount
//! and walks back only through inputs that carried a change to it, and names the steps
//! where a change *starts*: a parameter's value or band, the points an answer carries, a
//! fixed value, the arithmetic or rounding, or an eligibility threshold's outcome; and
//! steps added to or removed from the scheme. An input that did not decide a step's result
//! is not followed: a cap that held someone's budget in both versions hides what happened
//! below it, and a band lookup that lands in the same band hides a change of score.

use waymark_engine::explain::{ExplainedStep, Input, Op, Source};
use waymark_engine::Scheme;

/// The closing step whose change is explained.
const RESULT: &str = "annual";

/// The step ids of two scheme versions, to tell a step that was added or removed from one
/// that was not reached because a person was not eligible.
pub struct Versions {
    old: Vec<String>,
    new: Vec<String>,
}

impl Versions {
    /// The step ids of both versions.
    pub fn new(old: &Scheme, new: &Scheme) -> Versions {
        let ids = |s: &Scheme| s.allocation.steps.iter().map(|x| x.id.clone()).collect();
        Versions {
            old: ids(old),
            new: ids(new),
        }
    }

    /// The steps where the change from `old` to `new` in the yearly amount starts, in the
    /// order they are worked out.
    pub fn changed_by<'a>(
        &self,
        old: &'a [ExplainedStep],
        new: &'a [ExplainedStep],
    ) -> Vec<&'a ExplainedStep> {
        let mut named: Vec<(usize, &ExplainedStep)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut todo: Vec<&str> = vec![RESULT];
        while let Some(id) = todo.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let position = |steps: &[ExplainedStep]| steps.iter().position(|s| s.id == id);
            match (position(old), position(new)) {
                (Some(i), Some(j)) => {
                    let (a, b) = (&old[i], &new[j]);
                    if a.result == b.result && a.passed == b.passed {
                        continue;
                    }
                    let closing = !self.old.iter().chain(&self.new).any(|s| s == id);
                    let starts_here = if closing {
                        a.kind == b.kind && own_change(a, b)
                    } else {
                        a.passed != b.passed || own_change(a, b)
                    };
                    if starts_here {
                        named.push((j, b));
                    }
                    todo.extend(live_steps(a, Some(b), old));
                    todo.extend(live_steps(b, Some(a), new));
                }
                (Some(i), None) if !self.new.iter().any(|s| s == id) => {
                    named.push((new.len() + i, &old[i]));
                    todo.extend(live_steps(&old[i], None, old));
                }
                (None, Some(j)) if !self.old.iter().any(|s| s == id) => {
                    named.push((j, &new[j]));
                    todo.extend(live_steps(&new[j], None, new));
                }
                _ => {}
            }
        }
        named.sort_by_key(|(order, _)| *order);
        named.into_iter().map(|(_, step)| step).collect()
    }
}

/// Whether a step's own inputs or arithmetic differ, apart from earlier steps' results;
/// inputs that decided the result in neither version do not count.
fn own_change(a: &ExplainedStep, b: &ExplainedStep) -> bool {
    if a.kind != b.kind || a.rounding != b.rounding || a.inputs.len() != b.inputs.len() {
        return true;
    }
    let (da, db) = (deciding(a, Some(b)), deciding(b, Some(a)));
    a.inputs
        .iter()
        .zip(&b.inputs)
        .enumerate()
        .any(|(i, (x, y))| (da[i] || db[i]) && input_differs(x, y))
}

/// Whether two inputs differ in where they come from or, for anything but an earlier
/// step, in value.
fn input_differs(x: &Input, y: &Input) -> bool {
    let value = x.value != y.value;
    match (&x.source, &y.source) {
        (Source::Step { step: s }, Source::Step { step: t }) => s != t,
        (
            Source::Parameter {
                parameter: p,
                band: m,
                ..
            },
            Source::Parameter {
                parameter: q,
                band: n,
                ..
            },
        ) => p != q || m != n || value,
        (Source::Points { question: p, .. }, Source::Points { question: q, .. })
        | (Source::Answer { question: p, .. }, Source::Answer { question: q, .. })
        | (Source::Section { section: p }, Source::Section { section: q })
        | (Source::Setting { setting: p }, Source::Setting { setting: q }) => p != q || value,
        (Source::Fixed, Source::Fixed) => value,
        _ => true,
    }
}

/// For each of `step`'s inputs, whether it decided the result, given the same step in the
/// other version (if it has it). A cap or a floor is decided by the input the result came
/// from; a band lookup by the band, and by the score only if the band found differs.
fn deciding(step: &ExplainedStep, other: Option<&ExplainedStep>) -> Vec<bool> {
    match step.kind {
        Op::AtMost | Op::AtLeast => step.inputs.iter().map(|x| x.value == step.result).collect(),
        Op::Band => {
            let same_band = other.is_some_and(|o| {
                o.kind == Op::Band
                    && matches!((step.inputs.get(1), o.inputs.get(1)), (Some(x), Some(y)) if !input_differs(x, y))
            });
            (0..step.inputs.len())
                .map(|i| i != 0 || !same_band)
                .collect()
        }
        _ => vec![true; step.inputs.len()],
    }
}

/// The earlier steps that decided `step`'s result; `whole` is the explanation it belongs to.
fn live_steps<'a>(
    step: &'a ExplainedStep,
    other: Option<&ExplainedStep>,
    whole: &'a [ExplainedStep],
) -> Vec<&'a str> {
    if step.kind == Op::NotEligible {
        // Nothing is payable: the threshold that was not reached decided it.
        return whole
            .iter()
            .filter(|s| s.kind == Op::Require && s.passed == Some(false))
            .map(|s| s.id.as_str())
            .collect();
    }
    step.inputs
        .iter()
        .zip(deciding(step, other))
        .filter(|(_, decided)| *decided)
        .filter_map(|(x, _)| match &x.source {
            Source::Step { step } => Some(step.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_engine::{estimate, Answers, Date};

    fn scheme(text: &str) -> Scheme {
        Scheme::from_json(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The labels of the steps that changed a case's amount from demo 1 to demo 2.
    fn labels(answers: serde_json::Value) -> Vec<String> {
        let old = scheme(include_str!("../../tests/fixtures/council/demo-1.json"));
        let new = scheme(include_str!("../../tests/fixtures/council/demo-2.json"));
        let answers: Answers = serde_json::from_value(answers).unwrap();
        let date = Date::new(2026, 6, 1).unwrap();
        let a = estimate(&old, &answers, date).unwrap();
        let b = estimate(&new, &answers, date).unwrap();
        let versions = Versions::new(&old, &new);
        let words = crate::words::staff().ok().unwrap();
        versions
            .changed_by(&a.explanation, &b.explanation)
            .iter()
            .map(|s| waymark_words::explain::label(&words, &new, &s.id))
            .collect()
    }

    #[test]
    fn a_higher_price_is_named_and_what_it_passes_through_is_not() {
        let got = labels(serde_json::json!({"daily": "lots", "fluctuates": false, "age": 60}));
        assert_eq!(got, ["Your points times the price per point"]);
    }

    #[test]
    fn a_cap_that_held_in_both_versions_hides_the_price() {
        let got = labels(
            serde_json::json!({"daily": "lots", "fluctuates": true, "crisis": "often", "age": 20}),
        );
        assert_eq!(got, ["Keeping within the upper limit"]);
    }

    #[test]
    fn a_price_that_reaches_a_lower_cap_names_both() {
        let got = labels(
            serde_json::json!({"daily": "some", "fluctuates": true, "crisis": "often", "age": 24}),
        );
        assert_eq!(
            got,
            [
                "Your points times the price per point",
                "Keeping within the upper limit"
            ]
        );
    }

    #[test]
    fn a_higher_threshold_names_only_the_threshold() {
        let got = labels(serde_json::json!({"daily": "some", "fluctuates": false, "age": 30}));
        assert_eq!(got, ["Checking your points reach the level for a budget"]);
    }

    #[test]
    fn no_change_names_nothing() {
        let got = labels(
            serde_json::json!({"daily": "none", "fluctuates": true, "crisis": "rarely", "age": 50}),
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
