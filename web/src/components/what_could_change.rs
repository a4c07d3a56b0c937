//! "What could change this": for each answer, what a different one would give.

use crate::components::details;
use crate::format::money_for;
use crate::text::{fill, text};
use waymark_engine::alternatives::{Alternative, QuestionAlternatives};
use waymark_engine::{Decimal, Estimate, Scheme};
use waymark_words::explain::answer_text;
use yew::prelude::*;

/// The questions where another answer would change the amount compared with `estimate`,
/// each in a details element listing the other answers and what each would give.
pub fn what_could_change(
    scheme: &Scheme,
    alternatives: &[QuestionAlternatives],
    estimate: &Estimate,
) -> Html {
    let t = text();
    let questions: Vec<Html> = alternatives
        .iter()
        .filter_map(|q| {
            let lines: Vec<String> = q
                .alternatives
                .iter()
                .filter_map(|a| line(scheme, &q.question, a, estimate))
                .collect();
            let question = scheme.question(&q.question)?;
            let current = answer_text(t, scheme, &q.question, &q.current);
            (!lines.is_empty()).then(|| {
                details(t.say(&question.text), html! {
                    <>
                        <p class="govuk-body">{ fill(&t.app.you_answered, &[("answer", &current)]) }</p>
                        <ul class="govuk-list govuk-list--bullet">
                            { for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }
                        </ul>
                    </>
                })
            })
        })
        .collect();
    if questions.is_empty() {
        return html! { <p class="govuk-body">{ &t.app.nothing_changes }</p> };
    }
    html! {
        <>
            <p class="govuk-body">{ &t.app.change_intro }</p>
            { for questions }
        </>
    }
}

/// What one other answer to `question` would give, or `None` when it would give the same.
fn line(
    scheme: &Scheme,
    question: &str,
    alternative: &Alternative,
    now: &Estimate,
) -> Option<String> {
    let t = text();
    let answer = answer_text(t, scheme, question, &alternative.answer);
    let answer = answer.as_str();
    let Some(outcome) = &alternative.outcome else {
        return Some(fill(
            &t.app.alternative_more_questions,
            &[("answer", answer)],
        ));
    };
    if !outcome.eligible {
        return now
            .eligible
            .then(|| fill(&t.app.alternative_not_eligible, &[("answer", answer)]));
    }
    if outcome.conversation {
        return (!now.conversation)
            .then(|| fill(&t.app.alternative_conversation, &[("answer", answer)]));
    }
    let amount = money_for(now.period, outcome.annual.0, scheme.currency);
    if now.conversation {
        return Some(fill(
            &t.app.alternative_amount,
            &[("answer", answer), ("amount", &amount)],
        ));
    }
    let change = outcome.change?.0;
    if change.is_zero() && now.eligible {
        return None;
    }
    let template = if change < Decimal::ZERO {
        &t.app.alternative_less
    } else {
        &t.app.alternative_more
    };
    Some(fill(
        template,
        &[
            ("answer", answer),
            ("amount", &amount),
            ("change", &t.money(change.abs(), scheme.currency)),
        ],
    ))
}
