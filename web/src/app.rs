//! The app: loads the configuration and schemes, holds the state, and carries out the side
//! effects the state asks for (the address bar, the title, focus, saving).

use crate::components::{back_link, error_summary, footer, header};
use crate::config::Config;
use crate::dom::{clock, page, storage};
use crate::fetch;
use crate::pages;
use crate::route::{self, Route};
use crate::state::{Action, Loaded, Persist, Phase, State};
use crate::text::text;
use std::rc::Rc;
use waymark_engine::Scheme;
use yew::prelude::*;

/// The site configuration, relative to the page.
const CONFIG_URL: &str = "config.json";

/// Focus goes to the first of these that is on the page.
const FOCUS_ORDER: [&str; 3] = [
    ".govuk-error-summary",
    ".govuk-notification-banner",
    "main h1",
];

/// Fetches the configuration, then every scheme it offers side by side, and reads them.
async fn load() -> Result<Vec<Rc<Scheme>>, Vec<String>> {
    let one = |message: String| vec![message];
    let config = Config::from_json(&fetch::text(CONFIG_URL).await.map_err(one)?).map_err(one)?;
    let entries = config.offered().map_err(one)?;
    let pending: Vec<_> = entries
        .iter()
        .map(|entry| (entry.path.clone(), fetch::text(&entry.path)))
        .collect();
    let mut schemes = Vec::with_capacity(pending.len());
    let mut problems = Vec::new();
    for (path, text) in pending {
        match text.await {
            Ok(text) => match Scheme::from_json(&text) {
                Ok(scheme) => schemes.push(Rc::new(scheme)),
                Err(issues) => problems.extend(issues.iter().map(|i| format!("{path}: {i}"))),
            },
            Err(message) => problems.push(message),
        }
    }
    if problems.is_empty() {
        Ok(schemes)
    } else {
        Err(problems)
    }
}

/// The title of the page shown.
fn title(state: &State) -> String {
    let t = text();
    let scheme = state.scheme().map(|s| &**s);
    let owner = scheme.map(|s| s.owner.as_str());
    match &state.phase {
        Phase::Loading => t.service_name.to_owned(),
        Phase::Failed(_) => route::title(t.load_failed_heading, None, false),
        Phase::Ready if state.recovery.is_some() => route::title(t.recovery_heading, None, false),
        Phase::Ready => {
            let heading = route::heading(&state.route, state.heading_scheme());
            route::title(&heading, owner, !state.errors.is_empty())
        }
    }
}

/// The whole page: header, back link, main content with any error summary, footer.
#[function_component]
pub fn App() -> Html {
    let store = use_reducer(State::new);
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let route = Route::from_hash(&page::hash());
            let (stored, storage_works) = match storage::read() {
                Ok(stored) => (stored, true),
                Err(_) => (None, false),
            };
            let date = clock::assessment_date();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match date {
                    Some(date) => load().await.map(|schemes| (schemes, date)),
                    None => Err(vec![text().load_failed_date.to_owned()]),
                };
                store.dispatch(match loaded {
                    Ok((schemes, date)) => Action::Loaded(Box::new(Loaded {
                        schemes,
                        date,
                        stored,
                        storage_works,
                        route,
                    })),
                    Err(messages) => Action::LoadFailed(messages),
                });
            });
        });
    }
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = page::on_hash_change(move |route| {
                store.dispatch(Action::Navigate(route));
            });
            move || drop(listener)
        });
    }
    let ready = store.phase == Phase::Ready;
    use_effect_with(
        (ready, store.route.clone(), store.replace),
        |(ready, route, replace)| {
            if *ready {
                page::show_route(route, *replace);
            }
        },
    );
    use_effect_with(title(&store), |title| page::set_title(title));
    use_effect_with(
        (store.focus, store.focus_field.clone()),
        |(focus, field)| match field {
            _ if *focus == 0 => {}
            Some(field) => page::focus_field(field),
            None => page::focus_first(&FOCUS_ORDER),
        },
    );
    {
        let store = store.clone();
        use_effect_with(store.changes, move |changes| {
            if *changes > 0 {
                save(&store);
            }
        });
    }
    let owner = store.scheme().map(|s| s.owner.as_str());
    let content = match &store.phase {
        Phase::Loading => html! {
            <p class="govuk-body" role="status">{ text().loading }</p>
        },
        Phase::Failed(messages) => pages::problem::view(messages),
        Phase::Ready => pages::page(&store),
    };
    let back = if ready { pages::back(&store) } else { None };
    html! {
        <>
            { header(owner) }
            <div class="govuk-width-container">
                if let Some(to) = back {
                    { back_link(&to) }
                }
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            if !store.errors.is_empty() {
                                { error_summary(&store.errors) }
                            }
                            if ready {
                                { pages::notice::banner(store.notice.as_ref()) }
                            }
                            { content }
                        </div>
                        if let Some(aside) = pages::plan::aside(&store) {
                            <div class="govuk-grid-column-one-third">{ aside }</div>
                        }
                    </div>
                </main>
            </div>
            { footer() }
        </>
    }
}

/// Carries out the state's request to save or remove the saved answers.
fn save(store: &UseReducerHandle<State>) {
    let outcome = match store.persist {
        Persist::Keep => return,
        Persist::Remove => storage::remove(),
        Persist::Write => {
            let Some(mut document) = store.document() else {
                return;
            };
            let now = clock::timestamp();
            document.saved_at = now.clone();
            let written = storage::write(&document.to_json());
            let day = |s: &str| s.get(..10).map(str::to_owned);
            if written.is_ok() && store.saved_at.as_deref().and_then(day) != day(&now) {
                store.dispatch(Action::Written(now));
            }
            written
        }
    };
    if outcome.is_err() && store.storage_works {
        store.dispatch(Action::StorageFailed);
    }
}
