//! "Find local support": the scheme's directory of local services, searched on the device.
//!
//! The directory is fetched only when the person opens the page, read and checked against
//! the scheme once, and made ready to search ([`Finder`]) once. Each change to the search
//! box or the filters works out the results again here, so the page only draws them.
//! Adding a result fills in the support form as the person would, and sends it through
//! the same reading and checks as any other support.

use super::form::Form;
use super::ids;
use super::read::name_of;
use std::rc::Rc;
use waymark_engine::directory::{Directory, Entry, Finder, Query};
use waymark_engine::plan::{Frequency, Payer};
use waymark_engine::Scheme;

/// The field names of the search form.
pub const TEXT: &str = "find-text";
/// The life area filter.
pub const AREA: &str = "find-area";
/// The kind of support filter.
pub const CATEGORY: &str = "find-category";
/// The free or paid filter.
pub const COST: &str = "find-cost";
/// The online or in person filter.
pub const DELIVERY: &str = "find-delivery";

/// The values of the free or paid filter.
pub const FREE: &str = "free";
/// Paid services only.
pub const PAID: &str = "paid";
/// The values of the online or in person filter.
pub const ONLINE: &str = "online";
/// Services in person only.
pub const IN_PERSON: &str = "in-person";

/// How many results are drawn at first, and how many more each "show more" adds, so that
/// drawing them as the person types stays within a frame (`make bench` times it).
pub const PAGE: usize = 10;

/// How far the directory has got.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Loading {
    /// Not asked for yet.
    #[default]
    Idle,
    /// Being fetched.
    Fetching,
    /// It could not be fetched or read, for this reason (for the council).
    Failed(String),
    /// Read, checked and ready to search.
    Ready(Rc<Ready>),
}

/// A directory ready to search.
#[derive(Debug, PartialEq)]
pub struct Ready {
    /// The directory.
    pub directory: Directory,
    /// Its search index.
    pub finder: Finder,
}

/// The search and its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Find {
    /// The address of the directory, relative to the page.
    pub url: Option<String>,
    /// The directory.
    pub loading: Loading,
    /// What the person is looking for.
    pub query: Query,
    /// The positions in the directory of the entries that match, best first.
    pub results: Rc<Vec<usize>>,
    /// How many results are drawn.
    pub shown: usize,
    /// Counts requests to fetch the directory; the app fetches when it changes.
    pub fetches: u64,
    /// How long the last search took, in whole microseconds (0 outside a browser).
    pub us: u64,
}

impl Find {
    /// Asks the app to fetch the directory at `url`, unless it has it or is fetching it.
    /// Another address (another scheme's directory) starts afresh.
    pub fn want(&mut self, url: &str) {
        if self.url.as_deref() != Some(url) {
            *self = Find {
                url: Some(url.to_owned()),
                fetches: self.fetches,
                ..Find::default()
            };
        }
        if matches!(self.loading, Loading::Idle | Loading::Failed(_)) {
            self.loading = Loading::Fetching;
            self.fetches += 1;
        }
    }

    /// The text of the directory at `url` arrived (or did not): reads and checks it, and
    /// searches it. A directory no longer wanted is ignored.
    pub fn arrived(&mut self, url: &str, text: Result<String, String>, scheme: &Scheme) {
        if self.url.as_deref() != Some(url) || self.loading != Loading::Fetching {
            return;
        }
        let read = text.and_then(|text| {
            Directory::from_json(&text, Some(scheme)).map_err(|issues| {
                let first = issues.first().map(ToString::to_string);
                format!("the directory is not valid: {}", first.unwrap_or_default())
            })
        });
        self.loading = match read {
            Ok(directory) => {
                let finder = Finder::new(&directory);
                Loading::Ready(Rc::new(Ready { directory, finder }))
            }
            Err(message) => Loading::Failed(message),
        };
        let query = std::mem::take(&mut self.query);
        self.search(query, false);
    }

    /// The search form changed or was sent.
    pub fn ask(&mut self, form: &Form) {
        let chosen = |name: &str| form.given(name).map(str::to_owned);
        let query = Query {
            text: form.text(TEXT).to_owned(),
            area: chosen(AREA),
            category: chosen(CATEGORY),
            free: match form.text(COST) {
                FREE => Some(true),
                PAID => Some(false),
                _ => None,
            },
            online: match form.text(DELIVERY) {
                ONLINE => Some(true),
                IN_PERSON => Some(false),
                _ => None,
            },
        };
        self.search(query, true);
    }

    /// Draws another page of results.
    pub fn more(&mut self) {
        self.shown = (self.shown + PAGE).min(self.results.len());
    }

    /// The directory, when it is ready.
    pub fn ready(&self) -> Option<&Ready> {
        match &self.loading {
            Loading::Ready(ready) => Some(ready),
            _ => None,
        }
    }

    /// Searches for `query`: among the last results when `refine` and they can hold all it
    /// finds, as when the person types on, or else the whole directory.
    fn search(&mut self, query: Query, refine: bool) {
        let start = crate::dom::clock::now_ms();
        let results = self
            .ready()
            .map(|r| match refine {
                true => r
                    .finder
                    .refine(&r.directory, &self.query, &self.results, &query),
                false => r.finder.find(&r.directory, &query),
            })
            .unwrap_or_default();
        self.query = query;
        self.us = crate::dom::clock::micros_since(start);
        self.shown = results.len().min(PAGE);
        self.results = Rc::new(results);
    }
}

/// The support form as a person would fill it in for `entry`: its name, its first kind
/// of support the scheme pays for, and its lowest cost (how often, as the directory says,
/// else once). A free service is free help from a community group.
pub fn support_form(entry: &Entry, scheme: &Scheme) -> Form {
    let category = entry.categories.iter().find(|id| {
        scheme
            .plan
            .iter()
            .flat_map(|p| &p.categories)
            .any(|c| c.id == **id && !c.excluded)
    });
    let mut fields = vec![
        (ids::SUPPORT_DESCRIPTION, entry.name.clone()),
        (ids::SUPPORT_CATEGORY, category.cloned().unwrap_or_default()),
    ];
    match entry.suggested_cost() {
        Some(cost) => fields.extend([
            (ids::SUPPORT_PAYER, name_of(&Payer::Budget)),
            (ids::SUPPORT_AMOUNT, cost.amount.0.to_string()),
            (ids::SUPPORT_UNITS, "1".into()),
            (ids::SUPPORT_RELATIVE, crate::answer::NO.into()),
            (
                ids::SUPPORT_FREQUENCY,
                name_of(&cost.frequency.unwrap_or(Frequency::Once)),
            ),
        ]),
        None => fields.extend([
            (ids::SUPPORT_PAYER, name_of(&Payer::Community)),
            (ids::SUPPORT_FREQUENCY, name_of(&Frequency::Once)),
        ]),
    }
    Form::new(
        fields
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    const URL: &str = "t.directory.json";

    fn ready() -> Find {
        let mut find = Find::default();
        find.want(URL);
        find.arrived(
            URL,
            Ok(crate::plan::testing::directory()),
            &crate::plan::testing::scheme(),
        );
        find
    }

    #[test]
    fn the_directory_is_fetched_once_and_searched_by_words_and_filters() {
        let mut find = Find::default();
        find.want(URL);
        find.want(URL);
        assert_eq!(find.fetches, 1);
        assert_eq!(find.loading, Loading::Fetching);
        let scheme = crate::plan::testing::scheme();
        find.arrived("other.json", Ok(crate::plan::testing::directory()), &scheme);
        assert_eq!(
            find.loading,
            Loading::Fetching,
            "another directory is ignored"
        );
        find.arrived(URL, Ok(crate::plan::testing::directory()), &scheme);
        assert_eq!(*find.results, [0, 1, 2]);
        find.want(URL);
        assert_eq!(find.fetches, 1, "a directory in hand is not fetched again");
        find.ask(&Form::from([("find-text", "pool")]));
        assert_eq!(*find.results, [0, 2], "names first");
        find.ask(&Form::from([("find-text", ""), ("find-cost", "free")]));
        assert_eq!(*find.results, [1, 2]);
        find.ask(&Form::from([("find-delivery", "online")]));
        assert_eq!(*find.results, [1]);
        find.ask(&Form::from([("find-category", "gym"), ("find-area", "")]));
        assert_eq!(*find.results, [0]);
    }

    #[test]
    fn a_directory_that_does_not_fit_the_scheme_is_refused() {
        let mut find = Find::default();
        find.want(URL);
        let wrong = crate::plan::testing::directory().replace("\"friends\"", "\"swimming\"");
        find.arrived(URL, Ok(wrong), &crate::plan::testing::scheme());
        let Loading::Failed(message) = &find.loading else {
            panic!("{:?}", find.loading);
        };
        assert!(message.contains("/entries/1/categories/0"), "{message}");
        assert!(find.results.is_empty());
        find.want(URL);
        assert_eq!(find.fetches, 2, "a failed fetch is tried again");
        find.want("other.json");
        assert_eq!((find.fetches, find.url.as_deref()), (3, Some("other.json")));
    }

    #[test]
    fn results_are_drawn_a_page_at_a_time() {
        let mut find = ready();
        assert_eq!(find.shown, 3);
        find.more();
        assert_eq!(find.shown, 3);
        find.results = Rc::new((0..25).collect());
        find.shown = PAGE;
        find.more();
        assert_eq!(find.shown, 20);
        find.more();
        assert_eq!(find.shown, 25, "the last page is what is left");
        find.more();
        assert_eq!(find.shown, 25);
    }

    #[test]
    fn a_paid_service_is_filled_in_at_its_lowest_cost_and_a_free_one_as_community_help() {
        let find = ready();
        let scheme = crate::plan::testing::scheme();
        let entries = &find.ready().unwrap().directory.entries;
        let paid = support_form(&entries[0], &scheme);
        assert_eq!(paid.text("support-description"), "Pool and gym");
        assert_eq!(paid.text("support-category"), "gym");
        assert_eq!(paid.text("support-payer"), "budget");
        assert_eq!(paid.text("support-amount"), "4.50");
        assert_eq!(paid.text("support-frequency"), "weekly");
        let free = support_form(&entries[1], &scheme);
        assert_eq!(free.text("support-payer"), "community");
        assert_eq!(free.text("support-frequency"), "once");
        assert_eq!(free.text("support-amount"), "");
        let none = support_form(&entries[2], &scheme);
        assert_eq!(none.text("support-category"), "");
    }
}
