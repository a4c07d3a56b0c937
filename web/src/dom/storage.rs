//! The device's storage: the saved-answers document under one key in `localStorage`, and
//! the language the person chose under another.

/// The key the saved-answers document is kept under.
pub const KEY: &str = "waymark-saved";

/// The key the chosen language is kept under.
pub const LANGUAGE_KEY: &str = "waymark-language";

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

fn local() -> Result<web_sys::Storage, Unavailable> {
    super::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(Unavailable)
}

/// What is saved, if anything.
pub fn read() -> Result<Option<String>, Unavailable> {
    local()?.get_item(KEY).map_err(|_| Unavailable)
}

/// Saves `text`, replacing what was there.
pub fn write(text: &str) -> Result<(), Unavailable> {
    local()?.set_item(KEY, text).map_err(|_| Unavailable)
}

/// Removes what is saved.
pub fn remove() -> Result<(), Unavailable> {
    local()?.remove_item(KEY).map_err(|_| Unavailable)
}

/// The language chosen on this device before, if any.
pub fn language() -> Option<String> {
    local().ok()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Remembers the language chosen; a browser that will not store it just forgets it.
pub fn remember_language(code: &str) {
    if let Ok(storage) = local() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
}
