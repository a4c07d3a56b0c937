//! Sending, only when the person chooses: "Check what you will send" shows everything that
//! would go, in words and as a file, and asks for consent; the receipt shows the
//! reference the receiver gave. If a send fails, nothing is lost: the same submission can
//! be sent again or downloaded.

use crate::components::{
    answers_summary, banner, described_by, error_message, form_group, hint, BannerKind,
};
use crate::dom::{files, forms, key, page};
use crate::format::timestamp_date;
use crate::plan::route::{PlanPage, PlanRoute};
use crate::route::Route;
use crate::send::{to_json, Failure, Sending, CONSENT_FIELD};
use crate::state::{Action, State};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::submission::Submission;
use waymark_engine::Scheme;
use yew::prelude::*;

/// Offers a submission's JSON as a file, named after the scheme.
fn download(scheme: &Scheme, json: Rc<str>) -> Callback<MouseEvent> {
    let name = format!("{}-submission.json", scheme.id);
    Callback::from(move |_: MouseEvent| files::download(&name, &json, "application/json"))
}

/// Where sending is offered on the result page: the way to the send page, or, when this
/// deployment cannot send, what to do instead.
pub fn invitation(state: &State) -> Html {
    let t = &text().send;
    let Some(scheme) = state.scheme() else {
        return Html::default();
    };
    let owner = [("owner", text().say(&scheme.owner))];
    html! {
        <div class="waymark-no-print">
            <h2 class="govuk-heading-l">{ &t.invite_heading }</h2>
            if state.config.submit.is_some() {
                <p class="govuk-body">{ fill(&t.invite_body, &owner) }</p>
                <a href={Route::Send.hash()} class="govuk-button" draggable="false" id="send-link">
                    { fill(&t.invite_button, &owner) }
                </a>
            } else {
                <p class="govuk-body" id="cannot-send">{ fill(&t.cannot_send, &owner) }</p>
            }
        </div>
    }
}

/// "Check what you will send".
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = &text().send;
    let state = &**store;
    let (Some(scheme), Some(draft)) = (state.scheme(), state.draft_submission()) else {
        return Html::default();
    };
    let owner = [("owner", text().say(&scheme.owner))];
    let earlier = state
        .sent
        .as_ref()
        .filter(|_| !state.current_sent())
        .map(|s| &s.receipt);
    html! {
        <>
            { failure(store, scheme) }
            <h1 class="govuk-heading-xl" tabindex="-1">{ &t.page_heading }</h1>
            <p class="govuk-body">{ fill(&t.lead, &owner) }</p>
            if let Some(receipt) = earlier {
                <div class="govuk-inset-text">
                    { fill(&t.sent_before, &[("date", &day(&receipt.at)),
                        ("reference", &receipt.reference), owner[0]]) }
                </div>
            }
            <p class="govuk-body">{ &t.parts_intro }</p>
            <ul class="govuk-list govuk-list--bullet">
                { for state.sent_parts().into_iter().map(|part| html! { <li>{ part }</li> }) }
            </ul>
            <h2 class="govuk-heading-l">{ &t.estimate_heading }</h2>
            { match &draft {
                Ok(submission) => estimate_summary(scheme, submission),
                Err(_) => Html::default(),
            } }
            <h2 class="govuk-heading-l">{ &t.answers_heading }</h2>
            { answers_summary(scheme, &state.flow(scheme), true, "h3") }
            { super::plan::printed(store) }
            if !state.disagreement.trim().is_empty() {
                <h2 class="govuk-heading-l">{ &t.notes_heading }</h2>
                <p class="govuk-body waymark-notes">{ &state.disagreement }</p>
            }
            { match &draft {
                Ok(submission) => consent(store, scheme, submission),
                Err(_) => html! {
                    <p class="govuk-body">
                        { &t.plan_blocked }{ " " }
                        <a class="govuk-link"
                            href={Route::Plan(PlanRoute::to(PlanPage::Check)).hash()}>
                            { &t.plan_blocked_link }
                        </a>
                    </p>
                },
            } }
        </>
    }
}

/// The scheme, date and amounts that would be sent.
fn estimate_summary(scheme: &Scheme, submission: &Submission) -> Html {
    let t = &text().send;
    let estimate = &submission.estimate;
    let currency = scheme.currency;
    let amount = if estimate.has_amount() {
        crate::format::money_for(estimate.period, estimate.annual.0, currency)
    } else if estimate.conversation {
        t.conversation.to_owned()
    } else {
        t.not_eligible.to_owned()
    };
    let version = fill(
        &t.scheme_version,
        &[
            ("title", text().say(&scheme.title)),
            ("version", &scheme.version),
        ],
    );
    let row = |key: &str, value: String, id: &str| {
        html! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ key.to_owned() }</dt>
                <dd class="govuk-summary-list__value" id={id.to_owned()}>{ value }</dd>
            </div>
        }
    };
    html! {
        <dl class="govuk-summary-list">
            { row(&t.row_scheme, version, "send-scheme") }
            { row(&t.row_date, text().date(submission.date), "send-date") }
            { row(&t.row_amount, amount, "send-amount") }
            if let Some(weekly) = estimate.weekly.filter(|_| estimate.has_amount()) {
                { row(&t.row_weekly, text().money(weekly.0, currency), "send-weekly") }
            }
        </dl>
    }
}

/// The file, the consent question and the send button.
fn consent(store: &UseReducerHandle<State>, scheme: &Scheme, draft: &Submission) -> Html {
    let t = &text().send;
    let state = &**store;
    let owner = [("owner", text().say(&scheme.owner))];
    let error = state
        .errors
        .iter()
        .find(|e| e.field == CONSENT_FIELD)
        .map(|e| e.message.clone());
    let posting = state.sending == Sending::Posting;
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Send {
                agreed: forms::posted(&event).text(CONSENT_FIELD) == "yes",
                at: crate::dom::clock::timestamp(),
                key: key::random(),
            });
        })
    };
    let described = described_by(CONSENT_FIELD, true, error.is_some());
    let group = form_group(error.is_some());
    html! {
        <>
            <h2 class="govuk-heading-l">{ &t.file_heading }</h2>
            <p class="govuk-body">{ fill(&t.file_body, &owner) }</p>
            <button type="button" class="govuk-button govuk-button--secondary" id="preview-file"
                onclick={download(scheme, to_json(draft).into())}>
                { &t.file_button }
            </button>
            <form novalidate=true {onsubmit}>
                <div class={group}>
                    <fieldset class="govuk-fieldset" aria-describedby={described}>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                            <h2 class="govuk-fieldset__heading">{ &t.consent_heading }</h2>
                        </legend>
                        { hint(CONSENT_FIELD, &t.consent_hint) }
                        if let Some(message) = &error {
                            { error_message(CONSENT_FIELD, message) }
                        }
                        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" id={CONSENT_FIELD}
                                    name={CONSENT_FIELD} type="checkbox" value="yes" />
                                <label class="govuk-label govuk-checkboxes__label" for={CONSENT_FIELD}>
                                    { fill(&t.consent_label, &owner) }
                                </label>
                            </div>
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class="govuk-button">
                    { fill(&t.send_button, &owner) }
                </button>
                <p class="govuk-body" role="status" id="send-status">
                    if posting { { &t.sending } }
                </p>
            </form>
        </>
    }
}

/// The banner after a failed send: why, and what the person can do.
fn failure(store: &UseReducerHandle<State>, scheme: &Scheme) -> Html {
    let t = &text().send;
    let state = &**store;
    let (Sending::Failed(failure), Some(outbox)) = (&state.sending, state.current_outbox()) else {
        return Html::default();
    };
    let owner = text().say(&scheme.owner);
    let why = match failure {
        Failure::Unreachable => t.failed_unreachable.to_owned(),
        Failure::TimedOut => t.failed_timed_out.to_owned(),
        Failure::Receiver(status) => fill(&t.failed_receiver, &[("status", &status.to_string())]),
        Failure::Refused(status) => fill(
            &t.failed_refused,
            &[("status", &status.to_string()), ("owner", owner)],
        ),
    };
    let retry = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Retry))
    };
    banner(
        BannerKind::Important,
        html! {
            <>
                <p class="govuk-notification-banner__heading">{ &t.failed_heading }</p>
                <p class="govuk-body" id="send-failure">{ why }</p>
                <p class="govuk-body">{ &t.failed_kept }</p>
                <div class="govuk-button-group govuk-!-margin-bottom-0">
                    if failure.may_retry() {
                        <button type="button" class="govuk-button govuk-!-margin-bottom-0"
                            id="retry" onclick={retry}>{ &t.retry_button }</button>
                    }
                    <button type="button"
                        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        id="failed-download" onclick={download(scheme, outbox.json.clone())}>
                        { &t.failed_download }
                    </button>
                </div>
            </>
        },
    )
}

/// The receipt.
pub fn sent(state: &State) -> Html {
    let t = &text().send;
    let root = text();
    let (Some(scheme), Some(sent)) = (state.scheme(), state.sent.as_ref()) else {
        return Html::default();
    };
    let receipt = &sent.receipt;
    let owner = [("owner", text().say(&scheme.owner))];
    let print = Callback::from(|_: MouseEvent| page::print());
    html! {
        <>
            <div class="govuk-panel govuk-panel--confirmation">
                <h1 class="govuk-panel__title" tabindex="-1">{ fill(&t.sent_heading, &owner) }</h1>
                <div class="govuk-panel__body">
                    { &t.sent_reference }<br /><strong id="reference">{ &receipt.reference }</strong>
                </div>
            </div>
            <p class="govuk-body">{ fill(&t.sent_when, &[("date", &day(&receipt.at))]) }</p>
            <h2 class="govuk-heading-l">{ &t.sent_next_heading }</h2>
            <p class="govuk-body">{ text().say(&scheme.text.next_steps) }</p>
            <h2 class="govuk-heading-l">{ &t.sent_copy_heading }</h2>
            <p class="govuk-body">{ fill(&t.sent_copy_body, &owner) }</p>
            <div class="govuk-button-group waymark-no-print">
                <button type="button" class="govuk-button govuk-button--secondary" id="sent-download"
                    onclick={download(scheme, sent.submission.json.clone())}>
                    { &t.sent_download }
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={print}>
                    { &root.app.print }
                </button>
            </div>
            <p class="govuk-body waymark-no-print">
                <a class="govuk-link" href={Route::Result.hash()}>{ &t.sent_back }</a>
            </p>
        </>
    }
}

/// The day of an ISO 8601 timestamp, as a long date; the timestamp itself if it has none.
fn day(timestamp: &str) -> String {
    timestamp_date(timestamp).unwrap_or_else(|| timestamp.to_owned())
}
