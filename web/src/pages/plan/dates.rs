//! When the plan starts, ends and is reviewed.

use super::{buttons, Page};
use crate::components::plan::{date_input, Field};
use crate::plan::ids;
use crate::text::text;
use waymark_engine::Date;
use yew::prelude::*;

/// The plan dates page.
pub(super) fn view(page: &Page) -> Html {
    let t = &text().plan;
    let plan = &page.worked.plan;
    let date = |id: &'static str, legend: &'static str, hint: &'static str, saved: Option<Date>| {
        let field = Field::new(id, legend).hint(hint).error(page.date_error(id));
        date_input(field, &page.date_parts(id, saved))
    };
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.dates_intro }</p>
            <form novalidate=true onsubmit={page.submit()}>
                { date(ids::PLAN_STARTS, &t.plan_starts_legend, &t.date_hint, Some(plan.starts)) }
                { date(ids::PLAN_ENDS, &t.plan_ends_legend, &t.date_hint, Some(plan.ends)) }
                { date(ids::PLAN_REVIEW, &t.plan_review_legend, &t.plan_review_hint, plan.review) }
                { buttons() }
            </form>
        </>
    }
}
