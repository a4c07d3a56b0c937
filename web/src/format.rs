//! Amounts for people in the catalogue's words, and small sums about the journey.
//! Numbers, money and dates themselves are written by the catalogue (`waymark-words`).

use crate::text::{fill, text};
use waymark_engine::scheme::{Currency, Period};
use waymark_engine::Decimal;

/// The template of an amount with what it is for: `{amount} a year`, or `{amount} as a
/// single payment` for a one-off scheme.
pub fn amount_template(period: Period) -> &'static str {
    let t = &text().app;
    if period == Period::OneOff {
        &t.amount_one_off
    } else {
        &t.amount_a_year
    }
}

/// An amount with what it is for: "£7,416.00 a year", or "£500.00 as a single payment"
/// for a one-off scheme.
pub fn amount_for(period: Period, amount: &str) -> String {
    fill(amount_template(period), &[("amount", amount)])
}

/// An amount of money with what it is for.
pub fn money_for(period: Period, amount: Decimal, currency: Currency) -> String {
    amount_for(period, &text().money(amount, currency))
}

/// The first ten characters of an ISO timestamp (`2026-11-23T15:04:05.000Z`) as a long date.
pub fn timestamp_date(timestamp: &str) -> Option<String> {
    timestamp
        .get(..10)
        .and_then(|day| day.parse().ok())
        .map(|d| text().date(d))
}

/// Roughly how many minutes a number of questions takes: half a minute each, rounded up to
/// a multiple of five, and never less than five.
pub fn minutes_for(questions: usize) -> usize {
    questions.div_ceil(2).div_ceil(5).max(1) * 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{set, welsh};

    fn date(text: &str) -> waymark_engine::Date {
        text.parse().unwrap()
    }

    #[test]
    fn dates_are_written_for_people_in_their_language() {
        assert_eq!(text().date(date("2026-06-01")), "1 June 2026");
        assert_eq!(
            text().date_range(date("2026-04-01"), Some(date("2027-03-31"))),
            "1 April 2026 to 31 March 2027"
        );
        assert_eq!(
            text().date_range(date("2026-04-01"), None),
            "from 1 April 2026"
        );
        set(welsh());
        assert_eq!(text().date(date("2026-06-01")), "1 Mehefin 2026");
        assert_eq!(text().date(date("2027-12-31")), "31 Rhagfyr 2027");
        set(crate::text::english());
    }

    #[test]
    fn amounts_say_what_they_are_for() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            money_for(Period::Annual, d("7416"), Currency::GBP),
            "£7,416.00 a year"
        );
        assert_eq!(
            money_for(Period::OneOff, d("500.00"), Currency::GBP),
            "£500.00 as a single payment"
        );
        assert_eq!(text().money(d("-0.45"), Currency::GBP), "-£0.45");
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
