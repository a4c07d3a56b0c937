//! A council's scheme: questions, dated parameters and the allocation steps, all as data.
//!
//! The types here are the scheme file format ([`SchemeFile`]). [`Scheme::from_json`] reads
//! one strictly, checks it as a whole (see `validate`), and builds its index and its
//! compiled allocation, so an engine never meets a scheme that refers to a missing question
//! or has no price in force on a date it claims to cover, and never looks anything up by
//! scanning.

mod currency;
mod index;
mod operand;
mod text;
mod validate;

pub use currency::Currency;
pub(crate) use index::{Index, Lookup};
pub use operand::Operand;
pub use text::Text;

use crate::amount::{Money, Number, Rounding};
use crate::date::Date;
use crate::issue::Issue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One version of a council's resource allocation scheme, as its file is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Scheme"))]
#[serde(deny_unknown_fields)]
pub struct SchemeFile {
    /// Where an editor finds the JSON Schema for this file; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// A stable identifier shared by every version of the scheme, like `northvale-recovery`.
    pub id: String,
    /// This version's name, like `2026.1`.
    pub version: String,
    /// The languages a person can use the scheme in, by ISO 639 code, the default first
    /// (`["en", "cy"]`). With more than one, every text is an object with each language.
    #[serde(default = "english", skip_serializing_if = "is_english")]
    pub languages: Vec<String>,
    /// The scheme's name as a person sees it.
    pub title: Text,
    /// Who runs the scheme.
    pub owner: Text,
    /// The first day this version applies.
    pub applies_from: Date,
    /// The last day this version applies, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Date>,
    /// The ISO 4217 code of the currency of every amount: `GBP`, `EUR`, `USD`.
    pub currency: Currency,
    /// What the allocation's result is an amount for.
    pub period: Period,
    /// Weeks in a year, for converting between yearly and weekly amounts (`"52"` or `"52.143"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_per_year: Option<Number>,
    /// How the final yearly and weekly amounts are rounded.
    pub rounding: Rounding,
    /// Plain-language text a person sees around the questions and the result.
    pub text: SchemeText,
    /// The policy documents the parameters come from.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Prices, caps, band tables and other values, each dated.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// The questions, grouped into life areas.
    pub sections: Vec<Section>,
    /// How answers become money.
    pub allocation: Allocation,
    /// The rules recovery support plans are checked against, if the scheme has plans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::plan::PlanRules>,
}

fn english() -> Vec<String> {
    vec!["en".to_owned()]
}

fn is_english(languages: &[String]) -> bool {
    languages == ["en"]
}

/// What the allocation's result measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A yearly amount; the weekly amount is derived from it.
    Annual,
    /// A weekly amount; the yearly amount is derived from it.
    Weekly,
    /// A single payment for a goal; there is no weekly amount.
    OneOff,
}

/// Plain-language text for a person, written by the council.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemeText {
    /// What this assessment is for, shown before the first question.
    pub introduction: Text,
    /// What happens after the estimate: who to contact, what the next steps are.
    pub next_steps: Text,
    /// What to say when a person is not eligible on these answers.
    pub not_eligible: Text,
    /// What to say when the answers need a conversation with the council rather than an
    /// amount; needed when a step can `refer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Text>,
}

/// A policy document or decision that a parameter comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Identifier used by parameters' `reference`.
    pub id: String,
    /// The document's title, like "Cabinet decision 14 March 2026, item 7".
    pub title: Text,
    /// Where the public can read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A value the allocation uses that may change on dates: a price, a cap, a band table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Identifier used by allocation steps.
    pub id: String,
    /// What it is, in plain words: "Price per point".
    pub label: Text,
    /// More about it, if needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Whether its values (or its bands' values) are money or plain numbers.
    pub unit: Unit,
    /// Its values, in date order; each applies from its date until the next one (or its `to`).
    pub values: Vec<DatedValue>,
}

/// Whether a value is money or a plain number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An amount in the scheme's currency.
    Money,
    /// Points, weights, percentages or counts.
    Number,
}

/// A parameter's value from a date: `value` for a single value, `bands` for a table
/// looked up by a score, `options` for a table looked up by the option a person chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    /// The first day this value applies.
    pub from: Date,
    /// The last day it applies, if it ends before the next value starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// A single value, like `"52.00"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// Bands in ascending order of `min`; a score falls in the last band whose `min` it reaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<Band>>,
    /// A value for every option of a choice question, by option id, like a weight for
    /// each living setting; read with a `lookup` step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<std::collections::BTreeMap<String, Number>>,
    /// The `id` of the reference that set this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// One band of a table: from `min` upwards (until the next band), the value is `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest score in this band.
    pub min: Number,
    /// The band's value.
    pub value: Number,
    /// A name for the band a person can read, like "Moderate needs" or "Aged 18 to 24".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// A group of questions about one life area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifier used by allocation steps and the breakdown.
    pub id: String,
    /// The life area's name as a person sees it.
    pub title: Text,
    /// A sentence about the area, shown before its questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// One question a person answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier: the key in an answers file.
    pub id: String,
    /// The question as a person reads it.
    pub text: Text,
    /// Help shown on request, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Asked only when an earlier answer makes it relevant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Whether choosing an answer with more points can never lower the amount (true unless
    /// the scheme says otherwise, with a reason in `help` or the scheme's references).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub monotonic: bool,
    /// Asked only in a supported assessment, where the practitioner answers it for the
    /// person, like a local-market uplift, and must give a reason; left unanswered, it
    /// reads as not asked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub practitioner: bool,
    /// What kind of answer it takes.
    pub answer: AnswerKind,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The kinds of answer a question takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AnswerKind {
    /// Pick one option; each option carries points.
    Choice(Vec<ChoiceOption>),
    /// Yes or no, each with points.
    YesNo(YesNo),
    /// A number within limits, like an age or hours a week.
    Number(NumberLimits),
    /// An amount of money within limits, like the cost of current support.
    Money(MoneyLimits),
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Identifier: the value in an answers file.
    pub id: String,
    /// The option as a person reads it.
    pub label: Text,
    /// A line of help under the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Points for choosing it.
    pub points: Number,
}

/// Points for each answer of a yes/no question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YesNo {
    /// Points for "yes".
    pub yes: Number,
    /// Points for "no".
    pub no: Number,
}

/// Limits on a number answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NumberLimits {
    /// The smallest allowed answer.
    pub min: Number,
    /// The largest allowed answer.
    pub max: Number,
    /// Whether only whole numbers are allowed.
    #[serde(default)]
    pub whole: bool,
    /// What the number counts, after it, like "hours a week".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<Text>,
}

/// Limits on a money answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MoneyLimits {
    /// The smallest allowed amount.
    pub min: Money,
    /// The largest allowed amount.
    pub max: Money,
}

/// A test on answers: either on one answer (`question` with exactly one of `any_of`,
/// `at_least` and `at_most`), or over several tests (exactly one of `all`, `any` and
/// `not`). Tests nest at most six deep.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The question whose answer is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// True when the answer is one of these option ids (or `true`/`false` for yes/no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<serde_json::Value>>,
    /// True when a number or money answer is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Number>,
    /// True when a number or money answer is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Number>,
    /// True when every one of these tests holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// True when at least one of these tests holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// True when this test does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

impl Condition {
    /// How deep tests may nest inside `all`, `any` and `not`.
    pub const MOST_DEPTH: usize = 6;

    /// The tests it combines, if it combines any.
    pub fn parts(&self) -> Vec<&Condition> {
        let mut parts: Vec<&Condition> = Vec::new();
        parts.extend(self.all.iter().flatten());
        parts.extend(self.any.iter().flatten());
        parts.extend(self.not.as_deref());
        parts
    }

    /// The ids of every question the test reads, in the order written, each once.
    pub fn questions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        self.each_question(&mut out, 0);
        out
    }

    fn each_question<'a>(&'a self, out: &mut Vec<&'a str>, depth: usize) {
        if let Some(q) = &self.question {
            if !out.contains(&q.as_str()) {
                out.push(q);
            }
        }
        if depth < Condition::MOST_DEPTH {
            for part in self.parts() {
                part.each_question(out, depth + 1);
            }
        }
    }
}

/// How answers become money: steps run in order, each naming its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// The steps, each of which may use the results of earlier ones.
    pub steps: Vec<Step>,
    /// The id of the step whose money result is the amount for the scheme's period.
    pub result: String,
}

/// One step of an allocation; it becomes one step of every explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Identifier that later steps use to refer to this result.
    pub id: String,
    /// What the step does, in plain words: "Your points times the price per point".
    pub label: Text,
    /// Why the step is there, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The recorded reason for an adjustment, like a local-market uplift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The section this step's money belongs to in the breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The calculation.
    pub calc: Calc,
    /// Rounding applied to this step's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Rounding>,
}

/// The calculations a step can do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Calc {
    /// Adds up the points of answered questions: all of them, or those in the named
    /// sections and questions.
    Points(PointsScope),
    /// Adds values of the same unit.
    Sum(Vec<Operand>),
    /// Multiplies values; at most one may be money.
    Product(Vec<Operand>),
    /// The first value minus the second.
    Difference(Vec<Operand>),
    /// `percent` per cent of `of`.
    Percent(PercentOf),
    /// The value divided by a number, such as a yearly amount by the weeks in a year. The
    /// step must say how it is rounded, since a quotient seldom ends.
    Divide(DivideOf),
    /// A number raised to a small whole power, like squaring a score.
    Power(PowerOf),
    /// The value of the band of a table parameter that `of` falls in.
    Band(BandOf),
    /// The value an options table parameter gives the option chosen for a question.
    Lookup(LookupOf),
    /// A base plus the sum of each weight times its value, in one step.
    Weighted(Weighted),
    /// A number taken as an amount of money in the scheme's currency, for a formula
    /// whose result is the amount itself.
    AsMoney(Operand),
    /// The value, tested against a level at which the council decides the amount with
    /// the person: reaching it means the answers need a conversation, not an amount.
    Refer(Threshold),
    /// The value, but no more than the limit (a cap).
    AtMost(Limit),
    /// The value, but no less than the limit (a floor).
    AtLeast(Limit),
    /// The value, if it reaches the threshold; otherwise the person is not eligible.
    Require(Threshold),
    /// One value when a condition on the answers holds, another when it does not.
    Choose(Choose),
}

impl Calc {
    /// The values the calculation reads.
    pub fn operands(&self) -> impl Iterator<Item = &Operand> {
        let operands: Vec<&Operand> = match self {
            Calc::Points(_) => Vec::new(),
            Calc::Sum(ops) | Calc::Product(ops) | Calc::Difference(ops) => ops.iter().collect(),
            Calc::Percent(p) => vec![&p.of, &p.percent],
            Calc::Divide(d) => vec![&d.value, &d.by],
            Calc::Power(p) => vec![&p.of],
            Calc::Band(b) => vec![&b.of],
            Calc::Lookup(l) => l.otherwise.iter().collect(),
            Calc::Weighted(w) => w
                .base
                .iter()
                .chain(w.terms.iter().flat_map(|t| [&t.weight, &t.value]))
                .collect(),
            Calc::AsMoney(v) => vec![v],
            Calc::Refer(t) => vec![&t.value, &t.at_least],
            Calc::AtMost(l) | Calc::AtLeast(l) => vec![&l.value, &l.limit],
            Calc::Require(t) => vec![&t.value, &t.at_least],
            Calc::Choose(c) => vec![&c.then, &c.otherwise],
        };
        operands.into_iter()
    }
}

/// Which answers' points to add up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PointsScope {
    /// Sections whose questions count; all sections when neither list is given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// Single questions that count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
}

/// A value divided by a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DivideOf {
    /// The value divided.
    pub value: Operand,
    /// The number it is divided by; it may never be zero.
    pub by: Operand,
}

/// A percentage of a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PercentOf {
    /// The value.
    pub of: Operand,
    /// The percentage, a number: `"15"` is 15 per cent.
    pub percent: Operand,
}

/// A whole power of a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PowerOf {
    /// The number.
    pub of: Operand,
    /// The power, 1 to 4.
    pub exponent: u32,
}

/// A band lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandOf {
    /// The score to look up.
    pub of: Operand,
    /// The id of a parameter whose values are bands.
    pub table: String,
}

/// A lookup by the option chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LookupOf {
    /// The choice question whose answer is looked up.
    pub question: String,
    /// The id of a parameter whose values are `options` tables for that question.
    pub table: String,
    /// The value when the question was not asked; needed when it may not be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Operand>,
}

/// A weighted sum: `base + weight × value + …`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weighted {
    /// The value the terms are added to; 0 when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Operand>,
    /// The terms, each a weight times a value.
    pub terms: Vec<Term>,
}

/// One term of a weighted sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The weight: a number, or money per unit of the value.
    pub weight: Operand,
    /// The value weighted; at most one of weight and value is money.
    pub value: Operand,
}

/// A value and a limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// The value.
    pub value: Operand,
    /// The limit.
    pub limit: Operand,
}

/// An eligibility threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The value tested.
    pub value: Operand,
    /// The smallest value that is eligible.
    pub at_least: Operand,
}

/// A choice between two values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choose {
    /// The condition on an answer.
    pub when: Condition,
    /// The value when it holds.
    pub then: Operand,
    /// The value when it does not (or the question was not asked).
    pub otherwise: Operand,
}

/// A scheme read and checked by [`Scheme::from_json`], with the index and the compiled
/// allocation the engine works from. It reads as its [`SchemeFile`] through `Deref` and
/// cannot be changed, so the index always matches the file.
#[derive(Debug, Clone)]
pub struct Scheme {
    file: SchemeFile,
    index: Index,
    program: crate::program::Program,
}

impl PartialEq for Scheme {
    fn eq(&self, other: &Scheme) -> bool {
        self.file == other.file
    }
}

impl std::ops::Deref for Scheme {
    type Target = SchemeFile;

    fn deref(&self) -> &SchemeFile {
        &self.file
    }
}

impl Serialize for Scheme {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.file.serialize(s)
    }
}

impl Scheme {
    /// Reads a scheme from JSON and checks it whole; every problem found is returned.
    pub fn from_json(text: &str) -> Result<Scheme, Vec<Issue>> {
        crate::limits::within(text, crate::limits::SCHEME_BYTES, "scheme").map_err(|e| vec![e])?;
        let file: SchemeFile = crate::json::from_str(text).map_err(|e| vec![e])?;
        Scheme::new(file)
    }

    /// Checks a scheme file whole and builds its index; every problem found is returned.
    pub fn new(file: SchemeFile) -> Result<Scheme, Vec<Issue>> {
        let index = Index::new(&file);
        let lookup = Lookup {
            file: &file,
            index: &index,
        };
        let issues = validate::validate(lookup);
        if !issues.is_empty() {
            return Err(issues);
        }
        let program = crate::program::Program::compile(lookup).map_err(|i| vec![i])?;
        crate::ranges::check(&file, &program)?;
        Ok(Scheme {
            file,
            index,
            program,
        })
    }

    /// The scheme file as it was read.
    pub fn file(&self) -> &SchemeFile {
        &self.file
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    pub(crate) fn program(&self) -> &crate::program::Program {
        &self.program
    }

    fn lookup(&self) -> Lookup<'_> {
        Lookup {
            file: &self.file,
            index: &self.index,
        }
    }

    /// The language a person sees first: the first of `languages`.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    /// How many questions the scheme has, in all its sections.
    pub fn question_count(&self) -> usize {
        self.index.question_count()
    }

    /// The position of the question with this id among all questions, in order.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.index.question(id)
    }

    /// The question at a position among all questions.
    pub fn question_at(&self, position: usize) -> Option<&Question> {
        self.lookup().question_at(position)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.lookup().question(id)
    }

    /// The position of the section the question at `position` is in.
    pub fn section_of(&self, position: usize) -> Option<usize> {
        self.index.place(position).map(|(section, _)| section)
    }

    /// The position of an option among a choice question's options.
    pub fn option_index(&self, question: usize, option: &str) -> Option<usize> {
        self.index.option(question, option)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.lookup().section(id)
    }

    /// The parameter with this id.
    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.lookup().parameter(id)
    }

    /// The allocation step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.lookup().step(id)
    }

    /// The reference with this id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.lookup().reference(id)
    }
}

impl SchemeFile {
    /// Every question in order, with the index of its section.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    /// Whether the scheme applies on `date`.
    pub fn applies_on(&self, date: Date) -> bool {
        date >= self.applies_from && self.applies_to.is_none_or(|to| date <= to)
    }
}

impl Parameter {
    /// The value in force on `date`, with its position in `values`.
    pub fn value_on(&self, date: Date) -> Option<(usize, &DatedValue)> {
        self.values
            .iter()
            .enumerate()
            .rev()
            .find(|(_, v)| v.from <= date)
            .filter(|(_, v)| v.to.is_none_or(|to| date <= to))
    }
}

impl Question {
    /// Whether the question may go unasked, and so read as not answered: an earlier answer
    /// decides whether it is asked, or it is a practitioner's adjustment.
    pub fn may_be_unasked(&self) -> bool {
        self.show_if.is_some() || self.practitioner
    }

    /// The fewest and most points an answer can carry, if the question carries points.
    pub fn points_range(&self) -> Option<(Decimal, Decimal)> {
        let points: Vec<Decimal> = match &self.answer {
            AnswerKind::Choice(options) => options.iter().map(|o| o.points.0).collect(),
            AnswerKind::YesNo(p) => vec![p.yes.0, p.no.0],
            AnswerKind::Number(_) | AnswerKind::Money(_) => return None,
        };
        let low = points.iter().copied().reduce(Decimal::min)?;
        let high = points.iter().copied().reduce(Decimal::max)?;
        Some((low, high))
    }

    /// The points an answer carries: an option's or yes or no's; none for a number.
    pub fn points_for(&self, answer: &crate::answers::Answer) -> Option<Number> {
        use crate::answers::Answer;
        match (&self.answer, answer) {
            (AnswerKind::Choice(options), Answer::Choice(i)) => options.get(*i).map(|o| o.points),
            (AnswerKind::YesNo(p), Answer::YesNo(yes)) => Some(if *yes { p.yes } else { p.no }),
            _ => None,
        }
    }
}
