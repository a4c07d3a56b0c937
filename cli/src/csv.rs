//! Just enough CSV (RFC 4180) for caseloads: fields split on commas, double quotes around
//! fields that hold commas, quotes or line breaks, and `""` for a quote inside them.

/// Whether a record read so far is still inside a quoted field, so the next line belongs
/// to it.
pub fn is_open(record: &str) -> bool {
    record.bytes().filter(|b| *b == b'"').count() % 2 == 1
}

/// Splits a record into its fields, or says why it cannot be read.
pub fn fields(record: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = record.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                if chars.peek().is_some_and(|next| *next != ',') {
                    return Err(format!(
                        "field {} has text after its closing quote",
                        out.len() + 1
                    ));
                }
            }
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            (false, '"') => {
                return Err(format!(
                    "field {} has a quote but does not start with one",
                    out.len() + 1
                ));
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(format!(
            "field {} opens a quote that is never closed",
            out.len() + 1
        ));
    }
    out.push(field);
    Ok(out)
}

/// Appends a field to `out`, quoted if it needs to be.
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A whole record, fields joined by commas, ending with a line break.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(&mut out, f.as_ref());
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_quoted_fields() {
        assert_eq!(fields("a,b,,c").unwrap(), ["a", "b", "", "c"]);
        assert_eq!(
            fields(r#""x, y","say ""hi""",z"#).unwrap(),
            ["x, y", r#"say "hi""#, "z"]
        );
        assert_eq!(fields("\"two\nlines\",b").unwrap(), ["two\nlines", "b"]);
        assert_eq!(fields("").unwrap(), [""]);
    }

    #[test]
    fn refuses_stray_quotes() {
        assert!(fields(r#"a,"b"c"#).is_err());
        assert!(fields(r#"a,b"c"#).is_err());
        assert!(fields(r#"a,"b"#).is_err());
    }

    #[test]
    fn knows_when_a_record_runs_onto_the_next_line() {
        assert!(is_open("a,\"b"));
        assert!(!is_open("a,\"b\"\"c\""));
    }

    #[test]
    fn writes_fields_that_read_back() {
        let line = record(&["plain", "a, b", "say \"hi\""]);
        assert_eq!(line, "plain,\"a, b\",\"say \"\"hi\"\"\"\n");
        assert_eq!(
            fields(line.trim_end()).unwrap(),
            ["plain", "a, b", "say \"hi\""]
        );
    }
}
