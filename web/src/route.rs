//! The pages, their addresses and their titles, declared in one place.
//!
//! Addresses live in the URL's fragment (`#/questions/sleep`), so the site works from any
//! static server and under any sub-path, links are ordinary links, and the browser's back
//! button works. A fragment that does not start with `#/` (the skip link's `#main-content`)
//! is not a page. The plan's pages are one variant, [`Route::Plan`], whose addresses
//! (`#/plan/...`) and headings [`crate::plan::route`] declares.

use crate::plan::route::PlanRoute;
use crate::review::ReviewPage;
use crate::text::{fill, text};
use waymark_engine::Scheme;

/// A page of the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// What the service is, and where to start.
    Start,
    /// The parts of a long scheme, with their statuses.
    Tasks,
    /// One question. `change` is true when it was reached from check your answers, so
    /// that continuing returns there.
    Question {
        /// The question's id.
        id: String,
        /// Whether the person came from check your answers.
        change: bool,
    },
    /// Every answer, with change links, and the estimate so far.
    Check,
    /// The estimate, how it was worked out, and what could change it.
    Result,
    /// What is saved on this device: resume, download, load from a file, delete.
    Saved,
    /// Confirmation before deleting the saved answers.
    Delete,
    /// What will be sent, as words and a file, and the consent to send it.
    Send,
    /// The receipt for what was sent.
    Sent,
    /// A page of the recovery support plan.
    Plan(PlanRoute),
    /// A page of reviewing the plan, the history or the comparison of assessments.
    Review(ReviewPage),
}

impl Route {
    /// A question reached in the normal order.
    pub fn question(id: &str) -> Route {
        Route::Question {
            id: id.to_owned(),
            change: false,
        }
    }

    /// A question reached from check your answers.
    pub fn change(id: &str) -> Route {
        Route::Question {
            id: id.to_owned(),
            change: true,
        }
    }

    /// The page a URL fragment names: `None` for a fragment that is not a page.
    /// The empty fragment is the start page.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() {
            return Some(Route::Start);
        }
        Route::from_path(path.strip_prefix('/')?)
    }

    /// The page a path names (the fragment without `#/`), as saved with the answers.
    pub fn from_path(path: &str) -> Option<Route> {
        let mut parts = path.splitn(2, '/');
        let first = parts.next().unwrap_or_default();
        let rest = parts.next();
        Some(match (first, rest) {
            ("", None) => Route::Start,
            ("tasks", None) => Route::Tasks,
            ("check", None) => Route::Check,
            ("result", None) => Route::Result,
            ("saved", None) => Route::Saved,
            ("delete", None) => Route::Delete,
            ("send", None) => Route::Send,
            ("sent", None) => Route::Sent,
            ("plan", rest) => Route::Plan(PlanRoute::from_path(rest)?),
            ("review", rest) => Route::Review(ReviewPage::from_path(rest)?),
            ("questions", Some(id)) if !id.is_empty() => Route::question(&decode(id)?),
            ("change", Some(id)) if !id.is_empty() => Route::change(&decode(id)?),
            _ => return None,
        })
    }

    /// The path of this page, without the `#/`.
    pub fn path(&self) -> String {
        match self {
            Route::Start => String::new(),
            Route::Tasks => "tasks".into(),
            Route::Question { id, change: false } => format!("questions/{}", encode(id)),
            Route::Question { id, change: true } => format!("change/{}", encode(id)),
            Route::Check => "check".into(),
            Route::Result => "result".into(),
            Route::Saved => "saved".into(),
            Route::Delete => "delete".into(),
            Route::Send => "send".into(),
            Route::Sent => "sent".into(),
            Route::Plan(plan) => plan.path(),
            Route::Review(page) => page.path(),
        }
    }

    /// The URL fragment of this page, for links: `#/questions/sleep`.
    pub fn hash(&self) -> String {
        format!("#/{}", self.path())
    }

    /// Whether the page belongs to the assessment itself (rather than to managing what is
    /// saved), so it is where a person resumes.
    pub fn is_assessment(&self) -> bool {
        !matches!(self, Route::Saved | Route::Delete | Route::Review(_))
    }
}

/// The main heading of a page, which is also the first part of its title.
/// `scheme` is the scheme in use, when one has been chosen; `plan` the person's plan.
pub fn heading(
    route: &Route,
    scheme: Option<&Scheme>,
    plan: Option<&waymark_engine::plan::Plan>,
) -> String {
    let t = text();
    match route {
        Route::Start => scheme
            .map_or(t.app.service_name.as_str(), |s| t.say(&s.title))
            .to_owned(),
        Route::Tasks => t.app.tasks_heading.to_owned(),
        Route::Question { id, .. } => scheme.and_then(|s| s.question(id)).map_or_else(
            || t.app.service_name.to_owned(),
            |q| t.say(&q.text).to_owned(),
        ),
        Route::Check => t.app.check_heading.to_owned(),
        Route::Result => t.app.result_heading.to_owned(),
        Route::Saved => t.app.saved_heading.to_owned(),
        Route::Delete => t.app.delete_heading.to_owned(),
        Route::Send => t.send.page_heading.to_owned(),
        Route::Sent => fill(
            &t.send.sent_heading,
            &[("owner", scheme.map_or("", |s| text().say(&s.owner)))],
        ),
        Route::Plan(plan) => crate::plan::route::heading(&plan.page).to_owned(),
        Route::Review(page) => page.heading(plan, scheme.map_or("", |s| text().say(&s.owner))),
    }
}

/// A page title in the GOV.UK form: the heading, the service, the council, with "Error: "
/// first when the page shows errors.
pub fn title(heading: &str, owner: Option<&str>, has_errors: bool) -> String {
    let t = text();
    let mut title = String::from(heading);
    if heading != t.app.service_name {
        title.push_str(" – ");
        title.push_str(&t.app.service_name);
    }
    if let Some(owner) = owner {
        title.push_str(" – ");
        title.push_str(owner);
    }
    if has_errors {
        title = fill(&t.app.title_error, &[("title", &title)]);
    }
    title
}

/// Percent-encodes everything but unreserved characters, so any question id is a safe path.
pub(crate) fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0xf));
        }
    }
    out
}

fn hex_digit(nibble: u8) -> char {
    char::from(if nibble < 10 {
        b'0' + nibble
    } else {
        b'A' + nibble - 10
    })
}

/// Undoes [`encode`]; `None` when the escapes are broken or not UTF-8.
pub(crate) fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Item, PlanPage};

    #[test]
    fn every_page_survives_a_round_trip_through_its_address() {
        let routes = [
            Route::Start,
            Route::Tasks,
            Route::question("sleep"),
            Route::change("sleep"),
            Route::question("odd id/with ünïcode"),
            Route::Check,
            Route::Result,
            Route::Saved,
            Route::Delete,
            Route::Send,
            Route::Sent,
            Route::Plan(PlanRoute::to(PlanPage::Tasks)),
            Route::Plan(PlanRoute::change(PlanPage::Goal(Item::Existing(
                "goal-1".into(),
            )))),
            Route::Review(ReviewPage::Start),
            Route::Review(ReviewPage::Goal("goal 1/ü".into())),
            Route::Review(ReviewPage::Contingency),
            Route::Review(ReviewPage::Check),
            Route::Review(ReviewPage::Sent),
            Route::Review(ReviewPage::History),
            Route::Review(ReviewPage::Compare),
        ];
        for route in routes {
            assert_eq!(Route::from_hash(&route.hash()), Some(route.clone()));
            assert_eq!(Route::from_path(&route.path()), Some(route));
        }
    }

    #[test]
    fn the_empty_fragment_is_the_start_and_other_fragments_are_not_pages() {
        assert_eq!(Route::from_hash(""), Some(Route::Start));
        assert_eq!(Route::from_hash("#"), Some(Route::Start));
        assert_eq!(Route::from_hash("#/"), Some(Route::Start));
        assert_eq!(Route::from_hash("#main-content"), None);
        assert_eq!(Route::from_hash("#/nowhere"), None);
        assert_eq!(Route::from_hash("#/questions/"), None);
        assert_eq!(Route::from_hash("#/questions/%zz"), None);
    }

    #[test]
    fn titles_follow_the_gov_uk_pattern() {
        assert_eq!(
            title("Check your answers", Some("Northvale Council"), false),
            "Check your answers – Estimate a personal budget – Northvale Council"
        );
        assert_eq!(
            title("How old are you?", None, true),
            "Error: How old are you? – Estimate a personal budget"
        );
        assert_eq!(
            title("Estimate a personal budget", None, false),
            "Estimate a personal budget"
        );
    }
}
