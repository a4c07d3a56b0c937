//! Answers as GOV.UK summary lists, one per part of the scheme.

use crate::flow::Flow;
use crate::route::Route;
use crate::text::text;
use waymark_engine::{Answers, Scheme};
use waymark_words::explain::answer_words;
use yew::prelude::*;

/// Every question that applies with its answer, grouped by part under `heading` tags (like
/// `h2`); with `changeable`, each row has a change link that returns to check your answers.
pub fn answers_summary(scheme: &Scheme, given: &Answers, changeable: bool, heading: &str) -> Html {
    let t = text();
    let flow = Flow::new(scheme, given);
    let parts = scheme.sections.iter().enumerate().map(|(index, section)| {
        let rows: Vec<Html> = flow
            .applicable()
            .filter(|(s, _)| *s == index)
            .map(|(_, question)| {
                let answer = scheme
                    .question_index(&question.id)
                    .and_then(|i| flow.checked().answer(i))
                    .map(|a| answer_words(t, scheme, question, a))
                    .unwrap_or_default();
                let text = t.say(&question.text);
                html! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{ text }</dt>
                        <dd class="govuk-summary-list__value">{ answer }</dd>
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
