//! The page shown when the service could not start.

use crate::components::details;
use crate::text::text;
use yew::prelude::*;

/// "Sorry, there is a problem with the service", with the `messages` for the council in a
/// details element.
pub fn view(messages: &[String]) -> Html {
    let t = text();
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ &t.app.load_failed_heading }</h1>
            <p class="govuk-body">{ &t.app.load_failed_body }</p>
            { details(&t.app.load_failed_details, html! {
                <ul class="govuk-list">
                    { for messages.iter().map(|m| html! { <li>{ m }</li> }) }
                </ul>
            }) }
        </>
    }
}
