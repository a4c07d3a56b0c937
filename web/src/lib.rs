//! The Waymark page: a self-assessment that ends with an explained indicative budget,
//! worked out by the engine on the person's own device.
//!
//! The design follows Yew's function_todomvc and function_router examples:
//!
//! - [`state`] holds the state, the actions and the reducer, with no DOM imports, so the
//!   journey's logic (which page, which errors, what to save) is tested natively. It
//!   relies on [`flow`] (the order of questions), [`answer`] (reading what was typed),
//!   [`saved`] (the versioned saved-answers format) and [`route`] (addresses and titles).
//! - `pages` has one component per page; `components` the stateless GOV.UK pieces they
//!   share. Pages dispatch actions; the app component (`app`) carries out the side
//!   effects the state asks for: the address bar, the title, focus, saving, posting what
//!   the person agreed to send ([`send`]) and telling a portal around the page what
//!   happened ([`embed`]).
//! - `dom` is the only module that touches the browser beyond Yew's event types.
//! - [`text`] holds the catalogue of every interface word in the language in use, and
//!   [`language`] decides which language that is.
//! - [`prerender`] draws the start page at build time, for `index.html` as served; the app
//!   takes over from it once loaded.
//!
//! Nothing a person types leaves the device until they choose to send it: until then the
//! page fetches only `config.json`, the scheme files and the catalogue it needs and, when
//! the person opens "Find local support", the scheme's directory, all from its own site;
//! it keeps answers in `localStorage`, and searches the directory on the device. Then it
//! posts one submission to the configured endpoint.
//! Every path is relative, so the site works under any sub-path. The assessment date is
//! today on the device unless the address has `?date=YYYY-MM-DD` (for tests and demonstrations).

pub mod answer;
mod app;
mod components;
pub mod config;
mod dom;
pub mod embed;
mod fetch;
pub mod flow;
pub mod format;
pub mod language;
mod pages;
pub mod plan;
pub mod prerender;
pub mod review;
pub mod route;
pub mod saved;
pub mod send;
pub mod state;
pub mod text;

use app::{App, AppProps, Source};
use config::Config;
use dom::host::{self, Host};
use dom::takeover::TakeOver;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// The element the page renders into; `index.html` holds it, with the start page drawn
/// at build time and the text for browsers without JavaScript.
const ROOT_ID: &str = "app";

/// Starts the page from its own `index.html`: reads `config.json` and the schemes it
/// names, and renders in place of the `#app` element once it has more than "loading" to
/// show (see [`dom::takeover`]).
#[wasm_bindgen]
pub fn run() {
    let Some(takes_over) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ROOT_ID))
        .and_then(TakeOver::stage)
    else {
        return;
    };
    let root = takes_over.drawn().clone();
    let props = AppProps {
        source: Source::Site,
        host: Host::detect(),
        catalogues: app::CATALOGUES.into(),
        takes_over: Some(takes_over),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Mounts the page into `element` of a portal's own page, with the configuration (JSON
/// like `config.json`'s, where `schemes` may be left out), the schemes' JSON, and the
/// address of the folder of language catalogues (ending in `/`) passed in. Fails, with a
/// message, when `element` is not an element or the configuration cannot be read; a scheme
/// that cannot be read is explained on the page, as it would be on the site.
#[wasm_bindgen]
pub fn mount(
    element: JsValue,
    config: &str,
    schemes: Vec<String>,
    catalogues: String,
) -> Result<(), JsValue> {
    let element = host::as_element(element)
        .ok_or_else(|| JsValue::from_str("mount needs an element to render into"))?;
    let config = Config::from_json(config).map_err(|message| JsValue::from_str(&message))?;
    let props = AppProps {
        source: Source::Given {
            config: Rc::new(config),
            schemes: Rc::new(schemes),
        },
        host: Host::Element(element.clone()),
        catalogues: catalogues.into(),
        takes_over: None,
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(())
}
