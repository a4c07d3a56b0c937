//! Everything that touches the browser: the address bar, the clock, focus, storage and
//! files. Pages and the state never call the DOM directly except through here and through
//! Yew's own event types.

pub mod clock;
pub mod files;
pub mod forms;
pub mod host;
pub mod key;
pub mod page;
pub mod post;
pub mod storage;
pub mod takeover;

/// The window, when there is one (there always is in a browser).
fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The document, when there is one.
fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}
