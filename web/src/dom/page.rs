//! The page as a whole: its address, title, focus, printing and timing marks.

use crate::route::Route;
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, FormData, HtmlElement, HtmlFormElement, HtmlTextAreaElement, InputEvent, SubmitEvent,
};
use yew::TargetCast;

/// The address bar's fragment, like `#/questions/sleep`.
pub fn hash() -> String {
    super::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Puts `route` in the address bar, as a new history entry or replacing the current one,
/// unless it is there already. This does not fire `hashchange`.
pub fn show_route(route: &Route, replace: bool) {
    if Route::from_hash(&hash()) == Some(route.clone()) {
        return;
    }
    let wanted = route.hash();
    let Some(history) = super::window().and_then(|w| w.history().ok()) else {
        return;
    };
    // If the history cannot be changed, the page still shows the right content.
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&wanted))
    };
}

/// The address's query, like `?lang=cy&date=2026-06-01`.
pub fn query() -> String {
    super::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The browser's preferred languages, most preferred first (like `cy-GB`, `en`).
pub fn preferred_languages() -> Vec<String> {
    super::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Marks the page's language: on `<html>` for a page of its own, or on `root` when it is
/// mounted into a portal's page (whose own `<html>` is the portal's).
pub fn set_language(root: Option<&Element>, code: &str) {
    let element = match root {
        Some(root) => Some(root.clone()),
        None => super::document().and_then(|d| d.document_element()),
    };
    if let Some(element) = element {
        let _ = element.set_attribute("lang", code);
    }
}

/// When the address names a language (`?lang=en`), makes it name `code` instead, so a
/// reload keeps the language the person switched to.
pub fn show_language(code: &str) {
    let search = query();
    if crate::language::from_query(&search).is_none() {
        return;
    }
    let wanted = format!("{}{}", crate::language::link(&search, code), hash());
    if let Some(history) = super::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
    }
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = super::document() {
        document.set_title(title);
    }
}

/// Moves focus to the first element that matches one of `selectors`, in order, after
/// scrolling to the top: the error summary, a notification banner, or the main heading.
/// In a portal's page, `root` is the element the page was mounted into: only it is
/// searched, and it is scrolled into view rather than the portal's page to its top.
pub fn focus_first(root: Option<&Element>, selectors: &[&str]) {
    let Some(document) = super::document() else {
        return;
    };
    let find = |selector: &&str| match root {
        Some(root) => root.query_selector(selector).ok().flatten(),
        None => document.query_selector(selector).ok().flatten(),
    };
    match root {
        Some(root) => root.scroll_into_view(),
        None => {
            if let Some(window) = super::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
    let target = selectors
        .iter()
        .find_map(find)
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = target {
        // Focus fails only if the element has gone; then there is nothing to do.
        let _ = element.focus();
    }
}

/// Focuses the element with `id` (a field named by an error summary's link) and scrolls
/// its question into view.
pub fn focus_field(id: &str) {
    let Some(element) = super::document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let question = element
        .closest("fieldset, .govuk-form-group")
        .ok()
        .flatten()
        .unwrap_or_else(|| element.clone());
    question.scroll_into_view();
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Some(window) = super::window() {
        // Printing that is not allowed simply does not happen.
        let _ = window.print();
    }
}

/// The value a submitted form sent for the field `name`: the chosen radio's value or the
/// typed text, or `None` when nothing was chosen.
pub fn posted(event: &SubmitEvent, name: &str) -> Option<String> {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        .and_then(|form| FormData::new_with_form(&form).ok())
        .and_then(|data| data.get(name).as_string())
}

/// The text now in the textarea an `input` event came from.
pub fn typed(event: &InputEvent) -> String {
    let area: HtmlTextAreaElement = event.target_unchecked_into();
    area.value()
}

/// Calls `changed` with the new page whenever the address bar's fragment changes (a link,
/// the back button), until the returned listener is dropped.
pub fn on_hash_change(changed: impl Fn(Option<Route>) + 'static) -> Option<EventListener> {
    super::window().map(|window| {
        EventListener::new(&window, "hashchange", move |_| {
            changed(Route::from_hash(&hash()));
        })
    })
}
