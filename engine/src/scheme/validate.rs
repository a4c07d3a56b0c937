//! Whole-scheme checks that the file format alone cannot express.
//!
//! Every problem is collected, not just the first, and each names its JSON path.

use super::*;
use crate::issue::{did_you_mean, pointer};
use crate::units::{self, StepUnits};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

mod texts;

/// Step ids the engine uses for its own closing steps.
pub(crate) const RESERVED_STEP_IDS: &[&str] = &["annual", "weekly", "amount"];

pub(super) fn validate(lookup: Lookup) -> Vec<Issue> {
    let scheme = lookup.file;
    let mut v = Validator {
        scheme,
        lookup,
        issues: Vec::new(),
    };
    v.header();
    v.languages();
    v.references();
    v.parameters();
    v.questions();
    v.allocation();
    if let Some(rules) = &scheme.plan {
        v.issues.extend(crate::plan::validate_rules(rules));
        v.rounding(&rules.rounding, "/plan/rounding".into());
    }
    v.issues
}

struct Validator<'a> {
    scheme: &'a SchemeFile,
    lookup: Lookup<'a>,
    issues: Vec<Issue>,
}

impl Validator<'_> {
    fn push(&mut self, code: &str, path: String, message: String) {
        self.issues.push(Issue::new(code, path, message));
    }

    fn id(&mut self, id: &str, path: String) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.push(
                "invalid_id",
                path,
                format!("{id:?} is not a valid id: use 1 to 64 lower-case letters, digits, - or _"),
            );
        }
    }

    fn unique<'b>(&mut self, kind: &str, ids: impl IntoIterator<Item = (&'b str, String)>) {
        let mut seen = BTreeSet::new();
        for (id, path) in ids {
            self.id(id, path.clone());
            if !seen.insert(id) {
                self.push(
                    "duplicate_id",
                    path,
                    format!("{kind} id {id:?} is used more than once"),
                );
            }
        }
    }

    fn rounding(&mut self, r: &Rounding, path: String) {
        if r.places > Rounding::MAX_PLACES {
            self.push(
                "invalid_rounding",
                path,
                format!("round to at most {} decimal places", Rounding::MAX_PLACES),
            );
        }
    }

    fn header(&mut self) {
        let s = self.scheme;
        self.id(&s.id, "/id".into());
        if s.version.trim().is_empty() {
            self.push(
                "missing_text",
                "/version".into(),
                "the version is empty".into(),
            );
        }
        if let Some(to) = s.applies_to {
            if to < s.applies_from {
                self.push(
                    "invalid_dates",
                    "/applies_to".into(),
                    format!(
                        "the scheme ends ({to}) before it starts ({})",
                        s.applies_from
                    ),
                );
            }
        }
        match (s.period, s.weeks_per_year) {
            (Period::Weekly, None) => self.push(
                "missing_value",
                "/weeks_per_year".into(),
                "weeks_per_year is needed to turn the weekly amount into a yearly one".into(),
            ),
            (Period::Annual | Period::Weekly, Some(w))
                if w.0 < Decimal::ONE || w.0 > Decimal::from(53) =>
            {
                self.push(
                    "impossible_value",
                    "/weeks_per_year".into(),
                    format!("{w} weeks in a year is not possible"),
                )
            }
            _ => {}
        }
        self.rounding(&s.rounding, "/rounding".into());
        if s.rounding.places > s.currency.minor_units() {
            self.push(
                "invalid_rounding",
                "/rounding/places".into(),
                format!(
                    "{} has {} decimal places in its smallest unit, so amounts cannot be rounded to {}",
                    s.currency.code(),
                    s.currency.minor_units(),
                    s.rounding.places
                ),
            );
        }
        if s.sections.is_empty() {
            self.push(
                "missing_value",
                "/sections".into(),
                "a scheme needs at least one section".into(),
            );
        }
    }

    /// The scheme's languages, and every text given in each of them.
    fn languages(&mut self) {
        let languages = &self.scheme.languages;
        if languages.is_empty() {
            self.push(
                "missing_value",
                "/languages".into(),
                "a scheme needs at least one language, like [\"en\"]".into(),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, code) in languages.iter().enumerate() {
            let path = format!("/languages/{i}");
            if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
                self.push(
                    "invalid_language",
                    path.clone(),
                    format!("{code:?} is not a language code: use an ISO 639 code like \"en\" or \"cy\""),
                );
            }
            if !seen.insert(code.as_str()) {
                self.push(
                    "duplicate_id",
                    path,
                    format!("the language {code:?} is listed more than once"),
                );
            }
        }
        for (path, text) in texts::all(self.scheme) {
            match text {
                Text::One(_) if languages.len() > 1 => self.push(
                    "missing_translation",
                    path,
                    format!(
                        "give this text in each of the scheme's languages ({}), like {{\"{}\": \"...\"}}",
                        languages.join(", "),
                        languages.join("\": \"...\", \"")
                    ),
                ),
                Text::One(_) => {}
                Text::Each(texts) => {
                    for code in languages {
                        match texts.get(code) {
                            None => self.push(
                                "missing_translation",
                                format!("{path}/{code}"),
                                format!("the text in {code:?} is missing"),
                            ),
                            Some(t) if t.trim().is_empty() => self.push(
                                "missing_translation",
                                format!("{path}/{code}"),
                                format!("the text in {code:?} is empty"),
                            ),
                            Some(_) => {}
                        }
                    }
                    for code in texts.keys().filter(|c| !languages.contains(c)) {
                        self.push(
                            "unknown_language",
                            format!("{path}/{code}"),
                            format!("{code:?} is not one of the scheme's languages"),
                        );
                    }
                }
            }
        }
    }

    fn references(&mut self) {
        let refs = self.scheme.references.iter().enumerate();
        self.unique(
            "reference",
            refs.map(|(i, r)| (r.id.as_str(), pointer(["references", &i.to_string(), "id"]))),
        );
        for (i, r) in self.scheme.references.iter().enumerate() {
            let Some(url) = &r.url else { continue };
            let lower = url.to_ascii_lowercase();
            let web = ["https://", "http://"]
                .iter()
                .any(|p| lower.starts_with(p) && lower.len() > p.len());
            if !web || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
                self.push(
                    "invalid_url",
                    pointer(["references", &i.to_string(), "url"]),
                    format!("{url:?} is not a web address: give one that starts with https://"),
                );
            }
        }
    }

    fn parameters(&mut self) {
        let s = self.scheme;
        self.unique(
            "parameter",
            s.parameters
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), pointer(["parameters", &i.to_string(), "id"]))),
        );
        for (i, p) in s.parameters.iter().enumerate() {
            let base = format!("/parameters/{i}");
            self.parameter(p, &base);
        }
    }

    fn parameter(&mut self, p: &Parameter, base: &str) {
        if p.values.is_empty() {
            self.push(
                "missing_value",
                format!("{base}/values"),
                format!("parameter {:?} has no values", p.id),
            );
            return;
        }
        let kind = |v: &DatedValue| {
            [
                v.value.is_some().then_some("value"),
                v.bands.is_some().then_some("bands"),
                v.options.is_some().then_some("options"),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
        };
        let first = kind(&p.values[0]).first().copied();
        for (j, v) in p.values.iter().enumerate() {
            let at = format!("{base}/values/{j}");
            match kind(v).as_slice() {
                [only] if Some(*only) != first => self.push(
                    "invalid_value",
                    format!("{at}/{only}"),
                    format!(
                        "every value of this parameter must be {}, like its first",
                        first.unwrap_or("value")
                    ),
                ),
                [_] => {}
                _ => self.push(
                    "invalid_value",
                    at.clone(),
                    "give exactly one of value, bands and options".into(),
                ),
            }
            if let Some(value) = v.value {
                self.non_negative_money(p, value, format!("{at}/value"));
            }
            if let Some(bands) = &v.bands {
                self.bands(p, bands, &at);
            }
            for (option, value) in v.options.iter().flatten() {
                self.non_negative_money(p, *value, format!("{at}{}", pointer(["options", option])));
            }
            if let Some(to) = v.to {
                if to < v.from {
                    self.push(
                        "invalid_dates",
                        format!("{at}/to"),
                        format!("this value ends ({to}) before it starts ({})", v.from),
                    );
                }
            }
            if let Some(r) = &v.reference {
                if self.lookup.reference(r).is_none() {
                    self.push(
                        "unknown_reference",
                        format!("{at}/reference"),
                        format!(
                            "there is no reference {r:?}{}",
                            did_you_mean(r, self.scheme.references.iter().map(|x| x.id.as_str()))
                        ),
                    );
                }
            }
            if let Some(next) = p.values.get(j + 1) {
                if next.from <= v.from {
                    self.push(
                        "unsorted_dates",
                        format!("{base}/values/{}/from", j + 1),
                        format!("values must be in date order with no two from the same day, but {} follows {}", next.from, v.from),
                    );
                } else if v.to.is_some_and(|to| to >= next.from) {
                    self.push(
                        "overlapping_dates",
                        format!("{at}/to"),
                        format!(
                            "this value runs to {} but the next starts on {}",
                            v.to.map(|d| d.to_string()).unwrap_or_default(),
                            next.from
                        ),
                    );
                }
            }
        }
        self.coverage(p, base);
    }

    /// Every day the scheme applies must have a value in force (Catala's time coverage).
    fn coverage(&mut self, p: &Parameter, base: &str) {
        let s = self.scheme;
        let first = &p.values[0];
        if first.from > s.applies_from {
            self.push(
                "parameter_gap",
                format!("{base}/values/0/from"),
                format!(
                    "parameter {:?} has no value from {} (when the scheme starts) to {}",
                    p.id, s.applies_from, first.from
                ),
            );
        }
        for (j, pair) in p.values.windows(2).enumerate() {
            if let Some(to) = pair[0].to {
                let gap = to.days_until(pair[1].from) > 1;
                let inside = s.applies_to.is_none_or(|end| to < end) && to >= s.applies_from;
                if gap && inside {
                    self.push(
                        "parameter_gap",
                        format!("{base}/values/{j}/to"),
                        format!(
                            "parameter {:?} has no value between {} and {}",
                            p.id, to, pair[1].from
                        ),
                    );
                }
            }
        }
        if let Some(last) = p.values.last().and_then(|v| v.to) {
            if s.applies_to.is_none_or(|end| last < end) {
                let end = s
                    .applies_to
                    .map_or("the scheme's end".to_owned(), |d| d.to_string());
                self.push(
                    "parameter_gap",
                    format!("{base}/values/{}/to", p.values.len() - 1),
                    format!(
                        "parameter {:?} has no value after {last}, but the scheme runs to {end}",
                        p.id
                    ),
                );
            }
        }
    }

    fn non_negative_money(&mut self, p: &Parameter, value: Number, path: String) {
        if p.unit == Unit::Money && value.0.is_sign_negative() && !value.0.is_zero() {
            self.push(
                "impossible_value",
                path,
                "an amount of money here cannot be negative".into(),
            );
        }
    }

    fn bands(&mut self, p: &Parameter, bands: &[Band], at: &str) {
        if bands.is_empty() {
            self.push(
                "missing_value",
                format!("{at}/bands"),
                "a band table needs at least one band".into(),
            );
        }
        for (k, band) in bands.iter().enumerate() {
            self.non_negative_money(p, band.value, format!("{at}/bands/{k}/value"));
            if let Some(next) = bands.get(k + 1) {
                if next.min <= band.min {
                    self.push(
                        "unsorted_bands",
                        format!("{at}/bands/{}/min", k + 1),
                        format!("bands must go up: {} follows {}", next.min, band.min),
                    );
                }
            }
        }
    }

    fn questions(&mut self) {
        let s = self.scheme;
        self.unique(
            "section",
            s.sections
                .iter()
                .enumerate()
                .map(|(i, sec)| (sec.id.as_str(), pointer(["sections", &i.to_string(), "id"]))),
        );
        let questions = s.sections.iter().enumerate().flat_map(|(i, sec)| {
            sec.questions
                .iter()
                .enumerate()
                .map(move |(j, q)| (q.id.as_str(), format!("/sections/{i}/questions/{j}/id")))
        });
        self.unique("question", questions);
        let mut earlier: BTreeMap<&str, &Question> = BTreeMap::new();
        for (i, sec) in s.sections.iter().enumerate() {
            if sec.questions.is_empty() {
                self.push(
                    "missing_value",
                    format!("/sections/{i}/questions"),
                    format!("section {:?} has no questions", sec.id),
                );
            }
            for (j, q) in sec.questions.iter().enumerate() {
                let base = format!("/sections/{i}/questions/{j}");
                self.answer_kind(&q.answer, &base);
                let adjusts = matches!(q.answer, AnswerKind::Number(_) | AnswerKind::Money(_));
                if q.practitioner && !adjusts {
                    self.push(
                        "invalid_question",
                        format!("{base}/practitioner"),
                        "a practitioner's adjustment is a number or an amount of money".into(),
                    );
                }
                if let Some(c) = &q.show_if {
                    let find = |id: &str| earlier.get(id).copied();
                    self.condition(
                        c,
                        &find,
                        &format!("{base}/show_if"),
                        "an earlier question",
                        0,
                    );
                }
                earlier.insert(q.id.as_str(), q);
            }
        }
    }

    fn answer_kind(&mut self, kind: &AnswerKind, base: &str) {
        match kind {
            AnswerKind::Choice(options) => {
                if options.len() < 2 {
                    self.push(
                        "missing_value",
                        format!("{base}/answer/choice"),
                        "a choice needs at least two options".into(),
                    );
                }
                self.unique(
                    "option",
                    options
                        .iter()
                        .enumerate()
                        .map(|(k, o)| (o.id.as_str(), format!("{base}/answer/choice/{k}/id"))),
                );
            }
            AnswerKind::YesNo(_) => {}
            AnswerKind::Number(limits) => {
                let at = format!("{base}/answer/number");
                if limits.min > limits.max {
                    self.push(
                        "impossible_value",
                        format!("{at}/max"),
                        "max is below min".into(),
                    );
                }
                if limits.whole
                    && (!limits.min.0.fract().is_zero() || !limits.max.0.fract().is_zero())
                {
                    self.push(
                        "impossible_value",
                        at,
                        "limits of a whole-number question must be whole".into(),
                    );
                }
            }
            AnswerKind::Money(limits) => {
                let at = format!("{base}/answer/money");
                if limits.min > limits.max {
                    self.push(
                        "impossible_value",
                        format!("{at}/max"),
                        "max is below min".into(),
                    );
                }
                if limits.min.0.is_sign_negative() && !limits.min.0.is_zero() {
                    self.push(
                        "impossible_value",
                        format!("{at}/min"),
                        "an amount asked for cannot be negative".into(),
                    );
                }
            }
        }
    }

    fn condition<'q>(
        &mut self,
        c: &Condition,
        find: &dyn Fn(&str) -> Option<&'q Question>,
        at: &str,
        which: &str,
        depth: usize,
    ) {
        let combined = [c.all.is_some(), c.any.is_some(), c.not.is_some()];
        let combines = combined.iter().filter(|t| **t).count();
        let reads_one = c.question.is_some()
            || c.any_of.is_some()
            || c.at_least.is_some()
            || c.at_most.is_some();
        if combines > 0 {
            let message = if reads_one {
                "a test either reads one question or combines tests with all, any or not, not both"
            } else if combines > 1 {
                "give exactly one of all, any and not"
            } else if depth >= Condition::MOST_DEPTH {
                "tests nest too deeply: combine at most 6 levels of all, any and not"
            } else {
                ""
            };
            if !message.is_empty() {
                self.push("invalid_condition", at.to_owned(), message.into());
                return;
            }
            for (name, list) in [("all", &c.all), ("any", &c.any)] {
                let Some(list) = list else { continue };
                if list.is_empty() {
                    self.push(
                        "invalid_condition",
                        format!("{at}/{name}"),
                        format!("{name} needs at least one test"),
                    );
                }
                for (k, part) in list.iter().enumerate() {
                    self.condition(part, find, &format!("{at}/{name}/{k}"), which, depth + 1);
                }
            }
            if let Some(part) = &c.not {
                self.condition(part, find, &format!("{at}/not"), which, depth + 1);
            }
            return;
        }
        let Some(id) = &c.question else {
            self.push(
                "missing_value",
                format!("{at}/question"),
                "a test names the question it reads, or combines tests with all, any or not".into(),
            );
            return;
        };
        let Some(q) = find(id) else {
            self.push(
                "unknown_question",
                format!("{at}/question"),
                format!("{id:?} is not {which}{}", self.question_hint(id)),
            );
            return;
        };
        if q.practitioner {
            self.push(
                "invalid_condition",
                format!("{at}/question"),
                format!(
                    "{id:?} is a practitioner's adjustment, which a person's own assessment leaves unanswered: a condition cannot test it"
                ),
            );
            return;
        }
        let tests = [
            c.any_of.is_some(),
            c.at_least.is_some(),
            c.at_most.is_some(),
        ];
        if tests.iter().filter(|t| **t).count() != 1 {
            self.push(
                "invalid_condition",
                at.to_owned(),
                "give exactly one of any_of, at_least and at_most".into(),
            );
            return;
        }
        let numeric = matches!(q.answer, AnswerKind::Number(_) | AnswerKind::Money(_));
        if let Some(values) = &c.any_of {
            for (k, value) in values.iter().enumerate() {
                let fits = match (&q.answer, value) {
                    (AnswerKind::Choice(options), serde_json::Value::String(id)) => {
                        options.iter().any(|o| &o.id == id)
                    }
                    (AnswerKind::YesNo(_), serde_json::Value::Bool(_)) => true,
                    _ => false,
                };
                if !fits {
                    self.push(
                        "invalid_condition",
                        format!("{at}/any_of/{k}"),
                        format!("{value} is not an answer to question {:?}", q.id),
                    );
                }
            }
        } else if !numeric {
            self.push(
                "invalid_condition",
                at.to_owned(),
                format!(
                    "at_least and at_most test number or money answers, and {:?} is neither",
                    q.id
                ),
            );
        }
    }

    /// That an options table has a value for every option of the question it is looked up
    /// by, and nothing else, and that a question that may not be asked has `otherwise`.
    fn lookup_table(&mut self, lookup: &LookupOf, at: &str) {
        let (Some(question), Some((p, table))) = (
            self.lookup.question(&lookup.question),
            self.lookup
                .index
                .parameter(&lookup.table)
                .and_then(|i| Some((i, self.scheme.parameters.get(i)?))),
        ) else {
            return;
        };
        let AnswerKind::Choice(options) = &question.answer else {
            return;
        };
        for (j, dated) in table.values.iter().enumerate() {
            let Some(values) = &dated.options else {
                continue;
            };
            let here = format!("/parameters/{p}/values/{j}/options");
            for option in options {
                if !values.contains_key(&option.id) {
                    self.push(
                        "missing_value",
                        here.clone(),
                        format!(
                            "the table has no value for option {:?} of question {:?}",
                            option.id, question.id
                        ),
                    );
                }
            }
            for id in values.keys() {
                if !options.iter().any(|o| &o.id == id) {
                    let known = options.iter().map(|o| o.id.as_str());
                    self.push(
                        "unknown_option",
                        format!("{here}{}", pointer([id])),
                        format!(
                            "question {:?} has no option {id:?}{}",
                            question.id,
                            did_you_mean(id, known)
                        ),
                    );
                }
            }
        }
        if question.may_be_unasked() && lookup.otherwise.is_none() {
            self.push(
                "missing_value",
                format!("{at}/otherwise"),
                format!(
                    "question {:?} is not always asked, so give the value to use when it is not",
                    question.id
                ),
            );
        }
    }

    fn allocation(&mut self) {
        let s = self.scheme;
        let steps = &s.allocation.steps;
        self.unique(
            "step",
            steps
                .iter()
                .enumerate()
                .map(|(i, st)| (st.id.as_str(), format!("/allocation/steps/{i}/id"))),
        );
        let mut step_units = StepUnits::new();
        // Steps that could not be checked: a step that reads one is not checked either, so
        // one mistake gives one error rather than one for every step after it.
        let mut broken: BTreeSet<&str> = BTreeSet::new();
        for (i, step) in steps.iter().enumerate() {
            let base = format!("/allocation/steps/{i}");
            if RESERVED_STEP_IDS.contains(&step.id.as_str()) {
                self.push(
                    "reserved_id",
                    format!("{base}/id"),
                    format!(
                        "the step id {:?} is kept for the engine's own steps",
                        step.id
                    ),
                );
            }
            if let Some(section) = &step.section {
                if self.lookup.section(section).is_none() {
                    self.push(
                        "unknown_section",
                        format!("{base}/section"),
                        format!(
                            "there is no section {section:?}{}",
                            self.section_hint(section)
                        ),
                    );
                }
            }
            if let Some(r) = &step.round {
                self.rounding(r, format!("{base}/round"));
            }
            if let Calc::Choose(choose) = &step.calc {
                let lookup = self.lookup;
                let find = |id: &str| lookup.question(id);
                self.condition(
                    &choose.when,
                    &find,
                    &format!("{base}/calc/choose/when"),
                    "a question",
                    0,
                );
            }
            if let Calc::Lookup(lookup) = &step.calc {
                self.lookup_table(lookup, &format!("{base}/calc/lookup"));
            }
            if matches!(step.calc, Calc::Refer(_)) && s.text.conversation.is_none() {
                self.push(
                    "missing_text",
                    "/text/conversation".into(),
                    format!(
                        "step {:?} can refer the answers for a conversation, so the scheme's text needs conversation: what to tell the person",
                        step.id
                    ),
                );
            }
            if let Calc::Points(scope) = &step.calc {
                self.points_scope(scope, &format!("{base}/calc/points"));
            }
            let reads_broken = step
                .calc
                .operands()
                .any(|op| matches!(op, Operand::Step(id) if broken.contains(id.as_str())));
            if reads_broken {
                broken.insert(step.id.as_str());
                continue;
            }
            match units::step_unit(self.lookup, step, &step_units) {
                Ok(unit) => {
                    step_units.insert(step.id.as_str(), unit);
                }
                Err((sub, message)) => {
                    broken.insert(step.id.as_str());
                    self.push("invalid_calculation", format!("{base}/calc{sub}"), message);
                    continue;
                }
            }
            if step.section.is_some() && step_units.get(step.id.as_str()) != Some(&Unit::Money) {
                self.push(
                    "invalid_calculation",
                    format!("{base}/section"),
                    "only a step whose result is money can count towards a section".into(),
                );
            }
        }
        let result = s.allocation.result.as_str();
        match step_units.get(result) {
            _ if broken.contains(result) => {}
            Some(Unit::Money) => {}
            Some(Unit::Number) => self.push(
                "invalid_calculation",
                "/allocation/result".into(),
                "the result must be money, not a number".into(),
            ),
            None => self.push(
                "unknown_step",
                "/allocation/result".into(),
                format!(
                    "there is no step {result:?}{}",
                    did_you_mean(result, steps.iter().map(|st| st.id.as_str()))
                ),
            ),
        }
    }

    /// `; did you mean` the section nearest `id`, or nothing.
    fn section_hint(&self, id: &str) -> String {
        did_you_mean(id, self.scheme.sections.iter().map(|s| s.id.as_str()))
    }

    /// `; did you mean` the question nearest `id`, or nothing.
    fn question_hint(&self, id: &str) -> String {
        did_you_mean(id, self.scheme.questions().map(|(_, q)| q.id.as_str()))
    }

    fn points_scope(&mut self, scope: &PointsScope, at: &str) {
        for (k, id) in scope.sections.iter().enumerate() {
            if self.lookup.section(id).is_none() {
                self.push(
                    "unknown_section",
                    format!("{at}/sections/{k}"),
                    format!("there is no section {id:?}{}", self.section_hint(id)),
                );
            }
        }
        for (k, id) in scope.questions.iter().enumerate() {
            if self.lookup.question(id).is_none() {
                self.push(
                    "unknown_question",
                    format!("{at}/questions/{k}"),
                    format!("there is no question {id:?}{}", self.question_hint(id)),
                );
            }
        }
    }
}
