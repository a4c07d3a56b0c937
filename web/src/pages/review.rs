//! Reviewing the plan, one goal a page; the history on the device; and the assessment now
//! beside the last one sent.

use crate::components::plan::{choices, text_area, Choice, Field, Kind};
use crate::components::{banner, described_by, error_message, form_group, hint, BannerKind};
use crate::dom::{clock, files, forms, key, page};
use crate::format::timestamp_date;
use crate::plan::{PlanPage, PlanRoute};
use crate::review::{fields, scale, supports_for, ReviewAction, ReviewPage, TEXT_MOST};
use crate::route::Route;
use crate::send::{Failure, Sending};
use crate::state::{Action, State};
use crate::text::{fill, text};
use waymark_engine::compare::{compare, Side};
use waymark_engine::Scheme;
use waymark_words::compare::{comparison, Given};
use yew::prelude::*;

/// The review page for `page`.
pub fn view(store: &UseReducerHandle<State>, page: &ReviewPage) -> Html {
    match page {
        ReviewPage::Start => start(store),
        ReviewPage::Goal(id) => goal(store, id),
        ReviewPage::Contingency => contingency(store),
        ReviewPage::Check => check(store),
        ReviewPage::Sent => sent(store),
        ReviewPage::History => history(store),
        ReviewPage::Compare => compared(store),
    }
}

/// Where the back link of a review page goes.
pub fn back(state: &State, page: &ReviewPage) -> Route {
    let plan = state.plan.as_ref();
    let goals: Vec<&str> = plan.map_or_else(Vec::new, |p| {
        p.goals.iter().map(|g| g.id.as_str()).collect()
    });
    let last_goal = || goals.last().map(|id| ReviewPage::Goal((*id).to_owned()));
    Route::Review(match page {
        ReviewPage::Goal(id) => match goals.iter().position(|g| g == id) {
            Some(i) if i > 0 => ReviewPage::Goal(goals[i - 1].to_owned()),
            _ => ReviewPage::Start,
        },
        ReviewPage::Contingency => last_goal().unwrap_or(ReviewPage::Start),
        ReviewPage::Check if plan.is_some_and(|p| p.contingency.is_some()) => {
            ReviewPage::Contingency
        }
        ReviewPage::Check => last_goal().unwrap_or(ReviewPage::Start),
        _ => return Route::Saved,
    })
}

fn h1(words: &str) -> Html {
    html! { <h1 class="govuk-heading-xl" tabindex="-1">{ words.to_owned() }</h1> }
}

/// The goals, each with whether it was reviewed.
fn start(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let state = &**store;
    let Some(plan) = state.plan.as_ref() else {
        return html! {
            <>
                { h1(&t.heading) }
                <p class="govuk-body">{ &t.no_plan }</p>
                <p class="govuk-body">
                    <a class="govuk-link" href={Route::Plan(PlanRoute::to(PlanPage::Tasks)).hash()}>{ &t.no_plan_link }</a>
                </p>
            </>
        };
    };
    let first = plan
        .goals
        .first()
        .map(|g| Route::Review(ReviewPage::Goal(g.id.clone())));
    let rows = plan.goals.iter().enumerate().map(|(n, g)| {
        let done = state.goal_review(&g.id).is_some();
        let status_id = format!("review-goal-{n}-status");
        let (tag, class) = if done {
            (&t.reviewed, "govuk-tag")
        } else {
            (&t.not_reviewed, "govuk-tag govuk-tag--blue")
        };
        html! {
            <li class="govuk-task-list__item govuk-task-list__item--with-link">
                <div class="govuk-task-list__name-and-hint">
                    <a class="govuk-link govuk-task-list__link" aria-describedby={status_id.clone()}
                        href={Route::Review(ReviewPage::Goal(g.id.clone())).hash()}>{ &g.text }</a>
                </div>
                <div class="govuk-task-list__status" id={status_id}>
                    <strong class={class}>{ tag }</strong>
                </div>
            </li>
        }
    });
    html! {
        <>
            { h1(&t.heading) }
            <p class="govuk-body">{ &t.intro }</p>
            <h2 class="govuk-heading-m">{ &t.goals_heading }</h2>
            <ul class="govuk-task-list">{ for rows }</ul>
            <div class="govuk-button-group">
                if let Some(first) = first {
                    <a class="govuk-button" href={first.hash()} role="button" draggable="false">
                        { &text().app.continue_button }
                    </a>
                }
                <a class="govuk-link" href={Route::Review(ReviewPage::Check).hash()}>{ &t.check_link }</a>
            </div>
        </>
    }
}

/// What the form held when it had errors, else `saved`.
fn shown(state: &State, field: &str, saved: impl FnOnce() -> String) -> String {
    match &state.plan_form {
        Some(form) => form.text(field).to_owned(),
        None => saved(),
    }
}

fn error<'a>(state: &'a State, field: &str) -> Option<&'a str> {
    state
        .errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

fn submit(
    store: &UseReducerHandle<State>,
    make: fn(crate::plan::Form) -> ReviewAction,
) -> Callback<SubmitEvent> {
    let store = store.clone();
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        store.dispatch(Action::Review(make(forms::posted(&event))));
    })
}

/// One goal: the scale, the person's words, the supports and what to change.
fn goal(store: &UseReducerHandle<State>, id: &str) -> Html {
    let t = &text().review;
    let state = &**store;
    let (Some(scheme), Some(plan)) = (state.scheme(), state.plan.as_ref()) else {
        return Html::default();
    };
    let Some((n, g)) = plan.goals.iter().enumerate().find(|(_, g)| g.id == id) else {
        return Html::default();
    };
    let said = state.goal_review(id);
    let levels: Vec<Choice> = scale(scheme)
        .into_iter()
        .map(|(id, label)| Choice::new(id, label))
        .collect();
    let progress = shown(state, fields::PROGRESS, || {
        said.map(|s| s.progress.clone()).unwrap_or_default()
    });
    let most = text().number(waymark_engine::Decimal::from(TEXT_MOST));
    let limit = fill(&t.chars_hint, &[("most", &most)]);
    let area = |field: &'static str,
                label: &str,
                value: fn(&waymark_engine::review::GoalReview) -> String| {
        text_area(
            Field::new(field, label)
                .hint(&limit)
                .error(error(state, field)),
            &shown(state, field, || said.map(value).unwrap_or_default()),
        )
    };
    let supports: Vec<Choice> = supports_for(plan, id)
        .into_iter()
        .map(|s| Choice::new(s.id.clone(), s.description.clone()))
        .collect();
    let used: Vec<String> = match &state.plan_form {
        Some(form) => form.all(fields::USED).map(str::to_owned).collect(),
        None => said.map(|s| s.supports_used.clone()).unwrap_or_default(),
    };
    let id_owned = id.to_owned();
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = forms::posted(&event);
            store.dispatch(Action::Review(ReviewAction::Goal(id_owned.clone(), form)));
        })
    };
    let caption = fill(
        &t.goal_caption,
        &[
            ("number", &(n + 1).to_string()),
            ("count", &plan.goals.len().to_string()),
        ],
    );
    html! {
        <>
            <span class="govuk-caption-l">{ caption }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ &g.text }</h1>
            <form novalidate=true {onsubmit}>
                { choices(
                    Field::new(fields::PROGRESS, &t.progress_legend).error(error(state, fields::PROGRESS)),
                    Kind::Radios, &levels, &[progress], None,
                ) }
                { area(fields::OWN_WORDS, &t.own_words_label, |s| s.in_own_words.clone()) }
                { area(fields::HELPED, &t.helped_label, |s| s.helped.clone()) }
                { area(fields::IN_THE_WAY, &t.in_the_way_label, |s| s.got_in_the_way.clone()) }
                if supports.is_empty() {
                    <p class="govuk-body">{ &t.no_supports }</p>
                } else {
                    { choices(Field::new(fields::USED, &t.supports_legend).hint(&t.supports_hint),
                        Kind::Checkboxes, &supports, &used, None) }
                }
                { area(fields::CHANGE, &t.change_label, |s| s.change.clone()) }
                <button type="submit" class="govuk-button">{ &text().app.continue_button }</button>
            </form>
        </>
    }
}

/// Whether the money kept aside was used.
fn contingency(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let state = &**store;
    let (Some(scheme), Some(kept)) = (
        state.scheme(),
        state.plan.as_ref().and_then(|p| p.contingency.as_ref()),
    ) else {
        return Html::default();
    };
    let amount = text().money(kept.amount.0, scheme.currency);
    let hint_words = fill(&t.contingency_hint, &[("amount", &amount)]);
    let chosen = match state.review.kept.contingency_used {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let options = [
        Choice::new("yes", text().app.yes.clone()),
        Choice::new("no", text().app.no.clone()),
    ];
    html! {
        <form novalidate=true onsubmit={submit(store, ReviewAction::Contingency)}>
            { choices(
                Field::new(fields::CONTINGENCY, &t.contingency_heading).hint(&hint_words)
                    .error(error(state, fields::CONTINGENCY)).heading(),
                Kind::InlineRadios, &options, &[chosen.to_owned()], None,
            ) }
            <button type="submit" class="govuk-button">{ &text().app.continue_button }</button>
        </form>
    }
}

fn row(key: &str, value: Html, change: Option<(Route, String)>) -> Html {
    let class = classes!(
        "govuk-summary-list__row",
        change
            .is_none()
            .then_some("govuk-summary-list__row--no-actions")
    );
    html! {
        <div {class}>
            <dt class="govuk-summary-list__key">{ key.to_owned() }</dt>
            <dd class="govuk-summary-list__value waymark-notes">{ value }</dd>
            if let Some((route, hidden)) = change {
                <dd class="govuk-summary-list__actions">
                    <a class="govuk-link" href={route.hash()}>
                        { &text().app.change }<span class="govuk-visually-hidden">{ format!(" {hidden}") }</span>
                    </a>
                </dd>
            }
        </div>
    }
}

/// What was said about every goal, the download, the consent and the send button.
fn check(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let state = &**store;
    let (Some(scheme), Some(plan)) = (state.scheme(), state.plan.as_ref()) else {
        return Html::default();
    };
    let levels = scale(scheme);
    let name = |id: &String| {
        plan.supports
            .iter()
            .find(|s| &s.id == id)
            .map_or(id.clone(), |s| s.description.clone())
    };
    let list = |ids: &[String]| -> String {
        if ids.is_empty() {
            t.none.clone()
        } else {
            ids.iter().map(name).collect::<Vec<_>>().join(", ")
        }
    };
    let words = |s: &str| {
        if s.is_empty() {
            t.none.clone()
        } else {
            s.to_owned()
        }
    };
    let goals = plan.goals.iter().map(|g| {
        let change = || {
            Some((
                Route::Review(ReviewPage::Goal(g.id.clone())),
                fill(&t.change_goal, &[("goal", &g.text)]),
            ))
        };
        let rows = match state.goal_review(&g.id) {
            None => row(&t.row_progress, html! { { &t.not_reviewed } }, change()),
            Some(s) => {
                let level = levels
                    .iter()
                    .find(|(id, _)| *id == s.progress)
                    .map_or(s.progress.clone(), |(_, l)| l.clone());
                html! {
                    <>
                        { row(&t.row_progress, html! { { level } }, change()) }
                        { row(&t.row_own_words, html! { { words(&s.in_own_words) } }, None) }
                        { row(&t.row_helped, html! { { words(&s.helped) } }, None) }
                        { row(&t.row_in_the_way, html! { { words(&s.got_in_the_way) } }, None) }
                        { row(&t.row_used, html! { { list(&s.supports_used) } }, None) }
                        { row(&t.row_not_used, html! { { list(&s.supports_not_used) } }, None) }
                        { row(&t.row_change, html! { { words(&s.change) } }, None) }
                    </>
                }
            }
        };
        html! {
            <>
                <h2 class="govuk-heading-m">{ &g.text }</h2>
                <dl class="govuk-summary-list">{ rows }</dl>
            </>
        }
    });
    let contingency = plan.contingency.as_ref().map(|_| {
        let value = match state.review.kept.contingency_used {
            Some(true) => text().app.yes.clone(),
            Some(false) => text().app.no.clone(),
            None => t.not_reviewed.clone(),
        };
        html! {
            <dl class="govuk-summary-list">
                { row(&t.row_contingency, html! { { value } },
                    Some((Route::Review(ReviewPage::Contingency), t.row_contingency.clone()))) }
            </dl>
        }
    });
    let preview = state.review_preview().unwrap_or_default();
    let file = format!("{}-review.json", scheme.id);
    let download =
        Callback::from(move |_: MouseEvent| files::download(&file, &preview, "application/json"));
    let owner = state.owner().to_owned();
    html! {
        <>
            { failure(store) }
            { h1(&t.check_heading) }
            { for goals }
            { for contingency }
            <button type="button" class="govuk-button govuk-button--secondary" id="review-download"
                onclick={download}>{ &t.download_button }</button>
            if state.review_endpoint().is_some() {
                { consent(store, scheme) }
            } else {
                <p class="govuk-body">{ fill(&t.cannot_send, &[("owner", &owner)]) }</p>
            }
        </>
    }
}

/// The consent question and the send button.
fn consent(store: &UseReducerHandle<State>, scheme: &Scheme) -> Html {
    let t = &text().review;
    let state = &**store;
    let field = fields::CONSENT;
    let error = error(state, field).map(str::to_owned);
    let words = waymark_words::consent::review_agreed(text(), scheme);
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Review(ReviewAction::Send {
                agreed: forms::posted(&event).text(fields::CONSENT) == "yes",
                at: clock::timestamp(),
                key: key::random(),
            }));
        })
    };
    let posting = state.review.sending == Sending::Posting;
    html! {
        <form novalidate=true {onsubmit}>
            <div class={form_group(error.is_some())}>
                <fieldset class="govuk-fieldset" aria-describedby={described_by(field, true, error.is_some())}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                        <h2 class="govuk-fieldset__heading">{ &t.consent_heading }</h2>
                    </legend>
                    { hint(field, &t.consent_hint) }
                    if let Some(message) = &error {
                        { error_message(field, message) }
                    }
                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id={field} name={field} type="checkbox" value="yes" />
                            <label class="govuk-label govuk-checkboxes__label" for={field}>
                                { words.first().cloned().unwrap_or_default() }
                            </label>
                        </div>
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="govuk-button" id="review-send">{ &t.send_button }</button>
            <p class="govuk-body" role="status" id="review-status">
                if posting { { &t.sending } }
            </p>
        </form>
    }
}

/// The banner after a failed send.
fn failure(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let Sending::Failed(failure) = &store.review.sending else {
        return Html::default();
    };
    let retry = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Review(ReviewAction::Retry)))
    };
    let may = !matches!(failure, Failure::Refused(_));
    banner(
        BannerKind::Important,
        html! {
            <>
                <p class="govuk-notification-banner__heading" id="review-failure">{ &t.failed }</p>
                if may {
                    <button type="button" class="govuk-button govuk-!-margin-bottom-0" id="review-retry"
                        onclick={retry}>{ &t.retry_button }</button>
                }
            </>
        },
    )
}

/// The receipt for the last review sent.
fn sent(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let state = &**store;
    let Some(last) = state.review.kept.sent.last() else {
        return Html::default();
    };
    let owner = state.owner().to_owned();
    html! {
        <>
            <div class="govuk-panel govuk-panel--confirmation">
                <h1 class="govuk-panel__title" tabindex="-1">{ fill(&t.sent_heading, &[("owner", &owner)]) }</h1>
                <div class="govuk-panel__body">
                    { &t.sent_reference }<br /><strong id="review-reference">{ last.reference.clone().unwrap_or_default() }</strong>
                </div>
            </div>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Review(ReviewPage::History).hash()}>{ &t.history_link }</a>
            </p>
        </>
    }
}

/// What was sent from this device, and the download of it all.
fn history(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let state = &**store;
    let day = |at: &str| timestamp_date(at).unwrap_or_else(|| at.to_owned());
    let mut items: Vec<Html> = Vec::new();
    if let Some(sent) = &state.sent {
        items.push(html! { <li>{ fill(&t.history_assessment, &[("date", &day(&sent.receipt.at)), ("reference", &sent.receipt.reference)]) }</li> });
    }
    for review in state.review.kept.sent.iter().rev() {
        let reference = review.reference.clone().unwrap_or_default();
        items.push(html! { <li>{ fill(&t.history_review, &[("date", &day(&review.at)), ("reference", &reference)]) }</li> });
    }
    html! {
        <>
            { h1(&t.history_heading) }
            <p class="govuk-body">{ &t.history_intro }</p>
            if items.is_empty() {
                <p class="govuk-body">{ &t.history_none }</p>
            } else {
                <ul class="govuk-list govuk-list--bullet" id="history">{ for items }</ul>
            }
            <button type="button" class="govuk-button govuk-button--secondary" id="history-download"
                onclick={super::download(state)}>{ &t.history_download }</button>
            { links(state) }
        </>
    }
}

/// Links to the review, the history and the comparison, for the saved page.
pub fn links(state: &State) -> Html {
    let t = &text().review;
    let complete = state.scheme().is_some_and(|s| state.flow(s).is_complete());
    if !complete {
        return Html::default();
    }
    let link = |page: ReviewPage, words: &str| {
        html! { <li><a class="govuk-link" href={Route::Review(page).hash()}>{ words.to_owned() }</a></li> }
    };
    html! {
        <>
            <h2 class="govuk-heading-m">{ &t.links_heading }</h2>
            <ul class="govuk-list">
                { link(ReviewPage::Start, &t.heading) }
                { link(ReviewPage::History, &t.history_link) }
                { link(ReviewPage::Compare, &t.compare_link) }
            </ul>
        </>
    }
}

/// The comparison of the last assessment sent with the one now, as text in the page's
/// language, or `None` when there is nothing to compare.
pub fn comparison_text(state: &State) -> Option<String> {
    let scheme = state.scheme()?;
    let before = &state.sent.as_ref()?.submission.made_from;
    if before.scheme.id != scheme.id {
        return None;
    }
    let worked = state.worked.as_deref()?;
    let after = worked.estimate.as_ref().ok()?;
    let earlier = waymark_engine::estimate(scheme, &before.answers, before.date).ok()?;
    let cmp = compare(
        Side {
            scheme,
            answers: &before.answers,
            estimate: &earlier,
        },
        Side {
            scheme,
            answers: &state.answers,
            estimate: after,
        },
    );
    let given = Given {
        before: scheme,
        before_answers: &before.answers,
        after: scheme,
        after_answers: &state.answers,
    };
    Some(comparison(text(), given, &cmp))
}

/// The assessment now beside the last one sent: the change first, then both amounts and
/// every answer that changed.
fn compared(store: &UseReducerHandle<State>) -> Html {
    let t = &text().review;
    let r = &text().report;
    let state = &**store;
    let Some(words) = comparison_text(state) else {
        return html! { <>{ h1(&t.compare_heading) }<p class="govuk-body">{ &t.compare_none }</p></> };
    };
    // The text's paragraphs: a heading line, then indented lines as a list.
    let mut blocks: Vec<Html> = Vec::new();
    for (n, paragraph) in words.split("\n\n").enumerate() {
        let lines: Vec<&str> = paragraph.lines().filter(|l| !l.trim().is_empty()).collect();
        let Some((first, rest)) = lines.split_first() else {
            continue;
        };
        let is_heading = *first == r.compare_why
            || *first == r.compare_answers
            || !rest.is_empty() && !rest[0].starts_with("  ");
        // An item's own lines (a step's description, reason and parameters) are indented
        // further, and shown under it.
        let mut items: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in rest.iter().filter(|l| l.starts_with("  ")) {
            match items.last_mut() {
                Some((_, more)) if line.starts_with("    ") => more.push(line.trim()),
                _ => items.push((line.trim(), Vec::new())),
            }
        }
        let plain: Vec<&str> = rest
            .iter()
            .filter(|l| !l.starts_with("  "))
            .copied()
            .collect();
        blocks.push(match (n, is_heading) {
            (0, _) => html! { <p class="govuk-body-l" id="compare-headline">{ first.to_owned() }</p> },
            (_, true) | (_, false) if !rest.is_empty() => html! {
                <>
                    <h2 class="govuk-heading-m">{ first.to_owned() }</h2>
                    { for plain.iter().map(|l| html! { <p class="govuk-body">{ l.to_owned() }</p> }) }
                    if !items.is_empty() {
                        <ul class="govuk-list govuk-list--bullet">{ for items.iter().map(|(l, more)| html! {
                            <li>
                                { l.to_owned() }
                                { for more.iter().map(|m| html! { <p class="govuk-hint govuk-!-margin-bottom-1">{ m.to_owned() }</p> }) }
                            </li>
                        }) }</ul>
                    }
                </>
            },
            _ => html! { <p class="govuk-body">{ first.to_owned() }</p> },
        });
    }
    let file = state
        .scheme()
        .map_or_else(String::new, |s| format!("{}-comparison.txt", s.id));
    let download =
        Callback::from(move |_: MouseEvent| files::download(&file, &words, "text/plain"));
    let print = Callback::from(|_: MouseEvent| page::print());
    html! {
        <>
            { h1(&t.compare_heading) }
            <div id="comparison">{ for blocks }</div>
            <div class="govuk-button-group waymark-no-print">
                <button type="button" class="govuk-button govuk-button--secondary" id="compare-download"
                    onclick={download}>{ &t.compare_download }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={print}>
                    { &text().app.print }
                </button>
            </div>
        </>
    }
}
