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

use crate::format::money;
use crate::text::text;
use waymark_engine::plan::Costing;
use waymark_engine::Decimal;
use yew::prelude::*;

/// An amount of money in pounds and pence, `£0.00` rather than `£0` (the engine's sums of
/// nothing have no decimal places).
pub fn pounds(amount: Decimal, symbol: &str) -> String {
    let mut amount = amount;
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    money(amount, symbol)
}

/// Spending over the plan by goal and by kind of support, each as a chart and a table;
/// `level` is each chart's heading level, like `h3`.
pub fn spending(costing: &Costing, symbol: &str, level: &str) -> Html {
    let t = text().plan;
    if costing.supports.is_empty() {
        return html! { <p class="govuk-body-s">{ t.chart_empty }</p> };
    }
    let by_goal: Vec<Bar> = costing
        .by_goal
        .iter()
        .map(|g| Bar {
            label: if g.key.is_empty() {
                t.chart_unlinked.to_owned()
            } else {
                g.label.clone()
            },
            amount: g.over_plan.0,
        })
        .collect();
    let by_category: Vec<Bar> = costing
        .by_category
        .iter()
        .map(|g| Bar {
            label: g.label.clone(),
            amount: g.over_plan.0,
        })
        .collect();
    let chart = |id, heading, column| Chart {
        id,
        heading,
        level,
        column,
        amount_column: t.costs_over_plan,
        symbol,
    };
    html! {
        <>
            { bar_chart(chart("chart-goals", t.chart_goal_heading, t.chart_goal_column), &by_goal) }
            { bar_chart(chart("chart-categories", t.chart_category_heading, t.chart_category_column), &by_category) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::pounds;
    use waymark_engine::Decimal;

    #[test]
    fn amounts_always_show_pence() {
        assert_eq!(pounds(Decimal::ZERO, "£"), "£0.00");
        assert_eq!(pounds(Decimal::new(12345, 1), "£"), "£1,234.50");
        assert_eq!(pounds(Decimal::new(-45, 2), "£"), "-£0.45");
    }
}
