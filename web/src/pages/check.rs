//! Check your answers: every answer with a change link, and the estimate they give.

use super::estimate;
use crate::components::{answers_summary, around};
use crate::format::amount_template;
use crate::route::Route;
use crate::state::State;
use crate::text::{fill, text};
use yew::prelude::*;

/// The check-your-answers page, with the estimate the state worked out for the answers.
pub fn view(state: &State) -> Html {
    let t = text();
    let (Some(scheme), Some(date), Some(worked)) = (state.scheme(), state.date, &state.worked)
    else {
        return Html::default();
    };
    let currency = scheme.currency;
    let amount = match &worked.estimate {
        Ok(e) if e.eligible => html! {
            <>
                <p class="govuk-body">{ &t.app.check_estimate_lead }</p>
                <p class="govuk-body-l">
                    { around(amount_template(e.period), "amount", html! {
                        <strong id="check-annual-amount">{ t.money(e.annual.0, currency) }</strong>
                    }) }
                </p>
                if let Some(weekly) = e.weekly {
                    <p class="govuk-body">
                        { fill(&t.app.about_a_week, &[("weekly", &t.money(weekly.0, currency))]) }
                    </p>
                }
            </>
        },
        Ok(_) => html! { <p class="govuk-body">{ &t.app.check_not_eligible }</p> },
        Err(issues) => html! {
            <p class="govuk-body">{ estimate::why_not(issues, scheme, date) }</p>
        },
    };
    html! {
        <>
            <h1 class="govuk-heading-xl" tabindex="-1">{ &t.app.check_heading }</h1>
            { answers_summary(scheme, &state.answers, true, "h2") }
            <h2 class="govuk-heading-m">{ &t.app.check_estimate_heading }</h2>
            <div class="waymark-estimate" data-estimate-us={worked.us.to_string()}>{ amount }</div>
            <a href={Route::Result.hash()} class="govuk-button" draggable="false">
                { &t.app.check_see_result }
            </a>
        </>
    }
}
