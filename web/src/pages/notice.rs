//! The banner for the state's notice, shown at the top of the page it was set for.

use crate::components::{banner as frame, BannerKind};
use crate::dom::files;
use crate::state::{Change, Notice};
use crate::text::{fill, text};
use yew::prelude::*;

/// The filename for saved answers downloaded as they were.
const ORIGINAL_NAME: &str = "saved-answers-as-they-were.json";

/// The banner for `notice`, if there is one.
pub fn banner(notice: Option<&Notice>) -> Html {
    let t = text();
    let heading = |words: &str| {
        html! { <p class="govuk-notification-banner__heading">{ words.to_owned() }</p> }
    };
    match notice {
        None => Html::default(),
        Some(Notice::Deleted) => success(heading(&t.app.deleted)),
        Some(Notice::NotesSaved) => success(heading(&t.app.notes_saved)),
        Some(Notice::Imported(change)) => success(html! {
            <>{ heading(&t.app.imported) }{ for change.as_ref().map(changed) }</>
        }),
        Some(Notice::Changed(change)) => frame(BannerKind::Important, changed(change)),
        Some(Notice::Added(name)) => success(heading(&fill(&t.plan.find_added, &[("name", name)]))),
    }
}

fn success(content: Html) -> Html {
    frame(BannerKind::Success, content)
}

/// What no longer fits, and a way to keep the answers as they were saved.
fn changed(change: &Change) -> Html {
    let t = text();
    let original = change.original.clone();
    let download = Callback::from(move |_: MouseEvent| {
        files::download(ORIGINAL_NAME, &original, "application/json");
    });
    html! {
        <>
            if let Some((old, new)) = &change.versions {
                <p class="govuk-body">{ fill(&t.app.scheme_changed, &[("old", old), ("new", new)]) }</p>
            }
            if change.dropped > 0 {
                <p class="govuk-body">
                    { fill(&t.app.answers_dropped, &[("count", &change.dropped.to_string())]) }
                </p>
            }
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onclick={download}>
                { &t.app.download_original }
            </button>
        </>
    }
}
