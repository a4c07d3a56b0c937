//! The index built when a scheme loads: every id to its position, so nothing is found by
//! scanning. Questions are numbered in the order they are asked, across sections.
//!
//! The index is built before the scheme is checked, so it tolerates a repeated id (the
//! first one counts) and the checks can use it; a scheme with a repeated id is refused.

use super::{AnswerKind, SchemeFile};
use std::collections::BTreeMap;
use std::ops::Range;

/// Positions by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    questions: BTreeMap<String, usize>,
    places: Vec<(usize, usize)>,
    options: Vec<BTreeMap<String, usize>>,
    sections: BTreeMap<String, usize>,
    section_questions: Vec<Range<usize>>,
    parameters: BTreeMap<String, usize>,
    steps: BTreeMap<String, usize>,
    references: BTreeMap<String, usize>,
}

/// Each id with its position, the first of any repeated id counting.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id.to_owned()).or_insert(i);
    }
    out
}

impl Index {
    pub(crate) fn new(file: &SchemeFile) -> Index {
        let mut places = Vec::new();
        let mut section_questions = Vec::with_capacity(file.sections.len());
        for (s, section) in file.sections.iter().enumerate() {
            let start = places.len();
            places.extend((0..section.questions.len()).map(|q| (s, q)));
            section_questions.push(start..places.len());
        }
        let options = file
            .questions()
            .map(|(_, q)| match &q.answer {
                AnswerKind::Choice(options) => positions(options.iter().map(|o| o.id.as_str())),
                _ => BTreeMap::new(),
            })
            .collect();
        Index {
            questions: positions(file.questions().map(|(_, q)| q.id.as_str())),
            places,
            options,
            sections: positions(file.sections.iter().map(|s| s.id.as_str())),
            section_questions,
            parameters: positions(file.parameters.iter().map(|p| p.id.as_str())),
            steps: positions(file.allocation.steps.iter().map(|s| s.id.as_str())),
            references: positions(file.references.iter().map(|r| r.id.as_str())),
        }
    }

    /// How many questions there are.
    pub(crate) fn question_count(&self) -> usize {
        self.places.len()
    }

    /// A question's position.
    pub(crate) fn question(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    /// A question's section and its position in that section.
    pub(crate) fn place(&self, question: usize) -> Option<(usize, usize)> {
        self.places.get(question).copied()
    }

    /// An option's position among a choice question's options.
    pub(crate) fn option(&self, question: usize, id: &str) -> Option<usize> {
        self.options.get(question)?.get(id).copied()
    }

    /// A section's position.
    pub(crate) fn section(&self, id: &str) -> Option<usize> {
        self.sections.get(id).copied()
    }

    /// The positions of a section's questions.
    pub(crate) fn section_questions(&self, section: usize) -> Range<usize> {
        self.section_questions.get(section).cloned().unwrap_or(0..0)
    }

    /// A parameter's position.
    pub(crate) fn parameter(&self, id: &str) -> Option<usize> {
        self.parameters.get(id).copied()
    }

    /// An allocation step's position.
    pub(crate) fn step(&self, id: &str) -> Option<usize> {
        self.steps.get(id).copied()
    }

    /// A reference's position.
    pub(crate) fn reference(&self, id: &str) -> Option<usize> {
        self.references.get(id).copied()
    }
}

/// A scheme file with its index: how the checks, the unit rules and the compiler find
/// what an id names.
#[derive(Clone, Copy)]
pub(crate) struct Lookup<'a> {
    pub(crate) file: &'a SchemeFile,
    pub(crate) index: &'a Index,
}

impl<'a> Lookup<'a> {
    /// The question at a position.
    pub(crate) fn question_at(self, position: usize) -> Option<&'a super::Question> {
        let (s, q) = self.index.place(position)?;
        self.file.sections.get(s)?.questions.get(q)
    }

    /// The question with this id.
    pub(crate) fn question(self, id: &str) -> Option<&'a super::Question> {
        self.question_at(self.index.question(id)?)
    }

    /// The section with this id.
    pub(crate) fn section(self, id: &str) -> Option<&'a super::Section> {
        self.file.sections.get(self.index.section(id)?)
    }

    /// The parameter with this id.
    pub(crate) fn parameter(self, id: &str) -> Option<&'a super::Parameter> {
        self.file.parameters.get(self.index.parameter(id)?)
    }

    /// The allocation step with this id.
    pub(crate) fn step(self, id: &str) -> Option<&'a super::Step> {
        self.file.allocation.steps.get(self.index.step(id)?)
    }

    /// The reference with this id.
    pub(crate) fn reference(self, id: &str) -> Option<&'a super::Reference> {
        self.file.references.get(self.index.reference(id)?)
    }
}
