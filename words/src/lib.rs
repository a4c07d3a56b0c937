//! Waymark's words. The engine returns facts (ids, codes, amounts, dates); this crate turns
//! them into sentences in a person's language.
//!
//! Every word a person reads lives in a [`Catalogue`], one JSON file per language in
//! `www/lang` (`en.json`, `cy.json`). Sentences are whole templates with named blanks,
//! never fragments joined together, because languages order words differently and Welsh
//! changes the first letter of a word after some others. The scheme's own words (questions,
//! labels, the council's texts) come from the scheme in the same language. Numbers, money
//! and dates are written as the catalogue's `format` says.
//!
//! The browser app fetches the catalogue it needs; the command-line tool compiles them all
//! in (the `embedded` feature). Adding a language is adding a catalogue file.

#![deny(missing_docs)]

pub mod catalogue;
pub mod compare;
pub mod consent;
pub mod explain;
mod fill;
mod format;
pub mod plan;
pub mod report;

pub use catalogue::Catalogue;
pub use fill::{blanks, fill, split};

/// The languages with a catalogue in `www/lang`, known when this crate was built.
pub mod languages {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));

    /// A language's name in itself, like "Cymraeg", if it has a catalogue.
    pub fn name(code: &str) -> Option<&'static str> {
        LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
    }
}

/// The catalogues compiled in with the `embedded` feature.
#[cfg(feature = "embedded")]
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

    /// The catalogue for a language code, read, or `None` if there is none.
    pub fn catalogue(language: &str) -> Option<Result<crate::Catalogue, String>> {
        CATALOGUES
            .iter()
            .find(|(code, _)| *code == language)
            .map(|(_, text)| crate::Catalogue::from_json(text))
    }

    /// The language codes with a catalogue.
    pub fn languages() -> impl Iterator<Item = &'static str> {
        CATALOGUES.iter().map(|(code, _)| *code)
    }
}
