//! "Check your plan": what needs changing and what to think about, every part of the plan
//! with Change links that return here, what it costs, and what happens next. The same
//! sections, without links, are the plan in the result page's print view.

use super::{plan_findings, Page};
use crate::components::plan::{costs, goal_card, spending, support_card, totals, Actions};
use crate::dom::page as browser;
use crate::plan::names;
use crate::plan::route::{PlanPage, PlanRoute};
use crate::route::Route;
use crate::state::{State, Worked};
use crate::text::{fill, text};
use waymark_engine::plan::HoldingKind;
use yew::prelude::*;

/// The check-your-plan page.
pub(super) fn view(page: &Page) -> Html {
    let root = text();
    let t = &root.plan;
    let worked = page.worked;
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <>
            { page.heading() }
            { plan_findings(&page.store.dispatcher(), worked, "h2", true) }
            { sections(worked, Actions::Change, "h2") }
            <div class="waymark-no-print">
                <h2 class="govuk-heading-l">{ &t.next_heading }</h2>
                <p class="govuk-body">{ fill(&t.next_body, &[("owner", root.say(&worked.scheme.owner))]) }</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button" onclick={crate::pages::download(page.state())}>
                        { &t.download }
                    </button>
                    <button type="button" class="govuk-button govuk-button--secondary" onclick={print}>
                        { &t.print }
                    </button>
                </div>
                <p class="govuk-body">
                    <a class="govuk-link" href={Route::Result.hash()}>{ &root.app.result_heading }</a>
                </p>
            </div>
            { crate::pages::send::invitation(page.state()) }
        </>
    }
}

/// The plan for the result page's print view.
pub(super) fn printed(store: &UseReducerHandle<State>, worked: &Worked) -> Html {
    let t = &text().plan;
    html! {
        <>
            <h2 class="govuk-heading-l">{ &t.print_heading }</h2>
            { plan_findings(&store.dispatcher(), worked, "h3", true) }
            { sections(worked, Actions::None, "h3") }
        </>
    }
}

/// Every part of the plan, then what it costs; `level` is each part's heading level.
fn sections(worked: &Worked, actions: Actions, level: &str) -> Html {
    let t = &text().plan;
    let plan = &worked.plan;
    let scheme = &worked.scheme;
    let currency = scheme.currency;
    let inner = if level == "h2" { "h3" } else { "h4" };
    let goals = plan
        .goals
        .iter()
        .map(|goal| goal_card(goal, plan, scheme, inner, actions));
    let supports = plan.supports.iter().map(|support| {
        let cost = worked
            .costing()
            .and_then(|c| c.supports.iter().find(|s| s.id == support.id));
        support_card(support, cost, plan, scheme, inner, actions)
    });
    let given = |words: Option<&str>| {
        words
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&t.not_given)
            .to_owned()
    };
    let contingency = plan.contingency.as_ref();
    let crisis = plan.crisis.as_ref();
    let holding = plan.holding.as_ref().map(|h| {
        if h.kind != HoldingKind::Split {
            return names::holding(scheme, h.kind);
        }
        h.split
            .iter()
            .map(|p| {
                fill(
                    &t.holding_part,
                    &[
                        ("way", &names::holding(scheme, p.kind)),
                        ("amount", &text().money(p.amount.0, currency)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let change = actions == Actions::Change;
    let heading = |words: &str| html! { <@{level.to_owned()} class="govuk-heading-m">{ words.to_owned() }</@> };
    let part = |words: &str, page: PlanPage, rows: Vec<(&str, String)>| {
        html! { <>{ heading(words) }{ summary(rows, change.then_some(page)) }</> }
    };
    let none = |words: &str| html! { <p class="govuk-body">{ words.to_owned() }</p> };
    html! {
        <>
            { heading(&t.task_goals) }
            if plan.goals.is_empty() {
                { none(&t.goals_none) }
            }
            { for goals }
            { heading(&t.task_supports) }
            if plan.supports.is_empty() {
                { none(&t.supports_none) }
            }
            { for supports }
            { part(&t.task_contingency, PlanPage::Contingency, vec![
                (&t.contingency_amount_key, contingency.map_or_else(|| t.not_given.to_owned(), |c| text().money(c.amount.0, currency))),
                (&t.contingency_when_key, given(contingency.map(|c| c.when.as_str()))),
            ]) }
            { part(&t.task_crisis, PlanPage::Crisis, vec![
                (&t.crisis_contacts_key, given(crisis.map(|c| c.contacts.as_str()))),
                (&t.crisis_helps_key, given(crisis.map(|c| c.helps.as_str()))),
                (&t.crisis_does_not_help_key, given(crisis.map(|c| c.does_not_help.as_str()))),
                (&t.crisis_preferences_key, given(crisis.map(|c| c.preferences.as_str()))),
            ]) }
            { part(&t.task_risks, PlanPage::Risks, vec![
                (&t.risks_key, given(plan.risks.as_deref())),
                (&t.if_fails_key, given(plan.if_support_fails.as_deref())),
            ]) }
            { part(&t.task_holding, PlanPage::Holding, vec![(&t.holding_key, given(holding.as_deref()))]) }
            { part(&t.task_helpers, PlanPage::Helpers, vec![(&t.helpers_key, given(Some(&plan.helpers.join(", "))))]) }
            { part(&t.task_dates, PlanPage::Dates, vec![
                (&t.plan_starts_key, text().date(plan.starts)),
                (&t.plan_ends_key, text().date(plan.ends)),
                (&t.plan_review_key, plan.review.map_or_else(|| t.not_given.to_owned(), |d| text().date(d))),
            ]) }
            if let Some(costing) = worked.costing() {
                { heading(&t.costs_heading) }
                { totals(costing, plan, scheme.period, currency) }
                { costs(plan, costing, currency) }
                { spending(scheme, plan, costing, inner) }
            }
        </>
    }
}

/// A summary list; with `change`, each row links to that page, returning here.
fn summary(rows: Vec<(&str, String)>, change: Option<PlanPage>) -> Html {
    let root = text();
    let rows = rows.into_iter().map(|(key, value)| {
        let link = change.clone().map(|page| {
            let href = Route::Plan(PlanRoute::change(page)).hash();
            html! {
                <dd class="govuk-summary-list__actions">
                    <a class="govuk-link" {href}>
                        { &root.app.change }<span class="govuk-visually-hidden">{ format!(" {key}") }</span>
                    </a>
                </dd>
            }
        });
        html! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ key.to_owned() }</dt>
                <dd class="govuk-summary-list__value waymark-notes">{ value }</dd>
                { for link }
            </div>
        }
    });
    html! { <dl class="govuk-summary-list govuk-!-margin-bottom-9">{ for rows }</dl> }
}
