//! Every text a person reads in a scheme, with its JSON Pointer, so that each can be checked
//! against the scheme's languages.

use crate::scheme::{AnswerKind, SchemeFile, Text};

/// Each person-facing text of the scheme, in file order, with its path.
pub(super) fn all(s: &SchemeFile) -> Vec<(String, &Text)> {
    let mut out = Texts(Vec::new());
    out.one("/title", &s.title);
    out.one("/owner", &s.owner);
    out.one("/text/introduction", &s.text.introduction);
    out.one("/text/next_steps", &s.text.next_steps);
    out.one("/text/not_eligible", &s.text.not_eligible);
    for (i, r) in s.references.iter().enumerate() {
        out.one(&format!("/references/{i}/title"), &r.title);
    }
    for (i, p) in s.parameters.iter().enumerate() {
        let at = format!("/parameters/{i}");
        out.one(&format!("{at}/label"), &p.label);
        out.maybe(&format!("{at}/description"), p.description.as_ref());
        for (j, v) in p.values.iter().enumerate() {
            for (k, band) in v.bands.iter().flatten().enumerate() {
                out.maybe(
                    &format!("{at}/values/{j}/bands/{k}/label"),
                    band.label.as_ref(),
                );
            }
        }
    }
    for (i, section) in s.sections.iter().enumerate() {
        let at = format!("/sections/{i}");
        out.one(&format!("{at}/title"), &section.title);
        out.maybe(&format!("{at}/description"), section.description.as_ref());
        for (j, q) in section.questions.iter().enumerate() {
            let at = format!("{at}/questions/{j}");
            out.one(&format!("{at}/text"), &q.text);
            out.maybe(&format!("{at}/help"), q.help.as_ref());
            match &q.answer {
                AnswerKind::Choice(options) => {
                    for (k, o) in options.iter().enumerate() {
                        out.one(&format!("{at}/answer/choice/{k}/label"), &o.label);
                        out.maybe(&format!("{at}/answer/choice/{k}/hint"), o.hint.as_ref());
                    }
                }
                AnswerKind::Number(limits) => {
                    out.maybe(
                        &format!("{at}/answer/number/suffix"),
                        limits.suffix.as_ref(),
                    );
                }
                AnswerKind::YesNo(_) | AnswerKind::Money(_) => {}
            }
        }
    }
    for (i, step) in s.allocation.steps.iter().enumerate() {
        let at = format!("/allocation/steps/{i}");
        out.one(&format!("{at}/label"), &step.label);
        out.maybe(&format!("{at}/description"), step.description.as_ref());
        out.maybe(&format!("{at}/reason"), step.reason.as_ref());
    }
    if let Some(rules) = &s.plan {
        for (i, a) in rules.areas.iter().enumerate() {
            out.one(&format!("/plan/areas/{i}/label"), &a.label);
        }
        for (i, p) in rules.progress.iter().enumerate() {
            out.one(&format!("/plan/progress/{i}/label"), &p.label);
        }
        for (i, c) in rules.categories.iter().enumerate() {
            out.one(&format!("/plan/categories/{i}/label"), &c.label);
            out.maybe(&format!("/plan/categories/{i}/hint"), c.hint.as_ref());
        }
        for (i, h) in rules.holding.iter().enumerate() {
            out.one(&format!("/plan/holding/{i}/label"), &h.label);
            out.maybe(
                &format!("/plan/holding/{i}/condition"),
                h.condition.as_ref(),
            );
        }
        for (i, c) in rules.checks.iter().enumerate() {
            out.one(&format!("/plan/checks/{i}/message"), &c.message);
        }
    }
    out.0
}

struct Texts<'a>(Vec<(String, &'a Text)>);

impl<'a> Texts<'a> {
    fn one(&mut self, path: &str, text: &'a Text) {
        self.0.push((path.to_owned(), text));
    }

    fn maybe(&mut self, path: &str, text: Option<&'a Text>) {
        if let Some(text) = text {
            self.one(path, text);
        }
    }
}
