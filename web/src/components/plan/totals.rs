//! A plan's totals: the budget (a year, and for the plan's days), what is planned, what is
//! kept aside, and what is left or how far over it is.

use crate::format::money_for;
use crate::text::{fill, text};
use waymark_engine::plan::{Costing, Plan};
use waymark_engine::scheme::{Currency, Period};
use waymark_engine::Decimal;
use yew::prelude::*;

/// The totals as a list of figures, each with an id the tests read. `period` says what
/// the budget is for (a year, or a single payment).
pub fn totals(costing: &Costing, plan: &Plan, period: Period, currency: Currency) -> Html {
    let root = text();
    let t = &root.plan;
    let amount = |d: Decimal| text().money(d, currency);
    let days = fill(
        t.plan_days
            .pick(u64::try_from(costing.days).unwrap_or(u64::MAX)),
        &[
            ("days", &costing.days.to_string()),
            ("dates", &text().date_range(plan.starts, Some(plan.ends))),
        ],
    );
    let row = |key: Html, id: &'static str, value: String| {
        html! {
            <div class="waymark-totals__row">
                <dt class="waymark-totals__key">{ key }</dt>
                <dd class="waymark-totals__value" {id}>{ value }</dd>
            </div>
        }
    };
    let remaining = costing.remaining.0;
    html! {
        <dl class="waymark-totals">
            { row(html! { &t.budget_key }, "plan-budget-year", money_for(period, costing.budget.0, currency)) }
            { row(
                html! { <>{ &t.budget_for_plan_key }<span class="waymark-totals__hint">{ days }</span></> },
                "plan-budget",
                amount(costing.budget_for_plan.0),
            ) }
            { row(html! { &t.planned_key }, "plan-planned", amount(costing.planned.0)) }
            { row(html! { &t.kept_aside_key }, "plan-kept", amount(costing.contingency.0)) }
            if remaining < Decimal::ZERO {
                { row(html! { &t.over_key }, "plan-over", amount(remaining.abs())) }
            } else {
                { row(html! { &t.remaining_key }, "plan-remaining", amount(remaining)) }
            }
        </dl>
    }
}
