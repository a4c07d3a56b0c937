//! The device's storage for saved answers: one key in `localStorage`.

/// The key the saved-answers document is kept under.
pub const KEY: &str = "waymark-saved";

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
