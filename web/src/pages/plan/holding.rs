//! How the money is held: the ways the scheme offers, each with its condition, or a split
//! between them with an amount for each.

use super::{buttons, Page};
use crate::components::plan::{choices, number_input, Choice, Field, Kind};
use crate::plan::ids;
use crate::plan::read::name_of;
use crate::text::{fill, text};
use yew::prelude::*;

/// The holding page. The question is the page's heading.
pub(super) fn view(page: &Page) -> Html {
    let t = &text().plan;
    let worked = page.worked;
    let currency = worked.scheme.currency;
    let saved = worked.plan.holding.as_ref();
    let offered = worked
        .scheme
        .plan
        .as_ref()
        .map(|r| r.holding.as_slice())
        .unwrap_or_default();
    let mut ways: Vec<Choice> = offered
        .iter()
        .map(|h| {
            let hint = h.condition.as_ref().map(|c| text().say(c).to_owned());
            Choice::hinted(name_of(&h.kind), text().say(&h.label), hint)
        })
        .collect();
    if offered.len() > 1 {
        ways.push(Choice::hinted(
            ids::HOLDING_SPLIT,
            &t.holding_split_label,
            Some(t.holding_split_hint.to_owned()),
        ));
    }
    let amounts = offered.iter().map(|h| {
        let id = ids::holding_split(&name_of(&h.kind));
        let saved = saved
            .iter()
            .flat_map(|s| &s.split)
            .find(|p| p.kind == h.kind)
            .map(|p| p.amount.0.to_string())
            .unwrap_or_default();
        number_input(
            Field::new(&id, text().say(&h.label))
                .error(page.error(&id))
                .nested(),
            &page.shown(&id, || saved),
            "govuk-input--width-10",
            Some(text().currency_affixes(currency).0.as_str()),
        )
    });
    let for_plan = worked.costing().as_ref().map(|c| {
        fill(
            &t.budget_for_plan_is,
            &[("amount", &text().money(c.budget_for_plan.0, currency))],
        )
    });
    let split = html! {
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                    { &t.holding_split_legend }
                </legend>
                if let Some(for_plan) = for_plan {
                    <p class="govuk-body">{ for_plan }</p>
                }
                { for amounts }
            </fieldset>
        </div>
    };
    let chosen = page.chosen(ids::HOLDING_KIND, || {
        saved.iter().map(|h| name_of(&h.kind)).collect()
    });
    let field = Field::new(ids::HOLDING_KIND, &t.holding_heading)
        .hint(&t.holding_hint)
        .error(page.error(ids::HOLDING_KIND))
        .heading();
    html! {
        <form novalidate=true onsubmit={page.submit()}>
            { choices(field, Kind::Radios, &ways, &chosen, Some((ids::HOLDING_SPLIT, split))) }
            { buttons() }
        </form>
    }
}
