//! The parts of a plan that are the person's own words: the crisis plan, risks and
//! back-up plans, and who helped. Anything may be left blank here; what a scheme requires
//! is said by its findings.

use super::{buttons, Page};
use crate::components::plan::{text_area, Field};
use crate::plan::ids;
use crate::text::text;
use waymark_engine::plan::CrisisPlan;
use yew::prelude::*;

/// The crisis plan page.
pub(super) fn crisis(page: &Page) -> Html {
    let t = &text().plan;
    let crisis = page.worked.plan.crisis.as_ref();
    let saved = |part: fn(&CrisisPlan) -> &String| crisis.map(part).cloned().unwrap_or_default();
    let fields = [
        (
            Field::new(ids::CRISIS_CONTACTS, &t.crisis_contacts_label)
                .hint(&t.crisis_contacts_hint),
            saved(|c| &c.contacts),
        ),
        (
            Field::new(ids::CRISIS_HELPS, &t.crisis_helps_label),
            saved(|c| &c.helps),
        ),
        (
            Field::new(ids::CRISIS_DOES_NOT_HELP, &t.crisis_does_not_help_label),
            saved(|c| &c.does_not_help),
        ),
        (
            Field::new(ids::CRISIS_PREFERENCES, &t.crisis_preferences_label)
                .hint(&t.crisis_preferences_hint),
            saved(|c| &c.preferences),
        ),
    ];
    let fields = fields
        .into_iter()
        .map(|(field, saved)| text_area(field, &page.shown(field.id, || saved)));
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.crisis_intro }</p>
            <form novalidate=true onsubmit={page.submit()}>
                { for fields }
                { buttons() }
            </form>
        </>
    }
}

/// The risks and back-up plans page.
pub(super) fn risks(page: &Page) -> Html {
    let t = &text().plan;
    let plan = &page.worked.plan;
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.risks_intro }</p>
            <form novalidate=true onsubmit={page.submit()}>
                { text_area(
                    Field::new(ids::RISKS, &t.risks_label),
                    &page.shown(ids::RISKS, || plan.risks.clone().unwrap_or_default()),
                ) }
                { text_area(
                    Field::new(ids::IF_SUPPORT_FAILS, &t.if_fails_label).hint(&t.if_fails_hint),
                    &page.shown(ids::IF_SUPPORT_FAILS, || plan.if_support_fails.clone().unwrap_or_default()),
                ) }
                { buttons() }
            </form>
        </>
    }
}

/// The page asking who helped to make the plan: the question is the page's heading.
pub(super) fn helpers(page: &Page) -> Html {
    let t = &text().plan;
    let plan = &page.worked.plan;
    html! {
        <form novalidate=true onsubmit={page.submit()}>
            { text_area(
                Field::new(ids::HELPERS, &t.helpers_heading).hint(&t.helpers_hint).heading(),
                &page.shown(ids::HELPERS, || plan.helpers.join("\n")),
            ) }
            { buttons() }
        </form>
    }
}
