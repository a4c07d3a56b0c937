//! `waymark directory import`: a council's Open Referral UK feed into a community
//! directory the app can search on the device.

use crate::files::{self, located};
use crate::oruk::{self, Read, Terms};
use crate::{args, output, Failure};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use waymark_engine::directory::{Directory, DirectorySource, Place};
use waymark_engine::{Date, Issue, Scheme};

/// The largest ORUK file read: a page of a feed, or a whole feed in one file.
pub const FEED_BYTES: usize = 64 * 1024 * 1024;

/// `waymark directory`'s commands.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Read Open Referral UK files (pages of a feed, or single services) into a directory
    /// file; exit 1 if any service was left out or the pages do not add up.
    Import(Import),
    /// Write a made-up Open Referral UK feed, to try the import and the search.
    Synthetic(crate::oruk_synthetic::Options),
}

/// `waymark directory import`'s command line.
#[derive(clap::Args)]
pub struct Import {
    /// ORUK 1.0 (or 3.0) files: pages of the services list, lists of services, or services.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// The directory file to write.
    #[arg(long, value_name = "DIRECTORY")]
    pub out: String,
    /// The scheme whose plan categories and life areas the mapping names.
    #[arg(long, value_name = "SCHEME")]
    pub scheme: Option<String>,
    /// The mapping from the feed's taxonomy terms to the scheme's categories and areas.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<String>,
    /// The language the services are written in, by ISO 639 code.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub language: String,
    /// The import date [default: today].
    #[arg(long, value_parser = args::date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
}

/// Runs a `waymark directory` command.
pub fn run(command: &Command) -> Result<(), Failure> {
    match command {
        Command::Import(options) => import(options),
        Command::Synthetic(options) => crate::oruk_synthetic::run(options),
    }
}

/// A mapping file: for each taxonomy term (by id or name), the scheme's plan categories
/// and life areas.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    /// The terms.
    pub terms: Vec<TermMapping>,
}

/// One term's categories and areas.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermMapping {
    /// The term's id or name, as the feed gives it.
    pub term: String,
    /// The plan categories.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The life areas.
    #[serde(default)]
    pub areas: Vec<String>,
}

impl Terms for Mapping {
    fn map(&self, id: Option<&str>, name: &str) -> (Vec<String>, Vec<String>) {
        let mut categories = Vec::new();
        let mut areas = Vec::new();
        for t in &self.terms {
            if Some(t.term.as_str()) == id || t.term.eq_ignore_ascii_case(name) {
                categories.extend(t.categories.iter().cloned());
                areas.extend(t.areas.iter().cloned());
            }
        }
        (categories, areas)
    }
}

impl Mapping {
    /// Reads a mapping and checks its categories and areas against the scheme.
    pub fn read(path: &str, scheme: Option<&Scheme>) -> Result<Mapping, Failure> {
        let text = files::read(path, waymark_engine::limits::SCHEME_BYTES)?;
        let mapping: Mapping =
            waymark_engine::json::from_str(&text).map_err(|i| Failure::Bad(located(path, &[i])))?;
        let Some(scheme) = scheme else {
            return Ok(mapping);
        };
        let categories: BTreeSet<&str> = scheme
            .plan
            .iter()
            .flat_map(|p| p.categories.iter().map(|c| c.id.as_str()))
            .collect();
        let areas: BTreeSet<&str> = waymark_engine::plan::area_ids(scheme).collect();
        let mut problems = Vec::new();
        for (i, t) in mapping.terms.iter().enumerate() {
            let lists = [
                ("categories", &t.categories, &categories, "plan categories"),
                ("areas", &t.areas, &areas, "life areas"),
            ];
            for (field, list, known, what) in lists {
                for (k, id) in list.iter().enumerate() {
                    if !known.contains(id.as_str()) {
                        problems.push(Issue::new(
                            "unknown_id",
                            format!("/terms/{i}/{field}/{k}"),
                            format!("{id:?} is not one of the scheme's {what}"),
                        ));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(mapping)
        } else {
            Err(Failure::Bad(located(path, &problems)))
        }
    }
}

/// What the import found, for the summary and the exit code.
#[derive(Default)]
struct Tally {
    kept: usize,
    refused: usize,
    inactive: usize,
    problems: Vec<String>,
    notes: Vec<String>,
}

fn import(options: &Import) -> Result<(), Failure> {
    let scheme = options.scheme.as_deref().map(files::scheme).transpose()?;
    let mapping = match &options.mapping {
        Some(path) => Mapping::read(path, scheme.as_ref())?,
        None => Mapping::default(),
    };
    let date = args::date_or_today(options.date)?;
    let mut values = Vec::with_capacity(options.files.len());
    let mut unreadable = Vec::new();
    for path in &options.files {
        let text = files::read(path, FEED_BYTES)?;
        match oruk::parse(&text) {
            Ok(value) => values.push((path.as_str(), value)),
            Err(e) => unreadable.push(format!("{path}: this is not JSON: {e}")),
        }
    }
    let mut feeds = Vec::with_capacity(values.len());
    for (path, value) in &values {
        match oruk::feed(value) {
            Ok(feed) => feeds.push((*path, feed)),
            Err(e) => unreadable.push(format!("{path}: {e}")),
        }
    }
    if !unreadable.is_empty() {
        return Err(Failure::Bad(unreadable));
    }
    let mut tally = Tally::default();
    let pages: Vec<(&str, oruk::Page)> = feeds
        .iter()
        .filter_map(|(path, feed)| feed.page.map(|p| (*path, p)))
        .collect();
    let whole = pagination(&pages, &mut tally.problems);
    let mut services: Vec<oruk::Service> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (path, feed) in &feeds {
        for (at, service) in &feed.services {
            match oruk::entry(service, at, &mapping) {
                Read::Kept(service, changed) => {
                    tally.notes.extend(located(path, &changed));
                    match seen.get(&service.id) {
                        Some(&earlier) => {
                            let (code, why) = if services[earlier] == *service {
                                ("duplicate_id", "the same service is in the feed twice")
                            } else {
                                ("clashing_id", "another service has the same id")
                            };
                            tally.refused += 1;
                            let issue = Issue::new(
                                code,
                                format!("{at}/id"),
                                format!("{why}, so this one is left out"),
                            );
                            tally.problems.extend(located(path, &[issue]));
                        }
                        None => {
                            seen.insert(service.id.clone(), services.len());
                            services.push(*service);
                        }
                    }
                }
                Read::Inactive(status) => {
                    tally.inactive += 1;
                    let issue = Issue::new(
                        "not_running",
                        at.clone(),
                        format!("the feed says this service is {status}, so it is left out"),
                    );
                    tally.notes.extend(located(path, &[issue]));
                }
                Read::Refused(issues) => {
                    tally.refused += 1;
                    tally.problems.extend(located(path, &issues));
                }
            }
        }
    }
    let source = DirectorySource {
        standard: "oruk".into(),
        imported: date,
        services: pages.first().map(|(_, p)| p.total),
        complete: false,
    };
    let mut directory = Directory::empty(&options.language, source);
    let mut tables = Tables::default();
    for service in services {
        add(&mut directory, &mut tables, service);
    }
    drop_failing(&mut directory, scheme.as_ref(), &mut tally, &options.out);
    tally.kept = directory.entries.len();
    directory.source.complete = whole && tally.refused == 0;
    let text = serde_json::to_string(&directory).map_err(|e| Failure::bad(e.to_string()))?;
    std::fs::write(&options.out, text + "\n")
        .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", options.out)))?;
    for line in tally.notes.iter().chain(&tally.problems) {
        eprintln!("waymark: {}", output::printable(line));
    }
    eprintln!(
        "directory: {} services written to {}; {} left out with problems, {} not running",
        tally.kept, options.out, tally.refused, tally.inactive
    );
    if tally.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Failed)
    }
}

/// Builds a directory's tables as services are added: each organisation, place and term
/// is written once, and found again by its value.
#[derive(Default)]
pub struct Tables {
    organisations: HashMap<String, usize>,
    places: HashMap<Place, usize>,
    terms: HashMap<String, usize>,
}

/// The position of `value` in `table`, adding it the first time.
fn position<T: Clone + Eq + std::hash::Hash>(
    table: &mut Vec<T>,
    index: &mut HashMap<T, usize>,
    value: T,
) -> usize {
    *index.entry(value.clone()).or_insert_with(|| {
        table.push(value);
        table.len() - 1
    })
}

/// Adds a service to the directory, pointing it into the tables.
pub fn add(directory: &mut Directory, tables: &mut Tables, service: oruk::Service) {
    let mut entry = service.entry;
    if !service.organisation.is_empty() {
        entry.organisation = Some(position(
            &mut directory.organisations,
            &mut tables.organisations,
            service.organisation,
        ));
    }
    entry.places = service
        .places
        .into_iter()
        .map(|p| position(&mut directory.places, &mut tables.places, p))
        .collect();
    entry.terms = service
        .terms
        .into_iter()
        .map(|t| position(&mut directory.terms, &mut tables.terms, t))
        .collect();
    directory.entries.push(entry);
}

/// Leaves out the entries the directory's own checks refuse (names too long for it, or
/// categories the scheme does not have), reporting each.
fn drop_failing(directory: &mut Directory, scheme: Option<&Scheme>, tally: &mut Tally, out: &str) {
    let issues = directory.check(scheme);
    let failing: BTreeSet<usize> = issues
        .iter()
        .filter_map(|i| {
            i.path
                .strip_prefix("/entries/")?
                .split('/')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    tally.refused += failing.len();
    tally.problems.extend(located(out, &issues));
    let mut position = 0;
    directory.entries.retain(|_| {
        position += 1;
        !failing.contains(&(position - 1))
    });
}

/// Whether the pages read are the whole feed: every page once, and as many services as
/// the feed says it has. Each way they are not is a problem line.
fn pagination(pages: &[(&str, oruk::Page)], problems: &mut Vec<String>) -> bool {
    let Some((_, first)) = pages.first() else {
        return true;
    };
    let mut whole = true;
    let mut say = |message: String| {
        problems.push(format!("{message} [incomplete_feed]"));
        whole = false;
    };
    for (path, page) in pages {
        if page.total != first.total || page.pages != first.pages {
            say(format!(
                "{path}: this page says the feed has {} services on {} pages, but {} says {} on {}",
                page.total, page.pages, pages[0].0, first.total, first.pages
            ));
        }
    }
    let numbers: BTreeSet<u64> = pages.iter().map(|(_, p)| p.number).collect();
    if numbers.len() < pages.len() {
        say("the same page is given more than once".into());
    }
    let base = numbers.first().copied().unwrap_or(0).min(1);
    let missing: Vec<String> = (base..base + first.pages)
        .filter(|n| !numbers.contains(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        say(format!(
            "the feed has {} pages, and page {} is missing: the directory is not the whole feed",
            first.pages,
            missing.join(", ")
        ));
    }
    let held: u64 = pages.iter().map(|(_, p)| p.count).sum();
    if missing.is_empty() && held != first.total {
        say(format!(
            "the feed says it has {} services, but its pages hold {held}",
            first.total
        ));
    }
    whole
}
