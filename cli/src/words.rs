//! The words the tool prints for people, from the catalogues compiled in: `--lang` for an
//! estimate or a plan a person reads, English for the council's own reports, and a
//! deployment's catalogues for the consent words a submission must carry.

use crate::files;
use crate::Failure;
use std::collections::BTreeMap;
use waymark_engine::Scheme;
use waymark_words::{embedded, Catalogue};

/// The longest catalogue file read.
pub const CATALOGUE_BYTES: usize = 1024 * 1024;

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

/// A deployment's catalogues by language: those in its `lang` folder, or the ones built in.
pub struct Deployment {
    catalogues: BTreeMap<String, Catalogue>,
}

impl Deployment {
    /// Reads every `CODE.json` in `dir`, or takes the built-in catalogues without one.
    pub fn load(dir: Option<&str>) -> Result<Deployment, Failure> {
        let mut catalogues = BTreeMap::new();
        match dir {
            None => {
                for language in embedded::languages() {
                    catalogues.insert(language.to_owned(), catalogue(language)?);
                }
            }
            Some(dir) => {
                let entries = std::fs::read_dir(dir)
                    .map_err(|e| Failure::bad(format!("{dir}: cannot read: {e}")))?;
                for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                    let (Some(code), Some("json")) = (
                        path.file_stem().and_then(|s| s.to_str()),
                        path.extension().and_then(|x| x.to_str()),
                    ) else {
                        continue;
                    };
                    let name = path.display().to_string();
                    let text = files::read(&name, CATALOGUE_BYTES)?;
                    let read = Catalogue::from_json(&text)
                        .map_err(|e| Failure::bad(format!("{name}: {e}")))?;
                    catalogues.insert(code.to_owned(), read);
                }
            }
        }
        Ok(Deployment { catalogues })
    }

    /// The catalogue for a language, if the deployment has one.
    pub fn catalogue(&self, language: &str) -> Option<&Catalogue> {
        self.catalogues.get(language)
    }
}
