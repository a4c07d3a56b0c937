//! Exact amounts: money and plain numbers, both `rust_decimal::Decimal`, written as strings.
//!
//! Money is never a float. Scheme authors write amounts as strings (`"52.00"`) and may write
//! whole numbers for points and weights as JSON integers; a JSON number with a fraction is
//! refused, because it would pass through binary floating point on the way in.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An exact amount of money in the scheme's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(pub Decimal);

/// An exact number that is not money: points, weights, percentages, counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Number(pub Decimal);

impl Money {
    /// Zero in any currency.
    pub const ZERO: Money = Money(Decimal::ZERO);
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

/// Reads a decimal written as a string, or as a JSON integer when `integers` is true.
struct DecimalVisitor {
    integers: bool,
}

const FLOAT_REFUSED: &str = "write numbers with a decimal point as strings, like \"2.5\"";

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.integers {
            f.write_str("a whole number or a decimal written as a string, like \"2.5\"")
        } else {
            f.write_str("an amount written as a string, like \"12.50\"")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).ok_or_else(|| E::custom(format!("{v:?} is not a decimal number")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        if self.integers {
            Ok(Decimal::from(v))
        } else {
            Err(E::custom(
                "write amounts of money as strings, like \"12.50\"",
            ))
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        if self.integers {
            Ok(Decimal::from(v))
        } else {
            Err(E::custom(
                "write amounts of money as strings, like \"12.50\"",
            ))
        }
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Decimal, E> {
        Err(E::custom(FLOAT_REFUSED))
    }
}

/// Serde for an exact `Decimal` written as a plain decimal string (`"12.50"`), for fields
/// that are not [`Money`] or [`Number`]: written without an allocation, and read as
/// strictly as [`parse_decimal`].
pub mod decimal_string {
    use super::{parse_decimal, Decimal};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the decimal as a string.
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }

    /// Reads a plain decimal string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse_decimal(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a decimal number")))
    }

    /// The same for an optional decimal.
    pub mod option {
        use super::Decimal;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Writes the decimal as a string, or nothing.
        pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => s.collect_str(v),
                None => s.serialize_none(),
            }
        }

        /// Reads a plain decimal string, or null.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            match <Option<std::borrow::Cow<'de, str>>>::deserialize(d)? {
                None => Ok(None),
                Some(text) => super::super::parse_decimal(&text).map(Some).ok_or_else(|| {
                    serde::de::Error::custom(format!("{text:?} is not a decimal number"))
                }),
            }
        }
    }
}

/// Parses a plain decimal such as `"-12.50"`: digits, at most one point, an optional sign.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain = !digits.is_empty()
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !plain {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor { integers: false })
            .map(Money)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor { integers: true })
            .map(Number)
    }
}

#[cfg(feature = "schema")]
mod schema {
    use super::{Money, Number};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Money {
        fn schema_name() -> Cow<'static, str> {
            "Money".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
                "description": "An exact amount of money written as a string, like \"12.50\"."
            })
        }
    }

    impl JsonSchema for Number {
        fn schema_name() -> Cow<'static, str> {
            "Number".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "oneOf": [
                    { "type": "integer" },
                    { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" }
                ],
                "description": "A whole number, or an exact decimal written as a string, like \"2.5\"."
            })
        }
    }
}

/// How a scheme rounds: how many decimal places, and which way halves and remainders go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places to keep: 2 for pence, 0 for whole pounds.
    pub places: u32,
    /// Which way to round.
    pub strategy: RoundingRule,
}

/// Which way a rounding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingRule {
    /// To the nearest; a half goes away from zero (12.345 becomes 12.35).
    HalfUp,
    /// To the nearest; a half goes towards zero (12.345 becomes 12.34).
    HalfDown,
    /// To the nearest; a half goes to the even neighbour (banker's rounding).
    HalfEven,
    /// Always away from zero (12.341 becomes 12.35).
    Up,
    /// Always towards zero (12.349 becomes 12.34).
    Down,
}

impl Rounding {
    /// The largest number of places a scheme may ask for.
    pub const MAX_PLACES: u32 = 10;

    /// Rounds `value` by this rule.
    pub fn apply(self, value: Decimal) -> Decimal {
        let strategy = match self.strategy {
            RoundingRule::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingRule::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingRule::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingRule::Up => RoundingStrategy::AwayFromZero,
            RoundingRule::Down => RoundingStrategy::ToZero,
        };
        let places = self.places.min(Self::MAX_PLACES);
        let mut rounded = value.round_dp_with_strategy(places, strategy);
        if rounded.scale() < places {
            rounded.rescale(places);
        }
        rounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_halves_the_way_the_scheme_says() {
        let pence = |strategy| Rounding {
            places: 2,
            strategy,
        };
        assert_eq!(pence(RoundingRule::HalfUp).apply(d("12.345")), d("12.35"));
        assert_eq!(pence(RoundingRule::HalfDown).apply(d("12.345")), d("12.34"));
        assert_eq!(pence(RoundingRule::HalfEven).apply(d("12.345")), d("12.34"));
        assert_eq!(pence(RoundingRule::HalfEven).apply(d("12.355")), d("12.36"));
        assert_eq!(pence(RoundingRule::Up).apply(d("12.341")), d("12.35"));
        assert_eq!(pence(RoundingRule::Down).apply(d("12.349")), d("12.34"));
        assert_eq!(
            pence(RoundingRule::HalfUp).apply(d("1185")).to_string(),
            "1185.00"
        );
    }

    #[test]
    fn reads_only_plain_decimals() {
        assert_eq!(parse_decimal("12.50"), Some(d("12.50")));
        assert_eq!(parse_decimal("-3"), Some(d("-3")));
        for bad in ["", "1e5", ".5", "5.", "1.2.3", "+1", " 1", "NaN", "1_000"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn money_is_written_as_a_string_and_never_read_from_a_float() {
        let m: Money = serde_json::from_str("\"1768.00\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1768.00\"");
        assert!(serde_json::from_str::<Money>("1768").is_err());
        assert!(serde_json::from_str::<Number>("2.5").is_err());
        let n: Number = serde_json::from_str("3").unwrap();
        assert_eq!(n, Number(d("3")));
    }
}
