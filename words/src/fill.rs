//! Filling a template's named blanks.

/// Fills a template's blanks: each `{name}` becomes its value. Unknown blanks stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of a template's blanks, in order, each once.
pub fn blanks(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !out.contains(&name)
        {
            out.push(name);
        }
        rest = &after[close + 1..];
    }
    out
}

/// The text before and after a blank, for a renderer that puts something other than text
/// (a link, an element) in it; `None` when the template has no such blank.
pub fn split<'t>(template: &'t str, blank: &str) -> Option<(&'t str, &'t str)> {
    let marker = format!("{{{blank}}}");
    let at = template.find(&marker)?;
    Some((&template[..at], &template[at + marker.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_blanks_in_any_order() {
        assert_eq!(
            fill("Question {n} of {total}", &[("total", "9"), ("n", "3")]),
            "Question 3 of 9"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }

    #[test]
    fn leaves_unknown_blanks_and_stray_braces() {
        assert_eq!(fill("{nope} and {", &[("n", "1")]), "{nope} and {");
        assert_eq!(fill("no blanks", &[]), "no blanks");
    }

    #[test]
    fn names_the_blanks() {
        assert_eq!(blanks("{b} of {a}, {b}"), ["b", "a"]);
        assert_eq!(blanks("£{amount}"), ["amount"]);
        assert!(blanks("{ not one }").is_empty());
    }

    #[test]
    fn splits_at_a_blank() {
        assert_eq!(
            split("set by {reference}.", "reference"),
            Some(("set by ", "."))
        );
        assert_eq!(split("no blank", "reference"), None);
    }
}
