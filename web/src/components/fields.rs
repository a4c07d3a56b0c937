//! Small pieces of form and page markup shared by pages.

use crate::text::text;
use yew::prelude::*;

/// A hint under a label or legend; its id is `{id}-hint`.
pub fn hint(id: &str, words: &str) -> Html {
    html! {
        <div id={format!("{id}-hint")} class="govuk-hint">{ words.to_owned() }</div>
    }
}

/// An inline error message with a visually hidden "Error:" before it; its id is `{id}-error`.
pub fn error_message(id: &str, message: &str) -> Html {
    html! {
        <p id={format!("{id}-error")} class="govuk-error-message">
            <span class="govuk-visually-hidden">{ &text().app.error_prefix }</span>
            { " " }{ message.to_owned() }
        </p>
    }
}

/// A GOV.UK details element: `summary` to click, `content` revealed.
pub fn details(summary: &str, content: Html) -> Html {
    html! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{ summary.to_owned() }</span>
            </summary>
            <div class="govuk-details__text">{ content }</div>
        </details>
    }
}

/// GOV.UK warning text.
pub fn warning(words: &str) -> Html {
    html! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ &text().app.warning }</span>
                { words.to_owned() }
            </strong>
        </div>
    }
}

/// The arrow on a start button.
pub fn start_icon() -> Html {
    html! {
        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5"
            height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
    }
}
