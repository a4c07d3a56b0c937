//! The Waymark page: the engine, running on the person's own device.
//!
//! For now the page proves that the engine runs in the browser. It reads `config.json`, loads
//! the default scheme and the first worked example from that scheme's tests file, and shows the
//! estimate with its explanation, or the problems that stopped it.
//!
//! Everything that is not drawing or fetching lives in modules with no DOM imports
//! ([`config`], [`example`]), so it is tested natively with `cargo test`. Every path the page
//! fetches is relative, so the site works under any sub-path.

mod app;
pub mod config;
pub mod example;
mod fetch;
mod view;

use wasm_bindgen::prelude::wasm_bindgen;

/// The element the page renders into; `index.html` holds it and the static fallback text.
const ROOT_ID: &str = "app";

/// Starts the page when the wasm module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ROOT_ID));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
