//! What the commands share on their command lines, read by clap: the assessment date, the
//! output format and language, and how dates, amounts and thread counts are read.

use crate::Failure;
use clap::ValueEnum;
use waymark_engine::amount::parse_decimal;
use waymark_engine::{Date, Money};

/// JSON for programs, or the text a person reads.
#[derive(Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON.
    #[default]
    Json,
    /// Plain text in the person's language.
    Text,
}

/// How a document for a person is worked out and printed.
#[derive(clap::Args)]
pub struct Reading {
    /// The assessment date [default: today].
    #[arg(long, value_parser = date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// What to print.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// The language of the text [default: the scheme's first].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

impl Reading {
    /// Whether the text a person reads is wanted rather than JSON.
    pub fn wants_text(&self) -> bool {
        self.format == Format::Text
    }
}

/// Reads a date written `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<Date, String> {
    text.parse().map_err(|e| format!("{e}"))
}

/// Reads an amount of money that is not negative, written like `7416.00`.
pub fn amount(text: &str) -> Result<Money, String> {
    match parse_decimal(text) {
        Some(d) if d.is_sign_negative() => Err("an amount cannot be negative".into()),
        Some(d) => Ok(Money(d)),
        None => Err("give an amount like 7416.00".into()),
    }
}

/// Reads a number of threads, from 1 to 1024.
pub fn threads(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=1024).contains(&n) => Ok(n),
        _ => Err("give a whole number from 1 to 1024".into()),
    }
}

/// The date given, or today's.
pub fn date_or_today(date: Option<Date>) -> Result<Date, Failure> {
    match date {
        Some(date) => Ok(date),
        None => today(),
    }
}

fn today() -> Result<Date, Failure> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Failure::bad("the system clock is before 1970: give --date"))?
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(i64::MAX))
        .ok_or_else(|| Failure::bad("the system clock is out of range: give --date"))
}
