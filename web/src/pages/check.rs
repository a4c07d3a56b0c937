//! Check your answers: every answer with a change link, and the estimate they give.

use super::estimate;
use crate::components::answers_summary;
use crate::format::{money, per};
use crate::route::Route;
use crate::state::State;
use crate::text::{fill, text};
use yew::prelude::*;

/// The check-your-answers page.
///
/// The estimate is worked out on every drawing: it takes well under a millisecond, and the
/// page has nothing else that changes without the answers changing.
pub fn view(state: &State) -> Html {
    let t = text();
    let (Some(scheme), Some(date)) = (state.scheme(), state.date) else {
        return Html::default();
    };
    let timed = estimate::timed(scheme, &state.answers, date);
    let symbol = scheme.currency.symbol();
    let amount = match &timed.estimate {
        Ok(e) if e.eligible => {
            let per = per(e.period);
            html! {
                <>
                    <p class="govuk-body">{ t.check_estimate_lead }</p>
                    <p class="govuk-body-l">
                        <strong id="check-annual-amount">{ money(e.annual.0, symbol) }</strong>
                        { " " }{ per }
                    </p>
                    if let Some(weekly) = e.weekly {
                        <p class="govuk-body">
                            { fill(t.about_a_week, &[("weekly", &money(weekly.0, symbol))]) }
                        </p>
                    }
                </>
            }
        }
        Ok(_) => html! { <p class="govuk-body">{ t.check_not_eligible }</p> },
        Err(issues) => html! {
            <p class="govuk-body">{ estimate::why_not(issues, scheme, date) }</p>
        },
    };
    html! {
        <>
            <h1 class="govuk-heading-xl" tabindex="-1">{ t.check_heading }</h1>
            { answers_summary(scheme, &state.answers, true, "h2") }
            <h2 class="govuk-heading-m">{ t.check_estimate_heading }</h2>
            <div class="waymark-estimate" data-estimate-us={timed.us.to_string()}>{ amount }</div>
            <a href={Route::Result.hash()} class="govuk-button" draggable="false">
                { t.check_see_result }
            </a>
        </>
    }
}
