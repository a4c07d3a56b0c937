//! The page shown when saved answers cannot be read: nothing is thrown away until the
//! person says so, and they can download exactly what was saved first.

use crate::components::warning;
use crate::dom::files;
use crate::saved::Problem;
use crate::state::{Action, State, Unreadable};
use crate::text::{fill, text};
use yew::prelude::*;

/// The filename for unreadable saved data.
const RAW_NAME: &str = "saved-answers-unreadable.txt";

/// Why the saved answers cannot be read, what is kept, and the two ways on.
pub fn view(store: &UseReducerHandle<State>) -> Html {
    let t = text();
    let Some(recovery) = store.recovery.clone() else {
        return Html::default();
    };
    let why = match &recovery.problem {
        Unreadable::Document(Problem::Damaged) => t.app.recovery_damaged.to_owned(),
        Unreadable::Document(Problem::Foreign) => t.app.recovery_foreign.to_owned(),
        Unreadable::Document(Problem::Version(v)) => {
            fill(&t.app.recovery_version, &[("version", v)])
        }
        Unreadable::Scheme(id) => fill(&t.app.recovery_scheme, &[("scheme", id)]),
    };
    let raw = recovery.raw.clone();
    let download = Callback::from(move |_: MouseEvent| {
        files::download(RAW_NAME, &raw, "text/plain");
    });
    let store = store.clone();
    let onsubmit = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        store.dispatch(Action::DiscardUnreadable);
    });
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ &t.app.recovery_heading }</h1>
            <p class="govuk-body">{ why }</p>
            <p class="govuk-body">{ &t.app.recovery_kept }</p>
            <button type="button" class="govuk-button govuk-button--secondary" onclick={download}>
                { &t.app.recovery_download }
            </button>
            { warning(&t.app.recovery_warning) }
            <form novalidate=true {onsubmit}>
                <button type="submit" class="govuk-button govuk-button--warning">
                    { &t.app.recovery_start_again }
                </button>
            </form>
        </>
    }
}
