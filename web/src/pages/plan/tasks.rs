//! The plan's task list: its parts in any order, each with a status, then checking it.

use super::Page;
use crate::flow::Status;
use crate::plan::route::{PlanPage, PlanRoute};
use crate::plan::status::parts;
use crate::route::Route;
use crate::text::{fill, text};
use yew::prelude::*;

/// The plan's task list page.
pub(super) fn view(page: &Page) -> Html {
    let root = text();
    let t = &root.plan;
    let parts = parts(&page.worked.plan);
    let done = parts
        .iter()
        .filter(|p| p.status == Status::Completed)
        .count();
    let progress = fill(
        &root.app.tasks_progress,
        &[
            ("done", &done.to_string()),
            ("total", &parts.len().to_string()),
        ],
    );
    let rows = parts.iter().enumerate().map(|(i, part)| {
        row(
            &format!("plan-task-{}", i + 1),
            part.name,
            Some(part.hint),
            Some(part.status),
            &part.page,
        )
    });
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.tasks_intro }</p>
            <p class="govuk-body">{ &t.tasks_any_order }</p>
            <p class="govuk-body"><strong>{ progress }</strong></p>
            <ul class="govuk-task-list">{ for rows }</ul>
            <ul class="govuk-task-list">
                { row("plan-task-check", &t.task_check, None, None, &PlanPage::Check) }
            </ul>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Saved.hash()}>{ &root.app.save_and_return }</a>
            </p>
        </>
    }
}

/// A task list row in GOV.UK markup; the whole row is the link's target area.
fn row(id: &str, name: &str, hint: Option<&str>, status: Option<Status>, page: &PlanPage) -> Html {
    let t = text();
    let hint_id = format!("{id}-hint");
    let status_id = format!("{id}-status");
    let words = status.map(|status| match status {
        Status::Completed => html! { &t.app.status_completed },
        Status::Incomplete => {
            html! { <strong class="govuk-tag govuk-tag--blue">{ &t.app.status_incomplete }</strong> }
        }
        Status::NotStarted | Status::CannotStart => {
            html! { <strong class="govuk-tag govuk-tag--light-blue">{ &t.app.status_not_started }</strong> }
        }
    });
    let described = match (hint, &words) {
        (Some(_), Some(_)) => Some(format!("{hint_id} {status_id}")),
        (Some(_), None) => Some(hint_id.clone()),
        (None, Some(_)) => Some(status_id.clone()),
        (None, None) => None,
    };
    let href = Route::Plan(PlanRoute::to(page.clone())).hash();
    html! {
        <li class="govuk-task-list__item govuk-task-list__item--with-link">
            <div class="govuk-task-list__name-and-hint">
                <a class="govuk-link govuk-task-list__link" {href} aria-describedby={described}>
                    { name.to_owned() }
                </a>
                if let Some(hint) = hint {
                    <div id={hint_id} class="govuk-task-list__hint">{ hint.to_owned() }</div>
                }
            </div>
            if let Some(words) = words {
                <div class="govuk-task-list__status" id={status_id}>{ words }</div>
            }
        </li>
    }
}
