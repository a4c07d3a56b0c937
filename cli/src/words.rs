//! The words the tool prints for people, from the catalogues compiled in: `--lang` for an
//! estimate or a plan a person reads, and English for the council's own reports.

use crate::Failure;
use waymark_engine::Scheme;
use waymark_words::{embedded, Catalogue};

/// The catalogue for `--lang`, or else for the scheme's first language; the language must
/// be one the scheme offers.
pub fn for_person(lang: Option<&str>, scheme: &Scheme) -> Result<Catalogue, Failure> {
    let language = lang.unwrap_or(scheme.default_language());
    if !scheme.languages.iter().any(|l| l == language) {
        return Err(Failure::bad(format!(
            "--lang {language:?}: the scheme is in {}",
            scheme.languages.join(", ")
        )));
    }
    catalogue(language)
}

/// English, for the council's own reports.
pub fn staff() -> Result<Catalogue, Failure> {
    catalogue("en")
}

fn catalogue(language: &str) -> Result<Catalogue, Failure> {
    match embedded::catalogue(language) {
        Some(Ok(c)) => Ok(c),
        Some(Err(e)) => Err(Failure::bad(format!("the {language} catalogue: {e}"))),
        None => Err(Failure::bad(format!(
            "there are no words in {language:?}: the catalogues are {}",
            embedded::languages().collect::<Vec<_>>().join(", ")
        ))),
    }
}
