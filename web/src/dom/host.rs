//! The page's host: a browser tab of its own, a portal's iframe, or an element of a
//! portal's page that mounted it. Messages for the host go only where the configuration
//! allows.

use crate::config::Embed;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, Window};

/// Where the page runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Host {
    /// A page of its own.
    Page,
    /// Inside a portal's iframe.
    Frame,
    /// Mounted into an element of the portal's own page.
    Element(Element),
}

impl Host {
    /// The host of a page started from its own `index.html`: a frame when it has a parent.
    pub fn detect() -> Host {
        match parent() {
            Some(_) => Host::Frame,
            None => Host::Page,
        }
    }

    /// Whether a portal surrounds the page, so the page leaves out its own header.
    pub fn embedded(&self) -> bool {
        *self != Host::Page
    }

    /// The element the page was mounted into, if it was.
    pub fn root(&self) -> Option<&Element> {
        match self {
            Host::Element(element) => Some(element),
            _ => None,
        }
    }

    /// Whether anyone hears what the page tells: a mounted page's own element always
    /// does; a framed page's parent only when some origin is allowed.
    pub fn listening(&self, embed: &Embed) -> bool {
        match self {
            Host::Page => false,
            Host::Frame => !embed.allowed_origins.is_empty(),
            Host::Element(_) => true,
        }
    }

    /// Tells the host `message`: a framed page posts it to its parent, but only to an
    /// origin in `embed.allowed_origins`; a mounted page dispatches a bubbling `waymark`
    /// event carrying it on its element. A page of its own tells no one.
    pub fn tell(&self, embed: &Embed, message: &serde_json::Value) {
        if !self.listening(embed) {
            return;
        }
        let Ok(value) = js_sys::JSON::parse(&message.to_string()) else {
            return;
        };
        let allowed = &embed.allowed_origins;
        match self {
            Host::Page => {}
            Host::Frame => {
                let Some(parent) = parent() else {
                    return;
                };
                // Where the browser says who the parent is, post only to that origin, and
                // only if it is allowed; otherwise the browser drops every message whose
                // target origin is not the parent's.
                let targets: Vec<&String> = match parent_origin() {
                    Some(origin) => allowed.iter().filter(|a| **a == origin).collect(),
                    None => allowed.iter().collect(),
                };
                for origin in targets {
                    // An origin the browser cannot parse is the configuration's mistake;
                    // the other origins are still told.
                    let _ = parent.post_message(&value, origin);
                }
            }
            Host::Element(element) => {
                let init = CustomEventInit::new();
                init.set_bubbles(true);
                init.set_detail(&value);
                if let Ok(event) = CustomEvent::new_with_event_init_dict("waymark", &init) {
                    let _ = element.dispatch_event(&event);
                }
            }
        }
    }
}

/// The parent window, when the page is in a frame.
fn parent() -> Option<Window> {
    let window = super::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// The parent's origin, where the browser tells it (`location.ancestorOrigins`).
fn parent_origin() -> Option<String> {
    let location = super::window()?.location();
    let origins = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok()?;
    js_sys::Reflect::get(&origins, &JsValue::from_f64(0.0))
        .ok()?
        .as_string()
}

/// Whether `value` is an element, for a host that passes one to mount into.
pub fn as_element(value: JsValue) -> Option<Element> {
    value.dyn_into().ok()
}
