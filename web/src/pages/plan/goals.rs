//! Goals: the list, with ways to add, change and remove them, and one goal's form.

use super::{buttons, Page};
use crate::components::plan::{choices, goal_card, text_area, Actions, Choice, Field, Kind};
use crate::plan::ids;
use crate::plan::names::areas;
use crate::plan::route::{Item, PlanPage, PlanRoute};
use crate::route::Route;
use crate::text::text;
use waymark_engine::plan::Goal;
use yew::prelude::*;

/// The goals page.
pub(super) fn list(page: &Page) -> Html {
    let root = text();
    let t = &root.plan;
    let plan = &page.worked.plan;
    let scheme = &page.worked.scheme;
    let add = Route::Plan(PlanRoute::to(PlanPage::Goal(Item::New))).hash();
    let next = Route::Plan(PlanRoute::to(PlanPage::Tasks)).hash();
    let cards = plan
        .goals
        .iter()
        .map(|goal| goal_card(goal, plan, scheme, "h2", Actions::ChangeAndRemove));
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.goals_intro }</p>
            if plan.goals.is_empty() {
                <p class="govuk-body">{ &t.goals_none }</p>
                <a href={add} class="govuk-button" draggable="false">{ &t.goal_add_button }</a>
            } else {
                { for cards }
                <div class="govuk-button-group">
                    <a href={next} class="govuk-button" draggable="false">{ &root.app.continue_button }</a>
                    <a href={add} class="govuk-button govuk-button--secondary" draggable="false">
                        { &t.goal_another_button }
                    </a>
                </div>
            }
        </>
    }
}

/// One goal's form: the goal in the person's words, its life area, and how they will know
/// it is working.
pub(super) fn form(page: &Page) -> Html {
    let t = &text().plan;
    let goal: Option<&Goal> = match &page.route.page {
        PlanPage::Goal(Item::Existing(id)) => page.worked.plan.goals.iter().find(|g| g.id == *id),
        _ => None,
    };
    let saved = |part: fn(&Goal) -> &String| move || goal.map(part).cloned().unwrap_or_default();
    let areas: Vec<Choice> = areas(&page.worked.scheme)
        .into_iter()
        .map(|(id, name)| Choice::new(id, name))
        .collect();
    let chosen = page.chosen(ids::GOAL_AREA, || {
        goal.map(|g| g.area.clone()).into_iter().collect()
    });
    let field = |id, label| Field::new(id, label).error(page.error(id));
    html! {
        <>
            { page.heading() }
            <form novalidate=true onsubmit={page.submit()}>
                { text_area(
                    field(ids::GOAL_TEXT, &t.goal_text_label).hint(&t.goal_text_hint),
                    &page.shown(ids::GOAL_TEXT, saved(|g| &g.text)),
                ) }
                { choices(field(ids::GOAL_AREA, &t.goal_area_legend), Kind::Radios, &areas, &chosen, None) }
                { text_area(
                    field(ids::GOAL_MEASURE, &t.goal_measure_label).hint(&t.goal_measure_hint),
                    &page.shown(ids::GOAL_MEASURE, saved(|g| &g.measure)),
                ) }
                { buttons() }
            </form>
        </>
    }
}
