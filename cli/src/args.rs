//! A small argument reader: positional arguments and `--flag value` options.

use crate::Failure;
use std::collections::BTreeMap;

/// Parsed arguments.
pub struct Args {
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
    options: BTreeMap<String, String>,
}

impl Args {
    /// Reads `argv`, accepting only the options named in `known`.
    pub fn parse(argv: &[String], known: &[&str]) -> Result<Args, Failure> {
        let mut positional = Vec::new();
        let mut options = BTreeMap::new();
        let mut it = argv.iter();
        while let Some(arg) = it.next() {
            match arg.strip_prefix("--") {
                Some(name) if !name.is_empty() => {
                    let (name, inline) = match name.split_once('=') {
                        Some((n, v)) => (n, Some(v.to_owned())),
                        None => (name, None),
                    };
                    if !known.contains(&name) {
                        return Err(Failure::bad(format!("unknown option --{name}")));
                    }
                    let value = match inline {
                        Some(v) => v,
                        None => it
                            .next()
                            .cloned()
                            .ok_or_else(|| Failure::bad(format!("--{name} needs a value")))?,
                    };
                    options.insert(name.to_owned(), value);
                }
                _ => positional.push(arg.clone()),
            }
        }
        Ok(Args {
            positional,
            options,
        })
    }

    /// The value of an option, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    /// Whether `--format` asks for text rather than JSON (the default).
    pub fn wants_text(&self) -> Result<bool, Failure> {
        match self.option("format").unwrap_or("json") {
            "json" => Ok(false),
            "text" => Ok(true),
            other => Err(Failure::bad(format!(
                "--format {other:?}: use json or text"
            ))),
        }
    }
}
