//! Numbers, money, dates and the scheme's own words, written the way a catalogue's
//! language writes them.

use crate::catalogue::Catalogue;
use crate::fill;
use waymark_engine::scheme::{Currency, Unit};
use waymark_engine::{Date, Decimal, Text};

impl Catalogue {
    /// The scheme's words in this catalogue's language.
    pub fn say<'t>(&self, text: &'t Text) -> &'t str {
        text.get(&self.language)
    }

    /// A number as the language writes it: `1.5`, `217`.
    pub fn number(&self, value: Decimal) -> String {
        self.digits(value.normalize(), false)
    }

    /// An amount of money with the currency's symbol, at least to its smallest coin:
    /// `£1,768.00`, `-£4.50`.
    pub fn money(&self, amount: Decimal, currency: Currency) -> String {
        let mut value = amount.normalize();
        let places = currency.minor_units();
        if value.scale() < places {
            value.rescale(places);
        }
        let digits = self.digits(value.abs(), true);
        let money = fill(&self.currency_template(currency), &[("amount", &digits)]);
        if value.is_sign_negative() && !value.is_zero() {
            fill(&self.format.negative, &[("amount", &money)])
        } else {
            money
        }
    }

    /// What is written before and after an amount of the currency, like `£` and nothing,
    /// for an input that takes an amount.
    pub fn currency_affixes(&self, currency: Currency) -> (String, String) {
        let template = self.currency_template(currency);
        crate::split(&template, "amount")
            .map_or_else(Default::default, |(a, b)| (a.to_owned(), b.to_owned()))
    }

    /// How an amount of the currency is written, with the `{amount}` blank: the
    /// catalogue's entry for it, or its ISO 4217 code beside the amount.
    fn currency_template(&self, currency: Currency) -> String {
        match self.format.currencies.get(currency.code()) {
            Some(template) => template.clone(),
            None => self
                .format
                .other_currency
                .replace("{code}", currency.code()),
        }
    }

    /// A value of a unit: money, or a plain number.
    pub fn value(&self, value: Decimal, unit: Unit, currency: Currency) -> String {
        match unit {
            Unit::Money => self.money(value, currency),
            Unit::Number => self.number(value),
        }
    }

    /// A value cut to four decimal places, marked as cut if it was longer: how an
    /// amount before rounding is shown.
    pub fn unrounded(&self, value: Decimal, unit: Unit, currency: Currency) -> String {
        let cut = value.trunc_with_scale(4);
        if cut == value {
            self.value(value, unit, currency)
        } else {
            let shown = self.value(cut, unit, currency);
            fill(&self.format.truncated, &[("value", &shown)])
        }
    }

    /// A date: `1 June 2026`, `1 Mehefin 2026`.
    pub fn date(&self, date: Date) -> String {
        let month = self
            .format
            .months
            .get(usize::from(date.month()).wrapping_sub(1))
            .map_or("", String::as_str);
        fill(
            &self.format.date,
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// The days something covers: `1 April 2026 to 31 March 2027`, or `from 1 April 2026`.
    pub fn date_range(&self, from: Date, to: Option<Date>) -> String {
        let from = self.date(from);
        match to {
            Some(to) => fill(
                &self.format.date_range,
                &[("from", &from), ("to", &self.date(to))],
            ),
            None => fill(&self.format.date_range_open, &[("from", &from)]),
        }
    }

    /// Digits with the language's decimal separator, grouped in threes when `group`.
    fn digits(&self, value: Decimal, group: bool) -> String {
        let text = value.to_string();
        let (sign, text) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.as_str()),
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let mut out = String::from(sign);
        for (i, c) in whole.chars().enumerate() {
            if group && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(&self.format.group);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push_str(&self.format.decimal);
            out.push_str(fraction);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::Catalogue;
    use waymark_engine::scheme::{Currency, Unit};
    use waymark_engine::Decimal;

    fn catalogue(code: &str) -> Catalogue {
        let path = format!("{}/../www/lang/{code}.json", env!("CARGO_MANIFEST_DIR"));
        Catalogue::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn amounts_always_show_pence_and_group_thousands() {
        let en = catalogue("en");
        assert_eq!(en.money(Decimal::ZERO, Currency::GBP), "£0.00");
        assert_eq!(en.money(d("1234.5"), Currency::GBP), "£1,234.50");
        assert_eq!(en.money(d("-0.45"), Currency::GBP), "-£0.45");
        assert_eq!(en.money(d("1234567"), Currency::GBP), "£1,234,567.00");
        assert_eq!(en.value(d("1.50"), Unit::Number, Currency::GBP), "1.5");
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(en.money(d("48211.5"), usd), "$48,211.50");
        let yen = Currency::from_code("JPY").unwrap();
        assert_eq!(en.money(d("5000"), yen), "JPY 5,000");
        assert_eq!(en.currency_affixes(yen), ("JPY ".to_owned(), String::new()));
        assert_eq!(
            en.unrounded(d("2119.1780821"), Unit::Money, Currency::GBP),
            "£2,119.178…"
        );
    }

    #[test]
    fn each_language_writes_its_own_months() {
        let date = "2026-10-01".parse().unwrap();
        assert_eq!(catalogue("en").date(date), "1 October 2026");
        assert_eq!(catalogue("cy").date(date), "1 Hydref 2026");
    }
}
