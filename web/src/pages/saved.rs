//! What is saved on this device: resume, download, load from a file, delete.

use crate::components::{described_by, error_message, form_group, warning};
use crate::dom::files;
use crate::format::timestamp_date;
use crate::route::Route;
use crate::state::{Action, State, IMPORT_FIELD};
use crate::text::{fill, text};
use yew::prelude::*;

/// The saved-answers page.
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let state = &**store;
    let error = state
        .errors
        .iter()
        .find(|e| e.field == IMPORT_FIELD)
        .map(|e| AttrValue::from(e.message.clone()));
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let store = store.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // A file that cannot be read is reported as one that is not ours.
                let text = files::read_chosen(IMPORT_FIELD)
                    .await
                    .unwrap_or(Some(String::new()));
                store.dispatch(Action::Import(text));
            });
        })
    };
    let resume = state.scheme().map(|scheme| match &state.resume {
        Route::Start => state.flow(scheme).next_to_answer(),
        route => route.clone(),
    });
    let saved_when = state
        .saved_at
        .as_deref()
        .and_then(timestamp_date)
        .map(|date| fill(&t.app.saved_when, &[("date", &date)]));
    let group = form_group(error.is_some());
    html! {
        <>
            <h1 class="govuk-heading-xl" tabindex="-1">{ &t.app.saved_heading }</h1>
            if !state.storage_works {
                { warning(&t.app.storage_unavailable) }
            }
            if state.has_data() {
                <p class="govuk-body">{ &t.app.saved_intro }</p>
                if let Some(when) = saved_when {
                    <p class="govuk-body">{ when }</p>
                }
                if let Some(resume) = resume {
                    <a href={resume.hash()} class="govuk-button" draggable="false">
                        { &t.app.continue_saved }
                    </a>
                }
                <h2 class="govuk-heading-m">{ &t.app.export_heading }</h2>
                <p class="govuk-body">{ &t.app.export_body }</p>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={super::download(state)}>
                    { &t.app.download }
                </button>
                { super::review::links(state) }
            } else {
                <p class="govuk-body">{ &t.app.saved_none }</p>
            }
            <h2 class="govuk-heading-m">{ &t.app.import_heading }</h2>
            <form novalidate=true {onsubmit}>
                <div class={group}>
                    <label class="govuk-label" for={IMPORT_FIELD}>{ &t.app.import_label }</label>
                    <div id={format!("{IMPORT_FIELD}-hint")} class="govuk-hint">{ &t.app.import_hint }</div>
                    if let Some(message) = error.clone() {
                        { error_message(IMPORT_FIELD, &message) }
                    }
                    <input class="govuk-file-upload" id={IMPORT_FIELD} name={IMPORT_FIELD}
                        type="file" accept=".json,application/json"
                        aria-describedby={described_by(IMPORT_FIELD, true, error.is_some())} />
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary">
                    { &t.app.import_button }
                </button>
            </form>
            if state.has_data() {
                <h2 class="govuk-heading-m">{ &t.app.delete_section_heading }</h2>
                <p class="govuk-body">{ &t.app.delete_section_body }</p>
                <p class="govuk-body">
                    <a class="govuk-link" href={Route::Delete.hash()}>{ &t.app.delete_link }</a>
                </p>
            }
        </>
    }
}
