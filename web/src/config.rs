//! The site's `config.json`: which schemes the page offers, and which one it opens with.

use serde::Deserialize;

/// The site configuration, read from `config.json` beside `index.html`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The schemes on offer, in the order they are listed.
    pub schemes: Vec<SchemeEntry>,
    /// The index in `schemes` of the one the page opens with.
    pub default: usize,
}

/// Where one scheme and its worked examples are, relative to `config.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeEntry {
    /// The scheme file.
    pub path: String,
    /// The scheme's tests file, whose cases double as worked examples.
    pub tests: String,
}

impl Config {
    /// Reads the configuration, or says in plain words why it could not.
    pub fn from_json(text: &str) -> Result<Config, String> {
        serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}"))
    }

    /// The scheme the page opens with.
    pub fn default_scheme(&self) -> Result<&SchemeEntry, String> {
        self.schemes.get(self.default).ok_or_else(|| {
            format!(
                "config.json names scheme {} as the default but lists {}",
                self.default,
                self.schemes.len()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_default_scheme() {
        let config = Config::from_json(
            r#"{"schemes": [{"path": "schemes/a.json", "tests": "schemes/a.tests.json"}], "default": 0}"#,
        )
        .unwrap();
        assert_eq!(config.default_scheme().unwrap().path, "schemes/a.json");
    }

    #[test]
    fn refuses_a_default_past_the_end() {
        let config = Config::from_json(r#"{"schemes": [], "default": 0}"#).unwrap();
        assert_eq!(
            config.default_scheme().unwrap_err(),
            "config.json names scheme 0 as the default but lists 0"
        );
    }

    #[test]
    fn refuses_unknown_keys() {
        let error = Config::from_json(r#"{"schemes": [], "default": 0, "extra": 1}"#).unwrap_err();
        assert!(error.starts_with("config.json is not valid: unknown field `extra`"));
    }
}
