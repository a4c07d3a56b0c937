//! The start page: what this is, how long it takes, the privacy promise, and the way in.

use crate::components::{described_by, error_message, form_group, start_icon, warning};
use crate::dom::page;
use crate::format::{minutes_for, timestamp_date};
use crate::route::{heading, Route};
use crate::state::{Action, State, SCHEME_FIELD};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::Scheme;
use yew::prelude::*;

/// The start page, for one scheme or a choice between several.
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let state = &**store;
    let scheme = state.scheme().filter(|_| !state.choosing_scheme());
    let title = heading(&Route::Start, state.heading_scheme(), None);
    html! {
        <>
            <h1 class="govuk-heading-xl" tabindex="-1">{ title }</h1>
            <p class="govuk-body-l">{ &t.app.start_what }</p>
            if let Some(scheme) = scheme {
                <p class="govuk-body">{ text().say(&scheme.text.introduction) }</p>
            }
            <p class="govuk-body">{ &t.app.start_estimate }</p>
            <div class="govuk-inset-text"><p class="govuk-body">{ &t.app.start_privacy }</p></div>
            if !state.storage_works {
                { warning(&t.app.storage_unavailable) }
            }
            if let Some(scheme) = scheme {
                { one_scheme(state, scheme) }
            } else {
                { choose_scheme(store) }
            }
        </>
    }
}

/// The way in for the scheme in use: start, continue, or why today is not covered.
fn one_scheme(state: &State, scheme: &Rc<Scheme>) -> Html {
    let t = text();
    let flow = state.flow(scheme);
    let Some(date) = state.date else {
        return Html::default();
    };
    if !scheme.applies_on(date) {
        let words = fill(
            &t.app.start_not_covered,
            &[
                ("title", text().say(&scheme.title)),
                (
                    "dates",
                    &text().date_range(scheme.applies_from, scheme.applies_to),
                ),
                ("today", &text().date(date)),
                ("owner", text().say(&scheme.owner)),
            ],
        );
        return html! { { warning(&words) } };
    }
    let minutes = minutes_for(scheme.questions().count()).to_string();
    let time = html! {
        <p class="govuk-body">{ fill(&t.app.start_time, &[("minutes", &minutes)]) }</p>
    };
    if state.has_data() {
        let resume = match &state.resume {
            Route::Start => flow.next_to_answer(),
            route => route.clone(),
        };
        let saved = match state.saved_at.as_deref().and_then(timestamp_date) {
            Some(date) => html! {
                <p class="govuk-body">{ fill(&t.app.start_saved, &[("date", &date)]) }</p>
            },
            None => Html::default(),
        };
        return html! {
            <>
                { saved }
                <a href={resume.hash()} class="govuk-button" draggable="false">
                    { &t.app.continue_saved }
                </a>
                <p class="govuk-body">
                    <a class="govuk-link" href={Route::Delete.hash()}>{ &t.app.delete_link }</a>
                </p>
            </>
        };
    }
    html! {
        <>
            { time }
            <a href={flow.first().hash()} class="govuk-button govuk-button--start" draggable="false">
                { &t.app.start_button }{ start_icon() }
            </a>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Saved.hash()}>{ &t.app.start_load_file }</a>
            </p>
        </>
    }
}

/// Radios to choose between the schemes on offer, and the start button.
fn choose_scheme(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let error = store.errors.first().map(|e| e.message.clone());
    let chosen = store.scheme().map(|s| s.id.clone());
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let posted = page::posted(&event, SCHEME_FIELD);
            store.dispatch(Action::Begin(posted));
        })
    };
    let options = store.schemes.iter().enumerate().map(|(i, scheme)| {
        let id = if i == 0 {
            SCHEME_FIELD.to_owned()
        } else {
            format!("{SCHEME_FIELD}-{}", i + 1)
        };
        let hint = format!("{id}-item-hint");
        html! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id={id.clone()} name={SCHEME_FIELD} type="radio"
                    value={scheme.id.clone()} aria-describedby={hint.clone()}
                    checked={chosen.as_deref() == Some(scheme.id.as_str())} />
                <label class="govuk-label govuk-radios__label" for={id}>{ text().say(&scheme.title) }</label>
                <div id={hint} class="govuk-hint govuk-radios__hint">{ text().say(&scheme.owner) }</div>
            </div>
        }
    });
    let group = form_group(error.is_some());
    html! {
        <form novalidate=true {onsubmit}>
            <div class={group}>
                <fieldset class="govuk-fieldset"
                    aria-describedby={described_by(SCHEME_FIELD, false, error.is_some())}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">{ &t.app.start_choose_legend }</h2>
                    </legend>
                    if let Some(message) = error {
                        { error_message(SCHEME_FIELD, &message) }
                    }
                    <div class="govuk-radios">{ for options }</div>
                </fieldset>
            </div>
            <button type="submit" class="govuk-button govuk-button--start">
                { &t.app.start_button }{ start_icon() }
            </button>
        </form>
    }
}
