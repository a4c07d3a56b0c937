//! The error summary at the top of a page with errors.

use crate::answer::FieldError;
use crate::dom::page;
use crate::text::text;
use yew::prelude::*;

/// A GOV.UK error summary. The app moves focus to it when it appears; each link moves
/// focus to its field and brings the question into view, without changing the address.
pub fn error_summary(errors: &[FieldError]) -> Html {
    let item = |error: &FieldError| {
        let field = error.field.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            page::focus_field(&field);
        });
        html! {
            <li><a href={format!("#{}", error.field)} {onclick}>{ &error.message }</a></li>
        }
    };
    html! {
        <div class="govuk-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ &text().app.error_summary_title }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for errors.iter().map(item) }
                    </ul>
                </div>
            </div>
        </div>
    }
}
