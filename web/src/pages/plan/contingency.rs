//! Money kept aside for harder times, and when it would be used.

use super::{buttons, Page};
use crate::components::plan::{number_input, text_area, Field};
use crate::plan::ids;
use crate::text::{fill, text};
use yew::prelude::*;

/// The money-kept-aside page.
pub(super) fn view(page: &Page) -> Html {
    let t = &text().plan;
    let worked = page.worked;
    let currency = worked.scheme.currency;
    let saved = worked.plan.contingency.as_ref();
    let for_plan = worked.costing().map(|c| {
        fill(
            &t.budget_for_plan_is,
            &[("amount", &text().money(c.budget_for_plan.0, currency))],
        )
    });
    let field = |id, label| Field::new(id, label).error(page.error(id));
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.contingency_intro }</p>
            if let Some(for_plan) = for_plan {
                <p class="govuk-body">{ for_plan }</p>
            }
            <form novalidate=true onsubmit={page.submit()}>
                { number_input(
                    field(ids::CONTINGENCY_AMOUNT, &t.contingency_amount_label).hint(&t.contingency_amount_hint),
                    &page.shown(ids::CONTINGENCY_AMOUNT, || saved.map(|c| c.amount.0.to_string()).unwrap_or_default()),
                    "govuk-input--width-10",
                    Some(text().currency_affixes(currency).0.as_str()),
                ) }
                { text_area(
                    field(ids::CONTINGENCY_WHEN, &t.contingency_when_label).hint(&t.contingency_when_hint),
                    &page.shown(ids::CONTINGENCY_WHEN, || saved.map(|c| c.when.clone()).unwrap_or_default()),
                ) }
                { buttons() }
            </form>
        </>
    }
}
