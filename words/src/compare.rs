//! A comparison of two estimates for one person as plain text in one language: the change
//! first (a decrease with where it started and how to ask for the amount to be looked at
//! again), then both estimates and every answer that changed.

use crate::catalogue::Catalogue;
use crate::{explain, fill, report};
use waymark_engine::compare::Comparison;
use waymark_engine::{Answers, Money, Scheme};

/// The two sides of a comparison as the person gave them: each scheme version and the
/// answers worked out under it.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    /// The earlier scheme version.
    pub before: &'a Scheme,
    /// The earlier answers.
    pub before_answers: &'a Answers,
    /// The later scheme version.
    pub after: &'a Scheme,
    /// The later answers.
    pub after_answers: &'a Answers,
}

/// The comparison as text, in the catalogue's language.
pub fn comparison(c: &Catalogue, given: Given<'_>, cmp: &Comparison) -> String {
    let r = &c.report;
    let (before, after) = (&cmp.before, &cmp.after);
    let was = |m: Money| c.money(m.0, given.before.currency);
    let now = |m: Money| c.money(m.0, given.after.currency);
    let mut out = String::new();
    let both = cmp.difference.is_some();
    let difference = cmp.difference.unwrap_or_default().0;
    let headline = if both && difference.is_sign_negative() && !difference.is_zero() {
        fill(
            &r.compare_down,
            &[
                ("difference", &now(Money(-difference))),
                ("before", &was(before.annual)),
                ("after", &now(after.annual)),
            ],
        )
    } else if both && !difference.is_zero() {
        fill(
            &r.compare_up,
            &[
                ("difference", &now(Money(difference))),
                ("before", &was(before.annual)),
                ("after", &now(after.annual)),
            ],
        )
    } else if both {
        fill(&r.compare_same, &[("amount", &now(after.annual))])
    } else if (before.eligible, before.conversation) != (after.eligible, after.conversation) {
        r.compare_changed.clone()
    } else {
        // Neither has an amount, for the same reason: the estimates below say so.
        String::new()
    };
    if !headline.is_empty() {
        out.push_str(&headline);
        out.push('\n');
    }
    if !cmp.changed_steps.is_empty() {
        out.push('\n');
        out.push_str(&r.compare_why);
        out.push('\n');
        for id in &cmp.changed_steps {
            let (scheme, step) = match after.explanation.iter().find(|s| &s.id == id) {
                Some(step) => (given.after, step),
                None => match before.explanation.iter().find(|s| &s.id == id) {
                    Some(step) => (given.before, step),
                    None => continue,
                },
            };
            let words = explain::step_words(c, scheme, step);
            let line = fill(
                &r.step,
                &[("label", &words.label), ("sentence", &words.sentence)],
            );
            out.push_str(&format!("  {line}\n"));
            if let Some(d) = words.description {
                out.push_str(&format!("    {d}\n"));
            }
            if let Some(reason) = words.reason {
                out.push_str(&format!("    {} {reason}\n", c.explain.reason));
            }
            for p in &words.parameters {
                out.push_str(&format!("    {}\n", p.text(c)));
            }
        }
    }
    let went_down = !difference.is_zero() && difference.is_sign_negative()
        || (before.has_amount() && !after.has_amount());
    if went_down {
        out.push('\n');
        let owner = c.say(&given.after.owner);
        out.push_str(&fill(&r.compare_look_again, &[("owner", owner)]));
        out.push('\n');
    }
    for (heading, scheme, e) in [
        (&r.compare_before, given.before, before),
        (&r.compare_after, given.after, after),
    ] {
        out.push('\n');
        out.push_str(&fill(heading, &[("date", &c.date(e.date))]));
        out.push('\n');
        out.push_str(&report::amount(c, scheme, e));
        out.push('\n');
    }
    out.push('\n');
    if cmp.changed_answers.is_empty() {
        out.push_str(&r.compare_no_answers);
        out.push('\n');
        return out;
    }
    out.push_str(&r.compare_answers);
    out.push('\n');
    for id in &cmp.changed_answers {
        let scheme = match given.after.question(id) {
            Some(_) => given.after,
            None => given.before,
        };
        let question = scheme.question(id).map_or(id.as_str(), |q| c.say(&q.text));
        let words = |scheme: &Scheme, answers: &Answers| match answers.0.get(id) {
            None | Some(serde_json::Value::Null) => r.compare_not_answered.clone(),
            Some(serde_json::Value::Object(adjusted)) => adjusted
                .get("answer")
                .map_or_else(String::new, |a| explain::answer_text(c, scheme, id, a)),
            Some(a) => explain::answer_text(c, scheme, id, a),
        };
        let line = fill(
            &r.compare_answer,
            &[
                ("question", question),
                ("before", &words(given.before, given.before_answers)),
                ("after", &words(given.after, given.after_answers)),
            ],
        );
        out.push_str(&format!("  {line}\n"));
    }
    out
}
