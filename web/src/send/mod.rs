//! Sending: what a person sends when they choose to, the copy kept on the device, and how
//! a send went. There is no DOM here; the app posts the outbox's document when the state
//! asks it to ([`State::post`]) and reports back with [`Action::Posted`].
//!
//! The submission is built once, when the person ticks consent and presses send, and kept
//! in the saved document (as `outbox`) with its idempotency key until a receiver gives a
//! reference; then it moves to `sent` with the receipt, as the person's copy. Trying again
//! (or ticking consent and sending again after a reload) sends the very same document, so
//! a receiver that got it the first time stores it once. Changing an answer, the plan or
//! the notes afterwards makes a new submission with a new key.
//!
//! [`State::post`]: crate::state::State::post
//! [`Action::Posted`]: crate::state::Action::Posted

use crate::route::Route;
use crate::saved::SchemeKey;
use crate::state::State;
use crate::text::text;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use waymark_engine::plan::{Plan, PlanReport};
use waymark_engine::submission::{self, Consent, Envelope, Extras, Submission};
use waymark_engine::{Answers, Date, Estimate, Issue};
use waymark_words::consent;

/// The id of the consent checkbox, for its error.
pub const CONSENT_FIELD: &str = "consent";

/// The version of this app, written into every submission.
pub const APP_VERSION: &str = concat!("waymark-web ", env!("CARGO_PKG_VERSION"));

/// A submission the person agreed to send that no receiver has accepted yet.
///
/// The submission is kept as the JSON that is sent, not as the engine's type, so the page
/// never needs to read a submission back (reading one would add to the wasm it loads).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outbox {
    /// Exactly what is sent: the submission's JSON.
    pub json: Rc<str>,
    /// The submission's idempotency key.
    pub key: String,
    /// What the submission was made from, to tell whether anything changed since.
    pub made_from: Content,
}

/// The last submission a receiver accepted, kept as a copy for the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// What was sent.
    pub submission: Outbox,
    /// What the receiver said.
    pub receipt: Receipt,
}

/// What a submission is made from: the scheme, the date and what the person gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// The scheme and its version.
    pub scheme: SchemeKey,
    /// The assessment date.
    pub date: Date,
    /// The answers.
    pub answers: Answers,
    /// The plan, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// The notes about disagreeing.
    #[serde(default)]
    pub disagreement: String,
}

/// A receiver's acceptance of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The reference the receiver gave.
    pub reference: String,
    /// When it was accepted, as an ISO 8601 timestamp from this device.
    pub at: String,
}

/// How the latest attempt to send went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sending {
    /// Nothing is being sent.
    Idle,
    /// The submission is on its way.
    Posting,
    /// The last attempt failed.
    Failed(Failure),
}

/// Why a submission was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The request did not reach the receiver: the device is offline or the receiver is
    /// down.
    Unreachable,
    /// The receiver did not answer in time.
    TimedOut,
    /// The receiver had a problem of its own (a 5xx status, or an answer without a
    /// reference); trying again may work.
    Receiver(u16),
    /// The receiver refused the submission (a 4xx status); trying again will not help.
    Refused(u16),
}

impl Failure {
    /// Whether sending the same submission again could work.
    pub fn may_retry(&self) -> bool {
        !matches!(self, Failure::Refused(_))
    }
}

/// A submission as the JSON that is sent and downloaded.
pub fn to_json(submission: &Submission) -> String {
    // Serialising a submission cannot fail: every map key is a string.
    serde_json::to_string_pretty(submission).unwrap_or_default()
}

/// The answer to a post: the receiver's reference, or why there is none.
pub type Posted = Result<String, Failure>;

/// The receiver's reference from the body of a successful answer.
fn reference(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let reference = value.get("reference")?.as_str()?.trim();
    (!reference.is_empty()).then(|| reference.to_owned())
}

/// Makes sense of a receiver's answer: a status and body.
pub fn outcome(status: u16, body: &str) -> Posted {
    match status {
        200..=299 => reference(body).ok_or(Failure::Receiver(status)),
        400..=499 if status != 408 && status != 429 => Err(Failure::Refused(status)),
        _ => Err(Failure::Receiver(status)),
    }
}

impl State {
    /// The submission the person would send now, with the consent and key left empty:
    /// what the page shows and offers as a file before they agree. Fails when the plan has
    /// issues that stop it costing.
    pub fn draft_submission(&self) -> Option<Result<Submission, Vec<Issue>>> {
        let worked = self.worked.as_deref()?;
        let estimate = match &worked.estimate {
            Ok(e) => Estimate::clone(e),
            Err(issues) => return Some(Err(issues.clone())),
        };
        let report = match (&self.plan, worked.report()) {
            (None, _) => None,
            (Some(_), Ok(report)) => Some(PlanReport::clone(report)),
            (Some(_), Err(issues)) => return Some(Err(issues.clone())),
        };
        let extras = Extras {
            plan: self.plan.clone(),
            disagreement: Some(self.disagreement.clone()).filter(|d| !d.trim().is_empty()),
        };
        let envelope = Envelope {
            date: worked.date,
            language: self.language.clone(),
            consent: Consent {
                agreed: Vec::new(),
                at: String::new(),
            },
            app_version: APP_VERSION.into(),
            idempotency_key: String::new(),
        };
        Some(Ok(submission::assemble(
            &worked.scheme,
            &self.answers,
            estimate,
            report,
            extras,
            envelope,
        )))
    }

    /// What a submission made now would be made from.
    fn content(&self) -> Option<Content> {
        let scheme = self.scheme()?;
        Some(Content {
            scheme: SchemeKey {
                id: scheme.id.clone(),
                version: scheme.version.clone(),
            },
            date: self.date?,
            answers: self.answers.clone(),
            plan: self.plan.clone(),
            disagreement: self.disagreement.clone(),
        })
    }

    /// The unsent outbox, when it holds what the person would send now (the same scheme,
    /// date, answers, plan and notes).
    pub fn current_outbox(&self) -> Option<&Outbox> {
        let outbox = self.outbox.as_ref()?;
        (Some(&outbox.made_from) == self.content().as_ref()).then_some(outbox)
    }

    /// Whether a receiver has accepted what the person would send now.
    pub fn current_sent(&self) -> bool {
        self.sent.as_ref().map(|s| &s.submission.made_from) == self.content().as_ref()
    }

    /// The council the scheme in use belongs to, or nothing before there is one.
    pub fn owner(&self) -> &str {
        self.scheme().map_or("", |s| text().say(&s.owner))
    }

    /// The words the person agrees to: what is sent, and to whom.
    pub fn consent_words(&self) -> Vec<String> {
        self.scheme().map_or_else(Vec::new, |scheme| {
            consent::agreed(text(), scheme, self.plan.is_some(), self.has_notes())
        })
    }

    /// The parts of what is sent, in plain words.
    pub fn sent_parts(&self) -> Vec<&'static str> {
        consent::parts(text(), self.plan.is_some(), self.has_notes())
    }

    /// Whether the person wrote anything about what they disagree with.
    fn has_notes(&self) -> bool {
        !self.disagreement.trim().is_empty()
    }

    /// The send form was sent. Without consent, shows the error and forgets any agreed
    /// submission not yet accepted. With it, posts the unsent submission for the same
    /// content as it is, or builds a new one with `key`.
    pub(crate) fn send(&mut self, agreed: bool, at: String, key: String) {
        if !agreed {
            let owner = [("owner", self.owner())];
            let message = crate::text::fill(&crate::text::text().send.consent_error, &owner);
            if self.outbox.take().is_some() {
                self.save();
            }
            return self.fail(CONSENT_FIELD, message, None);
        }
        if self.sending == Sending::Posting {
            return;
        }
        if self.current_outbox().is_none() {
            let (Some(Ok(mut submission)), Some(made_from)) =
                (self.draft_submission(), self.content())
            else {
                return;
            };
            submission.consent = Consent {
                agreed: self.consent_words(),
                at,
            };
            submission.idempotency_key = key.clone();
            self.outbox = Some(Outbox {
                json: to_json(&submission).into(),
                key,
                made_from,
            });
            self.save();
        }
        self.errors.clear();
        self.post();
    }

    /// Asks the app to post the unsent submission again, exactly as it was.
    pub(crate) fn retry(&mut self) {
        if self.current_outbox().is_some() && self.sending != Sending::Posting {
            self.post();
        }
    }

    /// Asks the app to post the outbox.
    fn post(&mut self) {
        self.sending = Sending::Posting;
        self.posts += 1;
    }

    /// The receiver answered the post of the submission with `key` (or did not). An
    /// answer for a submission no longer in the outbox (deleted or replaced while it was
    /// on its way) is ignored; the page moves on only if the person is still on it.
    pub(crate) fn posted(&mut self, key: &str, posted: Posted, at: String) {
        if self.outbox.as_ref().is_none_or(|o| o.key != key) {
            return;
        }
        let here = self.route == Route::Send;
        match posted {
            Ok(reference) => {
                self.sending = Sending::Idle;
                self.sent = self.outbox.take().map(|submission| Sent {
                    submission,
                    receipt: Receipt { reference, at },
                });
                self.save();
                if here {
                    self.go(Route::Sent);
                }
            }
            Err(failure) => {
                self.sending = Sending::Failed(failure);
                if here {
                    self.focus += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_as_receipts_or_failures() {
        assert_eq!(
            outcome(201, r#"{"reference": "WM-000001", "repeat": false}"#),
            Ok("WM-000001".into())
        );
        assert_eq!(
            outcome(200, r#"{"reference": "WM-000001", "repeat": true}"#),
            Ok("WM-000001".into())
        );
        assert_eq!(outcome(200, "<html>"), Err(Failure::Receiver(200)));
        assert_eq!(
            outcome(201, r#"{"reference": " "}"#),
            Err(Failure::Receiver(201))
        );
        assert_eq!(outcome(422, "{}"), Err(Failure::Refused(422)));
        assert_eq!(outcome(408, ""), Err(Failure::Receiver(408)));
        assert_eq!(outcome(503, ""), Err(Failure::Receiver(503)));
        assert!(Failure::Receiver(503).may_retry());
        assert!(Failure::Unreachable.may_retry());
        assert!(!Failure::Refused(422).may_retry());
    }
}
