//! Stateless components in GOV.UK Design System markup; each takes everything it shows as props.

use crate::example::Example;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The name of the service, after the council's name in the header.
pub const SERVICE_NAME: &str = "Estimate a personal budget";

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Who runs the scheme, once it is known.
    pub owner: Option<AttrValue>,
}

/// The generic header: the council's name and the service name. No crown, no GOV.UK logo.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let owner = props.owner.clone().unwrap_or_else(|| "Waymark".into());
    html! {
        <header class="govuk-header">
            <div class="govuk-header__container govuk-width-container">
                <div class="govuk-header__logo">
                    <span class="govuk-header__logotype-text">{ owner }</span>
                </div>
                <div class="govuk-header__content">
                    <a href="./" class="govuk-header__link govuk-header__service-name">
                        { SERVICE_NAME }
                    </a>
                </div>
            </div>
        </header>
    }
}

/// The footer, with the promise the design keeps: answers stay on the device.
#[function_component]
pub fn Footer() -> Html {
    html! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <p class="govuk-footer__text">
                            { "The estimate is worked out on this device. Your answers are not sent anywhere." }
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// The problems, in plain words.
    pub messages: Rc<Vec<String>>,
}

/// A GOV.UK error summary that takes focus when it appears, so screen readers announce it.
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with((), move |_| {
            if let Some(element) = summary.cast::<HtmlElement>() {
                // Focus can fail only if the element has gone; there is nothing else to do then.
                let _ = element.focus();
            }
        });
    }
    html! {
        <div class="govuk-error-summary" tabindex="-1" ref={summary}>
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ "There is a problem" }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for props.messages.iter().map(|m| html! { <li>{ sentence(m) }</li> }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// Properties of [`ExampleView`].
#[derive(Properties, PartialEq)]
pub struct ExampleProps {
    /// The worked example to show.
    pub example: Rc<Example>,
}

/// A worked example: the amounts, then every step that led to them.
#[function_component]
pub fn ExampleView(props: &ExampleProps) -> Html {
    let example = &props.example;
    let outcome = &example.outcome;
    html! {
        <>
            <span class="govuk-caption-l">
                { format!("{}, version {}", outcome.title, outcome.version) }
            </span>
            <h1 class="govuk-heading-xl">{ "Example estimate" }</h1>
            <p class="govuk-body">
                <strong>{ format!("Worked example, assessed on {}:", example.date) }</strong>
                { " " }{ &example.case }
            </p>
            if !outcome.eligible {
                <p class="govuk-body">{ "On these answers the scheme does not give a budget." }</p>
            }
            <div class="govuk-inset-text waymark-amount">
                <p class="govuk-body-l">
                    <strong id="annual-amount">{ &outcome.annual }</strong>{ " a year" }
                </p>
                if let Some(weekly) = &outcome.weekly {
                    <p class="govuk-body">
                        { "That is " }<span id="weekly-amount">{ weekly }</span>{ " a week." }
                    </p>
                }
            </div>
            <h2 class="govuk-heading-m">{ "How this was worked out" }</h2>
            <ol class="govuk-list govuk-list--number">
                { for outcome.steps.iter().map(|step| html! { <li>{ step }</li> }) }
            </ol>
        </>
    }
}

/// Starts a message with a capital letter, as GOV.UK error messages do; the engine's own
/// messages are lower case so that they read well after a path.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn messages_start_with_a_capital() {
        assert_eq!(
            sentence("could not fetch config.json"),
            "Could not fetch config.json"
        );
        assert_eq!(sentence(""), "");
    }
}
