//! Structured problems: what went wrong, where, in plain words.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem with a scheme, answers or a plan.
///
/// `path` is a JSON Pointer (RFC 6901) into the document the problem was found in,
/// so a form can put the message beside the field and an author can find the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// A stable, machine-readable code such as `missing_answer`.
    pub code: String,
    /// JSON Pointer to the offending field, `""` for the whole document.
    pub path: String,
    /// A short plain-language message, lower case, no full stop.
    pub message: String,
}

impl Issue {
    /// Makes an issue from a code, a JSON Pointer and a message.
    pub fn new(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            code: code.to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }

    /// Whether the issue is located in the scheme (a step that cannot be worked out for
    /// these answers, or a date the scheme does not cover) rather than in the document
    /// being read.
    pub fn in_scheme(&self) -> bool {
        self.path.starts_with("/allocation") || self.code == "date_outside_scheme"
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{}: {} [{}]", path, self.message, self.code)
    }
}

/// Builds JSON Pointer paths, escaping `~` and `/` in keys.
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    segments.into_iter().fold(String::new(), |mut out, seg| {
        out.push('/');
        out.push_str(&seg.as_ref().replace('~', "~0").replace('/', "~1"));
        out
    })
}

/// `; did you mean "x"?` naming the known id closest to `id`, when one is close enough to
/// be a slip (at most two letters different, and fewer than half), or nothing.
pub(crate) fn did_you_mean<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let most = (id.chars().count() / 2).clamp(1, 2);
    known
        .into_iter()
        .map(|k| (distance(id, k), k))
        .filter(|(d, _)| *d <= most)
        .min()
        .map_or_else(String::new, |(_, k)| format!("; did you mean {k:?}?"))
}

/// The number of letters to insert, delete or change to turn `a` into `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod suggestion_tests {
    use super::did_you_mean;

    #[test]
    fn a_slip_gets_the_nearest_id_and_anything_else_nothing() {
        let known = ["total_points", "price_per_point", "eligible"];
        assert_eq!(
            did_you_mean("total_pionts", known),
            "; did you mean \"total_points\"?"
        );
        assert_eq!(
            did_you_mean("eligble", known),
            "; did you mean \"eligible\"?"
        );
        assert_eq!(did_you_mean("budget", known), "");
        assert_eq!(did_you_mean("x", known), "");
    }
}
