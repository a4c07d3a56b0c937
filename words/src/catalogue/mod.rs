//! A language's catalogue: every word a person reads, as whole templates with named
//! blanks, read from one JSON file per language (`www/lang/en.json`, `www/lang/cy.json`).
//!
//! The types here are the catalogue's format: a file with a missing or unknown key is
//! refused, so every language has every key. Templates name their blanks in braces
//! (`{amount}`); a translation may put them in any order, and [`crate::fill`] puts the
//! values in. A template that counts something is [`Counted`], with a variant for exact
//! numbers where a language needs one.

mod app;
mod plan;
mod read;
mod review;
mod send;

pub use app::App;
pub use plan::PlanText;
pub use review::ReviewText;
pub use send::SendText;

use read::{catalogue, Entry};
use serde_json::Value;
use std::collections::BTreeMap;

catalogue! {
    /// Every word a person reads, in one language.
    pub struct Catalogue {
        /// The language's ISO 639 code, like `cy`.
        pub language: String,
        /// The language's name in itself, like "Cymraeg", for the language switch.
        pub name: String,
        /// How numbers, money and dates are written.
        pub format: Format,
        /// The app's pages.
        pub app: App,
        /// The recovery support plan's pages.
        pub plan: PlanText,
        /// Sending and the receipt.
        pub send: SendText,
        /// Reviewing the plan, the history and the comparison of assessments.
        pub review: ReviewText,
        /// How an estimate was worked out, in the app and on the command line.
        pub explain: Explain,
        /// The command line's text reports.
        pub report: Report,
    }
}

impl Catalogue {
    /// Reads a catalogue, or says where it is wrong (a JSON Pointer and what is wrong).
    pub fn from_json(text: &str) -> Result<Catalogue, String> {
        read::read_text(text)
    }
}

catalogue! {
    /// How a language writes numbers, money and dates.
    pub struct Format {
        /// The decimal separator, like `.`.
        pub decimal: String,
        /// The separator between groups of three digits, like `,`.
        pub group: String,
        /// A negative amount. Blanks: `{amount}`.
        pub negative: String,
        /// Between the items of a list inside a sentence, like `; `.
        pub list: String,
        /// Each currency's amounts by ISO 4217 code, like `"GBP": "£{amount}"`.
        pub currencies: BTreeMap<String, String>,
        /// An amount of a currency the catalogue has no entry for. Blanks: `{code}` (the
        /// ISO 4217 code), `{amount}`.
        pub other_currency: String,
        /// Month names, January first.
        pub months: [String; 12],
        /// A date. Blanks: `{day}`, `{month}`, `{year}`.
        pub date: String,
        /// A date range. Blanks: `{from}`, `{to}`.
        pub date_range: String,
        /// An open-ended date range. Blanks: `{from}`.
        pub date_range_open: String,
        /// Between the terms of a sum.
        pub plus: String,
        /// Before a term taken away.
        pub minus: String,
        /// Between the terms of a product.
        pub times: String,
        /// A value cut short. Blanks: `{value}`.
        pub truncated: String,
    }
}

catalogue! {
    /// How an estimate was worked out: the explanation's headings, sentences and labels.
    pub struct Explain {
        /// The explanation's heading.
        pub heading: String,
        /// Which scheme was used. Blanks: `{title}`, `{version}`, `{owner}`, `{dates}`.
        pub scheme: String,
        /// Which date's figures were used. Blanks: `{date}`.
        pub date: String,
        /// Before a step's recorded reason.
        pub reason: String,
        /// The summary of the answers a step used.
        pub answers_summary: String,
        /// An answer's points. Blanks: `{question}`, `{answer}`, `{value}`.
        pub answer_points: Counted,
        /// A number or money answer used as it is. Blanks: `{question}`, `{answer}`.
        pub answer_value: String,
        /// A practitioner's adjustment and their reason. Blanks: `{question}`, `{answer}`,
        /// `{reason}`.
        pub answer_adjusted: String,
        /// In place of the answer to a question that was not asked.
        pub not_asked: String,
        /// A number answer with what it counts. Blanks: `{number}`, `{suffix}`.
        pub number_with_suffix: String,
        /// A parameter a step read. Blanks: `{label}`, `{value}`, `{dates}`.
        pub parameter: String,
        /// A band of a table a step read. Blanks: `{label}`, `{value}`, `{dates}`, `{band}`.
        pub parameter_band: String,
        /// A parameter and the document that set it. Blanks: `{label}`, `{value}`, `{dates}`,
        /// `{reference}`.
        pub parameter_reference: String,
        /// A band and the document that set it. Blanks: `{label}`, `{value}`, `{dates}`,
        /// `{band}`, `{reference}`.
        pub parameter_band_reference: String,
        /// A band without a name. Blanks: `{min}`.
        pub band_from: String,
        /// The closing step with the yearly amount.
        pub closing_annual: String,
        /// The closing step with the weekly amount.
        pub closing_weekly: String,
        /// The closing step with a one-off payment.
        pub closing_one_off: String,
        /// The closing step when the answers need a conversation rather than an amount.
        pub closing_conversation: String,
        /// The number of weeks in a year, a setting.
        pub weeks_per_year: String,
        /// A value written in the scheme's step.
        pub fixed: String,
        /// The power a value is raised to.
        pub power: String,
        /// A section's points. Blanks: `{section}`.
        pub section_points: String,
        /// The sentence of each kind of step.
        pub sentence: Sentences,
        /// How a step was rounded, by rounding rule.
        pub rounding: RoundingWords,
        /// An answer that is not used. Blanks: `{question}`.
        pub notice_answer_not_used: String,
    }
}

catalogue! {
    /// The sentence of each kind of step. `{result}` is the step's result.
    pub struct Sentences {
        /// Points, when no answer carries any.
        pub points_none: String,
        /// Points. Blanks: `{terms}`, `{count}`, `{result}`.
        pub points: Counted,
        /// A sum. Blanks: `{terms}`, `{result}`.
        pub sum: String,
        /// A product. Blanks: `{terms}`, `{result}`.
        pub product: String,
        /// A difference. Blanks: `{a}`, `{b}`, `{result}`.
        pub difference: String,
        /// A percentage. Blanks: `{percent}`, `{value}`, `{result}`.
        pub percent: String,
        /// A power. Blanks: `{value}`, `{power}`, `{result}`.
        pub power: String,
        /// A band, by its name or the score it starts from. Blanks: `{score}`, `{band}`, `{result}`.
        pub band_named: String,
        /// A cap that applied. Blanks: `{value}`, `{limit}`, `{result}`.
        pub at_most_capped: String,
        /// A cap that did not. Blanks: `{value}`, `{limit}`.
        pub at_most_within: String,
        /// A floor that applied. Blanks: `{value}`, `{limit}`, `{result}`.
        pub at_least_raised: String,
        /// A floor that did not. Blanks: `{value}`, `{limit}`.
        pub at_least_met: String,
        /// A threshold reached. Blanks: `{value}`, `{threshold}`.
        pub require_met: String,
        /// A threshold not reached. Blanks: `{value}`, `{threshold}`.
        pub require_not_met: String,
        /// A choice by an answer. Blanks: `{question}`, `{answer}`, `{value}`.
        pub choose: String,
        /// A choice by a question that was not asked. Blanks: `{question}`, `{value}`.
        pub choose_not_asked: String,
        /// A choice by several answers. Blanks: `{answers}` (each a `choose_answer`, joined
        /// by `format.list`), `{value}`.
        pub choose_answers: String,
        /// One answer a choice read. Blanks: `{question}`, `{answer}`.
        pub choose_answer: String,
        /// One question a choice read that was not asked. Blanks: `{question}`.
        pub choose_answer_not_asked: String,
        /// A rounding on its own. Blanks: `{value}`.
        pub round: String,
        /// A division. Blanks: `{a}`, `{b}`, `{result}`.
        pub divide: String,
        /// Nothing is payable. Blanks: `{result}`.
        pub not_eligible: String,
        /// No amount: the answers need a conversation with the council.
        pub conversation: String,
        /// A number taken as money. Blanks: `{value}`, `{result}`.
        pub as_money: String,
        /// A level for a conversation reached. Blanks: `{value}`, `{threshold}`.
        pub refer_met: String,
        /// A level for a conversation not reached. Blanks: `{value}`, `{threshold}`.
        pub refer_not_met: String,
        /// Any sentence, rounded. Blanks: `{calculation}`, `{rounding}`, `{result}`.
        pub rounded: String,
    }
}

catalogue! {
    /// How a step was rounded, by the scheme's rounding rule.
    pub struct RoundingWords {
        /// To the nearest, halves away from zero.
        pub half_up: RoundingPlaces,
        /// To the nearest, halves towards zero.
        pub half_down: RoundingPlaces,
        /// To the nearest, halves to even.
        pub half_even: RoundingPlaces,
        /// Always away from zero.
        pub up: RoundingPlaces,
        /// Always towards zero.
        pub down: RoundingPlaces,
    }
}

catalogue! {
    /// A rounding rule's words by how many places it keeps.
    pub struct RoundingPlaces {
        /// To the currency's smallest coin, like a penny, by ISO 4217 code; a currency
        /// without one is said in decimal places.
        pub minor: BTreeMap<String, String>,
        /// To whole units of the currency, like pounds, by ISO 4217 code.
        pub whole: BTreeMap<String, String>,
        /// To another number of places. Blanks: `{places}`.
        pub places: String,
    }
}

catalogue! {
    /// The command line's text reports of an estimate and a plan.
    pub struct Report {
        /// No budget on these answers.
        pub amount_not_eligible: String,
        /// The answers need a conversation with the council rather than an amount.
        pub amount_conversation: String,
        /// A one-off payment. Blanks: `{amount}`.
        pub amount_one_off: String,
        /// A yearly amount. Blanks: `{amount}`.
        pub amount_yearly: String,
        /// A yearly and a weekly amount. Blanks: `{amount}`, `{weekly}`.
        pub amount_yearly_weekly: String,
        /// One step. Blanks: `{label}`, `{sentence}`.
        pub step: String,
        /// The heading of the breakdown by life area.
        pub by_area: String,
        /// A life area's points. Blanks: `{area}`, `{points}`.
        pub area_points: Counted,
        /// A life area's points and money. Blanks: `{area}`, `{points}`, `{amount}`.
        pub area_points_amount: Counted,
        /// A plan's length. Blanks: `{days}`.
        pub plan_days: Counted,
        /// A plan's money. Blanks: `{budget}`, `{for_plan}`, `{planned}`, `{kept}`,
        /// `{remaining}`.
        pub plan_budget: String,
        /// The heading of costs by goal.
        pub plan_by_goal: String,
        /// The heading of costs by kind of support.
        pub plan_by_category: String,
        /// The heading of costs by who pays.
        pub plan_by_payer: String,
        /// No check found anything.
        pub plan_meets_every_check: String,
        /// A blocking finding. Blanks: `{message}`.
        pub finding_blocks: String,
        /// A blocking finding with its figures. Blanks: `{message}`, `{detail}`.
        pub finding_blocks_detail: String,
        /// Advice. Blanks: `{message}`.
        pub finding_advice: String,
        /// Advice with its figures. Blanks: `{message}`, `{detail}`.
        pub finding_advice_detail: String,
        /// A comparison's first line when the amount went down. Blanks: `{difference}`,
        /// `{before}`, `{after}`.
        pub compare_down: String,
        /// A comparison's first line when the amount went up. Blanks: `{difference}`,
        /// `{before}`, `{after}`.
        pub compare_up: String,
        /// A comparison's first line when the amount is the same. Blanks: `{amount}`.
        pub compare_same: String,
        /// A comparison's first line when either estimate has no amount.
        pub compare_changed: String,
        /// The heading of the steps where the change started.
        pub compare_why: String,
        /// How to ask for the amount to be looked at again. Blanks: `{owner}`.
        pub compare_look_again: String,
        /// The heading of the earlier estimate. Blanks: `{date}`.
        pub compare_before: String,
        /// The heading of the later estimate. Blanks: `{date}`.
        pub compare_after: String,
        /// The heading of the answers that changed.
        pub compare_answers: String,
        /// One answer that changed. Blanks: `{question}`, `{before}`, `{after}`.
        pub compare_answer: String,
        /// In place of an answer for a question that was not answered.
        pub compare_not_answered: String,
        /// No answer changed.
        pub compare_no_answers: String,
    }
}

catalogue! {
    /// What to say about one date input.
    pub struct DateWords {
        /// Nothing was entered (for a date that is needed).
        pub missing: String,
        /// Some parts are blank. Blanks: `{parts}`, one of [`DateParts`].
        pub incomplete: String,
        /// The parts do not make a real date.
        pub invalid: String,
    }
}

catalogue! {
    /// The parts of a date that can be left blank, each a whole phrase.
    pub struct DateParts {
        /// The day alone.
        pub day: String,
        /// The month alone.
        pub month: String,
        /// The year alone.
        pub year: String,
        /// The day and the month.
        pub day_month: String,
        /// The day and the year.
        pub day_year: String,
        /// The month and the year.
        pub month_year: String,
    }
}

/// A template that counts something: a variant for each exact number the language needs
/// (`"1"` in English), and `"other"` for every other number. A plain string is a template
/// for every number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    exact: BTreeMap<u64, String>,
    other: String,
}

impl Counted {
    /// The template for `n`.
    pub fn pick(&self, n: u64) -> &str {
        self.exact.get(&n).unwrap_or(&self.other)
    }

    /// Every variant, exact numbers first.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        self.exact
            .values()
            .map(String::as_str)
            .chain([self.other.as_str()])
    }
}

impl Entry for Counted {
    fn read(&mut self, value: &Value, path: &str) -> Result<(), String> {
        match value {
            Value::String(text) => {
                text.clone_into(&mut self.other);
                Ok(())
            }
            Value::Object(map) => {
                let mut other = None;
                for (key, item) in map {
                    let mut template = String::new();
                    template.read(item, &format!("{path}/{key}"))?;
                    if key == "other" {
                        other = Some(template);
                    } else {
                        let n = key.parse::<u64>().map_err(|_| {
                            format!("{path}/{key}: neither a whole number nor \"other\"")
                        })?;
                        self.exact.insert(n, template);
                    }
                }
                self.other = other.ok_or_else(|| format!("{path}/other: missing"))?;
                Ok(())
            }
            _ => Err(format!(
                "{path}: expected a template, or an object of templates by exact number and \"other\""
            )),
        }
    }
}
