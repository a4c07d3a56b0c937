//! Finds the JSON path of a place in a document, so an error serde_json reports at a line
//! and column can be named by the field it is about.
//!
//! serde_json reports an error where it stopped reading, and each such place belongs to one
//! value or key, found by one walk through the text:
//! - just after a value that was wrong, or at the first character of a value of the wrong
//!   kind: that value;
//! - just after the key of an unknown field: that key;
//! - just after an object's closing brace: the object when a field is missing from it, and
//!   otherwise its last member, whose own reading failed after serde_json had finished
//!   with it (an object with a `kind`, read whole first, or a value checked once read);
//! - just after an array's closing bracket: the array when it has the wrong length, and
//!   otherwise its last item; at the start of an item serde_json did not stop at the start
//!   of: the item before, for the same reason;
//! - one character into a value it could not start reading, which serde_json counts as an
//!   error of syntax in JSON that is well-formed: that value; or at the comma after an
//!   object's first member, when the object was to hold one member only: that object.
//!
//! serde_path_to_error names a place by following every type's reading instead, and the
//! two differ, by one level, in three cases: a one-key object given a second key is named
//! here by that key (there, by the object); the same, when the first key's value is `{}`
//! or a one-digit number, by the first key; and a field missing from an object with a
//! `kind` that is its parent's last member, by the parent. The walk is written here because
//! that wrapping compiles a second copy of the reading code of every type (38 KB of the
//! engine module gzipped). `engine/tests/json_paths.rs` checks that both name the same
//! place, but for those three, for thousands of one-change copies of the example documents.

use crate::issue::pointer;

/// How deep the walk goes; serde_json refuses documents nested more deeply than 128.
const MAX_DEPTH: usize = 256;

/// The JSON Pointer of the value or key in well-formed `text` that serde_json's error `e`
/// is about, or the whole document's (`""`) when the error has no position.
pub(crate) fn path_of(text: &str, e: &serde_json::Error) -> String {
    let Some(mut at) = offset(text, e.line(), e.column()) else {
        return String::new();
    };
    if e.is_syntax() {
        at = if ends_first_of_two(text.as_bytes(), at) {
            at + 1
        } else {
            at.saturating_sub(1)
        };
    }
    let message = e.to_string();
    let mut walk = Walk {
        bytes: text.as_bytes(),
        text,
        i: 0,
        at,
        error: ErrorKind {
            at_a_start: e.is_syntax()
                || message.starts_with("invalid type: map")
                || message.starts_with("invalid type: sequence"),
            missing_field: message.starts_with("missing field"),
            wrong_length: message.starts_with("invalid length"),
        },
        path: Vec::new(),
    };
    walk.value(0);
    pointer(&walk.path)
}

/// Whether a syntax error at `at` is at the comma after the first member of an object that
/// was to have one member, rather than one character into a value. The comma then follows
/// the end of a value: a string, an array, or something that did not start just there.
fn ends_first_of_two(bytes: &[u8], at: usize) -> bool {
    let Some(last) = at.checked_sub(1) else {
        return false;
    };
    let before = bytes[..last.min(bytes.len())]
        .iter()
        .rfind(|b| !b.is_ascii_whitespace());
    bytes.get(at) == Some(&b',')
        && (matches!(bytes.get(last), Some(b'"' | b']'))
            || !matches!(before, Some(b':' | b'[' | b',' | b'{')))
}

/// The byte offset of serde_json's 1-based line and its column, which counts the bytes read
/// on that line.
fn offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = match line {
        0 => return None,
        1 => 0,
        _ => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    Some(start + column)
}

/// A walk through well-formed JSON to the byte `at`, keeping the path of where it is.
struct Walk<'a> {
    bytes: &'a [u8],
    text: &'a str,
    i: usize,
    at: usize,
    error: ErrorKind,
    path: Vec<String>,
}

/// What kind of error the place is for, as far as it changes the place.
#[derive(Default)]
struct ErrorKind {
    /// serde_json stopped at the start of a value, rather than after one.
    at_a_start: bool,
    /// A field is missing: just after a closing brace, the object is the place.
    missing_field: bool,
    /// An array is too long or short: just after its closing bracket, it is the place.
    wrong_length: bool,
}

impl Walk<'_> {
    /// Walks one value; true when the place is found, with `path` naming it. Just after the
    /// value, or in the space after it, is still the value's place.
    fn value(&mut self, depth: usize) -> bool {
        self.skip_space();
        if self.i >= self.at || depth > MAX_DEPTH {
            return true;
        }
        let found = match self.bytes.get(self.i) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                self.string();
                false
            }
            Some(_) => {
                let start = self.i;
                self.scalar();
                self.i == start
            }
            None => true,
        };
        if !found {
            self.skip_space();
        }
        found || self.i >= self.at
    }

    /// Walks an object's members: the place is a member's key or value, the object itself,
    /// or, just after its closing brace, the object or its last member.
    fn object(&mut self, depth: usize) -> bool {
        self.i += 1;
        let mut last = None;
        loop {
            self.skip_space();
            if self.i >= self.at {
                return true;
            }
            match self.bytes.get(self.i) {
                Some(b'}') => {
                    self.i += 1;
                    return self.closed(last, self.error.missing_field);
                }
                Some(b',') => self.i += 1,
                Some(b'"') => {
                    let key = self.string();
                    self.path.push(key);
                    if self.i >= self.at {
                        return true;
                    }
                    self.skip_space();
                    if self.bytes.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    if self.value(depth + 1) {
                        return true;
                    }
                    last = self.path.pop();
                }
                _ => return true,
            }
        }
    }

    /// Walks an array's items: the place is an item, the array itself, or, just after its
    /// closing bracket, the array or its last item. serde_json places an error it found
    /// once it had read an item (an object with a `kind`, or a value checked once read)
    /// after the comma that follows, so an error at the start of an item that serde_json
    /// did not stop at the start of is about the item before.
    fn array(&mut self, depth: usize) -> bool {
        self.i += 1;
        let mut index = 0usize;
        let mut last = None;
        loop {
            self.skip_space();
            if self.i > self.at {
                return true;
            }
            match self.bytes.get(self.i) {
                Some(b']') => {
                    self.i += 1;
                    return self.closed(last, self.error.wrong_length);
                }
                Some(b',') => {
                    self.i += 1;
                    index += 1;
                }
                Some(b'}') => return true,
                Some(_) => {
                    if self.i == self.at && !self.error.at_a_start {
                        if let Some(before) = last {
                            self.path.push(before);
                            return true;
                        }
                    }
                    self.path.push(index.to_string());
                    if self.value(depth + 1) {
                        return true;
                    }
                    last = self.path.pop();
                }
                None => return true,
            }
        }
    }

    /// After a closing bracket: just there, the place is the container (when the error is
    /// `its_own`) or its last member.
    fn closed(&mut self, last: Option<String>, its_own: bool) -> bool {
        if self.i != self.at {
            return false;
        }
        if let Some(last) = last.filter(|_| !its_own) {
            self.path.push(last);
        }
        true
    }

    /// Steps over a string, returning its text with escapes undone.
    fn string(&mut self) -> String {
        let start = self.i;
        self.i += 1;
        while let Some(&b) = self.bytes.get(self.i) {
            self.i += 1;
            match b {
                b'\\' => self.i += 1,
                b'"' => break,
                _ => {}
            }
        }
        let raw = self.text.get(start..self.i).unwrap_or_default();
        serde_json::from_str(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned())
    }

    /// Steps over a number, `true`, `false` or `null`.
    fn scalar(&mut self) {
        while let Some(b) = self.bytes.get(self.i) {
            if matches!(b, b',' | b']' | b'}') || b.is_ascii_whitespace() {
                break;
            }
            self.i += 1;
        }
    }

    fn skip_space(&mut self) {
        while self.bytes.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's error for reading `text` as a `T` is about.
    fn path<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        path_of(text, &serde_json::from_str::<T>(text).unwrap_err())
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_named() {
        assert_eq!(
            path::<Doc>(r#"{"items": [{"n": 1}, {"n": "x"}]}"#),
            "/items/1/n"
        );
        assert_eq!(
            path::<Doc>(r#"{"items": [{"n": 1}, {"n": {}}]}"#),
            "/items/1/n"
        );
        assert_eq!(path::<Doc>(r#"{"items": {"n": 1}}"#), "/items");
        assert_eq!(
            path::<Doc>("{\n  \"items\": [\n    {\"n\": 1, \"tags\": [\"a\", 2]}\n  ]\n}"),
            "/items/0/tags/1"
        );
    }

    #[test]
    fn an_unknown_field_is_named_by_its_key() {
        assert_eq!(
            path::<Doc>(r#"{"items": [{"n": 1, "m": 2}]}"#),
            "/items/0/m"
        );
        assert_eq!(path::<Doc>(r#"{"it\"ems": []}"#), "/it\"ems");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        assert_eq!(
            path::<Doc>(r#"{"items": [{"n": 1}, {"tags": []}]}"#),
            "/items/1"
        );
        assert_eq!(path::<Doc>("{}"), "");
    }

    #[test]
    fn an_item_checked_once_read_is_named_not_the_next() {
        #[derive(Debug)]
        struct Even;
        impl<'de> serde::Deserialize<'de> for Even {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Even, D::Error> {
                let n = u32::deserialize(d)?;
                (n % 2 == 0)
                    .then_some(Even)
                    .ok_or_else(|| serde::de::Error::custom("odd"))
            }
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Evens {
            n: Vec<Even>,
        }
        assert_eq!(path::<Evens>(r#"{"n": [2, 3, 4]}"#), "/n/1");
        assert_eq!(path::<Evens>("{\"n\": [\n  2,\n  3\n]}"), "/n/1");
        assert_eq!(path::<Evens>(r#"{"n": [2, {}]}"#), "/n/1");
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Pair {
            n: [u32; 2],
        }
        assert_eq!(path::<Pair>(r#"{"n": [1]}"#), "/n");
        assert_eq!(
            path::<Pair>(r#"{"n": [1, 2, 3]}"#),
            "/n/2",
            "the first item too many"
        );
    }

    #[test]
    fn keys_with_slashes_and_escapes_are_written_as_pointers() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Map(std::collections::BTreeMap<String, u32>);
        assert_eq!(path::<Map>(r#"{"a/b~c": true}"#), "/a~1b~0c");
        assert_eq!(path::<Map>(r#"{"caf\u00e9": "x"}"#), "/café");
    }

    #[test]
    fn any_place_in_any_text_gives_a_path_without_panicking() {
        let text = "{\"a\": [1, {\"b\": \"\\\"\"}, [1}], \"c\": nul";
        for at in 0..text.len() + 4 {
            let mut walk = Walk {
                bytes: text.as_bytes(),
                text,
                i: 0,
                at,
                error: ErrorKind::default(),
                path: Vec::new(),
            };
            walk.value(0);
            assert!(walk.path.len() <= 3);
        }
        assert_eq!(offset("a\nbc\nd", 3, 1), Some(6));
        assert_eq!(offset("a", 3, 1), None);
    }
}
