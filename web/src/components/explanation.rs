//! "How we worked this out": every step of the engine's explanation.

use crate::components::{around, details};
use crate::format::{date_range, long_date};
use crate::text::{fill, text};
use waymark_engine::explain::{show, ExplainedStep, Input, Source};
use waymark_engine::{Estimate, Scheme};
use yew::prelude::*;

/// Which scheme and version made the estimate, from which date's figures, and then each
/// step: what it does, the sentence of its arithmetic, why it is there, and every figure
/// it read from the scheme with the dates it applies and the document that set it.
pub fn explanation(scheme: &Scheme, estimate: &Estimate) -> Html {
    let t = text();
    let scheme_ref = &estimate.scheme;
    let about = fill(
        t.worked_out_scheme,
        &[
            ("title", &scheme_ref.title),
            ("version", &scheme_ref.version),
            ("owner", &scheme_ref.owner),
            (
                "dates",
                &date_range(scheme_ref.applies_from, scheme_ref.applies_to),
            ),
        ],
    );
    let when = fill(t.worked_out_date, &[("date", &long_date(estimate.date))]);
    let symbol = scheme.currency.symbol();
    html! {
        <>
            <p class="govuk-body">{ about }</p>
            <p class="govuk-body">{ when }</p>
            <ol class="govuk-list govuk-list--number waymark-steps">
                { for estimate.explanation.iter().map(|s| step(s, scheme, symbol)) }
            </ol>
        </>
    }
}

/// One step of the explanation.
fn step(step: &ExplainedStep, scheme: &Scheme, symbol: &str) -> Html {
    let t = text();
    let figures: Vec<Html> = step
        .inputs
        .iter()
        .filter_map(|input| parameter(input, symbol))
        .collect();
    let answers: Vec<String> = step
        .inputs
        .iter()
        .filter_map(|input| from_answer(input, scheme, symbol))
        .collect();
    html! {
        <li class="waymark-step">
            <h3 class="govuk-heading-s">{ &step.label }</h3>
            <p class="govuk-body waymark-step__sum">{ &step.text }</p>
            if let Some(description) = &step.description {
                <p class="govuk-body">{ description }</p>
            }
            if let Some(reason) = &step.reason {
                <p class="govuk-body"><strong>{ t.step_reason }</strong>{ " " }{ reason }</p>
            }
            if !figures.is_empty() {
                <ul class="govuk-list govuk-list--bullet">{ for figures }</ul>
            }
            if !answers.is_empty() {
                { details(t.step_answers, html! {
                    <ul class="govuk-list govuk-list--bullet">
                        { for answers.into_iter().map(|a| html! { <li>{ a }</li> }) }
                    </ul>
                }) }
            }
        </li>
    }
}

/// A figure from the scheme: its name, value, dates, band and the document that set it.
fn parameter(input: &Input, symbol: &str) -> Option<Html> {
    let Source::Parameter {
        from,
        to,
        band,
        reference,
        ..
    } = &input.source
    else {
        return None;
    };
    let t = text();
    let mut line = fill(
        t.step_parameter,
        &[
            ("label", &input.label),
            ("value", &show(input.value, input.unit, symbol)),
            ("dates", &date_range(*from, *to)),
        ],
    );
    if let Some(band) = band {
        line.push_str(", ");
        line.push_str(&fill(t.step_band, &[("band", band)]));
    }
    let reference = reference.as_ref().map(|r| {
        let title = match &r.url {
            Some(url) => html! { <a class="govuk-link" href={url.clone()}>{ &r.title }</a> },
            None => html! { { &r.title } },
        };
        html! { <>{ ", " }{ around(t.step_reference, "reference", title) }</> }
    });
    Some(html! { <li>{ line }{ for reference }</li> })
}

/// An answer a step read: the question and the answer, with its points when it carried them.
fn from_answer(input: &Input, scheme: &Scheme, symbol: &str) -> Option<String> {
    let t = text();
    let (question, answer, template) = match &input.source {
        Source::Points { question, answer } => (question, answer, t.step_points),
        Source::Answer { question, answer } => (question, answer, t.step_answer),
        _ => return None,
    };
    let question = scheme
        .question(question)
        .map_or(question.as_str(), |q| &q.text);
    Some(fill(
        template,
        &[
            ("question", question),
            ("answer", answer),
            ("value", &show(input.value, input.unit, symbol)),
        ],
    ))
}
