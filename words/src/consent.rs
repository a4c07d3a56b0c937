//! The words a person agrees to when they send their answers: to whom, then each part that
//! is sent. The app shows these words and records them in the submission; a receiver
//! checks that a submission carries exactly the words of the deployment's catalogue.

use crate::{fill, Catalogue};
use waymark_engine::submission::Submission;
use waymark_engine::Scheme;

/// The parts that are sent, in the catalogue's words: the answers and the estimate always,
/// then the plan and what the person disagrees with when they are sent.
pub fn parts(catalogue: &Catalogue, plan: bool, notes: bool) -> Vec<&str> {
    let t = &catalogue.send;
    let mut parts = vec![t.part_answers.as_str(), t.part_estimate.as_str()];
    if plan {
        parts.push(&t.part_plan);
    }
    if notes {
        parts.push(&t.part_notes);
    }
    parts
}

/// Everything the person agrees to: sending to the scheme's owner, then each part.
pub fn agreed(catalogue: &Catalogue, scheme: &Scheme, plan: bool, notes: bool) -> Vec<String> {
    let owner = catalogue.say(&scheme.owner);
    let mut words = vec![fill(&catalogue.send.consent_label, &[("owner", owner)])];
    words.extend(parts(catalogue, plan, notes).into_iter().map(str::to_owned));
    words
}

/// The words a submission should carry: those for its plan and notes, in the catalogue of
/// its language.
pub fn expected(catalogue: &Catalogue, scheme: &Scheme, submission: &Submission) -> Vec<String> {
    let notes = submission
        .disagreement
        .as_deref()
        .is_some_and(|d| !d.trim().is_empty());
    agreed(catalogue, scheme, submission.plan.is_some(), notes)
}

/// The words a person agrees to when they send a review of their plan: sending to the
/// scheme's owner, and their plan, which the review carries with what they said about it.
pub fn review_agreed(catalogue: &Catalogue, scheme: &Scheme) -> Vec<String> {
    let owner = catalogue.say(&scheme.owner);
    vec![
        fill(&catalogue.send.consent_label, &[("owner", owner)]),
        catalogue.send.part_plan.clone(),
    ]
}
