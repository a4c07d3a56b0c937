//! The result: the estimate in hopeful plain words, how it was worked out, what could
//! change it, what happens next, and a place to write down anything the person disagrees
//! with. "What could change this" runs the engine once per other answer, so it is worked
//! out here only, and only again when the answers change.

use super::estimate;
use crate::components::{answers_summary, around, explanation, what_could_change};
use crate::dom::page;
use crate::format::amount_template;
use crate::route::Route;
use crate::state::{Action, State};
use crate::text::{fill, text};
use waymark_engine::{Estimate, Scheme};
use yew::prelude::*;

/// The id of the disagreement notes' textarea.
const NOTES_FIELD: &str = "disagreement";

/// Properties of [`ResultPage`]: the state and the way to change it.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The app's state and its dispatcher.
    pub store: UseReducerHandle<State>,
}

/// The result page. It is a Yew component, unlike the other pages, so that a hook can
/// keep "what could change this" while the notes are typed; the estimate itself is the
/// state's.
#[function_component]
pub fn ResultPage(props: &PageProps) -> Html {
    let t = text();
    let state = &*props.store;
    let worked = state.worked.clone();
    let alternatives = use_memo(worked.clone(), |worked| {
        worked.as_ref().and_then(|w| {
            let estimate = w.estimate.as_ref().ok()?;
            Some(estimate::alternatives(
                &w.scheme, &w.answers, w.date, estimate,
            ))
        })
    });
    let Some(worked) = worked else {
        return Html::default();
    };
    let scheme = &worked.scheme;
    let estimate = match &worked.estimate {
        Ok(estimate) => estimate,
        Err(issues) => {
            return html! {
                <>
                    <h1 class="govuk-heading-xl" tabindex="-1">{ &t.app.estimate_failed_heading }</h1>
                    <p class="govuk-body">{ estimate::why_not(issues, scheme, worked.date) }</p>
                </>
            }
        }
    };
    let (alternatives, alternatives_us) = (*alternatives).clone().unwrap_or_default();
    let owner = t.say(&scheme.owner);
    html! {
        <>
            if estimate.has_amount() {
                { panel(estimate, scheme, worked.us) }
                <p class="govuk-body">{ fill(&t.app.result_hope, &[("owner", owner)]) }</p>
            } else if estimate.conversation {
                { conversation(scheme, worked.us) }
            } else {
                <h1 class="govuk-heading-xl" tabindex="-1"
                    data-estimate-us={worked.us.to_string()}>{ &t.app.result_heading }</h1>
                <div class="govuk-inset-text">
                    <p class="govuk-body">{ t.say(&scheme.text.not_eligible) }</p>
                </div>
            }
            if estimate.has_amount() {
                <h2 class="govuk-heading-l">{ &t.app.next_steps_heading }</h2>
                <p class="govuk-body">{ t.say(&scheme.text.next_steps) }</p>
                { super::plan::invitation(state) }
            }
            { super::send::invitation(state) }
            <h2 class="govuk-heading-l">{ &t.explain.heading }</h2>
            { explanation(scheme, estimate) }
            <div class="waymark-no-print" data-alternatives-us={alternatives_us.to_string()}>
                <h2 class="govuk-heading-l">{ &t.app.change_heading }</h2>
                { what_could_change(scheme, &alternatives, estimate) }
            </div>
            { notes(&props.store, scheme) }
            { actions(state) }
            <div class="waymark-print-only">
                <h2 class="govuk-heading-l">{ &t.app.print_answers_heading }</h2>
                { answers_summary(scheme, &state.flow(scheme), false, "h3") }
                if !state.disagreement.trim().is_empty() {
                    <h2 class="govuk-heading-l">{ &t.app.disagree_heading }</h2>
                    <p class="govuk-body waymark-notes">{ &state.disagreement }</p>
                }
                { super::plan::printed(&props.store) }
            </div>
        </>
    }
}

/// The amount, per year and per week, in a panel under the page's heading.
fn panel(estimate: &Estimate, scheme: &Scheme, us: u64) -> Html {
    let t = text();
    let currency = scheme.currency;
    html! {
        <div class="govuk-panel waymark-panel" data-estimate-us={us.to_string()}>
            <h1 class="govuk-panel__title" tabindex="-1">{ &t.app.result_heading }</h1>
            <div class="govuk-panel__body">
                { &t.app.panel_lead }<br />
                { around(amount_template(estimate.period), "amount", html! {
                    <strong id="annual-amount" class="waymark-panel__amount">
                        { t.money(estimate.annual.0, currency) }
                    </strong>
                }) }
                if let Some(weekly) = estimate.weekly {
                    <br />
                    <span class="waymark-panel__weekly">
                        { around(&t.app.about_a_week, "weekly", html! {
                            <span id="weekly-amount">{ t.money(weekly.0, currency) }</span>
                        }) }
                    </span>
                }
            </div>
        </div>
    }
}

/// In place of an amount, when the answers need a conversation: a panel saying the
/// budget will be worked out with the person, and the scheme's words on what happens.
fn conversation(scheme: &Scheme, us: u64) -> Html {
    let t = text();
    let owner = t.say(&scheme.owner);
    html! {
        <>
            <div class="govuk-panel waymark-panel" id="conversation-panel"
                data-estimate-us={us.to_string()}>
                <h1 class="govuk-panel__title" tabindex="-1">{ &t.app.result_heading }</h1>
                <div class="govuk-panel__body">{ &t.app.conversation_panel }</div>
            </div>
            <p class="govuk-body">{ fill(&t.app.conversation_lead, &[("owner", owner)]) }</p>
            if let Some(words) = &scheme.text.conversation {
                <div class="govuk-inset-text">
                    <p class="govuk-body">{ t.say(words) }</p>
                </div>
            }
        </>
    }
}

/// The place to write down disagreement, saved as it is typed.
fn notes(store: &UseReducerHandle<State>, scheme: &Scheme) -> Html {
    let t = text();
    let oninput = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            store.dispatch(Action::Notes(page::typed(&event)));
        })
    };
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::SaveNotes);
        })
    };
    html! {
        <form class="waymark-no-print" novalidate=true {onsubmit}>
            <div class="govuk-form-group">
                <h2 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--l" for={NOTES_FIELD}>
                        { &t.app.disagree_heading }
                    </label>
                </h2>
                <div id="disagreement-hint" class="govuk-hint">
                    { fill(&t.app.disagree_hint, &[("owner", text().say(&scheme.owner))]) }
                </div>
                <textarea class="govuk-textarea" id={NOTES_FIELD} name={NOTES_FIELD} rows="5"
                    aria-describedby="disagreement-hint" value={store.disagreement.clone()}
                    {oninput} />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">
                { &t.app.disagree_save }
            </button>
        </form>
    }
}

/// Print, download, and the way back to the answers.
fn actions(state: &State) -> Html {
    let t = text();
    let print = Callback::from(|_: MouseEvent| page::print());
    html! {
        <div class="waymark-no-print">
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" onclick={print}>
                    { &t.app.print }
                </button>
                <button type="button" class="govuk-button govuk-button--secondary"
                    onclick={super::download(state)}>
                    { &t.app.download }
                </button>
            </div>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Check.hash()}>{ &t.app.check_link }</a>
            </p>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Delete.hash()}>{ &t.app.delete_link }</a>
            </p>
        </div>
    }
}
