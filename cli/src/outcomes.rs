//! `waymark outcomes`: what received reviews say about how plans went, for a council that
//! monitors on outcomes rather than spending: goals by life area and by support category
//! with how they went, how often supports were used and money kept aside was, and the
//! spending the submitted plans planned by category beside the outcomes.
//!
//! Reviews and submissions are read from files and folders of `.json` files; a document
//! sent twice (the same idempotency key) counts once. A file that cannot be read is listed
//! and never stops the rest. Every count is of people: a cell that counts fewer than
//! [`FEWEST`] people is suppressed, in the CSV and the page alike, so nobody can be picked
//! out.

use crate::csv::{self, Cell::Figure, Cell::Text};
use crate::files;
use crate::impact_report::{esc, table, CSS};
use crate::verify::is_review;
use crate::Failure;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use waymark_engine::review::Review;
use waymark_engine::scheme::Currency;
use waymark_engine::submission::Submission;
use waymark_engine::{limits, Decimal};

/// The fewest people a published cell may count.
pub const FEWEST: usize = 5;

/// The CSV's header.
pub const CSV_HEADER: &str = "breakdown,group,measure,people,count\n";

/// `waymark outcomes`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// Review and submission files, or folders of them (their `.json` files).
    #[arg(required = true, value_name = "FILES_OR_DIRS")]
    pub inputs: Vec<String>,
    /// The folder for outcomes.csv and outcomes.html.
    #[arg(long, default_value = "outcomes", value_name = "DIR")]
    pub out: String,
    /// A scheme whose names for life areas and kinds of support the page uses instead of
    /// their ids; give it once for each scheme.
    #[arg(long = "scheme", value_name = "SCHEME")]
    pub schemes: Vec<String>,
}

/// A count of people, with how many things they had between them (goals, supports).
#[derive(Debug, Default, Clone)]
struct Cell {
    people: BTreeSet<String>,
    count: u64,
}

impl Cell {
    fn add(&mut self, person: &str) {
        if !self.people.contains(person) {
            self.people.insert(person.to_owned());
        }
        self.count += 1;
    }

    /// The count, or `None` when it counts too few people to publish.
    fn shown(&self) -> Option<u64> {
        (self.people.len() >= FEWEST).then_some(self.count)
    }
}

/// What may be published of one group's cells, by measure: the count, or `None` when it is
/// held back. A cell counting fewer than [`FEWEST`] people is held back; and when only one
/// part of a shown total (`total`) is, the next smallest part is held back too, so that the
/// first cannot be worked out by subtraction.
fn published(cells: &BTreeMap<String, Cell>, total: &str) -> BTreeMap<String, Option<u64>> {
    let mut out: BTreeMap<String, Option<u64>> =
        cells.iter().map(|(m, c)| (m.clone(), c.shown())).collect();
    let parts = |out: &BTreeMap<String, Option<u64>>| {
        out.iter()
            .filter(|(m, _)| m.as_str() != total)
            .map(|(m, v)| (m.clone(), *v))
            .collect::<Vec<_>>()
    };
    let held = parts(&out).iter().filter(|(_, v)| v.is_none()).count();
    if held == 1 && out.get(total).is_some_and(Option::is_some) {
        let smallest = parts(&out)
            .into_iter()
            .filter_map(|(m, v)| v.map(|n| (n, m)))
            .min()
            .map(|(_, m)| m);
        if let Some(m) = smallest {
            out.insert(m, None);
        }
    }
    out
}

/// Money planned for a category, with the people who planned it.
#[derive(Debug, Default, Clone)]
struct Spend {
    people: BTreeSet<String>,
    per_year: Decimal,
}

/// Everything counted.
#[derive(Debug, Default)]
pub struct Outcomes {
    reviews: usize,
    submissions: usize,
    /// The people who sent reviews, and submissions, each counted once.
    reviewers: Cell,
    submitters: Cell,
    scale: Vec<String>,
    areas: BTreeMap<String, BTreeMap<String, Cell>>,
    categories: BTreeMap<String, BTreeMap<String, Cell>>,
    use_of_supports: BTreeMap<String, BTreeMap<String, Cell>>,
    contingency: BTreeMap<String, Cell>,
    spending: BTreeMap<(String, String), Spend>,
    bad: Vec<String>,
    repeated: usize,
    /// Names for ids of life areas and kinds of support, from the schemes given.
    names: BTreeMap<String, String>,
}

/// Reads every document and writes the CSV and the page.
pub fn run(options: &Options) -> Result<(), Failure> {
    let dir = options.out.as_str();
    let mut paths = Vec::new();
    for input in &options.inputs {
        let path = Path::new(input);
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| Failure::bad(format!("{input}: cannot read: {e}")))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
                .collect();
            found.sort();
            paths.extend(found);
        } else {
            paths.push(path.to_path_buf());
        }
    }
    let mut outcomes = Outcomes::default();
    let mut keys = BTreeSet::new();
    for path in &paths {
        let name = path.display().to_string();
        let text = match files::read(&name, limits::SUBMISSION_BYTES.max(limits::REVIEW_BYTES)) {
            Ok(text) => text,
            Err(Failure::Bad(lines)) => {
                outcomes.bad.extend(lines);
                continue;
            }
            Err(Failure::Failed) => continue,
        };
        let read = if is_review(&text) {
            Review::from_json(&text).map(|r| Document::Review(Box::new(r)))
        } else {
            Submission::from_json(&text).map(|s| Document::Submission(Box::new(s)))
        };
        match read {
            Err(issues) => outcomes.bad.extend(files::located(&name, &issues)),
            Ok(document) => {
                if !keys.insert((document.kind(), document.key().to_owned())) {
                    outcomes.repeated += 1;
                    continue;
                }
                outcomes.add(document);
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::bad(format!("{dir}: cannot create: {e}")))?;
    let csv_path = Path::new(dir).join("outcomes.csv");
    let html_path = Path::new(dir).join("outcomes.html");
    let words = crate::words::staff()?;
    let mut names = BTreeMap::new();
    for path in &options.schemes {
        let scheme = files::scheme(path)?;
        let areas: Vec<(String, String)> =
            match scheme.plan.as_ref().filter(|r| !r.areas.is_empty()) {
                Some(rules) => rules
                    .areas
                    .iter()
                    .map(|a| (a.id.clone(), words.say(&a.label).to_owned()))
                    .collect(),
                None => scheme
                    .sections
                    .iter()
                    .map(|x| (x.id.clone(), words.say(&x.title).to_owned()))
                    .collect(),
            };
        names.extend(areas);
        let categories = scheme.plan.iter().flat_map(|r| &r.categories);
        names.extend(categories.map(|c| (c.id.clone(), words.say(&c.label).to_owned())));
    }
    outcomes.names = names;
    let write = |path: &Path, text: String| {
        std::fs::write(path, text)
            .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", path.display())))
    };
    write(&csv_path, outcomes.csv())?;
    write(&html_path, outcomes.html(&words))?;
    for line in &outcomes.bad {
        eprintln!("waymark: {}", crate::output::printable(line));
    }
    println!(
        "{} reviews and {} submissions; {} files could not be read",
        outcomes.reviews,
        outcomes.submissions,
        outcomes.bad.len()
    );
    println!("wrote {} and {}", csv_path.display(), html_path.display());
    Ok(())
}

/// A document received.
enum Document {
    Review(Box<Review>),
    Submission(Box<Submission>),
}

impl Document {
    fn kind(&self) -> &'static str {
        match self {
            Document::Review(_) => "review",
            Document::Submission(_) => "submission",
        }
    }

    fn key(&self) -> &str {
        match self {
            Document::Review(r) => &r.idempotency_key,
            Document::Submission(s) => &s.idempotency_key,
        }
    }
}

impl Outcomes {
    /// Counts one document. A person is known by their plan, so one person's reviews,
    /// and the submission of the plan they review, count as one person.
    fn add(&mut self, document: Document) {
        match document {
            Document::Review(r) => {
                self.reviews += 1;
                self.reviewers.add(&r.plan_hash);
                self.review(&r.plan_hash.clone(), &r);
            }
            Document::Submission(s) => {
                self.submissions += 1;
                let person = s.plan.as_ref().map_or_else(
                    || s.idempotency_key.clone(),
                    waymark_engine::review::plan_hash,
                );
                self.submitters.add(&person);
                let person = person.as_str();
                let Some(report) = &s.plan_report else {
                    return;
                };
                for group in &report.costing.by_category {
                    let spend = self
                        .spending
                        .entry((group.key.clone(), s.estimate.currency.clone()))
                        .or_default();
                    spend.people.insert(person.to_owned());
                    spend.per_year = spend.per_year.saturating_add(group.per_year.0);
                }
            }
        }
    }

    fn review(&mut self, person: &str, r: &Review) {
        for g in &r.goals {
            if !self.scale.contains(&g.progress) {
                self.scale.push(g.progress.clone());
            }
            let Some(goal) = r.plan.goals.iter().find(|x| x.id == g.goal) else {
                continue;
            };
            let by_area = self.areas.entry(goal.area.clone()).or_default();
            by_area.entry(g.progress.clone()).or_default().add(person);
            by_area.entry(GOALS.into()).or_default().add(person);
            let categories: BTreeSet<&str> = r
                .plan
                .supports
                .iter()
                .filter(|s| s.goals.contains(&g.goal))
                .map(|s| s.category.as_str())
                .collect();
            for category in categories {
                let by_category = self.categories.entry(category.into()).or_default();
                by_category
                    .entry(g.progress.clone())
                    .or_default()
                    .add(person);
                by_category.entry(GOALS.into()).or_default().add(person);
            }
            for (ids, measure) in [(&g.supports_used, USED), (&g.supports_not_used, NOT_USED)] {
                for id in ids {
                    if let Some(s) = r.plan.supports.iter().find(|s| &s.id == id) {
                        let use_of = self.use_of_supports.entry(s.category.clone()).or_default();
                        use_of.entry(measure.into()).or_default().add(person);
                    }
                }
            }
        }
        if r.plan.contingency.is_some() {
            let said = match r.contingency_used {
                Some(true) => USED,
                Some(false) => NOT_USED,
                None => NOT_SAID,
            };
            self.contingency.entry(said.into()).or_default().add(person);
            self.contingency.entry(KEPT.into()).or_default().add(person);
        }
    }

    /// A life area's or kind of support's name, or its id when no scheme given names it.
    fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    /// The progress levels in the order of the usual scale, then any others as met.
    fn levels(&self) -> Vec<String> {
        let usual = waymark_engine::review::PROGRESS;
        let mut out: Vec<String> = usual
            .iter()
            .filter(|l| self.scale.iter().any(|s| s == *l))
            .map(|l| (*l).to_owned())
            .collect();
        out.extend(
            self.scale
                .iter()
                .filter(|s| !usual.contains(&s.as_str()))
                .cloned(),
        );
        out
    }

    /// One line for each published figure; suppressed cells have no count.
    pub fn csv(&self) -> String {
        let mut out = String::from(CSV_HEADER);
        let mut line =
            |breakdown: &str, group: &str, measure: &str, cell: &Cell, shown: Option<u64>| {
                let count = shown.map_or_else(|| SUPPRESSED.to_owned(), |n| n.to_string());
                let people = match (shown, cell.people.len()) {
                    (Some(_), n) => n.to_string(),
                    (None, n) if n >= FEWEST => "held back".to_owned(),
                    (None, _) => format!("fewer than {FEWEST}"),
                };
                out.push_str(&csv::record(&[
                    Text(breakdown),
                    Text(group),
                    Text(measure),
                    Figure(&people),
                    Figure(&count),
                ]));
            };
        line(
            "documents",
            "reviews",
            "received",
            &self.reviewers,
            Some(self.reviews as u64),
        );
        let count = Some(self.submissions as u64);
        line(
            "documents",
            "submissions",
            "received",
            &self.submitters,
            count,
        );
        for (breakdown, groups, total) in [
            ("life_area", &self.areas, GOALS),
            ("support_category", &self.categories, GOALS),
            ("support_use", &self.use_of_supports, ""),
        ] {
            for (group, measures) in groups {
                let shown = published(measures, total);
                for (measure, cell) in measures {
                    line(breakdown, group, measure, cell, shown[measure]);
                }
            }
        }
        let shown = published(&self.contingency, KEPT);
        for (measure, cell) in &self.contingency {
            line(
                "contingency",
                "money_kept_aside",
                measure,
                cell,
                shown[measure],
            );
        }
        for ((category, currency), spend) in &self.spending {
            let cell = Cell {
                people: spend.people.clone(),
                count: 0,
            };
            let shown = cell.people.len() >= FEWEST;
            out.push_str(&csv::record(&[
                Text("planned_spending_per_year"),
                Text(category),
                Text(currency),
                Figure(&if shown {
                    spend.people.len().to_string()
                } else {
                    format!("fewer than {FEWEST}")
                }),
                Figure(&if shown {
                    spend.per_year.to_string()
                } else {
                    SUPPRESSED.to_owned()
                }),
            ]));
        }
        out
    }

    /// The report as one self-contained page, in the staff catalogue's words for money.
    pub fn html(&self, words: &waymark_words::Catalogue) -> String {
        let mut page = String::with_capacity(16 * 1024);
        let title = "Outcomes of recovery support plans";
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title} – outcomes report</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
             <a class=\"skip\" href=\"#main\">Skip to main content</a>\n\
             <header class=\"banner\"><div class=\"width\"><p class=\"owner\">Waymark</p>\
             <p class=\"service\">Resource allocation: outcomes report</p></div></header>\n\
             <main id=\"main\" class=\"width\">\n<h1>{title}</h1>\n"
        );
        let _ = writeln!(
            page,
            "<p class=\"lead\">What {} reviews say about how people’s plans went, beside what \
             {} submitted plans set out to spend.</p>",
            self.reviews, self.submissions
        );
        let _ = writeln!(
            page,
            "<p>So that nobody can be picked out, a figure that counts fewer than {FEWEST} people \
             is not shown: it says “fewer than {FEWEST}”. Counts are of goals (or supports), and \
             each is shown only when at least {FEWEST} different people’s reviews make it up. \
             Where only one part of a total would be hidden, the next smallest part says “not \
             shown” too, so the hidden one cannot be worked out from the others.</p>"
        );
        page.push_str("<h2>Summary</h2>\n<dl class=\"summary\">\n");
        let contingency_used = self.contingency.get(USED).map_or(0, |c| c.people.len());
        let contingency_kept = self.contingency.get(KEPT).map_or(0, |c| c.people.len());
        let summary = [
            ("Reviews", self.reviews.to_string()),
            ("Submissions", self.submissions.to_string()),
            (
                "Money kept aside was used",
                if contingency_kept == 0 {
                    "no plan kept money aside".to_owned()
                } else if contingency_used < FEWEST {
                    format!("by fewer than {FEWEST} of {contingency_kept} people who kept some")
                } else {
                    format!("by {contingency_used} of {contingency_kept} people who kept some")
                },
            ),
            ("Files that could not be read", self.bad.len().to_string()),
            (
                "Documents sent more than once, counted once",
                self.repeated.to_string(),
            ),
        ];
        for (term, value) in summary {
            let _ = writeln!(
                page,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                esc(term),
                esc(&value)
            );
        }
        page.push_str("</dl>\n");
        let levels = self.levels();
        let mut head = vec!["Group".to_owned(), "Goals".to_owned()];
        head.extend(levels.iter().map(|l| level_name(l)));
        let numeric: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
        let rows = |groups: &BTreeMap<String, BTreeMap<String, Cell>>| -> Vec<Vec<String>> {
            groups
                .iter()
                .map(|(group, cells)| {
                    let published = published(cells, GOALS);
                    let cell = |m: &str| shown(cells.get(m), published.get(m).copied().flatten());
                    let mut row = vec![self.name(group), cell(GOALS)];
                    row.extend(levels.iter().map(|l| cell(l)));
                    row
                })
                .collect()
        };
        page.push_str("<h2>Goals by life area</h2>\n");
        let mut area_head = head.clone();
        area_head[0] = "Life area".into();
        if self.areas.is_empty() {
            page.push_str("<p>No review has a goal.</p>\n");
        } else {
            table(
                &mut page,
                "areas",
                "How goals went, by life area",
                &area_head,
                &numeric,
                rows(&self.areas),
            );
        }
        page.push_str(
            "<h2>Goals by kind of support</h2>\n<p>A goal counts under every kind of \
                       support the plan had for it.</p>\n",
        );
        let mut category_head = head;
        category_head[0] = "Kind of support".into();
        if self.categories.is_empty() {
            page.push_str("<p>No reviewed goal had a support.</p>\n");
        } else {
            table(
                &mut page,
                "categories",
                "How goals went, by the kind of support planned for them",
                &category_head,
                &numeric,
                rows(&self.categories),
            );
        }
        page.push_str("<h2>Supports used, and spending beside outcomes</h2>\n");
        let currencies: BTreeSet<&str> = self.spending.keys().map(|(_, c)| c.as_str()).collect();
        let mut groups: BTreeSet<&str> = self.use_of_supports.keys().map(String::as_str).collect();
        groups.extend(self.spending.keys().map(|(g, _)| g.as_str()));
        let mut head = vec![
            "Kind of support".to_owned(),
            "Supports used".to_owned(),
            "Supports not used".to_owned(),
            "Goals achieved".to_owned(),
        ];
        head.extend(
            currencies
                .iter()
                .map(|c| format!("Planned spending a year ({c})")),
        );
        let numeric: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
        let spending_rows: Vec<Vec<String>> = groups
            .iter()
            .map(|group| {
                let cell = |cells: Option<&BTreeMap<String, Cell>>, total: &str, m: &str| {
                    let published = cells.map(|c| published(c, total)).unwrap_or_default();
                    shown(
                        cells.and_then(|c| c.get(m)),
                        published.get(m).copied().flatten(),
                    )
                };
                let use_of = self.use_of_supports.get(*group);
                let goals = self.categories.get(*group);
                let mut row = vec![
                    self.name(group),
                    cell(use_of, "", USED),
                    cell(use_of, "", NOT_USED),
                    cell(goals, GOALS, "achieved"),
                ];
                for currency in &currencies {
                    let spend = self
                        .spending
                        .get(&((*group).to_owned(), (*currency).to_owned()));
                    row.push(match spend {
                        Some(s) if s.people.len() >= FEWEST => {
                            match Currency::from_code(currency) {
                                Some(code) => words.money(s.per_year, code),
                                None => s.per_year.to_string(),
                            }
                        }
                        Some(_) => format!("fewer than {FEWEST}"),
                        None => "–".into(),
                    });
                }
                row
            })
            .collect();
        if spending_rows.is_empty() {
            page.push_str("<p>No review or submitted plan had a support.</p>\n");
        } else {
            table(
                &mut page,
                "spending",
                "Supports used and not used, goals achieved and planned spending, by kind of support",
                &head,
                &numeric,
                spending_rows,
            );
        }
        page.push_str("<h2>Files that could not be read</h2>\n");
        if self.bad.is_empty() {
            page.push_str("<p>Every file was read.</p>\n");
        } else {
            page.push_str("<ul>\n");
            for line in &self.bad {
                let _ = writeln!(page, "<li>{}</li>", esc(line));
            }
            page.push_str("</ul>\n");
        }
        page.push_str(
            "</main>\n<footer class=\"footer\"><div class=\"width\"><p>Made with Waymark’s \
             <code>outcomes</code> command. The figures are in outcomes.csv beside this page.</p>\
             </div></footer>\n</body>\n</html>\n",
        );
        page
    }
}

/// A cell's published count, or why it is not shown: it counts fewer than [`FEWEST`]
/// people, or it would give away one that does; a cell nobody is in is 0.
fn shown(cell: Option<&Cell>, published: Option<u64>) -> String {
    match (cell, published) {
        (None, _) => "0".into(),
        (Some(_), Some(n)) => n.to_string(),
        (Some(c), None) if c.people.len() < FEWEST => format!("fewer than {FEWEST}"),
        (Some(_), None) => "not shown".into(),
    }
}

/// A progress level's name for column headings: the usual scale in words, a scheme's own
/// by its id.
fn level_name(id: &str) -> String {
    match id {
        "not_started" => "Not started".into(),
        "some_progress" => "Some progress".into(),
        "achieved" => "Achieved".into(),
        "no_longer_my_goal" => "No longer their goal".into(),
        other => other.into(),
    }
}

const GOALS: &str = "goals";
const USED: &str = "used";
const NOT_USED: &str = "not_used";
const NOT_SAID: &str = "not_said";
const KEPT: &str = "kept_aside";
const SUPPRESSED: &str = "suppressed";
