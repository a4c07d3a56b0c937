//! The task list of a long scheme: its parts in any order, each with a status, then
//! checking the answers once every part is complete.

use crate::flow::Status;
use crate::route::Route;
use crate::state::State;
use crate::text::{fill, text};
use yew::prelude::*;

/// One row of the task list.
struct Task {
    id: String,
    name: String,
    hint: Option<String>,
    status: Status,
    link: Option<Route>,
}

/// The task list page.
pub fn view(state: &State) -> Html {
    let t = text();
    let Some(scheme) = state.scheme() else {
        return Html::default();
    };
    let flow = state.flow(scheme);
    let tasks: Vec<Task> = scheme
        .sections
        .iter()
        .enumerate()
        .filter_map(|(index, section)| {
            let status = flow.status(index)?;
            Some(Task {
                id: format!("task-{}", index + 1),
                name: text().say(&section.title).to_owned(),
                hint: section
                    .description
                    .as_ref()
                    .map(|d| text().say(d).to_owned()),
                status,
                link: flow
                    .section_start(index)
                    .filter(|_| status != Status::CannotStart),
            })
        })
        .collect();
    let done = tasks
        .iter()
        .filter(|t| t.status == Status::Completed)
        .count();
    let complete = flow.is_complete();
    let check = Task {
        id: "task-check".into(),
        name: t.app.tasks_check.clone(),
        hint: None,
        status: if complete {
            Status::NotStarted
        } else {
            Status::CannotStart
        },
        link: complete.then_some(Route::Check),
    };
    let progress = fill(
        &t.app.tasks_progress,
        &[
            ("done", &done.to_string()),
            ("total", &tasks.len().to_string()),
        ],
    );
    html! {
        <>
            <span class="govuk-caption-l">{ text().say(&scheme.title) }</span>
            <h1 class="govuk-heading-xl" tabindex="-1">{ &t.app.tasks_heading }</h1>
            <p class="govuk-body">{ &t.app.tasks_intro }</p>
            <p class="govuk-body"><strong>{ progress }</strong></p>
            <ul class="govuk-task-list">{ for tasks.iter().map(row) }</ul>
            <ul class="govuk-task-list">{ row(&check) }</ul>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Saved.hash()}>{ &t.app.save_and_return }</a>
            </p>
        </>
    }
}

/// A task list row in GOV.UK markup; the whole row is the link's target area.
fn row(task: &Task) -> Html {
    let t = text();
    let hint_id = format!("{}-hint", task.id);
    let status_id = format!("{}-status", task.id);
    let status = match task.status {
        Status::Completed => html! { { &t.app.status_completed } },
        Status::Incomplete => {
            html! { <strong class="govuk-tag govuk-tag--blue">{ &t.app.status_incomplete }</strong> }
        }
        Status::NotStarted => {
            html! { <strong class="govuk-tag govuk-tag--light-blue">{ &t.app.status_not_started }</strong> }
        }
        Status::CannotStart => html! { { &t.app.status_cannot_start } },
    };
    let status_class = classes!(
        "govuk-task-list__status",
        (task.status == Status::CannotStart).then_some("govuk-task-list__status--cannot-start-yet")
    );
    let described = if task.hint.is_some() {
        format!("{hint_id} {status_id}")
    } else {
        status_id.clone()
    };
    let name = match &task.link {
        Some(route) => html! {
            <a class="govuk-link govuk-task-list__link" href={route.hash()}
                aria-describedby={described}>
                { &task.name }
            </a>
        },
        None => html! { <div>{ &task.name }</div> },
    };
    let item_class = classes!(
        "govuk-task-list__item",
        task.link
            .is_some()
            .then_some("govuk-task-list__item--with-link")
    );
    html! {
        <li class={item_class}>
            <div class="govuk-task-list__name-and-hint">
                { name }
                if let Some(hint) = &task.hint {
                    <div id={hint_id} class="govuk-task-list__hint">{ hint }</div>
                }
            </div>
            <div class={status_class} id={status_id}>{ status }</div>
        </li>
    }
}
