//! Currencies by ISO 4217 code, with the digits of each one's smallest unit.
//!
//! The engine needs only the code and the minor units: how an amount is written (`£`,
//! `US$`, `12,50 €`) is words, so renderers find it in their catalogue by the code.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A currency in ISO 4217, like `GBP`, `USD` or `EUR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

/// Every active ISO 4217 currency with its minor units (funds, metals and testing codes
/// left out), as published by the maintenance agency.
#[rustfmt::skip]
const TABLE: &[(&str, u32)] = &[
    ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("ANG", 2), ("AOA", 2), ("ARS", 2),
    ("AUD", 2), ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BGN", 2),
    ("BHD", 3), ("BIF", 0), ("BMD", 2), ("BND", 2), ("BOB", 2), ("BRL", 2), ("BSD", 2),
    ("BTN", 2), ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2), ("CHF", 2),
    ("CLP", 0), ("CNY", 2), ("COP", 2), ("CRC", 2), ("CUP", 2), ("CVE", 2), ("CZK", 2),
    ("DJF", 0), ("DKK", 2), ("DOP", 2), ("DZD", 2), ("EGP", 2), ("ERN", 2), ("ETB", 2),
    ("EUR", 2), ("FJD", 2), ("FKP", 2), ("GBP", 2), ("GEL", 2), ("GHS", 2), ("GIP", 2),
    ("GMD", 2), ("GNF", 0), ("GTQ", 2), ("GYD", 2), ("HKD", 2), ("HNL", 2), ("HTG", 2),
    ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2), ("IQD", 3), ("IRR", 2), ("ISK", 0),
    ("JMD", 2), ("JOD", 3), ("JPY", 0), ("KES", 2), ("KGS", 2), ("KHR", 2), ("KMF", 0),
    ("KPW", 2), ("KRW", 0), ("KWD", 3), ("KYD", 2), ("KZT", 2), ("LAK", 2), ("LBP", 2),
    ("LKR", 2), ("LRD", 2), ("LSL", 2), ("LYD", 3), ("MAD", 2), ("MDL", 2), ("MGA", 2),
    ("MKD", 2), ("MMK", 2), ("MNT", 2), ("MOP", 2), ("MRU", 2), ("MUR", 2), ("MVR", 2),
    ("MWK", 2), ("MXN", 2), ("MYR", 2), ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2),
    ("NOK", 2), ("NPR", 2), ("NZD", 2), ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2),
    ("PHP", 2), ("PKR", 2), ("PLN", 2), ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2),
    ("RUB", 2), ("RWF", 0), ("SAR", 2), ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2),
    ("SGD", 2), ("SHP", 2), ("SLE", 2), ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2),
    ("SVC", 2), ("SYP", 2), ("SZL", 2), ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3),
    ("TOP", 2), ("TRY", 2), ("TTD", 2), ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0),
    ("USD", 2), ("UYU", 2), ("UZS", 2), ("VED", 2), ("VES", 2), ("VND", 0), ("VUV", 0),
    ("WST", 2), ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0), ("YER", 2),
    ("ZAR", 2), ("ZMW", 2), ("ZWG", 2),
];

impl Currency {
    /// Pounds sterling.
    pub const GBP: Currency = Currency {
        code: "GBP",
        minor_units: 2,
    };

    /// The currency with this ISO 4217 code, if it is an active one.
    pub fn from_code(code: &str) -> Option<Currency> {
        TABLE
            .binary_search_by(|(c, _)| (*c).cmp(code))
            .ok()
            .and_then(|i| TABLE.get(i))
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }

    /// The ISO 4217 code, like `GBP`: renderers find the symbol in their catalogue by it.
    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point in the currency's smallest unit: 2 for pence and
    /// cents, 0 for yen.
    pub fn minor_units(self) -> u32 {
        self.minor_units
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Currency::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{code:?} is not an ISO 4217 currency code, like \"GBP\", \"EUR\" or \"USD\""
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Currency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = TABLE.iter().map(|(code, _)| *code).collect();
        schemars::json_schema!({
            "type": "string",
            "enum": codes,
            "description": "The ISO 4217 code of the currency of every amount, like GBP, EUR or USD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_order_so_every_code_is_found() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, minor) in TABLE {
            assert_eq!(
                Currency::from_code(code).map(|c| c.minor_units()),
                Some(*minor)
            );
        }
    }

    #[test]
    fn minor_units_follow_the_standard() {
        let minor = |code| Currency::from_code(code).map(Currency::minor_units);
        assert_eq!(minor("GBP"), Some(2));
        assert_eq!(minor("USD"), Some(2));
        assert_eq!(minor("JPY"), Some(0));
        assert_eq!(minor("KWD"), Some(3));
        assert_eq!(minor("gbp"), None);
        assert_eq!(minor("XAU"), None);
        assert_eq!(Currency::from_code("GBP"), Some(Currency::GBP));
    }
}
