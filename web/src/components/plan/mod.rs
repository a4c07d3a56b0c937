//! The plan's pieces of markup: form fields for pages with several questions, goal and
//! support cards, the totals, the spending charts, the costing tables and the findings.
//! Like the journey's components they are plain functions, not Yew components.

mod cards;
mod chart;
mod costs;
mod fields;
mod findings;
mod totals;

pub use cards::{goal_card, support_card, Actions};
pub use chart::{bar_chart, Bar, Chart};
pub use costs::costs;
pub use fields::{choices, date_input, number_input, text_area, Choice, Field, Kind};
pub use findings::{findings, OnShow};
pub use totals::totals;

use crate::text::text;
use waymark_engine::plan::{Costing, Plan};
use waymark_engine::Scheme;
use yew::prelude::*;

/// Spending over the plan by goal and by kind of support, each as a chart and a table;
/// `level` is each chart's heading level, like `h3`.
pub fn spending(scheme: &Scheme, plan: &Plan, costing: &Costing, level: &str) -> Html {
    let root = text();
    let t = &root.plan;
    if costing.supports.is_empty() {
        return html! { <p class="govuk-body-s">{ &t.chart_empty }</p> };
    }
    let by_goal: Vec<Bar> = costing
        .by_goal
        .iter()
        .map(|g| Bar {
            label: waymark_words::plan::goal_name(root, plan, &g.key).to_owned(),
            amount: g.over_plan.0,
        })
        .collect();
    let by_category: Vec<Bar> = costing
        .by_category
        .iter()
        .map(|g| Bar {
            label: waymark_words::plan::category_name(root, scheme, &g.key),
            amount: g.over_plan.0,
        })
        .collect();
    let chart = |id, heading, column| Chart {
        id,
        heading,
        level,
        column,
        amount_column: &t.costs_over_plan,
        currency: scheme.currency,
    };
    html! {
        <>
            { bar_chart(chart("chart-goals", &t.chart_goal_heading, &t.chart_goal_column), &by_goal) }
            { bar_chart(chart("chart-categories", &t.chart_category_heading, &t.chart_category_column), &by_category) }
        </>
    }
}
