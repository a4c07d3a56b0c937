//! Taking over from the page as served. `index.html` arrives with the start page already
//! drawn (at build time, by `crate::prerender`), so a person can read it before the wasm
//! has arrived. The app draws into an element of its own, off the page, and puts it in
//! place of the served one only once it has more to show than "loading": both drawings
//! are the same markup, swapped within one task, so nothing on the screen moves, and
//! focus stays on what the person had moved it to.
//!
//! The page as served may also be one drawn ahead of the start page, up to the first
//! question, which `first-steps.js` shows when the person follows a link to it. What they
//! chose or typed there (it marks each field changed `data-touched`) is kept, and a form
//! they sent (marked `data-sent`) is sent again once the app's form is in its place.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

/// Marks a field of the page as served that the person changed.
const TOUCHED: &str = "data-touched";

/// Marks a form of the page as served that the person sent.
const SENT: &str = "data-sent";

/// Marks the element the app draws into once it is on the page, for tests and scripts
/// that wait for the app.
pub const STARTED: &str = "data-started";

/// The served element and the one the app draws into in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOver {
    served: Element,
    drawn: Element,
}

impl TakeOver {
    /// An element like `served`, off the page, for the app to draw into.
    pub fn stage(served: Element) -> Option<TakeOver> {
        let drawn = served
            .owner_document()?
            .create_element(&served.tag_name().to_lowercase())
            .ok()?;
        Some(TakeOver { served, drawn })
    }

    /// The element the app draws into.
    pub fn drawn(&self) -> &Element {
        &self.drawn
    }

    /// Puts the app's drawing where the served page was, with the served element's id,
    /// and keeps focus where the person had put it, if the app draws an element with the
    /// same name and text there. Does nothing once done.
    pub fn finish(&self) {
        if !self.served.is_connected() {
            return;
        }
        let focused = self
            .served
            .owner_document()
            .and_then(|document| document.active_element())
            .and_then(|active| Some((position(&self.served, &active)?, active)));
        self.drawn.set_id(&self.served.id());
        let _ = self.drawn.set_attribute(STARTED, "");
        let _ = self.served.replace_with_with_node_1(&self.drawn);
        self.keep_focus(focused);
        self.keep_choices();
        self.send_again();
    }

    /// Moves focus to the app's element where `focused` was, if it is the same kind of
    /// element with the same text.
    fn keep_focus(&self, focused: Option<(Vec<u32>, Element)>) {
        let Some((steps, before)) = focused else {
            return;
        };
        let same = element_at(&self.drawn, &steps)
            .filter(|after| {
                after.tag_name() == before.tag_name()
                    && after.text_content() == before.text_content()
            })
            .and_then(|after| after.dyn_into::<HtmlElement>().ok());
        if let Some(after) = same {
            let _ = after.focus();
        }
    }

    /// Gives each field of the app's drawing the choice or text the person gave its
    /// counterpart in the page as served.
    fn keep_choices(&self) {
        for (before, after) in self.counterparts(&format!("[{TOUCHED}]")) {
            if let (Some(before), Some(after)) = (
                before.dyn_ref::<HtmlInputElement>(),
                after.dyn_ref::<HtmlInputElement>(),
            ) {
                match before.type_().as_str() {
                    "radio" | "checkbox" => after.set_checked(before.checked()),
                    _ => after.set_value(&before.value()),
                }
            } else if let (Some(before), Some(after)) = (
                before.dyn_ref::<HtmlTextAreaElement>(),
                after.dyn_ref::<HtmlTextAreaElement>(),
            ) {
                after.set_value(&before.value());
            }
        }
    }

    /// Sends the app's counterpart of a form the person sent in the page as served.
    fn send_again(&self) {
        let sent = self.counterparts(&format!("form[{SENT}]")).next();
        if let Some(form) = sent.and_then(|(_, after)| after.dyn_into::<HtmlFormElement>().ok()) {
            let _ = form.request_submit();
        }
    }

    /// Each element of the page as served matching `selector`, with the element in the
    /// same place in the app's drawing, where it has the same name.
    fn counterparts(&self, selector: &str) -> impl Iterator<Item = (Element, Element)> + '_ {
        let found = self.served.query_selector_all(selector).ok();
        let count = found.as_ref().map_or(0, |list| list.length());
        (0..count)
            .filter_map(move |i| found.as_ref()?.item(i)?.dyn_into::<Element>().ok())
            .filter_map(|before| {
                let after = element_at(&self.drawn, &position(&self.served, &before)?)?;
                (after.tag_name() == before.tag_name()).then_some((before, after))
            })
    }
}

/// Where `element` is inside `root`: its position among its parent's elements at each
/// level down from `root`; `None` when it is `root` itself or not inside it.
fn position(root: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut steps = Vec::new();
    let mut at = element.clone();
    while at != *root {
        let parent = at.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&at))?;
        steps.push(index);
        at = parent;
    }
    steps.reverse();
    (!steps.is_empty()).then_some(steps)
}

/// The element at `steps` (from [`position`]) inside `root`, if there is one.
fn element_at(root: &Element, steps: &[u32]) -> Option<Element> {
    steps
        .iter()
        .try_fold(root.clone(), |at, &index| at.children().item(index))
}
