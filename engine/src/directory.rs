//! A community directory: local services a person can plan with, free ones included, in
//! Waymark's own format. `waymark directory import` writes one from a council's Open
//! Referral UK feed; the app loads it only when the person asks to find local support, and
//! searches it on the device.
//!
//! An entry keeps what a person needs to choose: a name, who runs it, a short plain-text
//! description, what it costs, where it is (or that it is online or at home), how to get
//! in touch, when it is open, the languages spoken, and the scheme's plan categories and
//! life areas it fits. Organisations, places and taxonomy terms are written once, in
//! tables the entries point into, and the feed's ids are not kept: a directory of 5,000
//! services is then small enough to load on a phone (see `cli/tests/directory.rs`).

use crate::amount::Money;
use crate::date::Date;
use crate::issue::{pointer, Issue};
use crate::plan::Frequency;
use crate::scheme::Scheme;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The value of every directory's `format`.
pub const FORMAT: &str = "waymark-directory";

/// The version of the directory document this engine reads and writes.
pub const VERSION: u32 = 1;

/// The most entries a directory may have.
pub const MOST_ENTRIES: usize = 20_000;

/// The longest name, organisation or place, in characters.
pub const NAME_CHARS: usize = 200;

/// The longest description, in characters: a short summary, not the service's whole page.
pub const DESCRIPTION_CHARS: usize = 600;

/// A directory of local services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// Where an editor finds the JSON Schema for this file; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// Always `waymark-directory`.
    pub format: String,
    /// The document's version: 1.
    pub version: u32,
    /// The language entries are written in, by ISO 639 code, unless an entry says.
    pub language: String,
    /// Where the entries came from.
    pub source: DirectorySource,
    /// The organisations that run the services, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<String>,
    /// The places services are offered at, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// The feed's taxonomy terms, by name, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// The services.
    pub entries: Vec<Entry>,
}

/// Where a directory's entries came from, and whether they are the whole feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DirectorySource {
    /// The standard the feed was read as, like `oruk-1.0`.
    pub standard: String,
    /// The day it was imported.
    pub imported: Date,
    /// How many services the feed said it had, where it said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<u64>,
    /// False when the feed's pages did not add up, or entries were left out: the directory
    /// is then not the whole of the council's.
    pub complete: bool,
}

/// One service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The service's name.
    pub name: String,
    /// Who runs it: its position in the directory's `organisations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<usize>,
    /// A short description in plain text.
    #[serde(default)]
    pub description: String,
    /// The language of the entry's own text, when it is not the directory's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The scheme's plan categories it fits (kinds of support).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The scheme's life areas it helps with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Its taxonomy terms: positions in the directory's `terms`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<usize>,
    /// What it costs; free when there is none, or every amount is 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<Cost>,
    /// How it is offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivery: Vec<Delivery>,
    /// Where it is: positions in the directory's `places`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<usize>,
    /// Its own web page: `http://` or `https://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// When it is open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opening: Vec<Opening>,
    /// The languages spoken, by name as the feed gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

/// One way of paying for a service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// The amount, in the scheme's currency.
    pub amount: Money,
    /// What it is for, as the feed says: "per session", "a month".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// How often it is paid, where the feed says so plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// Which option this is, like "Concession".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The first day it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last day it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// How a service is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// At a place.
    InPerson,
    /// Online.
    Online,
    /// By phone.
    Phone,
    /// At the person's home.
    AtHome,
}

/// A place a service is offered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's name, like "Northvale Library".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The address, on one line.
    #[serde(default)]
    pub address: String,
    /// The postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
}

/// When a service is open on some days of the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The days.
    pub days: Vec<Day>,
    /// When it opens, `HH:MM`.
    pub opens: String,
    /// When it closes, `HH:MM`.
    pub closes: String,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Day {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Entry {
    /// Whether it costs nothing: no cost is given, or every amount is 0.
    pub fn is_free(&self) -> bool {
        self.costs.iter().all(|c| c.amount.0.is_zero())
    }

    /// The cost to fill in when the service is added to a plan: the lowest that is not
    /// nothing, or none for a free service.
    pub fn suggested_cost(&self) -> Option<&Cost> {
        self.costs
            .iter()
            .filter(|c| !c.amount.0.is_zero())
            .min_by_key(|c| c.amount)
    }
}

impl Directory {
    /// A directory with no entries yet, in `language`, from `source`.
    pub fn empty(language: &str, source: DirectorySource) -> Directory {
        Directory {
            json_schema: None,
            format: FORMAT.into(),
            version: VERSION,
            language: language.into(),
            source,
            organisations: Vec::new(),
            places: Vec::new(),
            terms: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Reads a directory strictly, and checks it (against the scheme's plan categories and
    /// life areas, when a scheme is given); every problem found is returned.
    pub fn from_json(text: &str, scheme: Option<&Scheme>) -> Result<Directory, Vec<Issue>> {
        crate::limits::within(text, crate::limits::DIRECTORY_BYTES, "directory")
            .map_err(|e| vec![e])?;
        let directory: Directory = crate::json::from_str(text).map_err(|e| vec![e])?;
        let issues = directory.check(scheme);
        if issues.is_empty() {
            Ok(directory)
        } else {
            Err(issues)
        }
    }

    /// The name of the organisation that runs an entry's service.
    pub fn organisation(&self, entry: &Entry) -> Option<&str> {
        self.organisations
            .get(entry.organisation?)
            .map(String::as_str)
    }

    /// The places an entry's service is offered at.
    pub fn places_of<'a>(&'a self, entry: &'a Entry) -> impl Iterator<Item = &'a Place> {
        entry.places.iter().filter_map(|p| self.places.get(*p))
    }

    /// The names of an entry's taxonomy terms.
    pub fn terms_of<'a>(&'a self, entry: &'a Entry) -> impl Iterator<Item = &'a str> {
        entry
            .terms
            .iter()
            .filter_map(|t| self.terms.get(*t).map(String::as_str))
    }

    /// Every problem with the directory: its format, tables, texts, links, amounts, dates
    /// and times, the same service twice, and (with a scheme) categories and life areas
    /// the scheme does not have.
    pub fn check(&self, scheme: Option<&Scheme>) -> Vec<Issue> {
        let mut out = Vec::new();
        if self.format != FORMAT {
            out.push(Issue::new(
                "unknown_format",
                "/format",
                format!("a directory's format is {FORMAT:?}"),
            ));
        }
        if self.version != VERSION {
            out.push(Issue::new(
                "unknown_version",
                "/version",
                format!("this engine reads version {VERSION} of the directory"),
            ));
        }
        if !is_language(&self.language) {
            out.push(Issue::new(
                "invalid_value",
                "/language",
                "give the language as an ISO 639 code, like \"en\"",
            ));
        }
        if self.entries.len() > MOST_ENTRIES {
            out.push(Issue::new(
                "too_large",
                "/entries",
                format!("a directory may have at most {MOST_ENTRIES} entries"),
            ));
            return out;
        }
        for (i, name) in self.organisations.iter().enumerate() {
            text(
                &pointer(["organisations", &i.to_string()]),
                name,
                NAME_CHARS,
                true,
                &mut out,
            );
        }
        for (i, term) in self.terms.iter().enumerate() {
            text(
                &pointer(["terms", &i.to_string()]),
                term,
                NAME_CHARS,
                true,
                &mut out,
            );
        }
        for (i, place) in self.places.iter().enumerate() {
            let at = |f: &str| pointer(["places", &i.to_string(), f]);
            text(
                &at("address"),
                &place.address,
                NAME_CHARS * 2,
                false,
                &mut out,
            );
            if let Some(name) = &place.name {
                text(&at("name"), name, NAME_CHARS, true, &mut out);
            }
        }
        let categories: Option<BTreeSet<&str>> = scheme.map(|s| {
            s.plan
                .iter()
                .flat_map(|p| p.categories.iter().map(|c| c.id.as_str()))
                .collect()
        });
        let areas: Option<BTreeSet<&str>> = scheme.map(|s| crate::plan::area_ids(s).collect());
        let mut seen = BTreeSet::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let at = |field: &str| pointer(["entries", &i.to_string(), field]);
            if !seen.insert((&entry.name, entry.organisation, &entry.places)) {
                out.push(Issue::new(
                    "duplicate_entry",
                    at("name"),
                    "an earlier entry is the same service, run by the same organisation at the same places",
                ));
            }
            self.references(entry, &at, &mut out);
            entry.check(&at, &mut out);
            let known = [
                (
                    "categories",
                    &entry.categories,
                    &categories,
                    "plan categories",
                ),
                ("areas", &entry.areas, &areas, "life areas"),
            ];
            for (field, list, known, what) in known {
                let Some(known) = known else { continue };
                for (k, id) in list.iter().enumerate() {
                    if !known.contains(id.as_str()) {
                        out.push(Issue::new(
                            "unknown_id",
                            pointer(["entries", &i.to_string(), field, &k.to_string()]),
                            format!("{id:?} is not one of the scheme's {what}"),
                        ));
                    }
                }
            }
        }
        out
    }

    /// That an entry's positions in the tables are there.
    fn references(&self, entry: &Entry, at: &dyn Fn(&str) -> String, out: &mut Vec<Issue>) {
        let tables = [
            (
                "organisation",
                entry.organisation.as_slice(),
                self.organisations.len(),
            ),
            ("places", entry.places.as_slice(), self.places.len()),
            ("terms", entry.terms.as_slice(), self.terms.len()),
        ];
        for (field, positions, len) in tables {
            if positions.iter().any(|p| *p >= len) {
                out.push(Issue::new(
                    "unknown_id",
                    at(field),
                    format!("the directory's {field} table has only {len} entries"),
                ));
            }
        }
    }
}

/// Checks one text: present when `needed`, within `most` characters, and with no control
/// characters but line breaks.
fn text(at: &str, value: &str, most: usize, needed: bool, out: &mut Vec<Issue>) {
    if needed && value.trim().is_empty() {
        out.push(Issue::new("missing_text", at, "this is empty"));
    } else if value.chars().count() > most {
        out.push(Issue::new(
            "too_large",
            at,
            format!("write this in at most {most} characters"),
        ));
    } else if value.chars().any(|c| c.is_control() && c != '\n') {
        out.push(Issue::new(
            "invalid_text",
            at,
            "this has control characters",
        ));
    }
}

impl Entry {
    fn check(&self, at: &dyn Fn(&str) -> String, out: &mut Vec<Issue>) {
        text(&at("name"), &self.name, NAME_CHARS, true, out);
        text(
            &at("description"),
            &self.description,
            DESCRIPTION_CHARS,
            false,
            out,
        );
        for (k, language) in self.languages.iter().enumerate() {
            text(
                &format!("{}/{k}", at("languages")),
                language,
                NAME_CHARS,
                true,
                out,
            );
        }
        if let Some(language) = &self.language {
            if !is_language(language) {
                out.push(Issue::new(
                    "invalid_value",
                    at("language"),
                    "give the language as an ISO 639 code, like \"cy\"",
                ));
            }
        }
        if let Some(url) = &self.url {
            if !is_web_link(url) {
                out.push(Issue::new(
                    "invalid_link",
                    at("url"),
                    "only http:// and https:// links are kept",
                ));
            }
        }
        if let Some(email) = &self.email {
            if !is_email(email) {
                out.push(Issue::new(
                    "invalid_link",
                    at("email"),
                    "this is not an email address",
                ));
            }
        }
        if let Some(phone) = &self.phone {
            if !is_phone(phone) {
                out.push(Issue::new(
                    "invalid_link",
                    at("phone"),
                    "a phone number has digits, spaces, +, (, ) and - only",
                ));
            }
        }
        for (k, cost) in self.costs.iter().enumerate() {
            let here = || format!("{}/{k}", at("costs"));
            if cost.amount.0.is_sign_negative() && !cost.amount.0.is_zero() {
                out.push(Issue::new(
                    "negative_amount",
                    format!("{}/amount", here()),
                    "a cost cannot be negative",
                ));
            }
            if let (Some(from), Some(to)) = (cost.from, cost.to) {
                if to < from {
                    out.push(Issue::new(
                        "invalid_dates",
                        format!("{}/to", here()),
                        format!("this cost ends ({to}) before it starts ({from})"),
                    ));
                }
            }
        }
        for (k, opening) in self.opening.iter().enumerate() {
            let here = format!("{}/{k}", at("opening"));
            match (minutes(&opening.opens), minutes(&opening.closes)) {
                (Some(opens), Some(closes)) if opens < closes => {}
                (Some(_), Some(_)) => out.push(Issue::new(
                    "impossible_time",
                    format!("{here}/closes"),
                    "it closes before it opens",
                )),
                _ => out.push(Issue::new(
                    "impossible_time",
                    here,
                    "write times as HH:MM, from 00:00 to 23:59",
                )),
            }
        }
    }
}

/// The minutes after midnight of a time written `HH:MM`.
pub fn minutes(time: &str) -> Option<u32> {
    let (h, m) = time.split_once(':')?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn is_language(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether a link is an `http://` or `https://` address with a host.
pub fn is_web_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// Whether text reads as an email address: one `@` with something either side, and no
/// spaces.
pub fn is_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((name, host)) => {
            !name.is_empty()
                && host.contains('.')
                && !host.contains('@')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Whether text reads as a phone number.
pub fn is_phone(phone: &str) -> bool {
    phone.chars().any(|c| c.is_ascii_digit())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c))
}

/// What a person is looking for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words, each of which must appear (in any case) in the entry's text.
    pub text: String,
    /// A life area's id.
    pub area: Option<String>,
    /// A plan category's id.
    pub category: Option<String>,
    /// Free (`Some(true)`) or paid (`Some(false)`) only.
    pub free: Option<bool>,
    /// Online (`Some(true)`) or in person (`Some(false)`) only.
    pub online: Option<bool>,
}

/// A directory made ready to search: each entry's text in lower case, worked out once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finder {
    names: Vec<String>,
    texts: Vec<String>,
}

impl Finder {
    /// Prepares a directory for searching.
    pub fn new(directory: &Directory) -> Finder {
        let names = directory
            .entries
            .iter()
            .map(|e| e.name.to_lowercase())
            .collect();
        let texts = directory
            .entries
            .iter()
            .map(|e| {
                let mut text = [
                    e.name.as_str(),
                    directory.organisation(e).unwrap_or_default(),
                    &e.description,
                ]
                .join("\n");
                let places = directory
                    .places_of(e)
                    .flat_map(|p| [p.name.as_deref().unwrap_or_default(), &p.address]);
                let more = directory
                    .terms_of(e)
                    .chain(e.languages.iter().map(String::as_str))
                    .chain(places);
                for part in more {
                    text.push('\n');
                    text.push_str(part);
                }
                text.to_lowercase()
            })
            .collect();
        Finder { names, texts }
    }

    /// The positions of the entries that match, those whose name has every word first,
    /// then the rest, each in the directory's order.
    pub fn find(&self, directory: &Directory, query: &Query) -> Vec<usize> {
        self.search(directory, query, 0..directory.entries.len())
    }

    /// The same as [`Finder::find`] for `query`, given that `previous` is what `find` gave for
    /// `was`. When every entry `query` can match is among those (the filters are the same,
    /// and each of `was`'s words is within one of `query`'s, as when the person types on),
    /// only they are searched; otherwise the whole directory is.
    pub fn refine(
        &self,
        directory: &Directory,
        was: &Query,
        previous: &[usize],
        query: &Query,
    ) -> Vec<usize> {
        let same_filters = (&was.area, &was.category, was.free, was.online)
            == (&query.area, &query.category, query.free, query.online);
        let (old, new) = (words(&was.text), words(&query.text));
        if !same_filters
            || !old
                .iter()
                .all(|o| new.iter().any(|n| n.contains(o.as_str())))
        {
            return self.find(directory, query);
        }
        let mut candidates = previous.to_vec();
        candidates.sort_unstable();
        self.search(directory, query, candidates.into_iter())
    }

    /// The entries among `candidates`, taken in the directory's order, that match `query`:
    /// those with every word in their name first.
    fn search(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<usize> {
        let words = words(&query.text);
        let mut in_name = Vec::new();
        let mut elsewhere = Vec::new();
        for i in candidates {
            let Some(entry) = directory.entries.get(i) else {
                continue;
            };
            if !filters(entry, query) {
                continue;
            }
            let text = self.texts.get(i).map_or("", String::as_str);
            if !words.iter().all(|w| text.contains(w.as_str())) {
                continue;
            }
            let name = self.names.get(i).map_or("", String::as_str);
            if !words.is_empty() && words.iter().all(|w| name.contains(w.as_str())) {
                in_name.push(i);
            } else {
                elsewhere.push(i);
            }
        }
        in_name.extend(elsewhere);
        in_name
    }
}

/// The words of a search, in lower case.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

fn filters(entry: &Entry, query: &Query) -> bool {
    let has = |list: &[String], id: &Option<String>| id.as_ref().is_none_or(|id| list.contains(id));
    let online = entry.delivery.contains(&Delivery::Online);
    let in_person = !entry.places.is_empty()
        || entry
            .delivery
            .iter()
            .any(|d| matches!(d, Delivery::InPerson | Delivery::AtHome));
    has(&entry.areas, &query.area)
        && has(&entry.categories, &query.category)
        && query.free.is_none_or(|free| entry.is_free() == free)
        && query
            .online
            .is_none_or(|want| if want { online } else { in_person })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        let text = r#"{
            "format": "waymark-directory", "version": 1, "language": "en",
            "source": {"standard": "oruk-1.0", "imported": "2026-05-01", "complete": true},
            "organisations": ["Vale Leisure"],
            "entries": [
                {"name": "Quiet swim", "description": "A walk to the pool first", "organisation": 0,
                 "costs": [{"amount": "4.50", "per": "a swim"}], "delivery": ["in_person"]},
                {"name": "Walking group", "delivery": ["in_person"]},
                {"name": "Swimming lessons", "description": "Walk-in welcome", "delivery": ["online"]},
                {"name": "Ŵyl gerdded", "description": "Walking festival"}
            ]
        }"#;
        Directory::from_json(text, None).unwrap()
    }

    #[test]
    fn refining_as_the_person_types_finds_what_a_new_search_finds() {
        let directory = directory();
        let finder = Finder::new(&directory);
        let typed = [
            "", "w", "wa", "wal", "walk", "walk ", "walk s", "walk sw", "walk s", "wa", "",
        ];
        let mut was = Query::default();
        let mut previous = finder.find(&directory, &was);
        for free in [None, Some(true), Some(true), None] {
            for text in typed {
                let query = Query {
                    text: text.into(),
                    free,
                    ..Query::default()
                };
                let refined = finder.refine(&directory, &was, &previous, &query);
                assert_eq!(
                    refined,
                    finder.find(&directory, &query),
                    "{text:?} {free:?}"
                );
                (was, previous) = (query, refined);
            }
        }
        let walk = Query {
            text: "walk".into(),
            ..Query::default()
        };
        assert_eq!(
            finder.find(&directory, &walk),
            [1, 0, 2, 3],
            "names first, then the directory's order"
        );
    }
}
