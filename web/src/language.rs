//! Which language the page is in: the person's choice when they made one (`?lang=cy` in
//! the address, or the switch in the header, remembered on the device), otherwise the
//! first of the browser's preferred languages that the scheme offers, otherwise the
//! scheme's first language. A language is offered when the scheme is written in it and
//! there is a catalogue for it.

use waymark_engine::Scheme;

/// The languages `scheme` can be used in, its default first.
pub fn offered(scheme: &Scheme) -> Vec<String> {
    scheme
        .languages
        .iter()
        .filter(|code| waymark_words::languages::name(code).is_some())
        .cloned()
        .collect()
}

/// The language to use: `asked` (from the address), then `stored` (chosen before on this
/// device), then the browser's `preferred` languages (like `cy-GB`, matched by their first
/// part), then the first `offered`.
pub fn choose(
    asked: Option<&str>,
    stored: Option<&str>,
    preferred: &[String],
    offered: &[String],
) -> String {
    let offers = |code: &str| offered.iter().any(|o| o == code);
    let from_browser = preferred
        .iter()
        .map(|p| {
            p.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        })
        .find(|code| offers(code));
    asked
        .filter(|code| offers(code))
        .or(stored.filter(|code| offers(code)))
        .map(str::to_owned)
        .or(from_browser)
        .or_else(|| offered.first().cloned())
        .unwrap_or_else(|| "en".to_owned())
}

/// The `lang` parameter of a query string (`?a=1&lang=cy`), if it has one.
pub fn from_query(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
}

/// The query string `search` with its `lang` set to `code`, the rest kept: the address
/// of this page in another language.
pub fn link(search: &str, code: &str) -> String {
    let kept = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="));
    let pairs: Vec<String> = kept
        .map(str::to_owned)
        .chain([format!("lang={code}")])
        .collect();
    format!("?{}", pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both() -> Vec<String> {
        vec!["en".into(), "cy".into()]
    }

    #[test]
    fn the_address_comes_first_then_the_device_then_the_browser() {
        let browser = vec!["cy-GB".to_owned(), "en-GB".to_owned()];
        assert_eq!(choose(Some("en"), Some("cy"), &browser, &both()), "en");
        assert_eq!(choose(None, Some("en"), &browser, &both()), "en");
        assert_eq!(choose(None, None, &browser, &both()), "cy");
        assert_eq!(choose(None, None, &["fr".to_owned()], &both()), "en");
    }

    #[test]
    fn a_language_the_scheme_does_not_offer_is_passed_over() {
        let english = vec!["en".to_owned()];
        assert_eq!(
            choose(Some("cy"), Some("cy"), &["cy".into()], &english),
            "en"
        );
        assert_eq!(choose(Some("xx"), None, &[], &both()), "en");
    }

    #[test]
    fn a_link_to_another_language_keeps_the_rest_of_the_address() {
        assert_eq!(link("", "cy"), "?lang=cy");
        assert_eq!(link("?date=2026-06-01", "cy"), "?date=2026-06-01&lang=cy");
        assert_eq!(
            link("?lang=en&date=2026-06-01", "cy"),
            "?date=2026-06-01&lang=cy"
        );
    }

    #[test]
    fn the_address_may_name_a_language() {
        assert_eq!(from_query("?lang=cy").as_deref(), Some("cy"));
        assert_eq!(
            from_query("?date=2026-06-01&lang=en").as_deref(),
            Some("en")
        );
        assert_eq!(from_query("?lang="), None);
        assert_eq!(from_query(""), None);
    }
}
