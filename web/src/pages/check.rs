//! Check your answers: every answer with a change link, the way to mark the assessment as
//! supported by a practitioner when the scheme has questions only they answer, and the
//! estimate the answers give.

use super::estimate;
use crate::components::{answers_summary, around};
use crate::dom::page;
use crate::format::amount_template;
use crate::route::Route;
use crate::state::{Action, State};
use crate::text::{fill, text};
use yew::prelude::*;

/// The id of the checkbox that marks the assessment as supported.
const SUPPORTED_FIELD: &str = "supported";

/// The check-your-answers page, with the estimate the state worked out for the answers.
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let state = &**store;
    let (Some(scheme), Some(date), Some(worked)) = (state.scheme(), state.date, &state.worked)
    else {
        return Html::default();
    };
    let currency = scheme.currency;
    let amount = match &worked.estimate {
        Ok(e) if e.has_amount() => html! {
            <>
                <p class="govuk-body">{ &t.app.check_estimate_lead }</p>
                <p class="govuk-body-l">
                    { around(amount_template(e.period), "amount", html! {
                        <strong id="check-annual-amount">{ t.money(e.annual.0, currency) }</strong>
                    }) }
                </p>
                if let Some(weekly) = e.weekly {
                    <p class="govuk-body">
                        { fill(&t.app.about_a_week, &[("weekly", &t.money(weekly.0, currency))]) }
                    </p>
                }
            </>
        },
        Ok(e) if e.conversation => html! {
            <p class="govuk-body" id="check-conversation">{ &t.app.check_conversation }</p>
        },
        Ok(_) => html! { <p class="govuk-body">{ &t.app.check_not_eligible }</p> },
        Err(issues) => html! {
            <p class="govuk-body">{ estimate::why_not(issues, scheme, date) }</p>
        },
    };
    let has_practitioner = scheme
        .sections
        .iter()
        .any(|s| s.questions.iter().any(|q| q.practitioner));
    html! {
        <>
            <h1 class="govuk-heading-xl" tabindex="-1">{ &t.app.check_heading }</h1>
            { answers_summary(scheme, &state.flow(scheme), true, "h2") }
            if has_practitioner {
                { supported(store) }
            }
            <h2 class="govuk-heading-m">{ &t.app.check_estimate_heading }</h2>
            <div class="waymark-estimate" data-estimate-us={worked.us.to_string()}>{ amount }</div>
            <a href={Route::Result.hash()} class="govuk-button" draggable="false">
                { &t.app.check_see_result }
            </a>
        </>
    }
}

/// A checkbox that marks the assessment as completed with a practitioner, so their
/// questions are asked, in a form of its own.
fn supported(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let ticked = page::posted(&event, SUPPORTED_FIELD).is_some();
            store.dispatch(Action::Supported(ticked));
        })
    };
    let hint = format!("{SUPPORTED_FIELD}-hint");
    let item_hint = format!("{SUPPORTED_FIELD}-item-hint");
    html! {
        <form class="waymark-no-print" novalidate=true {onsubmit} id="supported-form">
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby={hint.clone()}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">{ &t.app.supported_heading }</h2>
                    </legend>
                    <div id={hint} class="govuk-hint">{ &t.app.supported_body }</div>
                    <div class="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id={SUPPORTED_FIELD}
                                name={SUPPORTED_FIELD} type="checkbox" value="yes"
                                checked={store.supported} aria-describedby={item_hint.clone()} />
                            <label class="govuk-label govuk-checkboxes__label" for={SUPPORTED_FIELD}>
                                { &t.app.supported_label }
                            </label>
                            <div id={item_hint} class="govuk-hint govuk-checkboxes__hint">
                                { &t.app.supported_hint }
                            </div>
                        </div>
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">
                { &t.app.supported_button }
            </button>
        </form>
    }
}
