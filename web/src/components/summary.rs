//! Answers as GOV.UK summary lists, one per part of the scheme.

use crate::flow::Flow;
use crate::route::Route;
use crate::text::{fill, text};
use waymark_engine::Scheme;
use waymark_words::explain::answer_words;
use yew::prelude::*;

/// Every question asked with its answer, grouped by part under `heading` tags (like
/// `h2`); a practitioner's adjustment with its reason. With `changeable`, each row has a
/// change link that returns to check your answers.
pub fn answers_summary(scheme: &Scheme, flow: &Flow, changeable: bool, heading: &str) -> Html {
    let t = text();
    let parts = scheme.sections.iter().enumerate().map(|(index, section)| {
        let rows: Vec<Html> = flow
            .applicable()
            .filter(|(s, _)| *s == index)
            .map(|(_, question)| {
                let position = scheme.question_index(&question.id);
                let answer = position
                    .and_then(|i| flow.checked().answer(i))
                    .map(|a| answer_words(t, scheme, question, a));
                let reason = position
                    .and_then(|i| flow.checked().reasons.get(i))
                    .and_then(Option::as_deref);
                let answer = match answer {
                    None if question.practitioner => t.app.no_adjustment.clone(),
                    answer => answer.unwrap_or_default(),
                };
                let text = t.say(&question.text);
                html! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{ text }</dt>
                        <dd class="govuk-summary-list__value">
                            if let Some(reason) = reason {
                                <p class="govuk-body">{ answer }</p>
                                <p class="govuk-body waymark-notes govuk-!-margin-bottom-0">
                                    { fill(&t.app.check_reason, &[("reason", reason)]) }
                                </p>
                            } else {
                                { answer }
                            }
                        </dd>
                        if changeable {
                            <dd class="govuk-summary-list__actions">
                                <a class="govuk-link" href={Route::change(&question.id).hash()}>
                                    { &t.app.change }
                                    <span class="govuk-visually-hidden">{ " " }{ text }</span>
                                </a>
                            </dd>
                        }
                    </div>
                }
            })
            .collect();
        if rows.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <@{heading.to_owned()} class="govuk-heading-m">{ t.say(&section.title) }</@>
                <dl class="govuk-summary-list govuk-!-margin-bottom-9">{ for rows }</dl>
            </>
        }
    });
    html! { <>{ for parts }</> }
}
