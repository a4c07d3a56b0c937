//! Reviewing the plan, on the device: what the person says about each goal, whether the
//! money kept aside was used, the review they agree to send, and the reviews a receiver
//! accepted, kept as their history. There is no DOM here; the app posts the outbox's
//! review when [`Reviewing::posts`] changes and reports back with
//! [`ReviewAction::Posted`].
//!
//! What the person says is kept in the saved document (under `review`) as they go, so a
//! review can be finished later. The review itself (`waymark-review`, from the engine's
//! [`review::build`]) is made only when they tick consent and press send, with the words
//! of [`consent::review_agreed`]; until then nothing about it leaves the device.

use crate::plan::Form;
use crate::route::Route;
use crate::send::{Posted, Sending, APP_VERSION};
use crate::state::State;
use crate::text::{fill, text};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use waymark_engine::plan::Plan;
use waymark_engine::review::{self, Envelope, GoalReview, Said};
use waymark_engine::submission::Consent;
use waymark_engine::Scheme;
use waymark_words::consent;

/// The most characters each text of a review may have, as the receiver checks.
pub const TEXT_MOST: usize = waymark_engine::limits::REVIEW_TEXT_CHARS;

/// The field names of a goal's review form.
pub mod fields {
    /// The scale.
    pub const PROGRESS: &str = "progress";
    /// In their own words.
    pub const OWN_WORDS: &str = "in-own-words";
    /// What helped.
    pub const HELPED: &str = "helped";
    /// What got in the way.
    pub const IN_THE_WAY: &str = "got-in-the-way";
    /// The supports used (a checkbox group).
    pub const USED: &str = "supports-used";
    /// What they want to change.
    pub const CHANGE: &str = "change";
    /// Whether the money kept aside was used.
    pub const CONTINGENCY: &str = "contingency-used";
    /// The consent box.
    pub const CONSENT: &str = "review-consent";
}

/// The pages of a review, the history and the comparison, under `#/review/...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewPage {
    /// The goals, with whether each was reviewed.
    Start,
    /// One goal, by id.
    Goal(String),
    /// Whether the money kept aside was used.
    Contingency,
    /// What was said, the download, the consent and the send button.
    Check,
    /// The receipt for the last review sent.
    Sent,
    /// What was sent from this device, and the download of it all.
    History,
    /// The assessment now beside the last one sent.
    Compare,
}

impl ReviewPage {
    /// The page a path after `review` names.
    pub fn from_path(rest: Option<&str>) -> Option<ReviewPage> {
        Some(match rest {
            None | Some("") => ReviewPage::Start,
            Some("money-kept-aside") => ReviewPage::Contingency,
            Some("check") => ReviewPage::Check,
            Some("sent") => ReviewPage::Sent,
            Some("history") => ReviewPage::History,
            Some("compare") => ReviewPage::Compare,
            Some(other) => {
                let id = other.strip_prefix("goals/").filter(|id| !id.is_empty())?;
                ReviewPage::Goal(crate::route::decode(id)?)
            }
        })
    }

    /// The page's path, without `#/`.
    pub fn path(&self) -> String {
        match self {
            ReviewPage::Start => "review".into(),
            ReviewPage::Goal(id) => format!("review/goals/{}", crate::route::encode(id)),
            ReviewPage::Contingency => "review/money-kept-aside".into(),
            ReviewPage::Check => "review/check".into(),
            ReviewPage::Sent => "review/sent".into(),
            ReviewPage::History => "review/history".into(),
            ReviewPage::Compare => "review/compare".into(),
        }
    }

    /// The page's main heading; a goal's page is headed by the goal in the person's words.
    pub fn heading(&self, plan: Option<&Plan>, owner: &str) -> String {
        let t = &text().review;
        match self {
            ReviewPage::Start => t.heading.clone(),
            ReviewPage::Goal(id) => plan
                .and_then(|p| p.goals.iter().find(|g| &g.id == id))
                .map_or_else(|| t.heading.clone(), |g| g.text.clone()),
            ReviewPage::Contingency => t.contingency_heading.clone(),
            ReviewPage::Check => t.check_heading.clone(),
            ReviewPage::Sent => fill(&t.sent_heading, &[("owner", owner)]),
            ReviewPage::History => t.history_heading.clone(),
            ReviewPage::Compare => t.compare_heading.clone(),
        }
    }
}

/// A review the person agreed to send that no receiver has accepted yet, or one accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreed {
    /// Exactly what is sent: the review's JSON.
    pub json: Rc<str>,
    /// Its idempotency key.
    pub key: String,
    /// The receiver's reference, once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When it was agreed to, or accepted, as an ISO 8601 timestamp from this device.
    pub at: String,
}

/// What is kept on the device about reviews: what the person has said so far, a review
/// waiting to be accepted, and the reviews accepted, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    /// How each goal reviewed so far went, in the plan's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalReview>,
    /// Whether the money kept aside was used, once said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contingency_used: Option<bool>,
    /// The review agreed to and not yet accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Agreed>,
    /// The reviews receivers accepted: the history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<Agreed>,
}

impl Kept {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self == &Kept::default()
    }
}

/// Reviews in the state: what is kept, and how sending is going.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewing {
    /// What is kept on the device.
    pub kept: Kept,
    /// How the latest attempt to send a review went.
    pub sending: Sending,
    /// Counts requests to post the outbox's review; the app posts when it changes.
    pub posts: u64,
}

impl Default for Reviewing {
    fn default() -> Reviewing {
        Reviewing {
            kept: Kept::default(),
            sending: Sending::Idle,
            posts: 0,
        }
    }
}

/// Something the person did on the review's pages, or the receiver's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
    /// A goal's form was sent.
    Goal(String, Form),
    /// The money-kept-aside form was sent.
    Contingency(Form),
    /// The send form was sent: whether consent was ticked, the time, and a fresh key.
    Send {
        /// Whether the consent box was ticked.
        agreed: bool,
        /// The time now, as an ISO 8601 timestamp.
        at: String,
        /// A new random key.
        key: String,
    },
    /// The person asked to send the same review again.
    Retry,
    /// The receiver answered the post of the review with this key.
    Posted {
        /// The review's key.
        key: String,
        /// The reference, or why there is none.
        posted: Posted,
        /// The time now.
        at: String,
    },
}

/// The scale a goal's progress is given on, as ids and labels in the page's language.
pub fn scale(scheme: &Scheme) -> Vec<(String, String)> {
    let t = &text().review;
    let own = scheme
        .plan
        .as_ref()
        .map(|r| &r.progress)
        .filter(|p| !p.is_empty());
    match own {
        Some(levels) => levels
            .iter()
            .map(|l| (l.id.clone(), text().say(&l.label).to_owned()))
            .collect(),
        None => review::PROGRESS
            .iter()
            .zip([
                &t.progress_not_started,
                &t.progress_some_progress,
                &t.progress_achieved,
                &t.progress_no_longer_my_goal,
            ])
            .map(|(id, label)| ((*id).to_owned(), label.clone()))
            .collect(),
    }
}

/// The ids of the plan's supports for a goal, in the plan's order.
pub fn supports_for<'a>(plan: &'a Plan, goal: &str) -> Vec<&'a waymark_engine::plan::Support> {
    plan.supports
        .iter()
        .filter(|s| s.goals.iter().any(|g| g == goal))
        .collect()
}

impl State {
    /// What the person said about a goal, if they have reviewed it.
    pub fn goal_review(&self, goal: &str) -> Option<&GoalReview> {
        self.review.kept.goals.iter().find(|g| g.goal == goal)
    }

    /// The page after a goal's: the next goal, then the money kept aside, then the check.
    fn after_goal(&self, plan: &Plan, goal: &str) -> ReviewPage {
        let next = plan
            .goals
            .iter()
            .skip_while(|g| g.id != goal)
            .nth(1)
            .map(|g| ReviewPage::Goal(g.id.clone()));
        next.unwrap_or(if plan.contingency.is_some() {
            ReviewPage::Contingency
        } else {
            ReviewPage::Check
        })
    }

    /// Where a request for a review page goes, given the plan and what was sent.
    pub(crate) fn resolve_review(&self, page: ReviewPage) -> ReviewPage {
        let plan = self.plan.as_ref();
        match page {
            ReviewPage::Goal(ref id)
                if plan.is_some_and(|p| p.goals.iter().any(|g| &g.id == id)) =>
            {
                page
            }
            ReviewPage::Goal(_) => ReviewPage::Start,
            ReviewPage::Contingency if plan.is_some_and(|p| p.contingency.is_some()) => page,
            ReviewPage::Contingency | ReviewPage::Check if plan.is_none() => ReviewPage::Start,
            ReviewPage::Contingency => ReviewPage::Check,
            ReviewPage::Sent if self.review.kept.sent.is_empty() => ReviewPage::Start,
            other => other,
        }
    }

    /// The review as it would be sent now, with `consent` and `key`.
    pub fn review_document(&self, consent: Consent, key: String) -> Option<review::Review> {
        let scheme = self.scheme()?;
        let plan = self.plan.as_ref()?;
        let kept = &self.review.kept;
        let goals = plan
            .goals
            .iter()
            .filter_map(|g| self.goal_review(&g.id).cloned())
            .collect();
        let said = Said {
            goals,
            contingency_used: kept.contingency_used.filter(|_| plan.contingency.is_some()),
            notes: String::new(),
        };
        let envelope = Envelope {
            date: self.date?,
            language: self.language.clone(),
            consent,
            app_version: APP_VERSION.into(),
            idempotency_key: key,
        };
        Some(review::build(scheme, plan, said, envelope))
    }

    /// The review as a file before the person agrees: no consent and no key.
    pub fn review_preview(&self) -> Option<String> {
        let consent = Consent {
            agreed: Vec::new(),
            at: String::new(),
        };
        self.review_document(consent, String::new())
            .map(|r| to_json(&r))
    }

    /// Something happened on the review's pages.
    pub(crate) fn review_action(&mut self, action: ReviewAction) {
        match action {
            ReviewAction::Goal(id, form) => self.review_goal(&id, form),
            ReviewAction::Contingency(form) => match form.text(fields::CONTINGENCY) {
                "yes" | "no" => {
                    self.review.kept.contingency_used =
                        Some(form.text(fields::CONTINGENCY) == "yes");
                    self.save();
                    self.go(Route::Review(ReviewPage::Check));
                }
                _ => {
                    let message = text().review.contingency_error.clone();
                    self.fail(fields::CONTINGENCY, message, None);
                }
            },
            ReviewAction::Send { agreed, at, key } => self.send_review(agreed, at, key),
            ReviewAction::Retry => {
                if self.review.kept.outbox.is_some() && self.review.sending != Sending::Posting {
                    self.review.sending = Sending::Posting;
                    self.review.posts += 1;
                }
            }
            ReviewAction::Posted { key, posted, at } => self.review_posted(&key, posted, at),
        }
    }

    fn review_goal(&mut self, id: &str, form: Form) {
        let (Some(scheme), Some(plan)) = (self.scheme().cloned(), self.plan.clone()) else {
            return;
        };
        let t = &text().review;
        let levels = scale(&scheme);
        let progress = form.text(fields::PROGRESS).to_owned();
        let mut errors = Vec::new();
        if !levels.iter().any(|(level, _)| *level == progress) {
            errors.push((fields::PROGRESS, t.progress_error.clone()));
        }
        let texts = [
            fields::OWN_WORDS,
            fields::HELPED,
            fields::IN_THE_WAY,
            fields::CHANGE,
        ];
        for field in texts {
            if form.text(field).trim().chars().count() > TEXT_MOST {
                let most = text().number(waymark_engine::Decimal::from(TEXT_MOST));
                errors.push((field, fill(&t.too_long, &[("most", &most)])));
            }
        }
        if !errors.is_empty() {
            self.fail(errors[0].0, errors[0].1.clone(), None);
            self.errors = errors
                .into_iter()
                .map(|(field, message)| crate::answer::FieldError {
                    field: field.to_owned(),
                    message,
                })
                .collect();
            self.plan_form = Some(Rc::new(form));
            return;
        }
        let ticked: Vec<&str> = form.all(fields::USED).collect();
        let (used, not_used): (Vec<_>, Vec<_>) = supports_for(&plan, id)
            .into_iter()
            .map(|s| s.id.clone())
            .partition(|s| ticked.contains(&s.as_str()));
        let said = GoalReview {
            goal: id.to_owned(),
            progress,
            in_own_words: form.text(fields::OWN_WORDS).trim().to_owned(),
            helped: form.text(fields::HELPED).trim().to_owned(),
            got_in_the_way: form.text(fields::IN_THE_WAY).trim().to_owned(),
            supports_used: used,
            supports_not_used: not_used,
            change: form.text(fields::CHANGE).trim().to_owned(),
        };
        let goals = &mut self.review.kept.goals;
        goals.retain(|g| g.goal != id);
        goals.push(said);
        let order = |g: &GoalReview| plan.goals.iter().position(|p| p.id == g.goal);
        goals.sort_by_key(order);
        self.save();
        let next = self.after_goal(&plan, id);
        self.go(Route::Review(next));
    }

    fn send_review(&mut self, agreed: bool, at: String, key: String) {
        if !agreed {
            let owner = [("owner", self.owner())];
            let message = fill(&text().review.consent_error, &owner);
            if self.review.kept.outbox.take().is_some() {
                self.save();
            }
            return self.fail(fields::CONSENT, message, None);
        }
        if self.review.sending == Sending::Posting || self.review_endpoint().is_none() {
            return;
        }
        let Some(scheme) = self.scheme().cloned() else {
            return;
        };
        let consent = Consent {
            agreed: consent::review_agreed(text(), &scheme),
            at: at.clone(),
        };
        // The same review as the one waiting keeps its key, so a receiver stores it once.
        let waiting = self.review.kept.outbox.as_ref().and_then(|o| {
            let was: review::Review = serde_json::from_str(&o.json).ok()?;
            let now = self.review_document(was.consent.clone(), o.key.clone())?;
            (now == was).then(|| o.clone())
        });
        let outbox = match waiting {
            Some(outbox) => outbox,
            None => {
                let Some(review) = self.review_document(consent, key.clone()) else {
                    return;
                };
                Agreed {
                    json: to_json(&review).into(),
                    key,
                    reference: None,
                    at,
                }
            }
        };
        self.review.kept.outbox = Some(outbox);
        self.review.sending = Sending::Posting;
        self.review.posts += 1;
        self.save();
    }

    fn review_posted(&mut self, key: &str, posted: Posted, at: String) {
        let Some(outbox) = self.review.kept.outbox.as_ref().filter(|o| o.key == key) else {
            return;
        };
        match posted {
            Ok(reference) => {
                let mut sent = outbox.clone();
                sent.reference = Some(reference);
                sent.at = at;
                let kept = &mut self.review.kept;
                kept.outbox = None;
                kept.sent.push(sent);
                kept.goals.clear();
                kept.contingency_used = None;
                self.review.sending = Sending::Idle;
                self.save();
                self.go(Route::Review(ReviewPage::Sent));
            }
            Err(failure) => {
                self.review.sending = Sending::Failed(failure);
                self.focus += 1;
            }
        }
    }

    /// Where reviews are sent, if this deployment sends them.
    pub fn review_endpoint(&self) -> Option<&str> {
        self.config.submit.as_ref()?.review_endpoint.as_deref()
    }
}

/// A review as the JSON that is sent and downloaded.
pub fn to_json(review: &review::Review) -> String {
    // Serialising a review cannot fail: every map key is a string.
    serde_json::to_string_pretty(review).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::saved::Saved;
    use crate::send::Failure;
    use crate::state::{Action, Loaded};
    use serde_json::json;
    use yew::Reducible;

    const K1: &str = "00000000-0000-4000-8000-000000000001";

    fn plan() -> serde_json::Value {
        json!({"starts": "2026-06-01", "ends": "2027-05-31",
            "goals": [{"id": "goal-1", "text": "Swim again", "area": "home"},
                      {"id": "goal-2", "text": "See friends", "area": "home"}],
            "supports": [
                {"id": "support-1", "description": "Pool", "category": "gym", "amount": "30.00",
                 "frequency": "once", "goals": ["goal-1"], "payer": "budget"},
                {"id": "support-2", "description": "Coach", "category": "gym", "amount": "10.00",
                 "frequency": "once", "goals": ["goal-1"], "payer": "budget"}],
            "contingency": {"amount": "50.00", "when": "If things get harder"}})
    }

    fn start(review_endpoint: bool) -> Rc<State> {
        let stored = json!({"format": "waymark-saved", "version": 1,
            "scheme": {"id": "t", "version": "1"}, "answers": {"a": true},
            "disagreement": "", "page": "result", "saved_at": "", "plan": plan()});
        let config = if review_endpoint {
            r#"{"submit": {"endpoint": "submissions", "review_endpoint": "reviews"}}"#
        } else {
            r#"{"submit": {"endpoint": "submissions"}}"#
        };
        Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![Rc::new(crate::plan::testing::scheme())],
            date: "2026-12-01".parse().unwrap(),
            stored: Some(stored.to_string()),
            storage_works: true,
            route: Some(Route::Review(ReviewPage::Start)),
            config: Rc::new(Config::from_json(config).unwrap()),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })))
    }

    fn act(state: Rc<State>, action: ReviewAction) -> Rc<State> {
        state.reduce(Action::Review(action))
    }

    fn goal(state: Rc<State>, id: &str, fields: &[(&str, &str)]) -> Rc<State> {
        let form = Form::new(
            fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        );
        act(state, ReviewAction::Goal(id.into(), form))
    }

    fn reviewed(state: Rc<State>) -> Rc<State> {
        let state = goal(
            state,
            "goal-1",
            &[
                (fields::PROGRESS, "some_progress"),
                (fields::OWN_WORDS, " I swim on Sundays "),
                (fields::USED, "support-1"),
            ],
        );
        let state = goal(state, "goal-2", &[(fields::PROGRESS, "not_started")]);
        act(
            state,
            ReviewAction::Contingency(Form::from([(fields::CONTINGENCY, "no")])),
        )
    }

    #[test]
    fn each_goal_needs_a_step_of_the_scale_and_keeps_what_was_typed() {
        let state = start(true);
        assert_eq!(
            state.recovery.as_ref().map(|r| format!("{:?}", r.problem)),
            None
        );
        assert_eq!(state.route, Route::Review(ReviewPage::Start));
        let long = "x".repeat(TEXT_MOST + 1);
        let state = goal(state, "goal-1", &[(fields::HELPED, &long)]);
        let fields: Vec<&str> = state.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [fields::PROGRESS, fields::HELPED]);
        assert_eq!(state.errors[0].message, "Select how this goal is going");
        assert_eq!(state.plan_form.as_ref().unwrap().text(fields::HELPED), long);
        assert!(state.review.kept.goals.is_empty());
    }

    #[test]
    fn goals_are_reviewed_in_order_and_kept_on_the_device() {
        let state = goal(
            start(true),
            "goal-1",
            &[(fields::PROGRESS, "achieved"), (fields::USED, "support-2")],
        );
        assert_eq!(
            state.route,
            Route::Review(ReviewPage::Goal("goal-2".into()))
        );
        let said = state.goal_review("goal-1").unwrap();
        assert_eq!(said.supports_used, ["support-2"]);
        assert_eq!(said.supports_not_used, ["support-1"]);
        let state = goal(state, "goal-2", &[(fields::PROGRESS, "no_longer_my_goal")]);
        assert_eq!(state.route, Route::Review(ReviewPage::Contingency));
        let state = act(state, ReviewAction::Contingency(Form::default()));
        assert_eq!(state.errors[0].field, fields::CONTINGENCY);
        let state = act(
            state,
            ReviewAction::Contingency(Form::from([(fields::CONTINGENCY, "yes")])),
        );
        assert_eq!(state.route, Route::Review(ReviewPage::Check));
        let saved = Saved::read(&state.document().unwrap().to_json()).unwrap();
        let kept = saved.review.unwrap();
        assert_eq!(kept.goals.len(), 2);
        assert_eq!(kept.contingency_used, Some(true));
    }

    #[test]
    fn nothing_is_sent_without_consent_and_the_review_verifies() {
        let state = reviewed(start(true));
        let send = |state: Rc<State>, agreed| {
            act(
                state,
                ReviewAction::Send {
                    agreed,
                    at: "2026-12-01T10:00:00.000Z".into(),
                    key: K1.into(),
                },
            )
        };
        let state = send(state, false);
        assert_eq!(state.errors[0].field, fields::CONSENT);
        assert_eq!(state.review.posts, 0);
        assert_eq!(state.review.kept.outbox, None);
        let state = send(state, true);
        assert_eq!(state.review.posts, 1);
        let json = &state.review.kept.outbox.as_ref().unwrap().json;
        let review = review::Review::from_json(json).unwrap();
        let scheme = crate::plan::testing::scheme();
        assert_eq!(review::verify(&scheme, &review), []);
        assert_eq!(
            review.consent.agreed,
            consent::review_agreed(text(), &scheme)
        );
        assert_eq!(review.goals[0].in_own_words, "I swim on Sundays");
        assert_eq!(review.contingency_used, Some(false));
        let state = act(
            state,
            ReviewAction::Posted {
                key: K1.into(),
                posted: Err(Failure::Unreachable),
                at: String::new(),
            },
        );
        assert_eq!(state.review.sending, Sending::Failed(Failure::Unreachable));
        let state = act(state, ReviewAction::Retry);
        assert_eq!(state.review.posts, 2);
        let state = act(
            state,
            ReviewAction::Posted {
                key: K1.into(),
                posted: Ok("R-1".into()),
                at: "2026-12-01T10:00:05.000Z".into(),
            },
        );
        assert_eq!(state.route, Route::Review(ReviewPage::Sent));
        assert_eq!(state.review.kept.sent[0].reference.as_deref(), Some("R-1"));
        assert!(state.review.kept.goals.is_empty());
        assert!(state.review.kept.outbox.is_none());
    }

    #[test]
    fn without_a_review_endpoint_there_is_no_sending() {
        let state = reviewed(start(false));
        let state = act(
            state,
            ReviewAction::Send {
                agreed: true,
                at: "2026-12-01T10:00:00.000Z".into(),
                key: K1.into(),
            },
        );
        assert_eq!(state.review.posts, 0);
        assert!(state.review_preview().unwrap().contains("waymark-review"));
    }

    #[test]
    fn review_pages_that_do_not_apply_redirect() {
        let state = start(true);
        let go = |state: Rc<State>, page| state.reduce(Action::Navigate(Some(Route::Review(page))));
        let state = go(state, ReviewPage::Goal("nope".into()));
        assert_eq!(state.route, Route::Review(ReviewPage::Start));
        let state = go(state, ReviewPage::Sent);
        assert_eq!(state.route, Route::Review(ReviewPage::Start));
    }
}
