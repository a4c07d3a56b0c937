//! Goals and supports as GOV.UK summary cards: the goal or support as the card's title,
//! with Change and Remove links when it can be changed, and its details as a summary list.

use crate::plan::names;
use crate::plan::route::{Item, PlanPage, PlanRoute};
use crate::route::Route;
use crate::text::{fill, text};
use waymark_engine::plan::{Frequency, Goal, Plan, Support, SupportCost};
use waymark_engine::{Decimal, Scheme};
use yew::prelude::*;

/// Which links a card has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actions {
    /// None (printing).
    None,
    /// Change, returning to "Check your plan".
    Change,
    /// Change and Remove, returning to the list.
    ChangeAndRemove,
}

fn row(key: &str, value: Html) -> Html {
    html! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{ key.to_owned() }</dt>
            <dd class="govuk-summary-list__value">{ value }</dd>
        </div>
    }
}

/// A card with a title, links and rows.
fn card(title: &str, level: &str, links: Vec<(Route, &'static str)>, rows: Vec<Html>) -> Html {
    let links = links.into_iter().map(|(route, words)| {
        html! {
            <li class="govuk-summary-card__action">
                <a class="govuk-link" href={route.hash()}>
                    { words }<span class="govuk-visually-hidden">{ format!(" ({title})") }</span>
                </a>
            </li>
        }
    });
    html! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <@{level.to_owned()} class="govuk-summary-card__title">{ title.to_owned() }</@>
                <ul class="govuk-summary-card__actions">{ for links }</ul>
            </div>
            <div class="govuk-summary-card__content">
                <dl class="govuk-summary-list">{ for rows }</dl>
            </div>
        </div>
    }
}

/// The links for a goal's or support's card.
fn links(actions: Actions, form: PlanPage, remove: PlanPage) -> Vec<(Route, &'static str)> {
    let root = text();
    match actions {
        Actions::None => Vec::new(),
        Actions::Change => vec![(Route::Plan(PlanRoute::change(form)), &root.app.change)],
        Actions::ChangeAndRemove => vec![
            (Route::Plan(PlanRoute::to(form)), &root.app.change),
            (Route::Plan(PlanRoute::to(remove)), &root.plan.remove),
        ],
    }
}

/// A goal's card: its life area, how the person will know it is working, and the
/// supports in `plan` that serve it. `level` is its title's heading level, like `h2`.
pub fn goal_card(goal: &Goal, plan: &Plan, scheme: &Scheme, level: &str, actions: Actions) -> Html {
    let t = &text().plan;
    let supports: Vec<&str> = plan
        .supports
        .iter()
        .filter(|s| s.goals.contains(&goal.id))
        .map(|s| s.description.as_str())
        .collect();
    let measure = if goal.measure.is_empty() {
        &t.not_given
    } else {
        &goal.measure
    };
    let rows = vec![
        row(&t.goal_area_key, html! { names::area(scheme, &goal.area) }),
        row(&t.goal_measure_key, html! { measure.to_owned() }),
        row(&t.goal_supports_key, list(&supports, &t.goal_no_support)),
    ];
    let links = links(
        actions,
        PlanPage::Goal(Item::Existing(goal.id.clone())),
        PlanPage::RemoveGoal(goal.id.clone()),
    );
    card(&goal.text, level, links, rows)
}

/// Names as a list, or `none` when there are none.
fn list(names: &[&str], none: &str) -> Html {
    match names {
        [] => html! { none.to_owned() },
        [one] => html! { (*one).to_owned() },
        many => html! {
            <ul class="govuk-list govuk-!-margin-bottom-0">
                { for many.iter().map(|n| html! { <li>{ (*n).to_owned() }</li> }) }
            </ul>
        },
    }
}

/// A support's card: its kind, who pays, its cost (`cost`, when the plan could be
/// costed), when, and the goals in `plan` it helps with.
pub fn support_card(
    s: &Support,
    cost: Option<&SupportCost>,
    plan: &Plan,
    scheme: &Scheme,
    level: &str,
    actions: Actions,
) -> Html {
    let root = text();
    let t = &root.plan;
    let currency = scheme.currency;
    let goals: Vec<&str> = s
        .goals
        .iter()
        .filter_map(|id| plan.goals.iter().find(|g| g.id == *id))
        .map(|g| g.text.as_str())
        .collect();
    let when = match (s.frequency, s.starts, s.ends) {
        (Frequency::Once, Some(day), _) => fill(&t.support_paid_on, &[("date", &text().date(day))]),
        (Frequency::Once, None, _) => {
            fill(&t.support_paid_on, &[("date", &text().date(plan.starts))])
        }
        (_, None, None) => t.support_whole_plan.to_owned(),
        (_, Some(from), to) => text().date_range(from, to),
        (_, None, Some(to)) => fill(&t.support_until, &[("date", &text().date(to))]),
    };
    let mut rows = vec![
        row(
            &t.support_category_key,
            html! { names::category(scheme, &s.category) },
        ),
        row(&t.support_payer_key, html! { names::payer(s.payer) }),
    ];
    if s.payer.is_budget() {
        let each = text().money(s.amount.0, currency);
        let each = if s.units.0 == Decimal::ONE {
            each
        } else {
            fill(
                &t.support_each_units,
                &[
                    ("amount", &each),
                    ("units", &s.units.0.normalize().to_string()),
                ],
            )
        };
        rows.push(row(&t.support_each_key, html! { each }));
    }
    rows.push(row(
        &t.support_often_key,
        html! { names::frequency(s.frequency) },
    ));
    rows.push(row(&t.support_when_key, html! { when }));
    if let Some(cost) = cost.filter(|_| s.payer.is_budget()) {
        if s.frequency != Frequency::Once {
            rows.push(row(
                &t.support_year_key,
                html! { text().money(cost.per_year.0, currency) },
            ));
        }
        rows.push(row(
            &t.support_plan_key,
            html! { text().money(cost.over_plan.0, currency) },
        ));
    }
    rows.push(row(&t.support_goals_key, list(&goals, &t.support_no_goals)));
    if s.relative_in_household {
        rows.push(row(&t.support_relative_key, html! { &root.app.yes }));
    }
    let links = links(
        actions,
        PlanPage::Support(Item::Existing(s.id.clone())),
        PlanPage::RemoveSupport(s.id.clone()),
    );
    card(&s.description, level, links, rows)
}
