//! The costing as tables: each support for a year and over the plan, and the totals by
//! who pays.

use crate::plan::names;
use crate::plan::read::from_name;
use crate::text::{fill, text};
use waymark_engine::plan::{Costing, Payer, Plan};
use waymark_engine::scheme::Currency;
use yew::prelude::*;

/// Two tables: each support for a year and over the plan, and the totals by who pays.
pub fn costs(plan: &Plan, costing: &Costing, currency: Currency) -> Html {
    let t = &text().plan;
    let c = costing;
    let amount = |m: waymark_engine::Money| text().money(m.0, currency);
    let supports = plan.supports.iter().zip(&c.supports).map(|(support, s)| {
        html! {
            <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{ &support.description }</th>
                <td class="govuk-table__cell">{ names::payer(s.payer) }</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{ amount(s.per_year) }</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{ amount(s.over_plan) }</td>
            </tr>
        }
    });
    let payers = c.by_payer.iter().map(|g| {
        let name = from_name::<Payer>(&g.key).map_or_else(|| g.key.clone(), |p| names::payer(p).to_owned());
        html! {
            <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{ name }</th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{ amount(g.per_year) }</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{ amount(g.over_plan) }</td>
            </tr>
        }
    });
    let numeric = "govuk-table__header govuk-table__header--numeric";
    html! {
        <>
            <div class="waymark-table-scroll" tabindex="0" role="region" aria-labelledby="plan-costs-caption">
                <table class="govuk-table" id="plan-costs">
                    <caption class="govuk-table__caption govuk-table__caption--s" id="plan-costs-caption">
                        { fill(t.costs_caption.pick(u64::try_from(c.days).unwrap_or(u64::MAX)), &[("days", &c.days.to_string())]) }
                    </caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{ &t.costs_support }</th>
                            <th scope="col" class="govuk-table__header">{ &t.costs_payer }</th>
                            <th scope="col" class={numeric}>{ &t.costs_per_year }</th>
                            <th scope="col" class={numeric}>{ &t.costs_over_plan }</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{ for supports }</tbody>
                </table>
            </div>
            <div class="waymark-table-scroll" tabindex="0" role="region" aria-labelledby="plan-by-payer-caption">
            <table class="govuk-table" id="plan-by-payer">
                <caption class="govuk-table__caption govuk-table__caption--s" id="plan-by-payer-caption">
                    { &t.by_payer_heading }
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{ &t.costs_payer }</th>
                        <th scope="col" class={numeric}>{ &t.costs_per_year }</th>
                        <th scope="col" class={numeric}>{ &t.costs_over_plan }</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{ for payers }</tbody>
            </table>
            </div>
        </>
    }
}
