//! Supports: the list, with ways to add, change and remove them, one support's form, and
//! the confirmation before removing a goal or a support.

use super::{buttons, Page};
use crate::answer::{NO, YES};
use crate::components::plan::{
    choices, date_input, number_input, support_card, text_area, Actions, Choice, Field, Kind,
};
use crate::plan::ids;
use crate::plan::names::{self, FREQUENCIES, PAYERS};
use crate::plan::read::name_of;
use crate::plan::route::{Item, PlanPage, PlanRoute};
use crate::route::Route;
use crate::text::text;
use waymark_engine::plan::{Payer, Support};
use yew::prelude::*;

/// The supports page.
pub(super) fn list(page: &Page) -> Html {
    let root = text();
    let t = &root.plan;
    let worked = page.worked;
    let plan = &worked.plan;
    let add = Route::Plan(PlanRoute::to(PlanPage::Support(Item::New))).hash();
    let next = Route::Plan(PlanRoute::to(PlanPage::Tasks)).hash();
    let find = page.state().directory_url().map(|_| {
        let href = Route::Plan(PlanRoute::to(PlanPage::Find)).hash();
        html! {
            <p class="govuk-body">
                <a class="govuk-link" {href} id="find-support">{ &t.find_heading }</a>
            </p>
        }
    });
    let cards = plan.supports.iter().map(|support| {
        let cost = worked
            .costing()
            .as_ref()
            .and_then(|c| c.supports.iter().find(|s| s.id == support.id));
        support_card(
            support,
            cost,
            plan,
            &worked.scheme,
            "h2",
            Actions::ChangeAndRemove,
        )
    });
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.supports_intro }</p>
            { for find }
            if plan.supports.is_empty() {
                <p class="govuk-body">{ &t.supports_none }</p>
                <a href={add} class="govuk-button" draggable="false">{ &t.support_add_button }</a>
            } else {
                { for cards }
                <div class="govuk-button-group">
                    <a href={next} class="govuk-button" draggable="false">{ &root.app.continue_button }</a>
                    <a href={add} class="govuk-button govuk-button--secondary" draggable="false">
                        { &t.support_another_button }
                    </a>
                </div>
            }
        </>
    }
}

/// One support's form. The cost questions are revealed under "My budget".
pub(super) fn form(page: &Page) -> Html {
    let root = text();
    let t = &root.plan;
    let plan = &page.worked.plan;
    let scheme = &page.worked.scheme;
    let s: Option<&Support> = match &page.route.page {
        PlanPage::Support(Item::Existing(id)) => plan.supports.iter().find(|s| s.id == *id),
        _ => None,
    };
    let paid = s.filter(|s| s.payer.is_budget());
    let field = |id, label| Field::new(id, label).error(page.error(id));
    let one = |value: Option<String>| value.into_iter().collect::<Vec<_>>();
    let categories: Vec<Choice> = scheme
        .plan
        .iter()
        .flat_map(|r| &r.categories)
        .map(|c| {
            let hint = c.hint.as_ref().map(|h| text().say(h).to_owned());
            Choice::hinted(c.id.clone(), text().say(&c.label), hint)
        })
        .collect();
    let payers: Vec<Choice> = PAYERS
        .iter()
        .map(|p| {
            let hint = (*p == Payer::Universal).then(|| t.payer_universal_hint.to_owned());
            Choice::hinted(name_of(p), names::payer(*p), hint)
        })
        .collect();
    let frequencies: Vec<Choice> = FREQUENCIES
        .iter()
        .map(|f| Choice::new(name_of(f), names::frequency(*f)))
        .collect();
    let goals: Vec<Choice> = plan
        .goals
        .iter()
        .map(|g| Choice::new(g.id.clone(), g.text.clone()))
        .collect();
    let yes_no = [
        Choice::new(YES, &root.app.yes),
        Choice::new(NO, &root.app.no),
    ];
    let relative = page.chosen(ids::SUPPORT_RELATIVE, || {
        one(paid.map(|s| if s.relative_in_household { YES } else { NO }.to_owned()))
    });
    let cost = html! {
        <>
            { number_input(
                field(ids::SUPPORT_AMOUNT, &t.support_amount_label).hint(&t.support_amount_hint).nested(),
                &page.shown(ids::SUPPORT_AMOUNT, || paid.map(|s| s.amount.0.to_string()).unwrap_or_default()),
                "govuk-input--width-10",
                Some(text().currency_affixes(scheme.currency).0.as_str()),
            ) }
            { number_input(
                field(ids::SUPPORT_UNITS, &t.support_units_label).hint(&t.support_units_hint).nested(),
                &page.shown(ids::SUPPORT_UNITS, || {
                    paid.map(|s| s.units.0.normalize().to_string()).unwrap_or_default()
                }),
                "govuk-input--width-4",
                None,
            ) }
            { choices(field(ids::SUPPORT_RELATIVE, &t.support_relative_legend).nested(), Kind::InlineRadios,
                &yes_no, &relative, None) }
        </>
    };
    let budget = name_of(&Payer::Budget);
    html! {
        <>
            { page.heading() }
            <form novalidate=true onsubmit={page.submit()}>
                { text_area(
                    field(ids::SUPPORT_DESCRIPTION, &t.support_description_label).hint(&t.support_description_hint),
                    &page.shown(ids::SUPPORT_DESCRIPTION, || s.map(|s| s.description.clone()).unwrap_or_default()),
                ) }
                { choices(field(ids::SUPPORT_CATEGORY, &t.support_category_legend), Kind::Radios, &categories,
                    &page.chosen(ids::SUPPORT_CATEGORY, || one(s.map(|s| s.category.clone()))), None) }
                { choices(field(ids::SUPPORT_PAYER, &t.support_payer_legend), Kind::Radios, &payers,
                    &page.chosen(ids::SUPPORT_PAYER, || one(s.map(|s| name_of(&s.payer)))),
                    Some((&budget, cost))) }
                { choices(field(ids::SUPPORT_FREQUENCY, &t.support_frequency_legend), Kind::Radios, &frequencies,
                    &page.chosen(ids::SUPPORT_FREQUENCY, || one(s.map(|s| name_of(&s.frequency)))), None) }
                { date_input(
                    Field::new(ids::SUPPORT_STARTS, &t.support_starts_legend)
                        .hint(&t.support_starts_hint)
                        .error(page.date_error(ids::SUPPORT_STARTS)),
                    &page.date_parts(ids::SUPPORT_STARTS, s.and_then(|s| s.starts)),
                ) }
                { date_input(
                    Field::new(ids::SUPPORT_ENDS, &t.support_ends_legend)
                        .hint(&t.support_ends_hint)
                        .error(page.date_error(ids::SUPPORT_ENDS)),
                    &page.date_parts(ids::SUPPORT_ENDS, s.and_then(|s| s.ends)),
                ) }
                if goals.is_empty() {
                    <h2 class="govuk-heading-m">{ &t.support_goals_legend }</h2>
                    <p class="govuk-body">{ &t.support_goals_none }</p>
                } else {
                    { choices(field(ids::SUPPORT_GOALS, &t.support_goals_legend).hint(&t.support_goals_hint),
                        Kind::Checkboxes, &goals,
                        &page.chosen(ids::SUPPORT_GOALS, || s.map(|s| s.goals.clone()).unwrap_or_default()),
                        None) }
                }
                { buttons() }
            </form>
        </>
    }
}

/// The confirmation before removing a goal or a support.
pub(super) fn remove(page: &Page) -> Html {
    let t = &text().plan;
    let plan = &page.worked.plan;
    let (name, note, back) = match &page.route.page {
        PlanPage::RemoveGoal(id) => {
            let serves = plan.supports.iter().any(|s| s.goals.contains(id));
            let name = plan
                .goals
                .iter()
                .find(|g| g.id == *id)
                .map(|g| g.text.clone());
            (
                name,
                serves.then_some(&t.goal_remove_supports),
                PlanPage::Goals,
            )
        }
        PlanPage::RemoveSupport(id) => {
            let name = plan
                .supports
                .iter()
                .find(|s| s.id == *id)
                .map(|s| s.description.clone());
            (name, None, PlanPage::Supports)
        }
        _ => (None, None, PlanPage::Tasks),
    };
    let back = Route::Plan(PlanRoute::to(back)).hash();
    html! {
        <>
            { page.heading() }
            if let Some(name) = name {
                <div class="govuk-inset-text"><p class="govuk-body">{ name }</p></div>
            }
            if let Some(note) = note {
                <p class="govuk-body">{ note }</p>
            }
            <form novalidate=true onsubmit={page.submit()}>
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button govuk-button--warning">
                        { &t.remove_confirm }
                    </button>
                    <a class="govuk-link" href={back}>{ &t.remove_cancel }</a>
                </div>
            </form>
        </>
    }
}
