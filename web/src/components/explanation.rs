//! "How we worked this out": every step of the engine's explanation, in the catalogue's
//! words (through `waymark-words`, which the command line shares).

use crate::components::{around, details};
use crate::text::text;
use waymark_engine::{Estimate, Scheme};
use waymark_words::explain::{self, ParameterLine, StepWords};
use yew::prelude::*;

/// Which scheme and version made the estimate, from which date's figures, and then each
/// step: what it does, the sentence of its arithmetic, why it is there, and every figure
/// it read from the scheme with the dates it applies and the document that set it.
pub fn explanation(scheme: &Scheme, estimate: &Estimate) -> Html {
    let t = text();
    let [about, when] = explain::about(t, scheme, estimate);
    html! {
        <>
            <p class="govuk-body">{ about }</p>
            <p class="govuk-body">{ when }</p>
            <ol class="govuk-list govuk-list--number waymark-steps">
                { for explain::steps(t, scheme, estimate).into_iter().map(step) }
            </ol>
        </>
    }
}

/// One step of the explanation.
fn step(step: StepWords) -> Html {
    let t = text();
    html! {
        <li class="waymark-step">
            <h3 class="govuk-heading-s">{ step.label }</h3>
            <p class="govuk-body waymark-step__sum">{ step.sentence }</p>
            if let Some(description) = step.description {
                <p class="govuk-body">{ description }</p>
            }
            if let Some(reason) = step.reason {
                <p class="govuk-body"><strong>{ &t.explain.reason }</strong>{ " " }{ reason }</p>
            }
            // A practitioner's adjustment is shown with its reason, not only among the
            // answers folded away below.
            for adjustment in step.adjustments.iter() {
                <p class="govuk-body waymark-step__adjustment">{ adjustment }</p>
            }
            if !step.parameters.is_empty() {
                <ul class="govuk-list govuk-list--bullet">
                    { for step.parameters.iter().map(parameter) }
                </ul>
            }
            if !step.answers.is_empty() {
                { details(&t.explain.answers_summary, html! {
                    <ul class="govuk-list govuk-list--bullet">
                        { for step.answers.into_iter().map(|a| html! { <li>{ a }</li> }) }
                    </ul>
                }) }
            }
        </li>
    }
}

/// A figure from the scheme: its name, value, dates, band and the document that set it,
/// linked when the document is online.
fn parameter(line: &ParameterLine) -> Html {
    let t = text();
    let Some(reference) = line.reference else {
        return html! { <li>{ line.text(t) }</li> };
    };
    let title = t.say(&reference.title).to_owned();
    let title = match &reference.url {
        Some(url) => html! { <a class="govuk-link" href={url.clone()}>{ title }</a> },
        None => html! { { title } },
    };
    html! { <li>{ around(&line.fill_but_reference(t), "reference", title) }</li> }
}
