//! Caseload files, read one row at a time so memory does not grow with the caseload.
//!
//! A caseload is JSON Lines, one `{"id": ..., "answers": {...}}` per line, or CSV with a
//! header of `id` and one column per question id. The reader (on one thread) only splits
//! the file into rows; [`Layout::case`] turns a row into a case and is what worker threads
//! run, so the costly parsing happens in parallel.

use crate::csv;
use crate::Failure;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use waymark_engine::answers::{AnswersSeed, Given, GivenAnswers};
use waymark_engine::{Answers, Issue, Scheme};

/// The longest a row may be, and the longest a CSV record may run over several lines
/// before an unclosed quote is reported.
pub const LONGEST_RECORD: usize = 64 * 1024;

/// One row as read: where it starts and its text.
pub struct Row {
    /// The line number where the row starts, counting from 1.
    pub line: u64,
    /// The row's text without its line break, or why it is not text.
    pub text: Result<String, Issue>,
}

/// A case read from a row.
pub struct Case {
    /// The case's id.
    pub id: String,
    /// Its answers.
    pub answers: Answers,
}

/// A row that is not a case: its id if one could be read, and what is wrong.
pub struct BadRow {
    /// The id, or empty.
    pub id: String,
    /// The problems, with JSON Pointers into the row.
    pub issues: Vec<Issue>,
}

/// How the rows of a caseload are laid out.
pub enum Layout {
    /// JSON Lines.
    JsonLines,
    /// CSV with the header's columns, in order.
    Csv(Vec<Column>),
}

/// A CSV column.
pub struct Column {
    /// The header: `id` or a question id.
    pub name: String,
    /// Whether the column answers a yes/no question, so `true`, `false`, `yes` and `no` in
    /// any case are read as yes or no.
    pub yes_no: bool,
}

/// A caseload file being read.
pub struct Reader {
    input: Box<dyn BufRead>,
    name: String,
    csv: bool,
    line: u64,
    bytes: u64,
    size: Option<u64>,
    buf: Vec<u8>,
}

impl Reader {
    /// Opens a caseload (`-` for standard input) and reads a CSV header. The format comes
    /// from the extension (`.csv`, `.jsonl`, `.ndjson`, `.json`) or else from the first
    /// character; `yes_no` says which question ids take yes or no.
    pub fn open(path: &str, yes_no: &dyn Fn(&str) -> bool) -> Result<(Reader, Layout), Failure> {
        let cannot = |e: std::io::Error| Failure::bad(format!("{path}: cannot read: {e}"));
        let (input, size): (Box<dyn BufRead>, Option<u64>) = if path == "-" {
            (Box::new(BufReader::new(std::io::stdin())), None)
        } else {
            let file = File::open(path).map_err(cannot)?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(BufReader::with_capacity(1 << 16, file)), size)
        };
        let mut reader = Reader {
            input,
            name: path.to_owned(),
            csv: false,
            line: 0,
            bytes: 0,
            size,
            buf: Vec::new(),
        };
        let lower = path.to_ascii_lowercase();
        let csv = if lower.ends_with(".csv") {
            true
        } else if [".jsonl", ".ndjson", ".json"]
            .iter()
            .any(|x| lower.ends_with(x))
        {
            false
        } else {
            reader.first_byte().map_err(cannot)? != Some(b'{')
        };
        if !csv {
            return Ok((reader, Layout::JsonLines));
        }
        reader.csv = true;
        let columns = reader.header(yes_no)?;
        Ok((reader, Layout::Csv(columns)))
    }

    /// The file's name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Bytes read so far, and the file's size if known.
    pub fn bytes(&self) -> (u64, Option<u64>) {
        (self.bytes, self.size)
    }

    /// Up to `n` more rows; fewer only at the end of the file.
    pub fn rows(&mut self, n: usize) -> Result<Vec<Row>, Failure> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.row()? {
                Some(row) => out.push(row),
                None => break,
            }
        }
        Ok(out)
    }

    /// The next row that is not blank, or `None` at the end.
    fn row(&mut self) -> Result<Option<Row>, Failure> {
        loop {
            let Some(line) = self.line_bytes()? else {
                return Ok(None);
            };
            let start = self.line;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let mut text = match String::from_utf8(line) {
                Ok(text) => text,
                Err(e) => {
                    return Ok(Some(Row {
                        line: start,
                        text: Err(not_text(&e)),
                    }));
                }
            };
            if self.csv {
                while csv::is_open(&text) {
                    let unclosed = |message: &str| Row {
                        line: start,
                        text: Err(Issue::new("invalid_csv", "", message)),
                    };
                    if text.len() > LONGEST_RECORD {
                        return Ok(Some(unclosed(&format!(
                            "this record runs on over more than {LONGEST_RECORD} bytes: a quote is not closed"
                        ))));
                    }
                    let Some(more) = self.line_bytes()? else {
                        return Ok(Some(unclosed(
                            "this record opens a quote that is never closed",
                        )));
                    };
                    let more = match String::from_utf8(more) {
                        Ok(more) => more,
                        Err(e) => {
                            return Ok(Some(Row {
                                line: self.line,
                                text: Err(not_text(&e)),
                            }));
                        }
                    };
                    text.push('\n');
                    text.push_str(&more);
                }
            }
            return Ok(Some(Row {
                line: start,
                text: Ok(text),
            }));
        }
    }

    /// The next line's bytes without the line break (and without a byte-order mark on the
    /// first line), or `None` at the end.
    fn line_bytes(&mut self) -> Result<Option<Vec<u8>>, Failure> {
        self.buf.clear();
        let n = std::io::Read::take(&mut self.input, LONGEST_RECORD as u64 + 2)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| {
                Failure::bad(format!(
                    "{}: cannot read line {}: {e}",
                    self.name,
                    self.line + 1
                ))
            })?;
        if n == 0 {
            return Ok(None);
        }
        let ending = match self.buf.as_slice() {
            [.., b'\r', b'\n'] => 2,
            [.., b'\n'] => 1,
            _ => 0,
        };
        if n - ending > LONGEST_RECORD {
            return Err(Failure::bad(format!(
                "{}:{}: this row is longer than {LONGEST_RECORD} bytes, the most a caseload row may be",
                self.name,
                self.line + 1
            )));
        }
        self.bytes += n as u64;
        self.line += 1;
        let mut end = self.buf.len();
        while end > 0 && matches!(self.buf[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let start = if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        Ok(Some(self.buf[start.min(end)..end].to_vec()))
    }

    /// The first byte that is not white space or a byte-order mark, without consuming it.
    fn first_byte(&mut self) -> std::io::Result<Option<u8>> {
        let buf = self.input.fill_buf()?;
        Ok(buf
            .iter()
            .copied()
            .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF)))
    }

    /// Reads the CSV header: an `id` column and question ids, each once.
    fn header(&mut self, yes_no: &dyn Fn(&str) -> bool) -> Result<Vec<Column>, Failure> {
        let name = self.name.clone();
        let at = |line: u64, what: String| Failure::bad(format!("{name}:{line}: {what}"));
        let row = self
            .row()?
            .ok_or_else(|| at(1, "the file is empty: it needs a header".into()))?;
        let text = row.text.map_err(|i| at(row.line, i.message))?;
        let names = csv::fields(&text).map_err(|m| at(row.line, format!("header: {m}")))?;
        let mut seen = BTreeMap::new();
        let mut columns = Vec::with_capacity(names.len());
        for (i, raw) in names.iter().enumerate() {
            let name = raw.trim();
            if name.is_empty() {
                return Err(at(
                    row.line,
                    format!("header: column {} has no name", i + 1),
                ));
            }
            if let Some(first) = seen.insert(name.to_owned(), i) {
                return Err(at(
                    row.line,
                    format!(
                        "header: {name:?} is both column {} and column {}",
                        first + 1,
                        i + 1
                    ),
                ));
            }
            columns.push(Column {
                name: name.to_owned(),
                yes_no: yes_no(name),
            });
        }
        if !seen.contains_key("id") {
            return Err(at(row.line, "header: there is no id column".into()));
        }
        Ok(columns)
    }
}

impl Layout {
    /// Where a row keeps its answers, as a JSON Pointer: `/answers` in JSON Lines; in CSV
    /// each question is a column, so a path like `/q1` names the column.
    pub fn answers_path(&self) -> &'static str {
        match self {
            Layout::JsonLines => "/answers",
            Layout::Csv(_) => "",
        }
    }

    /// The CSV columns; none for JSON Lines.
    pub fn columns(&self) -> &[Column] {
        match self {
            Layout::JsonLines => &[],
            Layout::Csv(columns) => columns,
        }
    }

    /// Reads a row as a case.
    pub fn case(&self, row: &Row) -> Result<Case, BadRow> {
        let text = row.text.as_ref().map_err(|issue| BadRow {
            id: String::new(),
            issues: vec![issue.clone()],
        })?;
        match self {
            Layout::JsonLines => json_case(text),
            Layout::Csv(columns) => csv_case(columns, text),
        }
    }
}

/// A case read from a row for one scheme, its answers placed by question and borrowed
/// from the row: how `batch` reads, without building a map of values for each row.
pub struct GivenCase<'r> {
    /// The case's id.
    pub id: String,
    /// Its answers.
    pub answers: GivenAnswers<'r>,
}

impl Layout {
    /// Reads a row as a case for `scheme`.
    pub fn given<'r>(&self, scheme: &Scheme, row: &'r Row) -> Result<GivenCase<'r>, BadRow> {
        let text = row.text.as_ref().map_err(|issue| BadRow {
            id: String::new(),
            issues: vec![issue.clone()],
        })?;
        match self {
            Layout::JsonLines => json_given(scheme, text),
            Layout::Csv(columns) => {
                let case = csv_case(columns, text)?;
                let mut answers = GivenAnswers::new(scheme);
                for (id, value) in case.answers.0 {
                    let value = match value {
                        serde_json::Value::Bool(b) => Given::Bool(b),
                        serde_json::Value::String(s) => Given::Text(Cow::Owned(s)),
                        _ => Given::Other,
                    };
                    answers.set(scheme, &id, value);
                }
                Ok(GivenCase {
                    id: case.id,
                    answers,
                })
            }
        }
    }
}

/// A JSON Lines row read for one scheme.
fn json_given<'r>(scheme: &Scheme, text: &'r str) -> Result<GivenCase<'r>, BadRow> {
    let mut de = serde_json::Deserializer::from_str(text);
    let read = RowSeed(scheme)
        .deserialize(&mut de)
        .and_then(|row| de.end().map(|()| row));
    let (id, answers) = read.map_err(|e| BadRow {
        id: serde_json::from_str::<IdOnly>(text)
            .map(|x| x.id.0)
            .unwrap_or_default(),
        issues: vec![json_issue(&e)],
    })?;
    if id.is_empty() {
        return Err(BadRow {
            id,
            issues: vec![Issue::new("missing_id", "/id", "give every case an id")],
        });
    }
    Ok(GivenCase { id, answers })
}

/// Reads `{"id": ..., "answers": {...}}` with the answers placed for a scheme.
struct RowSeed<'s>(&'s Scheme);

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = (String, GivenAnswers<'de>);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = (String, GivenAnswers<'de>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a case: an object with an id and answers")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let (mut id, mut answers) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" if id.is_some() => return Err(de::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value::<Id>()?.0),
                "answers" if answers.is_some() => {
                    return Err(de::Error::duplicate_field("answers"))
                }
                "answers" => answers = Some(map.next_value_seed(AnswersSeed(self.0))?),
                other => return Err(de::Error::unknown_field(other, &["id", "answers"])),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let answers = answers.ok_or_else(|| de::Error::missing_field("answers"))?;
        Ok((id, answers))
    }
}

/// A JSON Lines row: `{"id": "A1", "answers": {"q1": "b"}}`.
fn json_case(text: &str) -> Result<Case, BadRow> {
    let line: JsonRow = serde_json::from_str(text).map_err(|e| {
        let id = serde_json::from_str::<IdOnly>(text)
            .map(|x| x.id.0)
            .unwrap_or_default();
        BadRow {
            id,
            issues: vec![json_issue(&e)],
        }
    })?;
    let id = line.id.0;
    if id.is_empty() {
        return Err(BadRow {
            id,
            issues: vec![Issue::new("missing_id", "/id", "give every case an id")],
        });
    }
    Ok(Case {
        id,
        answers: Answers(line.answers.0),
    })
}

/// A CSV row: the id column and one answer per non-empty cell.
fn csv_case(columns: &[Column], text: &str) -> Result<Case, BadRow> {
    let cells = csv::fields(text).map_err(|m| BadRow {
        id: String::new(),
        issues: vec![Issue::new("invalid_csv", "", m)],
    })?;
    let id_cell = columns
        .iter()
        .position(|c| c.name == "id")
        .and_then(|i| cells.get(i));
    let id = id_cell.map(|s| s.trim().to_owned()).unwrap_or_default();
    if cells.len() != columns.len() {
        let message = format!(
            "expected {} fields, as in the header, but found {}",
            columns.len(),
            cells.len()
        );
        return Err(BadRow {
            id,
            issues: vec![Issue::new("invalid_csv", "", message)],
        });
    }
    if id.is_empty() {
        return Err(BadRow {
            id,
            issues: vec![Issue::new("missing_id", "/id", "give every case an id")],
        });
    }
    let mut answers = Answers::default();
    for (column, cell) in columns.iter().zip(&cells) {
        let cell = cell.trim();
        if column.name == "id" || cell.is_empty() {
            continue;
        }
        let value = match cell.to_ascii_lowercase().as_str() {
            "yes" | "true" if column.yes_no => serde_json::Value::Bool(true),
            "no" | "false" if column.yes_no => serde_json::Value::Bool(false),
            _ => serde_json::Value::String(cell.to_owned()),
        };
        answers.set(&column.name, value);
    }
    Ok(Case { id, answers })
}

/// A row that is not UTF-8, with the column and byte where it goes wrong.
fn not_text(e: &std::string::FromUtf8Error) -> Issue {
    let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
    let column = String::from_utf8_lossy(good).chars().count() + 1;
    Issue::new(
        "invalid_text",
        "",
        format!(
            "this row is not UTF-8 text: column {column} (byte {} of the row) is not a character",
            good.len()
        ),
    )
}

/// A JSON error as an issue: serde's message, with the column where it was found.
fn json_issue(e: &serde_json::Error) -> Issue {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let message = message.replace('`', "");
    let code = if e.is_data() {
        "invalid_row"
    } else {
        "invalid_json"
    };
    Issue::new(code, "", format!("{message} (column {})", e.column()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRow {
    id: Id,
    answers: StrictAnswers,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Id,
}

/// A case id: a string, or a whole number written without quotes.
struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id written as a string or a whole number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.trim().to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Answers that refuse a question answered twice in one row.
struct StrictAnswers(BTreeMap<String, serde_json::Value>);

impl<'de> Deserialize<'de> for StrictAnswers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StrictAnswers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of answers, question id to answer")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<StrictAnswers, M::Error> {
                let mut out = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                    if out.contains_key(&key) {
                        return Err(de::Error::custom(format!("{key:?} is answered twice")));
                    }
                    out.insert(key, value);
                }
                Ok(StrictAnswers(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Row {
        Row {
            line: 2,
            text: Ok(text.to_owned()),
        }
    }

    #[test]
    fn reads_a_json_row() {
        let case = Layout::JsonLines
            .case(&row(r#"{"id": 7, "answers": {"q1": "b", "q2": true}}"#))
            .ok()
            .unwrap();
        assert_eq!(case.id, "7");
        assert_eq!(case.answers.0["q2"], serde_json::json!(true));
    }

    #[test]
    fn names_what_is_wrong_with_a_json_row() {
        let bad = |text| Layout::JsonLines.case(&row(text)).err().unwrap();
        let e = bad(r#"{"id": "A", "answers": {"q1": "b", "q1": "c"}}"#);
        assert_eq!(e.id, "A");
        assert!(
            e.issues[0].message.contains("\"q1\" is answered twice"),
            "{}",
            e.issues[0].message
        );
        let e = bad(r#"{"id": "A", "answers": {"q1": "b"}"#);
        assert_eq!(e.issues[0].code, "invalid_json");
        let e = bad(r#"{"id": "A"}"#);
        assert_eq!(e.issues[0].message, "missing field answers (column 11)");
        let e = bad(r#"{"id": "", "answers": {}}"#);
        assert_eq!(e.issues[0].code, "missing_id");
    }

    #[test]
    fn reads_a_csv_row() {
        let columns = vec![
            Column {
                name: "id".into(),
                yes_no: false,
            },
            Column {
                name: "q1".into(),
                yes_no: false,
            },
            Column {
                name: "q2".into(),
                yes_no: true,
            },
            Column {
                name: "age".into(),
                yes_no: false,
            },
        ];
        let layout = Layout::Csv(columns);
        let case = layout.case(&row("A1,b,TRUE,")).ok().unwrap();
        assert_eq!(case.id, "A1");
        assert_eq!(case.answers.0.len(), 2);
        assert_eq!(case.answers.0["q2"], serde_json::json!(true));
        let e = layout.case(&row("A2,b,no")).err().unwrap();
        assert_eq!(
            (e.id.as_str(), e.issues[0].code.as_str()),
            ("A2", "invalid_csv")
        );
    }
}
