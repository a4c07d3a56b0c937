//! The order of the journey: which questions apply, which comes next, and how far along
//! each part of a long scheme is. Everything here reads the engine's `answers::check`, so
//! the page skips exactly the questions the engine would not use. A practitioner's
//! questions are asked only in a supported assessment, and may be left unanswered.

use crate::route::Route;
use waymark_engine::answers::{self, Checked};
use waymark_engine::scheme::Question;
use waymark_engine::{Answers, Scheme};

/// Schemes with more questions than this are shown as a task list of parts.
pub const TASK_LIST_AFTER: usize = 12;

/// How far along a part of a long scheme is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every question that applies has an answer.
    Completed,
    /// Some questions that apply have answers.
    Incomplete,
    /// No question in the part has an answer yet.
    NotStarted,
    /// No question applies yet, because of an answer in another part not yet given.
    CannotStart,
}

/// A scheme and a person's answers, checked once and then asked about.
pub struct Flow<'a> {
    scheme: &'a Scheme,
    checked: Checked,
    supported: bool,
}

impl<'a> Flow<'a> {
    /// Checks `answers` against `scheme`; `supported` when a practitioner is completing
    /// the assessment with the person, so their questions are asked too.
    pub fn new(scheme: &'a Scheme, answers: &Answers, supported: bool) -> Flow<'a> {
        Flow {
            scheme,
            checked: answers::check(scheme, answers),
            supported,
        }
    }

    /// Whether the scheme is long enough to be shown as a task list.
    pub fn uses_task_list(&self) -> bool {
        self.scheme.questions().count() > TASK_LIST_AFTER
    }

    /// Every question with its section's index and whether it is asked, in order: it
    /// applies, and it is not a practitioner's outside a supported assessment.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &'a Question, bool)> + '_ {
        let supported = self.supported;
        self.scheme
            .questions()
            .zip(self.checked.applies.iter().copied())
            .map(move |((section, question), applies)| {
                (
                    section,
                    question,
                    applies && (supported || !question.practitioner),
                )
            })
    }

    /// The questions that apply, in order.
    pub fn applicable(&self) -> impl Iterator<Item = (usize, &'a Question)> + '_ {
        self.questions()
            .filter(|(_, _, applies)| *applies)
            .map(|(section, question, _)| (section, question))
    }

    /// Whether the question is asked given the answers so far.
    pub fn applies(&self, id: &str) -> bool {
        self.scheme.question_index(id).is_some_and(|i| {
            self.questions()
                .nth(i)
                .is_some_and(|(_, _, applies)| applies)
        })
    }

    /// Whether the question still needs an answer: it is asked, has no valid answer, and
    /// is not a practitioner's (which may be left unanswered).
    fn awaits(&self, question: &Question) -> bool {
        !question.practitioner && !self.answered(&question.id)
    }

    /// Whether the question has a valid answer that counts.
    pub fn answered(&self, id: &str) -> bool {
        self.scheme
            .question_index(id)
            .is_some_and(|i| self.checked.answer(i).is_some())
    }

    /// The checked answers, to show what was answered.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// Whether every question that applies has a valid answer.
    pub fn is_complete(&self) -> bool {
        self.checked.errors.is_empty()
    }

    /// The ids of answers given to questions that do not apply (or do not exist).
    pub fn unused<'b>(&self, answers: &'b Answers) -> Vec<&'b str> {
        answers
            .0
            .keys()
            .filter(|id| !self.applies(id))
            .map(String::as_str)
            .collect()
    }

    /// The section a question is in.
    fn section_of(&self, id: &str) -> Option<usize> {
        self.scheme
            .question_index(id)
            .and_then(|i| self.scheme.section_of(i))
    }

    /// The questions that apply in the same run as `id`: its part for a task list,
    /// otherwise the whole scheme.
    fn run_of(&self, id: &str) -> Vec<&'a Question> {
        let section = self.section_of(id);
        let task_list = self.uses_task_list();
        self.applicable()
            .filter(|(s, _)| !task_list || Some(*s) == section)
            .map(|(_, q)| q)
            .collect()
    }

    /// "Question n of N" for `id`, within its run; `None` if it does not apply.
    pub fn position(&self, id: &str) -> Option<(usize, usize)> {
        let run = self.run_of(id);
        let index = run.iter().position(|q| q.id == id)?;
        Some((index + 1, run.len()))
    }

    /// The first question that applies and still needs an answer.
    pub fn first_unanswered(&self) -> Option<&'a Question> {
        self.applicable().map(|(_, q)| q).find(|q| self.awaits(q))
    }

    /// The first practitioner's question that applies, in a supported assessment.
    pub fn first_practitioner(&self) -> Option<&'a Question> {
        self.applicable().map(|(_, q)| q).find(|q| q.practitioner)
    }

    /// The page for a part of a long scheme: its first unanswered question, or its first
    /// question when all are answered; `None` when no question in it applies.
    pub fn section_start(&self, section: usize) -> Option<Route> {
        let mut questions = self
            .applicable()
            .filter(|(s, _)| *s == section)
            .map(|(_, q)| q)
            .peekable();
        let first = questions.peek().copied()?;
        let target = questions.find(|q| self.awaits(q)).unwrap_or(first);
        Some(Route::question(&target.id))
    }

    /// The status of a part; `None` when none of its questions can apply with the answers
    /// given (so the part is left out). A practitioner's question counts once answered.
    pub fn status(&self, section: usize) -> Option<Status> {
        let mut applicable = 0;
        let mut answered = 0;
        let mut waiting = false;
        for (s, question, applies) in self.questions() {
            if s != section {
                continue;
            }
            if applies {
                let done = self.answered(&question.id);
                applicable += usize::from(done || !question.practitioner);
                answered += usize::from(done);
            } else if let Some(condition) = &question.show_if {
                waiting |= condition
                    .questions()
                    .into_iter()
                    .any(|q| self.applies(q) && !self.answered(q));
            }
        }
        let optional = self
            .questions()
            .any(|(s, q, applies)| s == section && applies && q.practitioner);
        match (applicable, answered) {
            (0, _) if waiting => Some(Status::CannotStart),
            (0, _) if optional => Some(Status::NotStarted),
            (0, _) => None,
            (a, n) if n == a => Some(Status::Completed),
            (_, 0) => Some(Status::NotStarted),
            _ => Some(Status::Incomplete),
        }
    }

    /// Where to go after answering `id`.
    pub fn after(&self, id: &str, change: bool) -> Route {
        if change {
            return self
                .first_unanswered()
                .map_or(Route::Check, |q| Route::change(&q.id));
        }
        let run = self.run_of(id);
        let next = run
            .iter()
            .skip_while(|q| q.id != id)
            .nth(1)
            .map(|q| Route::question(&q.id));
        match next {
            Some(route) => route,
            None if self.uses_task_list() => Route::Tasks,
            None => self
                .first_unanswered()
                .map_or(Route::Check, |q| Route::question(&q.id)),
        }
    }

    /// Where the back link of question `id` goes.
    pub fn before(&self, id: &str, change: bool) -> Route {
        if change {
            return Route::Check;
        }
        let run = self.run_of(id);
        let previous = run
            .iter()
            .take_while(|q| q.id != id)
            .last()
            .map(|q| Route::question(&q.id));
        match previous {
            Some(route) => route,
            None if self.uses_task_list() => Route::Tasks,
            None => Route::Start,
        }
    }

    /// The first page of the assessment.
    pub fn first(&self) -> Route {
        if self.uses_task_list() {
            return Route::Tasks;
        }
        self.applicable()
            .next()
            .map_or(Route::Check, |(_, q)| Route::question(&q.id))
    }

    /// Where to send a person who asked for a page they cannot see yet: the next thing to
    /// answer.
    pub fn next_to_answer(&self) -> Route {
        if self.uses_task_list() {
            return Route::Tasks;
        }
        self.first_unanswered()
            .map_or(Route::Check, |q| Route::question(&q.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A short scheme: `a` (yes/no), `b` only when `a` is yes, then `c`.
    fn short() -> Scheme {
        scheme(json!([
            {"id": "one", "title": "One", "questions": [
                {"id": "a", "text": "A?", "answer": {"yes_no": {"yes": 1, "no": 0}}},
                {"id": "b", "text": "B?", "show_if": {"question": "a", "any_of": [true]},
                 "answer": {"yes_no": {"yes": 1, "no": 0}}}
            ]},
            {"id": "two", "title": "Two", "questions": [
                {"id": "c", "text": "C?", "answer": {"yes_no": {"yes": 1, "no": 0}}}
            ]}
        ]))
    }

    /// A long scheme: part one has `a` and ten more; part two has `b`, shown when `a` is
    /// yes; part three has `c` and `d`.
    fn long() -> Scheme {
        let mut first =
            vec![json!({"id": "a", "text": "A?", "answer": {"yes_no": {"yes": 1, "no": 0}}})];
        for i in 0..10 {
            first.push(json!({"id": format!("x{i}"), "text": "X?", "answer": {"yes_no": {"yes": 1, "no": 0}}}));
        }
        scheme(json!([
            {"id": "one", "title": "One", "questions": first},
            {"id": "two", "title": "Two", "questions": [
                {"id": "b", "text": "B?", "show_if": {"question": "a", "any_of": [true]},
                 "answer": {"yes_no": {"yes": 1, "no": 0}}}
            ]},
            {"id": "three", "title": "Three", "questions": [
                {"id": "c", "text": "C?", "answer": {"yes_no": {"yes": 1, "no": 0}}},
                {"id": "d", "text": "D?", "answer": {"yes_no": {"yes": 1, "no": 0}}}
            ]}
        ]))
    }

    fn scheme(sections: serde_json::Value) -> Scheme {
        let scheme = json!({
            "id": "t", "version": "1", "title": "T", "owner": "O",
            "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
            "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
            "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
            "sections": sections,
            "allocation": {"steps": [
                {"id": "points", "label": "Points", "calc": {"points": {}}},
                {"id": "money", "label": "Money", "calc": {"product": ["points", {"money": "10.00"}]}}
            ], "result": "money"}
        });
        Scheme::from_json(&scheme.to_string()).unwrap()
    }

    fn answers(value: serde_json::Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_short_scheme_runs_in_order_and_skips_what_does_not_apply() {
        let scheme = short();
        let flow = Flow::new(&scheme, &answers(json!({"a": false})), false);
        assert!(!flow.uses_task_list());
        assert_eq!(flow.first(), Route::question("a"));
        assert_eq!(flow.after("a", false), Route::question("c"));
        assert_eq!(flow.before("c", false), Route::question("a"));
        assert_eq!(flow.before("a", false), Route::Start);
        assert_eq!(flow.position("c"), Some((2, 2)));
        assert_eq!(flow.position("b"), None);

        let flow = Flow::new(&scheme, &answers(json!({"a": true})), false);
        assert_eq!(flow.after("a", false), Route::question("b"));
        assert_eq!(flow.position("c"), Some((3, 3)));
    }

    #[test]
    fn the_last_question_leads_to_check_your_answers_or_what_is_missing() {
        let scheme = short();
        let done = Flow::new(&scheme, &answers(json!({"a": false, "c": true})), false);
        assert!(done.is_complete());
        assert_eq!(done.after("c", false), Route::Check);
        let gap = Flow::new(&scheme, &answers(json!({"c": true})), false);
        assert_eq!(gap.after("c", false), Route::question("a"));
        assert_eq!(gap.next_to_answer(), Route::question("a"));
    }

    #[test]
    fn a_change_returns_to_check_your_answers_unless_a_new_question_applies() {
        let scheme = short();
        let flow = Flow::new(&scheme, &answers(json!({"a": true, "c": true})), false);
        assert_eq!(flow.after("a", true), Route::change("b"));
        assert_eq!(flow.before("a", true), Route::Check);
        let flow = Flow::new(&scheme, &answers(json!({"a": false, "c": true})), false);
        assert_eq!(flow.after("a", true), Route::Check);
    }

    #[test]
    fn a_long_scheme_is_a_task_list_of_parts() {
        let scheme = long();
        let flow = Flow::new(&scheme, &answers(json!({"c": true})), false);
        assert!(flow.uses_task_list());
        assert_eq!(flow.first(), Route::Tasks);
        assert_eq!(flow.status(0), Some(Status::NotStarted));
        assert_eq!(flow.status(1), Some(Status::CannotStart));
        assert_eq!(flow.status(2), Some(Status::Incomplete));
        assert_eq!(flow.section_start(2), Some(Route::question("d")));
        assert_eq!(flow.position("d"), Some((2, 2)));
        assert_eq!(flow.after("d", false), Route::Tasks);
        assert_eq!(flow.before("c", false), Route::Tasks);
    }

    #[test]
    fn a_part_whose_questions_do_not_apply_is_left_out() {
        let scheme = long();
        let flow = Flow::new(
            &scheme,
            &answers(json!({"a": false, "c": true, "d": false})),
            false,
        );
        assert_eq!(flow.status(1), None);
        assert_eq!(flow.status(2), Some(Status::Completed));
        assert_eq!(flow.section_start(1), None);
        assert_eq!(flow.section_start(2), Some(Route::question("c")));
    }

    /// A short scheme whose last question, `p`, only a practitioner answers.
    fn with_practitioner() -> Scheme {
        scheme(json!([
            {"id": "one", "title": "One", "questions": [
                {"id": "a", "text": "A?", "answer": {"yes_no": {"yes": 1, "no": 0}}},
                {"id": "p", "text": "P?", "practitioner": true,
                 "answer": {"money": {"min": "0.00", "max": "100.00"}}}
            ]}
        ]))
    }

    #[test]
    fn a_practitioners_question_is_asked_only_in_a_supported_assessment_and_may_be_left() {
        let scheme = with_practitioner();
        let own = Flow::new(&scheme, &answers(json!({"a": true})), false);
        assert!(!own.applies("p"));
        assert_eq!(own.after("a", false), Route::Check);
        assert_eq!(own.position("a"), Some((1, 1)));
        assert_eq!(own.first_practitioner(), None);
        let supported = Flow::new(&scheme, &answers(json!({"a": true})), true);
        assert!(supported.applies("p"));
        assert_eq!(supported.after("a", false), Route::question("p"));
        assert_eq!(supported.after("p", false), Route::Check);
        assert_eq!(supported.next_to_answer(), Route::Check, "it may be left");
        assert!(supported.is_complete());
        assert_eq!(
            supported.first_practitioner().map(|q| q.id.as_str()),
            Some("p")
        );
        let adjusted = json!({"a": true, "p": {"answer": "20.00", "reason": "No one at the rate"}});
        let given = answers(adjusted);
        assert_eq!(Flow::new(&scheme, &given, false).unused(&given), vec!["p"]);
        assert!(Flow::new(&scheme, &given, true).unused(&given).is_empty());
    }

    #[test]
    fn answers_to_questions_that_do_not_apply_are_found() {
        let scheme = short();
        let given = answers(json!({"a": false, "b": true, "zz": 1}));
        let flow = Flow::new(&scheme, &given, false);
        assert_eq!(flow.unused(&given), vec!["b", "zz"]);
    }
}
