//! Confirmation before the saved answers are deleted from the device.

use crate::route::Route;
use crate::state::{Action, State};
use crate::text::text;
use yew::prelude::*;

/// "Are you sure you want to delete your answers from this device?"
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Delete);
        })
    };
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ &t.app.delete_heading }</h1>
            <p class="govuk-body">{ &t.app.delete_warning }</p>
            <form novalidate=true {onsubmit}>
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button govuk-button--warning">
                        { &t.app.delete_confirm }
                    </button>
                    <a class="govuk-link" href={Route::Saved.hash()}>{ &t.app.delete_cancel }</a>
                </div>
            </form>
        </>
    }
}
