//! The site's `config.json`: which schemes the page offers.
//!
//! ```json
//! {"schemes": [{"path": "schemes/northvale-recovery-2026.json",
//!               "tests": "schemes/northvale-recovery-2026.tests.json"}],
//!  "default": 0}
//! ```
//!
//! A scheme may also name its directory of local services (`"directory":
//! "dist/directories/NAME.directory.json"`), written by `waymark directory import`.
//!
//! With one scheme, the page uses it. With several, the start page asks which one, the
//! default listed first.
//!
//! Two optional parts say how the deployment works with the portal around it:
//!
//! ```json
//! {"submit": {"endpoint": "submissions", "review_endpoint": "reviews", "timeout_seconds": 30},
//!  "embed": {"allowed_origins": ["https://portal.example.gov.uk"], "estimate_updates": false}}
//! ```
//!
//! Without `submit`, the person can download and print but not send. Without
//! `allowed_origins`, a framed page tells its portal nothing; a mounted page always tells
//! its own element that it is ready and what was submitted. Either way, each new estimate
//! only with `estimate_updates`.

use serde::Deserialize;

/// The site configuration, read from `config.json` beside `index.html`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The schemes on offer, in the order they are listed. A host that mounts the page
    /// passes the schemes themselves instead.
    #[serde(default)]
    pub schemes: Vec<SchemeEntry>,
    /// The index in `schemes` of the main scheme, listed first when there are several.
    #[serde(default)]
    pub default: usize,
    /// Where a person's submission is sent, if anywhere.
    #[serde(default)]
    pub submit: Option<Submit>,
    /// What the page tells a portal that frames or mounts it.
    #[serde(default)]
    pub embed: Embed,
}

/// Where submissions go.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submit {
    /// The address a submission is posted to, relative to the page (or absolute).
    pub endpoint: String,
    /// The address a review of the plan is posted to, relative to the page (or absolute);
    /// without one, a review can be downloaded but not sent.
    #[serde(default)]
    pub review_endpoint: Option<String>,
    /// How long to wait for the receiver before telling the person it did not answer.
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u32,
}

/// The seconds to wait for a receiver when the configuration does not say.
fn default_timeout() -> u32 {
    30
}

/// What the page tells the portal around it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    /// The origins of portals that may receive the page's messages when it is framed.
    /// Messages go to no other origin; with none listed, a framed page sends none.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Whether the portal is told each new estimate (amounts only, never answers).
    #[serde(default)]
    pub estimate_updates: bool,
}

/// Where one scheme and its worked examples are, relative to `config.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeEntry {
    /// The scheme file.
    pub path: String,
    /// The scheme's tests file, for tools and tests that need worked examples; the page
    /// does not load it.
    #[serde(default)]
    pub tests: Option<String>,
    /// The scheme's directory of local services, which the page fetches only when the
    /// person opens "Find local support"; without one, the plan does not offer it.
    #[serde(default)]
    pub directory: Option<String>,
}

impl Config {
    /// Reads the configuration, or says in plain words why it could not.
    pub fn from_json(text: &str) -> Result<Config, String> {
        let config: Config =
            serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}"))?;
        if let Some(origin) = config.embed.allowed_origins.iter().find(|o| !is_origin(o)) {
            return Err(format!(
                "config.json is not valid: {origin:?} in embed.allowed_origins is not an origin like \"https://portal.example.gov.uk\""
            ));
        }
        if config
            .submit
            .as_ref()
            .is_some_and(|s| s.timeout_seconds == 0)
        {
            return Err(
                "config.json is not valid: submit.timeout_seconds must be at least 1".into(),
            );
        }
        if config
            .submit
            .as_ref()
            .and_then(|s| s.review_endpoint.as_deref())
            .is_some_and(|e| e.trim().is_empty())
        {
            return Err(
                "config.json is not valid: submit.review_endpoint must not be empty".into(),
            );
        }
        Ok(config)
    }

    /// The schemes in the order the page offers them: the default first, then the rest as
    /// listed. Fails when there are none or the default is not one of them.
    pub fn offered(&self) -> Result<Vec<&SchemeEntry>, String> {
        self.default_first(self.schemes.iter().collect())
    }

    /// `items` (the schemes, or what a host passed in their place) with the default first
    /// and the rest in their order. Fails when there are none or the default is not one.
    pub fn default_first<T>(&self, mut items: Vec<T>) -> Result<Vec<T>, String> {
        if self.default >= items.len() {
            return Err(format!(
                "the configuration names scheme {} as the default but offers {}",
                self.default,
                items.len()
            ));
        }
        let default = items.remove(self.default);
        items.insert(0, default);
        Ok(items)
    }
}

/// Whether `text` is an origin as browsers write one: `http` or `https`, a lower-case host
/// and perhaps a port, with no path, no trailing slash and no wildcard.
fn is_origin(text: &str) -> bool {
    let host = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    host.is_some_and(|host| {
        !host.is_empty()
            && host.chars().all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_digit()
                    || matches!(c, '.' | '-' | ':' | '[' | ']')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_the_default_first() {
        let config = Config::from_json(
            r#"{"schemes": [{"path": "a.json", "tests": "a.tests.json"}, {"path": "b.json"},
                            {"path": "c.json"}], "default": 1}"#,
        )
        .unwrap();
        let paths: Vec<&str> = config
            .offered()
            .unwrap()
            .iter()
            .map(|e| e.path.as_str())
            .collect();
        assert_eq!(paths, ["b.json", "a.json", "c.json"]);
    }

    #[test]
    fn refuses_a_default_past_the_end() {
        let config = Config::from_json(r#"{"schemes": [], "default": 0}"#).unwrap();
        assert_eq!(
            config.offered().unwrap_err(),
            "the configuration names scheme 0 as the default but offers 0"
        );
    }

    #[test]
    fn a_scheme_may_name_its_directory_and_nothing_else() {
        let config = Config::from_json(
            r#"{"schemes": [{"path": "a.json", "directory": "dist/directories/a.directory.json"},
                            {"path": "b.json"}]}"#,
        )
        .unwrap();
        let directories: Vec<Option<&str>> = config
            .schemes
            .iter()
            .map(|e| e.directory.as_deref())
            .collect();
        assert_eq!(
            directories,
            [Some("dist/directories/a.directory.json"), None]
        );
        let error =
            Config::from_json(r#"{"schemes": [{"path": "a.json", "directories": "d.json"}]}"#)
                .unwrap_err();
        assert!(error.contains("unknown field `directories`"), "{error}");
    }

    /// The deployment's own configuration is valid and every scheme it names loads.
    #[test]
    fn the_site_configuration_loads() {
        let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let config =
            Config::from_json(&std::fs::read_to_string(www.join("config.json")).unwrap()).unwrap();
        for entry in config.offered().unwrap() {
            let text = std::fs::read_to_string(www.join(&entry.path)).unwrap();
            assert!(
                waymark_engine::Scheme::from_json(&text).is_ok(),
                "{}",
                entry.path
            );
        }
    }

    #[test]
    fn refuses_allowed_origins_that_are_not_origins_and_a_zero_timeout() {
        let with = |origin: &str| {
            Config::from_json(&format!(
                r#"{{"embed": {{"allowed_origins": ["{origin}"]}}}}"#
            ))
        };
        for good in [
            "https://portal.example.gov.uk",
            "http://127.0.0.1:8080",
            "http://[::1]:80",
        ] {
            assert!(with(good).is_ok(), "{good}");
        }
        for bad in [
            "*",
            "https://portal.example/",
            "https://portal.example/path",
            "portal.example",
            "HTTPS://PORTAL.EXAMPLE",
            "https://",
            "file:///tmp",
        ] {
            assert!(with(bad).unwrap_err().contains("is not an origin"), "{bad}");
        }
        let error = Config::from_json(r#"{"submit": {"endpoint": "s", "timeout_seconds": 0}}"#);
        assert_eq!(
            error.unwrap_err(),
            "config.json is not valid: submit.timeout_seconds must be at least 1"
        );
    }

    #[test]
    fn a_review_endpoint_is_optional_and_never_empty() {
        let config =
            Config::from_json(r#"{"submit": {"endpoint": "s", "review_endpoint": "reviews"}}"#)
                .unwrap();
        let submit = config.submit.unwrap();
        assert_eq!(submit.review_endpoint.as_deref(), Some("reviews"));
        let without = Config::from_json(r#"{"submit": {"endpoint": "s"}}"#).unwrap();
        assert_eq!(without.submit.unwrap().review_endpoint, None);
        for bad in [r#""""#, r#"" ""#, "1", "null"] {
            let text = format!(r#"{{"submit": {{"endpoint": "s", "review_endpoint": {bad}}}}}"#);
            let result = Config::from_json(&text);
            if bad == "null" {
                assert_eq!(result.unwrap().submit.unwrap().review_endpoint, None);
            } else {
                assert!(result.is_err(), "{bad}");
            }
        }
        let error = Config::from_json(r#"{"submit": {"endpoint": "s", "reviews": "r"}}"#);
        assert!(error.unwrap_err().contains("unknown field `reviews`"));
    }

    #[test]
    fn refuses_unknown_keys() {
        let error = Config::from_json(r#"{"schemes": [], "default": 0, "extra": 1}"#).unwrap_err();
        assert!(error.starts_with("config.json is not valid: unknown field `extra`"));
    }
}
