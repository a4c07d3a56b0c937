//! Writing dates, date ranges and amounts for people, in the catalogue's words.

use crate::text::{fill, text};
use waymark_engine::scheme::Period;
use waymark_engine::{format_money, Date, Decimal};

/// A date the GOV.UK way: `1 June 2026`.
pub fn long_date(date: Date) -> String {
    let t = text();
    let month = t
        .months
        .get(usize::from(date.month()).wrapping_sub(1))
        .copied()
        .unwrap_or_default();
    fill(
        t.long_date,
        &[
            ("day", &date.day().to_string()),
            ("month", month),
            ("year", &date.year().to_string()),
        ],
    )
}

/// The days something covers: `1 April 2026 to 31 March 2027`, or `from 1 April 2026`.
pub fn date_range(from: Date, to: Option<Date>) -> String {
    let t = text();
    let from = long_date(from);
    match to {
        Some(to) => fill(t.date_range, &[("from", &from), ("to", &long_date(to))]),
        None => fill(t.date_range_open, &[("from", &from)]),
    }
}

/// What an amount is for: "a year", or "as a single payment" for a one-off scheme.
pub fn per(period: Period) -> &'static str {
    let t = text();
    if period == Period::OneOff {
        t.one_off
    } else {
        t.a_year
    }
}

/// An amount of money: `£1,768.00`.
pub fn money(amount: Decimal, symbol: &str) -> String {
    format_money(amount, symbol)
}

/// The first ten characters of an ISO timestamp (`2026-11-23T15:04:05.000Z`) as a long date.
pub fn timestamp_date(timestamp: &str) -> Option<String> {
    timestamp
        .get(..10)
        .and_then(|day| day.parse().ok())
        .map(long_date)
}

/// Roughly how many minutes a number of questions takes: half a minute each, rounded up to
/// a multiple of five, and never less than five.
pub fn minutes_for(questions: usize) -> usize {
    questions.div_ceil(2).div_ceil(5).max(1) * 5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn dates_are_written_for_people() {
        assert_eq!(long_date(date("2026-06-01")), "1 June 2026");
        assert_eq!(long_date(date("2027-12-31")), "31 December 2027");
    }

    #[test]
    fn date_ranges_may_be_open() {
        assert_eq!(
            date_range(date("2026-04-01"), Some(date("2027-03-31"))),
            "1 April 2026 to 31 March 2027"
        );
        assert_eq!(date_range(date("2026-04-01"), None), "from 1 April 2026");
    }

    #[test]
    fn timestamps_become_dates() {
        assert_eq!(
            timestamp_date("2026-11-23T15:04:05.000Z").as_deref(),
            Some("23 November 2026")
        );
        assert_eq!(timestamp_date("yesterday"), None);
        assert_eq!(timestamp_date(""), None);
    }

    #[test]
    fn time_is_rounded_up_to_five_minutes() {
        assert_eq!(minutes_for(0), 5);
        assert_eq!(minutes_for(9), 5);
        assert_eq!(minutes_for(11), 10);
        assert_eq!(minutes_for(20), 10);
        assert_eq!(minutes_for(21), 15);
    }
}
