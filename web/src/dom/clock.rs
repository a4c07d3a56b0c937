//! Today's date and the time, from the browser's clock, and the `?date=` override.

use waymark_engine::Date;

/// The assessment date: the `date` query parameter when it is a valid `YYYY-MM-DD` (for
/// tests and demonstrations, like `?date=2026-06-01`), otherwise today on this device.
pub fn assessment_date() -> Option<Date> {
    let search = super::window().and_then(|w| w.location().search().ok());
    search.as_deref().and_then(date_from_query).or_else(today)
}

/// Today in the device's time zone.
fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    Date::new(year, month, day)
}

/// The time now, as an ISO 8601 timestamp in UTC.
pub fn timestamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Milliseconds since the page started, with sub-millisecond precision, for timings; 0
/// outside a browser (in native tests).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        super::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Whole microseconds since `start` (in milliseconds, from [`now_ms`]).
pub fn micros_since(start: f64) -> u64 {
    // Saturating conversion: a negative or absurd interval becomes 0 or u64::MAX.
    ((now_ms() - start) * 1000.0) as u64
}

/// The `date` parameter of a query string (`?a=1&date=2026-06-01`), if it is a valid date.
pub fn date_from_query(search: &str) -> Option<Date> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("date="))
        .and_then(|value| value.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::date_from_query;

    #[test]
    fn the_date_parameter_overrides_today_only_when_valid() {
        assert_eq!(
            date_from_query("?date=2026-06-01").map(|d| d.to_string()),
            Some("2026-06-01".to_owned())
        );
        assert_eq!(
            date_from_query("?x=1&date=2027-01-31").map(|d| d.to_string()),
            Some("2027-01-31".to_owned())
        );
        assert_eq!(date_from_query("?date=2026-02-30"), None);
        assert_eq!(date_from_query("?update=2026-06-01"), None);
        assert_eq!(date_from_query(""), None);
    }
}
