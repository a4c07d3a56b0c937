//! CSV for caseloads and reports, through the `csv` crate: a caseload's records are split
//! into fields, and the files the tool writes have one record per row. A cell whose text a
//! person or an input file could have written is neutralised against formula injection:
//! when it begins with `=`, `+`, `-`, `@`, a tab or a carriage return, a spreadsheet would
//! run it as a formula, so it gets a leading `'`, as OWASP recommends.

use std::borrow::Cow;

/// A cell of a CSV file the tool writes.
#[derive(Clone, Copy)]
pub enum Cell<'a> {
    /// A figure the tool worked out, like `-480.00`, written as it is.
    Figure(&'a str),
    /// Text from a person or an input file, like a case id: neutralised.
    Text(&'a str),
}

impl Cell<'_> {
    /// The cell as written.
    fn written(&self) -> Cow<'_, str> {
        match *self {
            Cell::Figure(figure) => Cow::Borrowed(figure),
            Cell::Text(text) if text.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                Cow::Owned(format!("'{text}"))
            }
            Cell::Text(text) => Cow::Borrowed(text),
        }
    }
}

/// Whether a record read so far is still inside a quoted field, so the next line belongs
/// to it. As in RFC 4180 and the `csv` crate, a quote opens a quoted field only at the
/// start of a field; elsewhere it is part of the text.
pub fn is_open(record: &str) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = record.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (quoted, b) {
            (false, b'"') if field_start => quoted = true,
            (false, b',') => {
                field_start = true;
                continue;
            }
            (true, b'"') if bytes.peek() == Some(&b'"') => {
                bytes.next();
            }
            (true, b'"') => quoted = false,
            _ => {}
        }
        field_start = false;
    }
    quoted
}

/// Splits a record into its fields, or says why it cannot be read.
pub fn fields(record: &str) -> Result<Vec<String>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(record.len().clamp(64, 1 << 16))
        .from_reader(record.as_bytes());
    let mut records = reader.records();
    match (records.next(), records.next()) {
        (None, _) => Ok(vec![String::new()]),
        (Some(Ok(fields)), None) => Ok(fields.iter().map(str::to_owned).collect()),
        (Some(Ok(_)), Some(_)) => Err("this row holds more than one record".into()),
        (Some(Err(e)), _) => Err(e.to_string()),
    }
}

/// A whole record, ending with a line break.
pub fn record(cells: &[Cell]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .buffer_capacity(256)
        .from_writer(Vec::with_capacity(128));
    // Writing to memory cannot fail, so neither can these.
    let written = writer
        .write_record(
            cells
                .iter()
                .map(Cell::written)
                .collect::<Vec<_>>()
                .iter()
                .map(|c| c.as_bytes()),
        )
        .ok()
        .and_then(|()| writer.into_inner().ok());
    written
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cell::{Figure, Text};

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
    fn knows_when_a_record_runs_onto_the_next_line() {
        assert!(is_open("a,\"b"));
        assert!(is_open("a,\"b\"\"c"));
        assert!(!is_open("a,\"b\"\"c\""));
        // A quote inside an unquoted field is text, as the csv crate reads it.
        assert!(!is_open("A2,5\",no"));
        assert!(!is_open("A5\",x"));
    }

    #[test]
    fn writes_fields_that_read_back() {
        let line = record(&[Text("plain"), Text("a, b"), Text("say \"hi\"")]);
        assert_eq!(line, "plain,\"a, b\",\"say \"\"hi\"\"\"\n");
        assert_eq!(
            fields(line.trim_end()).unwrap(),
            ["plain", "a, b", "say \"hi\""]
        );
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_is_neutralised_and_figures_are_not() {
        let line = record(&[
            Text("=HYPERLINK(\"http://x\")"),
            Text("+1"),
            Text("-2"),
            Text("@SUM(A1)"),
            Text("\tx"),
            Text("\rx"),
            Text("C1"),
            Figure("-480.00"),
        ]);
        assert_eq!(
            fields(line.trim_end()).unwrap(),
            [
                "'=HYPERLINK(\"http://x\")",
                "'+1",
                "'-2",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "C1",
                "-480.00"
            ]
        );
    }
}
