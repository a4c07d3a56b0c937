//! The page's state and everything that changes it, with no DOM in sight.
//!
//! Pages send [`Action`]s; [`State::reduce`] works out the next state, including which page
//! to show, which errors to show, where focus goes and whether to save. The app component
//! carries out the side effects the state asks for (saving, the address bar, focus), so
//! everything here is tested with plain `cargo test`.

use crate::answer::{self, FieldError, Posted};
use crate::config::Config;
use crate::flow::Flow;
use crate::plan::{Form, PlanAction};
use crate::route::Route;
use crate::saved::{Problem, Saved, SchemeKey, FORMAT, VERSION};
use crate::send::{Outbox, Sending, Sent};
use crate::text::{text, Words};
use std::cell::OnceCell;
use std::rc::Rc;
use waymark_engine::plan::{validate_plan, Costing, Finding, Plan, PlanReport};
use waymark_engine::{Answers, Date, Decimal, Estimate, Issue, Money, Scheme};
use yew::Reducible;

/// The id of the file input on the saved-answers page, for its error.
pub const IMPORT_FIELD: &str = "import-file";

/// The id of the scheme radios on the start page, for their error.
pub const SCHEME_FIELD: &str = "scheme";

/// How far the page has got with starting up.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Fetching the configuration and schemes.
    Loading,
    /// Something stopped the service starting; the messages are for the council.
    Failed(Rc<Vec<String>>),
    /// Ready to use.
    Ready,
}

/// Saved data that could not be read, kept until the person says what to do with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// Exactly what was saved.
    pub raw: Rc<String>,
    /// Why it could not be used.
    pub problem: Unreadable,
}

/// Why saved data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The document itself could not be read.
    Document(Problem),
    /// The document is for a scheme this deployment does not offer.
    Scheme(String),
}

/// A message shown at the top of a page until the person moves on.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The saved answers were deleted.
    Deleted,
    /// The disagreement notes were saved.
    NotesSaved,
    /// Answers were loaded from a file; `change` says what no longer fits.
    Imported(Option<Change>),
    /// Saved answers were loaded, but the scheme has changed since.
    Changed(Change),
    /// A service from the directory, by this name, was added to the plan.
    Added(String),
}

/// How saved answers and the scheme now in use differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The version the answers were saved with, when it differs from the current one.
    pub versions: Option<(String, String)>,
    /// How many answers were to questions the scheme no longer asks.
    pub dropped: usize,
    /// The document as it was saved, for the person to download.
    pub original: Rc<String>,
}

/// What the app should do with the device's storage after this state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persist {
    /// Leave it alone: still loading, or unreadable data is waiting for the person's say.
    Keep,
    /// Write [`State::document`].
    Write,
    /// Remove what is saved.
    Remove,
}

/// What the engine worked out from the answers and the plan. The state works it out once
/// for each change to them, and every page reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    /// The scheme it was worked out with.
    pub scheme: Rc<Scheme>,
    /// The assessment date.
    pub date: Date,
    /// The answers it was worked out from.
    pub answers: Answers,
    /// The estimate, or why there is none.
    pub estimate: Result<Rc<Estimate>, Vec<Issue>>,
    /// How long the estimate took, in whole microseconds (0 outside a browser).
    pub us: u64,
    /// The plan being made: the person's, or a new one starting on the assessment date.
    pub plan: Plan,
    /// The plan as given, before a new one was made up for it.
    pub plan_given: Option<Plan>,
    /// The plan's costing and findings against the budget, worked out the first time a
    /// page asks for it ([`Worked::report`]): most pages never show the plan, and costing
    /// it as the app starts would compile and run the plan's checks before the first
    /// question.
    report: Derived<Result<Rc<PlanReport>, Vec<Issue>>>,
}

/// A value worked out once from the rest of a [`Worked`], when first asked for. It never
/// makes two `Worked` differ: equal inputs give equal values, asked for or not.
#[derive(Debug, Clone)]
struct Derived<T>(OnceCell<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Worked {
    /// Works out the estimate; the plan is costed when first asked for.
    pub fn new(scheme: Rc<Scheme>, date: Date, answers: &Answers, plan: Option<&Plan>) -> Worked {
        let start = crate::dom::clock::now_ms();
        let estimate = waymark_engine::estimate(&scheme, answers, date).map(Rc::new);
        let us = crate::dom::clock::micros_since(start);
        let given = plan.cloned();
        let plan = given
            .clone()
            .unwrap_or_else(|| crate::plan::budget::new_plan(date));
        Worked {
            scheme,
            date,
            answers: answers.clone(),
            estimate,
            us,
            plan,
            plan_given: given,
            report: Derived(OnceCell::new()),
        }
    }

    /// The plan's costing and findings against the budget (the estimate's amount, or
    /// nothing when there is none), or the issues that stop it costing.
    pub fn report(&self) -> &Result<Rc<PlanReport>, Vec<Issue>> {
        self.report.0.get_or_init(|| {
            let budget = match &self.estimate {
                Ok(e) if e.has_amount() => e.annual,
                _ => Money(Decimal::ZERO),
            };
            validate_plan(&self.scheme, &self.plan, budget).map(Rc::new)
        })
    }

    /// The plan's costing, unless issues stop it costing.
    pub fn costing(&self) -> Option<&Costing> {
        self.report().as_ref().ok().map(|r| &r.costing)
    }

    /// What the scheme's checks found about the plan.
    pub fn findings(&self) -> &[Finding] {
        self.report().as_ref().map_or(&[], |r| &r.findings)
    }

    /// The issues that stop the plan costing.
    pub fn issues(&self) -> &[Issue] {
        self.report().as_ref().err().map_or(&[], Vec::as_slice)
    }

    /// Whether this was worked out from these inputs.
    fn is_for(
        &self,
        scheme: &Rc<Scheme>,
        date: Date,
        answers: &Answers,
        plan: Option<&Plan>,
    ) -> bool {
        Rc::ptr_eq(&self.scheme, scheme)
            && self.date == date
            && &self.answers == answers
            && self.plan_given.as_ref() == plan
    }
}

/// Everything the page shows, and what it should do next.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// How far start-up has got.
    pub phase: Phase,
    /// The schemes on offer, in the configuration's order.
    pub schemes: Rc<Vec<Rc<Scheme>>>,
    /// The index of the scheme in use, once there is one.
    pub chosen: Option<usize>,
    /// The assessment date, once the page has loaded.
    pub date: Option<Date>,
    /// The page shown.
    pub route: Route,
    /// The assessment page to resume at.
    pub resume: Route,
    /// The answers given.
    pub answers: Answers,
    /// Whether a practitioner is completing the assessment with the person, so the
    /// practitioner's questions are asked.
    pub supported: bool,
    /// What the person wrote that they disagree with.
    pub disagreement: String,
    /// The recovery support plan, once the person has started one.
    pub plan: Option<Plan>,
    /// When the answers were last saved, as an ISO 8601 timestamp.
    pub saved_at: Option<String>,
    /// Errors on the page shown.
    pub errors: Vec<FieldError>,
    /// What was typed into the page's field when it had an error, kept to show again.
    pub draft: Option<String>,
    /// What was typed as the reason for an adjustment when the page had an error.
    pub reason_draft: Option<String>,
    /// What a plan page's form held when it had errors, kept to show again.
    pub plan_form: Option<Rc<Form>>,
    /// The field to focus instead of the page's heading, after following a link to it.
    pub focus_field: Option<String>,
    /// Saved data waiting for the person to decide about it.
    pub recovery: Option<Recovery>,
    /// A message for the top of the page.
    pub notice: Option<Notice>,
    /// Whether the browser lets the page save.
    pub storage_works: bool,
    /// Counts page changes and failed submissions; focus moves when it changes.
    pub focus: u64,
    /// Counts changes worth saving; the app saves when it changes.
    pub changes: u64,
    /// What to do with storage on the next save.
    pub persist: Persist,
    /// Whether the address bar should replace the current entry rather than add one
    /// (after a redirect).
    pub replace: bool,
    /// The deployment's configuration.
    pub config: Rc<Config>,
    /// What the person agreed to send that no receiver has accepted yet.
    pub outbox: Option<Outbox>,
    /// The last submission a receiver accepted, with its receipt.
    pub sent: Option<Sent>,
    /// How the latest attempt to send went.
    pub sending: Sending,
    /// Counts requests to post the outbox; the app posts when it changes.
    pub posts: u64,
    /// The estimate and the plan's costing, for the answers and plan as they are.
    pub worked: Option<Rc<Worked>>,
    /// The language the person is using (or asked to switch to).
    pub language: String,
    /// The catalogue the page is drawn in; the app fetches another when `language` differs.
    pub words: Words,
    /// Counts choices of language worth remembering on the device; the app stores
    /// `language` when it changes.
    pub language_choices: u64,
    /// "Find local support": the directory, the search and its results.
    pub find: crate::plan::find::Find,
    /// Reviewing the plan: what was said, a review waiting to be accepted, the history.
    pub review: crate::review::Reviewing,
}

/// What the page finished loading.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The schemes on offer.
    pub schemes: Vec<Rc<Scheme>>,
    /// The assessment date.
    pub date: Date,
    /// What was in storage, if anything.
    pub stored: Option<String>,
    /// Whether storage could be read at all.
    pub storage_works: bool,
    /// The page the address bar names, if it names one.
    pub route: Option<Route>,
    /// The deployment's configuration.
    pub config: Rc<Config>,
    /// The language chosen, and whether the person asked for it (in the address), so it
    /// is remembered.
    pub language: (String, bool),
    /// The catalogue for that language.
    pub words: Words,
}

/// Everything that can happen.
#[derive(Debug, Clone)]
pub enum Action {
    /// Start-up finished.
    Loaded(Box<Loaded>),
    /// Start-up failed, for these reasons (for the council), with the catalogue to say so in
    /// if one could be fetched.
    LoadFailed(Vec<String>, Option<Words>),
    /// The address bar changed; `None` for a fragment that is not a page.
    Navigate(Option<Route>),
    /// The start form was sent, with the chosen scheme's id.
    Begin(Posted),
    /// A question's form was sent.
    Answer {
        /// The question's id.
        id: String,
        /// What was chosen or typed.
        posted: Posted,
        /// The reason typed for a practitioner's adjustment.
        reason: Posted,
    },
    /// The person said whether a practitioner is completing the assessment with them.
    Supported(bool),
    /// The disagreement notes changed.
    Notes(String),
    /// The disagreement notes' form was sent.
    SaveNotes,
    /// The person confirmed deleting their answers.
    Delete,
    /// A file was chosen to load (`None` when none was).
    Import(Option<String>),
    /// The person chose to delete unreadable saved data and start again.
    DiscardUnreadable,
    /// The answers were saved at this time.
    Written(String),
    /// Saving failed: the browser does not allow it.
    StorageFailed,
    /// Something happened on the plan's pages.
    Plan(PlanAction),
    /// The send form was sent: whether consent was ticked, the time, and a fresh
    /// idempotency key (used unless an unsent outbox for the same content has one).
    Send {
        /// Whether the consent box was ticked.
        agreed: bool,
        /// The time now, as an ISO 8601 timestamp.
        at: String,
        /// A new random key.
        key: String,
    },
    /// The person asked to send the same submission again.
    Retry,
    /// The receiver answered the post of the submission with this key, or did not, at
    /// this time.
    Posted {
        /// The submission's idempotency key.
        key: String,
        /// The receiver's reference, or why there is none.
        posted: crate::send::Posted,
        /// The time now, as an ISO 8601 timestamp.
        at: String,
    },
    /// The person chose to use the page in this language.
    Language(String),
    /// The catalogue of a language arrived.
    Words(Words),
    /// Something happened on the review's pages.
    Review(crate::review::ReviewAction),
}

impl State {
    /// The state before anything has loaded.
    pub fn new() -> State {
        State {
            phase: Phase::Loading,
            schemes: Rc::default(),
            chosen: None,
            date: None,
            route: Route::Start,
            resume: Route::Start,
            answers: Answers::default(),
            supported: false,
            disagreement: String::new(),
            plan: None,
            saved_at: None,
            errors: Vec::new(),
            draft: None,
            reason_draft: None,
            plan_form: None,
            focus_field: None,
            recovery: None,
            notice: None,
            storage_works: true,
            focus: 0,
            changes: 0,
            persist: Persist::Keep,
            replace: false,
            config: Rc::default(),
            outbox: None,
            worked: None,
            language: text().language.clone(),
            words: Words(text()),
            language_choices: 0,
            find: crate::plan::find::Find::default(),
            review: crate::review::Reviewing::default(),
            sent: None,
            sending: Sending::Idle,
            posts: 0,
        }
    }

    /// The scheme in use.
    pub fn scheme(&self) -> Option<&Rc<Scheme>> {
        self.chosen.and_then(|i| self.schemes.get(i))
    }

    /// Whether the start page asks which scheme to use: there are several, and nothing has
    /// been given for the one chosen (if any).
    pub fn choosing_scheme(&self) -> bool {
        self.schemes.len() > 1 && !self.has_data()
    }

    /// The languages the page can be used in: those of the scheme in use, or of the
    /// default scheme while none is chosen.
    pub fn languages(&self) -> Vec<String> {
        self.scheme()
            .or_else(|| self.schemes.first())
            .map(|s| crate::language::offered(s))
            .unwrap_or_default()
    }

    /// Works the estimate and the plan's costing out again if the answers, the plan, the
    /// scheme or the date changed.
    fn rework(&mut self) {
        let (Some(scheme), Some(date)) = (self.scheme().cloned(), self.date) else {
            self.worked = None;
            return;
        };
        let current = self
            .worked
            .as_ref()
            .is_some_and(|w| w.is_for(&scheme, date, &self.answers, self.plan.as_ref()));
        if !current {
            let worked = Worked::new(scheme, date, &self.answers, self.plan.as_ref());
            self.worked = Some(Rc::new(worked));
        }
    }

    /// Switches to `language` if the page can be used in it.
    fn choose_language(&mut self, language: String) {
        if self.languages().contains(&language) && language != self.language {
            self.language = language;
            self.language_choices += 1;
            self.errors.clear();
        }
    }

    /// The scheme whose words head the page: the one in use, except on the start page while
    /// the person is still choosing between several.
    pub fn heading_scheme(&self) -> Option<&Scheme> {
        let choosing = self.route == Route::Start && self.choosing_scheme();
        self.scheme().filter(|_| !choosing).map(|s| &**s)
    }

    /// Whether anything the person gave is held.
    pub fn has_data(&self) -> bool {
        !self.answers.0.is_empty()
            || !self.disagreement.is_empty()
            || self.plan.is_some()
            || !self.review.kept.is_empty()
    }

    /// The document to save or download, with `saved_at` left for the caller to stamp.
    pub fn document(&self) -> Option<Saved> {
        let scheme = self.scheme()?;
        Some(Saved {
            format: FORMAT.into(),
            version: VERSION,
            scheme: SchemeKey {
                id: scheme.id.clone(),
                version: scheme.version.clone(),
            },
            answers: self.answers.clone(),
            supported: self.supported,
            disagreement: self.disagreement.clone(),
            page: self.resume.path(),
            saved_at: String::new(),
            plan: self.plan.clone(),
            outbox: self.outbox.clone(),
            sent: self.sent.clone(),
            review: Some(self.review.kept.clone()).filter(|k| !k.is_empty()),
        })
    }

    /// The page to show for a request, given what has been answered.
    fn resolve(&self, route: Route) -> Route {
        if self.recovery.is_some() {
            return Route::Start;
        }
        if route == Route::Delete && !self.has_data() {
            return Route::Saved;
        }
        let Some(scheme) = self.scheme() else {
            return match route {
                Route::Start | Route::Saved | Route::Delete => route,
                _ => Route::Start,
            };
        };
        let flow = self.flow(scheme);
        match route {
            Route::Start | Route::Saved | Route::Delete => route,
            Route::Tasks if flow.uses_task_list() => route,
            Route::Question { ref id, .. } if flow.applies(id) => route,
            Route::Check | Route::Result if flow.is_complete() => route,
            Route::Send | Route::Sent if flow.is_complete() => self.sending_route(route),
            Route::Review(page) if flow.is_complete() => Route::Review(self.resolve_review(page)),
            Route::Plan(plan) if flow.is_complete() => {
                let directory = self.directory_url().is_some();
                Route::Plan(crate::plan::route::resolve(
                    plan,
                    self.plan.as_ref(),
                    directory,
                ))
            }
            _ => flow.next_to_answer(),
        }
    }

    /// The address of the chosen scheme's directory of local services, if it has one.
    pub fn directory_url(&self) -> Option<&str> {
        let offered = self.config.offered().ok()?;
        offered.get(self.chosen?)?.directory.as_deref()
    }

    /// Asks for the directory when "Find local support" is shown.
    fn want_directory(&mut self) {
        let Route::Plan(route) = &self.route else {
            return;
        };
        if route.page == crate::plan::PlanPage::Find {
            if let Some(url) = self.directory_url().map(str::to_owned) {
                self.find.want(&url);
            }
        }
    }

    /// Moves to `route` (or where it resolves to), clearing the last page's errors.
    pub(crate) fn go(&mut self, route: Route) {
        let shown = self.resolve(route.clone());
        self.replace = shown != route;
        if shown != self.route {
            self.notice = None;
            self.focus += 1;
        }
        if self.route != shown && matches!(self.sending, Sending::Failed(_)) {
            self.sending = Sending::Idle;
        }
        self.route = shown;
        self.errors.clear();
        self.draft = None;
        self.reason_draft = None;
        self.plan_form = None;
        self.focus_field = None;
        if self.route.is_assessment() && self.route != Route::Start && self.resume != self.route {
            self.resume = self.route.clone();
            self.save();
        }
    }

    /// Asks the app to save.
    pub(crate) fn save(&mut self) {
        self.changes += 1;
        self.persist = if self.recovery.is_some() {
            Persist::Keep
        } else if self.has_data() {
            Persist::Write
        } else {
            Persist::Remove
        };
    }

    /// Where a request for the send page or the receipt goes: the receipt once the
    /// current content was accepted, the send page while it was not, and the result when
    /// this deployment cannot send.
    fn sending_route(&self, route: Route) -> Route {
        match route {
            Route::Sent if self.sent.is_some() => Route::Sent,
            _ if self.current_sent() => Route::Sent,
            _ if self.config.submit.is_some() => Route::Send,
            _ => Route::Result,
        }
    }

    /// Shows one error on the current page and moves focus to the summary.
    pub(crate) fn fail(&mut self, field: &str, message: String, draft: Option<String>) {
        self.errors = vec![FieldError {
            field: field.to_owned(),
            message,
        }];
        self.draft = draft;
        self.notice = None;
        self.focus += 1;
    }

    /// The journey through `scheme` with the answers given.
    pub fn flow<'a>(&self, scheme: &'a Scheme) -> Flow<'a> {
        Flow::new(scheme, &self.answers, self.supported)
    }

    /// Forgets everything the person gave.
    fn clear(&mut self) {
        self.answers = Answers::default();
        self.supported = false;
        self.disagreement.clear();
        self.plan = None;
        self.outbox = None;
        self.sent = None;
        self.sending = Sending::Idle;
        self.review = crate::review::Reviewing::default();
        self.saved_at = None;
        self.resume = Route::Start;
        if self.schemes.len() != 1 {
            self.chosen = None;
        }
    }

    /// Takes in a saved document, or keeps it as unreadable. Returns what no longer fits.
    fn restore(&mut self, raw: &str) -> Result<Option<Change>, Recovery> {
        let unreadable = |problem| Recovery {
            raw: Rc::new(raw.to_owned()),
            problem,
        };
        let saved = Saved::read(raw).map_err(|p| unreadable(Unreadable::Document(p)))?;
        let index = self
            .schemes
            .iter()
            .position(|s| s.id == saved.scheme.id)
            .ok_or_else(|| unreadable(Unreadable::Scheme(saved.scheme.id.clone())))?;
        let scheme = Rc::clone(&self.schemes[index]);
        let mut answers = saved.answers;
        let before = answers.0.len();
        answers.0.retain(|id, _| scheme.question(id).is_some());
        let dropped = before - answers.0.len();
        self.chosen = Some(index);
        self.supported = saved.supported
            || answers
                .0
                .keys()
                .any(|id| scheme.question(id).is_some_and(|q| q.practitioner));
        self.answers = answers;
        self.disagreement = saved.disagreement;
        self.plan = saved.plan;
        self.outbox = saved.outbox;
        self.sent = saved.sent;
        self.review.kept = saved.review.unwrap_or_default();
        self.saved_at = Some(saved.saved_at).filter(|s| !s.is_empty());
        self.resume = Route::from_path(&saved.page)
            .filter(Route::is_assessment)
            .unwrap_or(Route::Start);
        let versions = (saved.scheme.version != scheme.version)
            .then(|| (saved.scheme.version, scheme.version.clone()));
        Ok((versions.is_some() || dropped > 0).then(|| Change {
            versions,
            dropped,
            original: Rc::new(raw.to_owned()),
        }))
    }

    fn loaded(&mut self, loaded: Loaded) {
        self.phase = Phase::Ready;
        let (language, asked) = loaded.language;
        self.language = language;
        self.words = loaded.words;
        self.language_choices += u64::from(asked);
        self.config = loaded.config;
        self.schemes = Rc::new(loaded.schemes);
        self.date = Some(loaded.date);
        self.storage_works = loaded.storage_works;
        if self.schemes.len() == 1 {
            self.chosen = Some(0);
        }
        if let Some(raw) = loaded.stored {
            match self.restore(&raw) {
                Ok(change) => self.notice = change.map(Notice::Changed),
                Err(recovery) => self.recovery = Some(recovery),
            }
        }
        let route = loaded.route.unwrap_or(Route::Start);
        self.route = self.resolve(route.clone());
        self.replace = self.route != route;
    }

    fn begin(&mut self, posted: Posted) {
        let index = posted
            .as_deref()
            .and_then(|id| self.schemes.iter().position(|s| s.id == id));
        match index {
            Some(index) => {
                self.chosen = Some(index);
                let languages = self.languages();
                if !languages.contains(&self.language) {
                    if let Some(first) = languages.first() {
                        self.language = first.clone();
                    }
                }
                let first = self.scheme().map(|s| self.flow(s).first());
                self.go(first.unwrap_or(Route::Start));
            }
            None => self.fail(SCHEME_FIELD, text().app.start_choose_error.clone(), None),
        }
    }

    fn answer(&mut self, id: &str, posted: Posted, reason: Posted) {
        let Route::Question {
            id: ref shown,
            change,
        } = self.route
        else {
            return;
        };
        let Some(scheme) = self.scheme().cloned() else {
            return;
        };
        let Some(question) = scheme.question(id).filter(|_| shown == id) else {
            return;
        };
        let read = if question.practitioner {
            answer::read_adjustment(&scheme, &self.answers, question, &posted, &reason)
        } else {
            answer::read(&scheme, &self.answers, question, &posted)
                .map(Some)
                .map_err(|message| {
                    vec![FieldError {
                        field: id.to_owned(),
                        message,
                    }]
                })
        };
        match read {
            Ok(value) => {
                match value {
                    Some(value) => self.answers.set(id, value),
                    None => {
                        self.answers.0.remove(id);
                    }
                }
                let unused: Vec<String> = self
                    .flow(&scheme)
                    .unused(&self.answers)
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                for id in unused {
                    self.answers.0.remove(&id);
                }
                self.save();
                let next = self.flow(&scheme).after(id, change);
                self.go(next);
            }
            Err(errors) => {
                self.errors = errors;
                self.draft = posted;
                self.reason_draft = reason;
                self.notice = None;
                self.focus += 1;
            }
        }
    }

    /// Marks the assessment as supported by a practitioner, and goes to their first
    /// question; or marks it as the person's own, without the practitioner's answers.
    fn support(&mut self, supported: bool) {
        let Some(scheme) = self.scheme().cloned() else {
            return;
        };
        self.supported = supported;
        self.answers
            .0
            .retain(|id, _| supported || scheme.question(id).is_none_or(|q| !q.practitioner));
        self.save();
        match self.flow(&scheme).first_practitioner() {
            Some(question) if supported => self.go(Route::change(&question.id)),
            _ => self.focus += 1,
        }
    }

    fn import(&mut self, file: Option<String>) {
        let t = text();
        let Some(raw) = file else {
            return self.fail(IMPORT_FIELD, t.app.import_error_none.clone(), None);
        };
        let mut next = self.clone();
        match next.restore(&raw) {
            Ok(change) => {
                *self = next;
                self.save();
                let route = self.scheme().map_or(Route::Start, |s| {
                    let flow = self.flow(s);
                    if flow.is_complete() {
                        Route::Check
                    } else {
                        flow.next_to_answer()
                    }
                });
                self.go(route);
                self.notice = Some(Notice::Imported(change));
            }
            Err(_) => self.fail(IMPORT_FIELD, t.app.import_error_unreadable.clone(), None),
        }
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            Action::Loaded(loaded) => state.loaded(*loaded),
            Action::LoadFailed(messages, words) => {
                state.phase = Phase::Failed(Rc::new(messages));
                if let Some(words) = words {
                    state.language = words.0.language.clone();
                    state.words = words;
                }
            }
            Action::Navigate(Some(route)) if state.phase == Phase::Ready => {
                if route != state.route {
                    state.go(route);
                }
            }
            Action::Navigate(_) => {}
            Action::Begin(posted) => state.begin(posted),
            Action::Answer { id, posted, reason } => state.answer(&id, posted, reason),
            Action::Supported(supported) => state.support(supported),
            Action::Notes(notes) => {
                state.disagreement = notes;
                state.save();
            }
            Action::SaveNotes => {
                state.notice = Some(Notice::NotesSaved);
                state.focus += 1;
                state.save();
            }
            Action::Delete => {
                state.clear();
                state.save();
                state.go(Route::Start);
                state.notice = Some(Notice::Deleted);
            }
            Action::Import(file) => state.import(file),
            Action::DiscardUnreadable => {
                state.recovery = None;
                state.clear();
                state.save();
                state.focus += 1;
                state.notice = Some(Notice::Deleted);
            }
            Action::Written(at) => state.saved_at = Some(at),
            Action::StorageFailed => state.storage_works = false,
            Action::Plan(action) => state.plan_action(action),
            Action::Send { agreed, at, key } => state.send(agreed, at, key),
            Action::Retry => state.retry(),
            Action::Posted { key, posted, at } => state.posted(&key, posted, at),
            Action::Language(code) => state.choose_language(code),
            Action::Words(words) => {
                state.language = words.0.language.clone();
                state.words = words;
            }
            Action::Review(action) => state.review_action(action),
        }
        state.want_directory();
        state.rework();
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    /// Idempotency keys, as the app makes them.
    const K1: &str = "00000000-0000-4000-8000-000000000001";
    const K2: &str = "00000000-0000-4000-8000-000000000002";
    const K3: &str = "00000000-0000-4000-8000-000000000003";

    use super::*;
    use serde_json::json;

    fn scheme(id: &str, version: &str) -> Rc<Scheme> {
        let scheme = json!({
            "id": id, "version": version, "title": "T", "owner": "O",
            "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
            "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
            "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "a", "text": "A?", "answer": {"yes_no": {"yes": 1, "no": 0}}},
                {"id": "b", "text": "B?", "show_if": {"question": "a", "any_of": [true]},
                 "answer": {"number": {"min": 0, "max": 10, "whole": true}}},
                {"id": "c", "text": "C?", "answer": {"choice": [
                    {"id": "low", "label": "Low", "points": 0},
                    {"id": "high", "label": "High", "points": 2}]}}
            ]}],
            "allocation": {"steps": [
                {"id": "points", "label": "Points", "calc": {"points": {}}},
                {"id": "money", "label": "Money", "calc": {"product": ["points", {"money": "10.00"}]}}
            ], "result": "money"}
        });
        Rc::new(Scheme::from_json(&scheme.to_string()).unwrap())
    }

    fn date() -> Date {
        "2026-06-01".parse().unwrap()
    }

    fn start(schemes: Vec<Rc<Scheme>>, stored: Option<&str>, route: Option<Route>) -> Rc<State> {
        Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes,
            date: date(),
            stored: stored.map(str::to_owned),
            storage_works: true,
            route,
            config: Rc::default(),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })))
    }

    fn answer(state: Rc<State>, id: &str, posted: &str) -> Rc<State> {
        state.reduce(Action::Answer {
            id: id.into(),
            posted: Some(posted.into()).filter(|p: &String| !p.is_empty()),
            reason: None,
        })
    }

    /// The test scheme answered "no" and "high": two points, £20.00.
    fn two_points() -> Rc<State> {
        let state = start(vec![scheme("t", "1")], None, Some(Route::question("a")));
        let state = answer(state, "a", "no");
        answer(state, "c", "high")
    }

    fn navigate(state: Rc<State>, route: Route) -> Rc<State> {
        state.reduce(Action::Navigate(Some(route)))
    }

    fn saved(answers: serde_json::Value, version: &str) -> String {
        json!({"format": "waymark-saved", "version": 1,
               "scheme": {"id": "t", "version": version},
               "answers": answers, "disagreement": "not enough", "page": "questions/c",
               "saved_at": "2026-05-30T10:00:00.000Z"})
        .to_string()
    }

    /// The test scheme written in English and Welsh.
    fn bilingual() -> Rc<Scheme> {
        let mut value: serde_json::Value = serde_json::to_value(scheme("t", "1").file()).unwrap();
        fn both(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(map) => {
                    for (key, item) in map.iter_mut() {
                        let person = [
                            "title",
                            "owner",
                            "introduction",
                            "next_steps",
                            "not_eligible",
                            "text",
                            "label",
                        ];
                        if person.contains(&key.as_str()) && item.is_string() {
                            let text = item.as_str().unwrap_or_default().to_owned();
                            *item = json!({"en": text, "cy": format!("{text} (cy)")});
                        } else {
                            both(item);
                        }
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(both),
                _ => {}
            }
        }
        both(&mut value);
        value["languages"] = json!(["en", "cy"]);
        Rc::new(Scheme::from_json(&value.to_string()).unwrap())
    }

    #[test]
    fn the_page_is_in_the_language_chosen_if_the_scheme_offers_it() {
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![bilingual()],
            date: date(),
            stored: None,
            storage_works: true,
            route: None,
            config: Rc::default(),
            language: ("cy".into(), true),
            words: crate::text::Words(crate::text::welsh()),
        })));
        assert_eq!(state.language, "cy");
        assert_eq!(state.languages(), ["en", "cy"]);
        assert_eq!(
            state.language_choices, 1,
            "asked for in the address, so remembered"
        );
        let state = state.reduce(Action::Language("fr".into()));
        assert_eq!((state.language.as_str(), state.language_choices), ("cy", 1));
        let state = state.reduce(Action::Language("en".into()));
        assert_eq!((state.language.as_str(), state.language_choices), ("en", 2));
        assert_eq!(
            state.words.0.language, "cy",
            "until the English words arrive"
        );
        let state = state.reduce(Action::Words(crate::text::Words(crate::text::english())));
        assert_eq!(state.words.0.language, "en");
        let english_only = start(vec![scheme("t", "1")], None, None);
        assert_eq!(english_only.languages(), ["en"]);
        let state = english_only.reduce(Action::Language("cy".into()));
        assert_eq!(
            state.language, "en",
            "a scheme only in English stays in English"
        );
    }

    #[test]
    fn saved_answers_load_whatever_the_language() {
        let raw = saved(json!({"a": false, "c": "high"}), "1");
        for (code, words) in [("en", crate::text::english()), ("cy", crate::text::welsh())] {
            let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
                schemes: vec![bilingual()],
                date: date(),
                stored: Some(raw.clone()),
                storage_works: true,
                route: Some(Route::Check),
                config: Rc::default(),
                language: (code.into(), false),
                words: crate::text::Words(words),
            })));
            assert_eq!(state.route, Route::Check, "{code}");
            assert_eq!(state.answers.0.len(), 2, "{code}");
        }
    }

    #[test]
    fn the_estimate_is_worked_out_once_for_each_change() {
        let state = two_points();
        let first = state.worked.clone().unwrap();
        assert_eq!(first.estimate.as_ref().unwrap().annual.to_string(), "20.00");
        let state = state.reduce(Action::Notes("still thinking".into()));
        let state = navigate(state, Route::Result);
        assert!(
            Rc::ptr_eq(&first, state.worked.as_ref().unwrap()),
            "nothing it depends on changed"
        );
        let state = navigate(state, Route::change("c"));
        let state = answer(state, "c", "low");
        let second = state.worked.clone().unwrap();
        assert!(!Rc::ptr_eq(&first, &second));
        assert_eq!(second.estimate.as_ref().unwrap().annual.to_string(), "0.00");
    }

    #[test]
    fn the_plan_is_costed_only_when_a_page_asks() {
        let state = two_points();
        let worked = state.worked.clone().unwrap();
        assert!(
            worked.report.0.get().is_none(),
            "not costed with the estimate"
        );
        let uncosted = Worked::clone(&worked);
        let costing = worked.costing().unwrap();
        assert_eq!(costing.budget.to_string(), "20.00");
        assert_eq!(costing.planned.to_string(), "0");
        assert!(worked.report.0.get().is_some(), "kept once worked out");
        assert_eq!(
            *worked, uncosted,
            "costing it changes nothing it is compared by"
        );
    }

    #[test]
    fn a_journey_skips_what_does_not_apply_and_ends_at_check_your_answers() {
        let state = start(vec![scheme("t", "1")], None, None);
        assert_eq!(state.route, Route::Start);
        assert_eq!(state.chosen, Some(0));
        let state = navigate(state, Route::question("a"));
        assert_eq!(state.route, Route::question("a"));
        let state = answer(state, "a", "no");
        assert_eq!(state.route, Route::question("c"));
        assert_eq!(state.persist, Persist::Write);
        let state = answer(state, "c", "high");
        assert_eq!(state.route, Route::Check);
        assert_eq!(state.answers.0.len(), 2);
        let state = navigate(state, Route::Result);
        assert_eq!(state.route, Route::Result);
        assert_eq!(state.resume, Route::Result);
    }

    #[test]
    fn errors_keep_what_was_typed_and_move_focus() {
        let state = start(vec![scheme("t", "1")], None, Some(Route::question("a")));
        let state = answer(state, "a", "yes");
        assert_eq!(state.route, Route::question("b"));
        let focus = state.focus;
        let state = answer(state, "b", "eleven");
        assert_eq!(state.route, Route::question("b"));
        assert_eq!(state.errors[0].field, "b");
        assert_eq!(
            state.errors[0].message,
            "Enter a number using digits, like 12"
        );
        assert_eq!(state.draft.as_deref(), Some("eleven"));
        assert_eq!(state.focus, focus + 1);
        let state = answer(state, "b", "eleven");
        assert_eq!(state.focus, focus + 2, "a second failure moves focus again");
        let state = answer(state, "b", "4");
        assert!(state.errors.is_empty());
        assert_eq!(state.draft, None);
        assert_eq!(state.route, Route::question("c"));
    }

    #[test]
    fn pages_that_cannot_be_seen_yet_redirect_to_what_is_next() {
        let state = start(vec![scheme("t", "1")], None, Some(Route::Result));
        assert_eq!(state.route, Route::question("a"));
        assert!(state.replace);
        let state = navigate(state, Route::question("b"));
        assert_eq!(state.route, Route::question("a"));
        let state = navigate(state, Route::question("nope"));
        assert_eq!(state.route, Route::question("a"));
        let state = navigate(state, Route::Tasks);
        assert_eq!(state.route, Route::question("a"));
    }

    #[test]
    fn a_change_returns_to_check_your_answers_and_drops_answers_no_longer_used() {
        let state = start(vec![scheme("t", "1")], None, Some(Route::question("a")));
        let state = answer(state, "a", "yes");
        let state = answer(state, "b", "3");
        let state = answer(state, "c", "low");
        assert_eq!(state.route, Route::Check);
        let state = navigate(state, Route::change("a"));
        let state = answer(state, "a", "no");
        assert_eq!(state.route, Route::Check);
        assert_eq!(state.answers.0.get("b"), None);
        let state = navigate(state, Route::change("a"));
        let state = answer(state, "a", "yes");
        assert_eq!(state.route, Route::change("b"));
        let state = answer(state, "b", "2");
        assert_eq!(state.route, Route::Check);
    }

    #[test]
    fn saved_answers_are_resumed_where_the_person_left_off() {
        let stored = saved(json!({"a": false}), "1");
        let state = start(vec![scheme("t", "1")], Some(&stored), None);
        assert_eq!(state.route, Route::Start);
        assert_eq!(state.resume, Route::question("c"));
        assert_eq!(state.disagreement, "not enough");
        assert_eq!(state.notice, None);
        assert_eq!(
            state.persist,
            Persist::Keep,
            "loading alone does not rewrite"
        );
        let document = state.document().unwrap();
        assert_eq!(document.page, "questions/c");
        assert_eq!(document.answers.0.len(), 1);
    }

    #[test]
    fn a_new_scheme_version_keeps_what_fits_and_says_so() {
        let stored = saved(json!({"a": false, "gone": 3}), "0");
        let state = start(vec![scheme("t", "1")], Some(&stored), None);
        let Some(Notice::Changed(change)) = &state.notice else {
            panic!("expected a notice, got {:?}", state.notice);
        };
        assert_eq!(change.versions, Some(("0".into(), "1".into())));
        assert_eq!(change.dropped, 1);
        assert_eq!(*change.original, stored);
        assert_eq!(state.answers.0.len(), 1);
    }

    #[test]
    fn unreadable_saved_data_is_kept_until_the_person_says() {
        for (stored, problem) in [
            ("{oops", Unreadable::Document(Problem::Damaged)),
            (
                r#"{"format": "waymark-saved", "version": 7}"#,
                Unreadable::Document(Problem::Version("7".into())),
            ),
            (
                &*saved(json!({}), "1").replace("\"t\"", "\"elsewhere\""),
                Unreadable::Scheme("elsewhere".into()),
            ),
        ] {
            let state = start(
                vec![scheme("t", "1")],
                Some(stored),
                Some(Route::question("a")),
            );
            assert_eq!(state.route, Route::Start);
            let recovery = state.recovery.clone().unwrap();
            assert_eq!(recovery.problem, problem);
            assert_eq!(*recovery.raw, stored);
            let state = navigate(state, Route::question("a"));
            assert_eq!(
                state.route,
                Route::Start,
                "nothing starts until they decide"
            );
            assert_eq!(state.persist, Persist::Keep);
            let state = state.reduce(Action::DiscardUnreadable);
            assert_eq!(state.recovery, None);
            assert_eq!(state.persist, Persist::Remove);
            assert_eq!(state.notice, Some(Notice::Deleted));
        }
    }

    #[test]
    fn deleting_forgets_everything_and_says_so() {
        let state = start(vec![scheme("t", "1")], None, Some(Route::question("a")));
        let state = answer(state, "a", "no");
        let state = state.reduce(Action::Notes("too low".into()));
        let state = navigate(state, Route::Delete);
        assert_eq!(state.route, Route::Delete);
        let state = state.reduce(Action::Delete);
        assert!(!state.has_data());
        assert_eq!(state.route, Route::Start);
        assert_eq!(state.persist, Persist::Remove);
        assert_eq!(state.notice, Some(Notice::Deleted));
        assert_eq!(navigate(state, Route::Delete).route, Route::Saved);
    }

    #[test]
    fn importing_replaces_the_answers_or_explains_why_not() {
        let state = start(vec![scheme("t", "1")], None, Some(Route::Saved));
        let state = state.reduce(Action::Import(None));
        assert_eq!(state.errors[0].field, IMPORT_FIELD);
        assert_eq!(state.errors[0].message, "Select a file");
        let state = state.reduce(Action::Import(Some("not json".into())));
        assert_eq!(
            state.errors[0].message,
            "The selected file is not a file of answers this service can read"
        );
        let state = state.reduce(Action::Import(Some(saved(
            json!({"a": false, "c": "low"}),
            "1",
        ))));
        assert!(state.errors.is_empty());
        assert_eq!(state.route, Route::Check);
        assert_eq!(state.notice, Some(Notice::Imported(None)));
        assert_eq!(state.persist, Persist::Write);
    }

    #[test]
    fn several_schemes_are_chosen_between_on_the_start_page() {
        let state = start(vec![scheme("t", "1"), scheme("u", "1")], None, None);
        assert_eq!(state.chosen, None);
        assert_eq!(
            navigate(state.clone(), Route::question("a")).route,
            Route::Start
        );
        let state = state.reduce(Action::Begin(None));
        assert_eq!(state.errors[0].field, SCHEME_FIELD);
        let state = state.reduce(Action::Begin(Some("u".into())));
        assert_eq!(state.chosen, Some(1));
        assert_eq!(state.route, Route::question("a"));
    }

    #[test]
    fn notes_are_saved_as_they_are_typed() {
        let state = start(vec![scheme("t", "1")], None, None);
        let changes = state.changes;
        let state = state.reduce(Action::Notes("the cap".into()));
        assert_eq!(state.changes, changes + 1);
        assert_eq!(state.persist, Persist::Write);
        assert_eq!(state.document().unwrap().disagreement, "the cap");
    }

    fn sending(endpoint: bool) -> Rc<State> {
        let config = match endpoint {
            true => r#"{"submit": {"endpoint": "submissions"}}"#,
            false => "{}",
        };
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![scheme("t", "1")],
            date: date(),
            stored: None,
            storage_works: true,
            route: Some(Route::question("a")),
            config: Rc::new(Config::from_json(config).unwrap()),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        let state = answer(state, "a", "yes");
        let state = answer(state, "b", "3");
        answer(state, "c", "high")
    }

    fn send(state: Rc<State>, agreed: bool, key: &str) -> Rc<State> {
        state.reduce(Action::Send {
            agreed,
            at: "2026-06-01T10:00:00.000Z".into(),
            key: key.into(),
        })
    }

    fn key(state: &State) -> &str {
        let outbox = state.outbox.as_ref().unwrap();
        assert_eq!(sent(state).idempotency_key, outbox.key);
        &outbox.key
    }

    fn sent(state: &State) -> waymark_engine::submission::Submission {
        let json = &state.outbox.as_ref().unwrap().json;
        waymark_engine::submission::Submission::from_json(json).unwrap()
    }

    #[test]
    fn without_an_endpoint_there_is_no_sending() {
        let state = navigate(sending(false), Route::Send);
        assert_eq!(state.route, Route::Result);
        assert_eq!(navigate(state, Route::Sent).route, Route::Result);
    }

    #[test]
    fn nothing_is_posted_without_consent() {
        let state = navigate(sending(true), Route::Send);
        assert_eq!(state.route, Route::Send);
        let state = send(state, false, K1);
        assert_eq!(state.errors[0].field, crate::send::CONSENT_FIELD);
        assert_eq!(
            state.errors[0].message,
            "Tick the box to agree to send this information to O"
        );
        assert_eq!(state.posts, 0);
        assert_eq!(state.outbox, None);
    }

    fn posted(state: Rc<State>, key: &str, posted: crate::send::Posted) -> Rc<State> {
        state.reduce(Action::Posted {
            key: key.into(),
            posted,
            at: "2026-06-01T10:00:05.000Z".into(),
        })
    }

    #[test]
    fn a_failed_send_is_kept_and_tried_again_with_the_same_document() {
        use crate::send::Failure;
        let state = send(navigate(sending(true), Route::Send), true, K1);
        assert_eq!((state.posts, &state.sending), (1, &Sending::Posting));
        let outbox = state.outbox.clone().unwrap();
        let submission = sent(&state);
        assert_eq!(
            submission.consent.agreed,
            [
                "I agree to send this information to O",
                "your answers to the questions",
                "your estimate and how it was worked out"
            ]
        );
        assert_eq!(submission.consent.at, "2026-06-01T10:00:00.000Z");
        assert_eq!(submission.estimate.annual.0.to_string(), "30.00");
        assert_eq!(state.persist, Persist::Write);
        assert_eq!(state.document().unwrap().outbox, Some(outbox.clone()));
        assert_eq!(
            waymark_engine::submission::verify(&scheme("t", "1"), &submission),
            []
        );

        let focus = state.focus;
        let state = posted(state, K1, Err(Failure::Unreachable));
        assert_eq!(state.route, Route::Send);
        assert_eq!(state.focus, focus + 1);
        assert_eq!(state.sending, Sending::Failed(Failure::Unreachable));
        let state = state.reduce(Action::Retry);
        assert_eq!((state.posts, key(&state)), (2, K1));
        let state = send(state, true, K2);
        assert_eq!(state.posts, 2, "no second post while one is on its way");
        let state = posted(state, K1, Err(Failure::TimedOut));
        let later = state.reduce(Action::Send {
            agreed: true,
            at: "2026-06-01T11:00:00.000Z".into(),
            key: K2.into(),
        });
        assert_eq!(later.posts, 3);
        assert_eq!(
            later.outbox,
            Some(outbox),
            "the very same document goes again"
        );

        let state = posted(later, K1, Ok("WM-000001".into()));
        assert_eq!(state.route, Route::Sent);
        assert_eq!(state.outbox, None);
        let copy = state.sent.clone().unwrap();
        assert_eq!(copy.receipt.reference, "WM-000001");
        assert_eq!(copy.submission.key, K1);
        assert_eq!(navigate(state.clone(), Route::Send).route, Route::Sent);
        assert_eq!(state.document().unwrap().sent, Some(copy));
    }

    #[test]
    fn sending_without_consent_forgets_an_agreed_submission() {
        let state = send(navigate(sending(true), Route::Send), true, K1);
        let state = posted(state, K1, Err(crate::send::Failure::Receiver(503)));
        let state = send(state, false, K2);
        assert_eq!(state.outbox, None);
        assert_eq!(state.persist, Persist::Write);
        assert_eq!(state.errors[0].field, crate::send::CONSENT_FIELD);
        assert_eq!(
            state.reduce(Action::Retry).posts,
            1,
            "nothing left to retry"
        );
    }

    #[test]
    fn an_answer_for_a_submission_no_longer_waiting_is_ignored() {
        let state = send(navigate(sending(true), Route::Send), true, K1);
        let state = navigate(state, Route::Delete).reduce(Action::Delete);
        let state = posted(state, K1, Ok("WM-000001".into()));
        assert_eq!(
            (state.sent.clone(), state.route.clone()),
            (None, Route::Start)
        );

        let state = send(navigate(sending(true), Route::Send), true, K1);
        let state = navigate(state, Route::Result);
        let state = posted(state, K1, Ok("WM-000002".into()));
        assert_eq!(
            state.route,
            Route::Result,
            "the person stays where they went"
        );
        assert_eq!(state.sent.as_ref().unwrap().receipt.reference, "WM-000002");
    }

    #[test]
    fn a_change_after_sending_makes_a_new_submission_and_keeps_the_copy() {
        let state = send(navigate(sending(true), Route::Send), true, K1);
        let state = posted(state, K1, Ok("WM-000001".into()));
        let state = navigate(state, Route::change("c"));
        let state = answer(state, "c", "low");
        assert_eq!(navigate(state.clone(), Route::Send).route, Route::Send);
        assert_eq!(navigate(state.clone(), Route::Sent).route, Route::Sent);
        let state = send(navigate(state, Route::Send), true, K3);
        assert_eq!(key(&state), K3);
        let state = posted(state, K3, Err(crate::send::Failure::TimedOut));
        assert_eq!(
            state.sent.as_ref().unwrap().receipt.reference,
            "WM-000001",
            "the earlier copy is kept until the new one is accepted"
        );
    }

    /// The test scheme with a practitioner's uplift added to the amount.
    fn with_uplift() -> Rc<Scheme> {
        let mut value = serde_json::to_value(scheme("t", "1").file()).unwrap();
        value["sections"][0]["questions"]
            .as_array_mut()
            .unwrap()
            .push(
                json!({"id": "uplift", "text": "Uplift?", "practitioner": true,
                         "answer": {"money": {"min": "0.00", "max": "100.00"}}}),
            );
        value["allocation"]["steps"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "total", "label": "Total",
                         "calc": {"sum": ["money", {"answer": "uplift"}]}}));
        value["allocation"]["result"] = json!("total");
        Rc::new(Scheme::from_json(&value.to_string()).unwrap())
    }

    fn adjust(state: Rc<State>, amount: &str, reason: &str) -> Rc<State> {
        let given = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        state.reduce(Action::Answer {
            id: "uplift".into(),
            posted: given(amount),
            reason: given(reason),
        })
    }

    const REASON: &str = "No support worker at the standard rate";

    #[test]
    fn a_supported_assessment_asks_the_practitioner_and_keeps_their_reason() {
        let state = start(vec![with_uplift()], None, Some(Route::question("a")));
        let state = answer(state, "a", "no");
        let state = answer(state, "c", "high");
        assert_eq!(state.route, Route::Check, "the person is not asked it");
        let state = navigate(state, Route::question("uplift"));
        assert_eq!(state.route, Route::Check);
        let state = state.reduce(Action::Supported(true));
        assert!(state.supported);
        assert_eq!(state.route, Route::change("uplift"));
        let focus = state.focus;
        let state = adjust(state, "20", " ");
        let fields: Vec<&str> = state.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["uplift-reason"]);
        assert_eq!(
            state.errors[0].message,
            "Enter the reason for this adjustment"
        );
        assert_eq!(state.draft.as_deref(), Some("20"), "what was typed is kept");
        assert_eq!(state.focus, focus + 1);
        let state = adjust(state, "20", REASON);
        assert_eq!(state.route, Route::Check);
        assert_eq!(
            state.answers.0["uplift"],
            json!({"answer": "20.00", "reason": REASON})
        );
        let estimate = state.worked.as_ref().unwrap().estimate.clone().unwrap();
        assert_eq!(estimate.annual.to_string(), "40.00");

        let document = state.document().unwrap();
        assert!(document.supported);
        let restored = start(vec![with_uplift()], Some(&document.to_json()), None);
        assert!(restored.supported);
        assert_eq!(restored.answers, state.answers);

        let state = navigate(state, Route::change("uplift"));
        let state = adjust(state, "", "");
        assert_eq!(
            state.route,
            Route::Check,
            "both left empty is no adjustment"
        );
        assert_eq!(state.answers.0.get("uplift"), None);
        let state = navigate(state, Route::change("uplift"));
        let state = adjust(state, "20", REASON);
        let state = state.reduce(Action::Supported(false));
        assert!(!state.supported);
        assert_eq!(
            state.answers.0.get("uplift"),
            None,
            "the adjustment goes with it"
        );
        assert_eq!(state.route, Route::Check);
    }

    #[test]
    fn the_reason_for_an_adjustment_travels_in_the_submission() {
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![with_uplift()],
            date: date(),
            stored: None,
            storage_works: true,
            route: Some(Route::question("a")),
            config: Rc::new(Config::from_json(r#"{"submit": {"endpoint": "s"}}"#).unwrap()),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        let state = answer(answer(state, "a", "no"), "c", "high");
        let state = adjust(state.reduce(Action::Supported(true)), "20", REASON);
        let state = send(navigate(state, Route::Send), true, K1);
        let submission = sent(&state);
        assert_eq!(
            submission.answers.0["uplift"],
            json!({"answer": "20.00", "reason": REASON})
        );
        assert_eq!(submission.estimate.annual.0.to_string(), "40.00");
        assert_eq!(
            waymark_engine::submission::verify(&with_uplift(), &submission),
            []
        );
    }

    #[test]
    fn an_unsent_submission_survives_a_reload() {
        let state = send(navigate(sending(true), Route::Send), true, K1);
        let document = state.document().unwrap().to_json();
        let restored = start(vec![scheme("t", "1")], Some(&document), None);
        assert_eq!(restored.outbox, state.outbox);
        assert_eq!(
            restored.posts, 0,
            "nothing is sent again without being asked"
        );
    }
}
