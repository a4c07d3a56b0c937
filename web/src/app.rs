//! The page: loads the default worked example once, then shows it or what went wrong.

use crate::config::Config;
use crate::example::{self, Example};
use crate::fetch;
use crate::view::{ErrorSummary, ExampleView, Footer, Header, SERVICE_NAME};
use std::rc::Rc;
use yew::prelude::*;

/// The site configuration, relative to the page.
const CONFIG_URL: &str = "config.json";

/// Where the page is in loading its example.
#[derive(Clone, PartialEq)]
enum Status {
    /// Files are being fetched.
    Loading,
    /// Something stopped the estimate; the messages say what.
    Failed(Rc<Vec<String>>),
    /// The example ran.
    Shown(Rc<Example>),
}

/// Fetches the configuration, the default scheme and its tests, and runs the first case.
async fn load() -> Result<Example, Vec<String>> {
    let one = |message: String| vec![message];
    let config = Config::from_json(&fetch::text(CONFIG_URL).await.map_err(one)?).map_err(one)?;
    let entry = config.default_scheme().map_err(one)?;
    let scheme = fetch::text(&entry.path);
    let tests = fetch::text(&entry.tests);
    let scheme = scheme.await.map_err(one)?;
    let tests = tests.await.map_err(one)?;
    example::run(&scheme, &tests)
}

/// Sets the browser tab's title.
fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// The whole page: skip-link target, header, main content and footer.
#[function_component]
pub fn App() -> Html {
    let status = use_state(|| Status::Loading);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match load().await {
                    Ok(example) => Status::Shown(Rc::new(example)),
                    Err(messages) => Status::Failed(Rc::new(messages)),
                });
            });
        });
    }
    {
        let title = match &*status {
            Status::Loading => SERVICE_NAME.to_owned(),
            Status::Failed(_) => format!("Error: {SERVICE_NAME}"),
            Status::Shown(example) => format!("Example estimate – {}", example.owner),
        };
        use_effect_with(title, |title| set_title(title));
    }
    let owner = match &*status {
        Status::Shown(example) => Some(AttrValue::from(example.owner.clone())),
        _ => None,
    };
    let content = match &*status {
        Status::Loading => html! {
            <>
                <h1 class="govuk-heading-xl">{ SERVICE_NAME }</h1>
                <p class="govuk-body">{ "Loading the scheme…" }</p>
            </>
        },
        Status::Failed(messages) => html! {
            <>
                <ErrorSummary messages={messages.clone()} />
                <h1 class="govuk-heading-xl">{ "Sorry, the estimate could not be made" }</h1>
                <p class="govuk-body">{ "The problems are listed above." }</p>
            </>
        },
        Status::Shown(example) => html! { <ExampleView example={example.clone()} /> },
    };
    html! {
        <>
            <Header {owner} />
            <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">{ content }</div>
                    </div>
                </main>
            </div>
            <Footer />
        </>
    }
}
