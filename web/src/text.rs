//! The words of the interface: the catalogue of the language the person chose.
//!
//! Every word a person reads is in a [`Catalogue`], fetched from `lang/CODE.json` beside
//! the page (see `waymark-words`); scheme texts come from the scheme in the same language.
//! The catalogue in use is set by the app before each render, so every page reads the
//! same language; templates are filled with [`fill`].

use std::cell::Cell;
pub use waymark_words::{fill, Catalogue};

thread_local! {
    static CURRENT: Cell<&'static Catalogue> = Cell::new(initial());
}

/// Before any catalogue has loaded: empty words, so nothing is shown in a wrong language.
/// Native tests start with English.
fn initial() -> &'static Catalogue {
    #[cfg(test)]
    {
        english()
    }
    #[cfg(not(test))]
    {
        Box::leak(Box::default())
    }
}

/// The catalogue in use.
pub fn text() -> &'static Catalogue {
    CURRENT.with(Cell::get)
}

/// Makes `catalogue` the one in use.
pub fn set(catalogue: &'static Catalogue) {
    CURRENT.with(|c| c.set(catalogue));
}

/// Reads a catalogue fetched for the page. It is kept for the page's life, so a language
/// the person switches back to is not fetched again.
pub fn read(json: &str) -> Result<&'static Catalogue, String> {
    Catalogue::from_json(json).map(|c| &*Box::leak(Box::new(c)))
}

/// The English catalogue, for native tests.
#[cfg(test)]
pub fn english() -> &'static Catalogue {
    static ENGLISH: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| {
        Catalogue::from_json(include_str!("../../www/lang/en.json")).unwrap_or_default()
    })
}

/// The Welsh catalogue, for native tests.
#[cfg(test)]
pub fn welsh() -> &'static Catalogue {
    static WELSH: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    WELSH.get_or_init(|| {
        Catalogue::from_json(include_str!("../../www/lang/cy.json")).unwrap_or_default()
    })
}

/// A loaded catalogue, compared by identity, for the state.
#[derive(Clone, Copy)]
pub struct Words(pub &'static Catalogue);

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.0.language)
    }
}
