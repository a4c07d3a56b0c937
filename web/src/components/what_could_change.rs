//! "What could change this": for each answer, what a different one would give.

use crate::components::details;
use crate::format::money;
use crate::text::{fill, text};
use waymark_engine::alternatives::{Alternative, QuestionAlternatives};
use waymark_engine::{Decimal, Estimate};
use yew::prelude::*;

/// The questions where another answer would change the amount compared with `estimate`,
/// each in a details element listing the other answers and what each would give. `per`
/// is written after an amount: "a year", or "as a single payment".
pub fn what_could_change(
    alternatives: &[QuestionAlternatives],
    estimate: &Estimate,
    symbol: &str,
    per: &str,
) -> Html {
    let t = text();
    let lines = |q: &QuestionAlternatives| -> Vec<String> {
        q.alternatives
            .iter()
            .filter_map(|a| line(a, estimate.eligible, symbol, per))
            .collect()
    };
    let questions: Vec<Html> = alternatives
        .iter()
        .filter_map(|q| {
            let lines = lines(q);
            (!lines.is_empty()).then(|| {
                details(&q.text, html! {
                    <>
                        <p class="govuk-body">{ fill(t.you_answered, &[("answer", &q.current)]) }</p>
                        <ul class="govuk-list govuk-list--bullet">
                            { for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }
                        </ul>
                    </>
                })
            })
        })
        .collect();
    if questions.is_empty() {
        return html! { <p class="govuk-body">{ t.nothing_changes }</p> };
    }
    html! {
        <>
            <p class="govuk-body">{ t.change_intro }</p>
            { for questions }
        </>
    }
}

/// What one other answer would give, or `None` when it would give the same.
fn line(alternative: &Alternative, eligible_now: bool, symbol: &str, per: &str) -> Option<String> {
    let t = text();
    let answer = alternative.label.as_str();
    let Some(outcome) = &alternative.outcome else {
        return Some(fill(t.alternative_more_questions, &[("answer", answer)]));
    };
    if !outcome.eligible {
        return eligible_now.then(|| fill(t.alternative_not_eligible, &[("answer", answer)]));
    }
    let change = outcome.change.0;
    if change.is_zero() && eligible_now {
        return None;
    }
    let difference = if change < Decimal::ZERO {
        fill(t.less, &[("amount", &money(change.abs(), symbol))])
    } else {
        fill(t.more, &[("amount", &money(change, symbol))])
    };
    let amount = format!("{} {per}", money(outcome.annual.0, symbol));
    Some(fill(
        t.alternative,
        &[
            ("answer", answer),
            ("amount", &amount),
            ("difference", &difference),
        ],
    ))
}
