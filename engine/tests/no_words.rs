//! The engine writes no word a person reads, in any language: its outputs are ids, codes,
//! amounts and dates, and every sentence comes from a catalogue. What it may write are
//! diagnostics for scheme authors and staff (issue messages), which by this codebase's
//! rule are lower case. So every string literal in the engine's code (outside tests)
//! either has no letters, is an ISO code like `GBP`, or starts in lower case, and none
//! carries a currency symbol. A capitalised literal ("Yes", "Your yearly amount") or an
//! amount written with a symbol is a word for a person and belongs in a catalogue.

use std::path::Path;

/// Code without the items that only build the JSON Schema for scheme authors (their
/// descriptions are documentation, like doc comments).
fn without_schema_items(code: &str) -> String {
    const MARK: &str = "#[cfg(feature = \"schema\")]";
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let Some(open) = item.find('{') else {
            rest = "";
            break;
        };
        let mut depth = 0;
        let mut end = item.len();
        for (i, c) in item[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.extend(item[..end].matches('\n').map(|_| '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// The string literals of Rust code outside attributes, with their line numbers.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut attribute = 0usize;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '#'
            && (at(i + 1) == '[' || (at(i + 1) == '!' && at(i + 2) == '['))
            && attribute == 0
        {
            attribute = 1;
            i += if at(i + 1) == '[' { 2 } else { 3 };
        } else if attribute > 0 && (c == '[' || c == ']') {
            attribute = if c == '[' {
                attribute + 1
            } else {
                attribute - 1
            };
            i += 1;
        } else if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{2019}') or a lifetime ('a).
            let escaped = |j: usize| chars[j - 1] == '\\' && !(j >= 2 && chars[j - 2] == '\\');
            let end = (i + 1..chars.len().min(i + 12)).find(|&j| chars[j] == '\'' && !escaped(j));
            i = match end {
                Some(j) if !chars[i + 1..j].iter().any(|c| c.is_whitespace()) => j + 1,
                _ => i + 1,
            };
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let start = j + 1;
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[start..].iter().collect();
            let len = rest.find(&close).unwrap_or(rest.len());
            let text: String = chars[start..start + rest[..len].chars().count()]
                .iter()
                .collect();
            if attribute == 0 {
                out.push((line, text.clone()));
            }
            line += text.matches('\n').count();
            i = start + text.chars().count() + close.chars().count();
        } else if c == '"' {
            let mut text = String::new();
            let start_line = line;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                text.push(at(i));
                i += 1;
            }
            i += 1;
            if attribute == 0 {
                out.push((start_line, text));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Why a literal is a word for a person, if it is one.
fn person_facing(text: &str) -> Option<&'static str> {
    let money = ['£', '€', '¥'];
    if text.chars().any(|c| money.contains(&c)) || text.contains("$1") || text.contains("${") {
        return Some("it writes an amount with a currency symbol");
    }
    let iso_code = text.len() == 3 && text.chars().all(|c| c.is_ascii_uppercase());
    let first = text
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .chars()
        .next();
    match first {
        Some(c) if c.is_uppercase() && !iso_code && !text.starts_with('{') => {
            Some("it starts with a capital letter, as a word for a person would")
        }
        _ => None,
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_engine_writes_no_words_for_people() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        for (line, text) in literals(&without_schema_items(code)) {
            if let Some(why) = person_facing(&text) {
                found.push(format!("{}:{line}: {text:?}: {why}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for people in the engine:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_words_for_people() {
    let code = r##"
        // "Not this": a comment.
        let a = "Yes";
        let b = 'x';
        let c = "enter a number, like 12";
        let d = r#"£1.00"#;
        let e = "GBP";
        #[serde(skip_serializing_if = "Option::is_none")]
        fn f<'a>(x: &'a str) -> &'a str { "{kind} id {id:?}" }
        #[cfg(feature = "schema")]
        impl Schema for X { fn s() -> &str { "A description." } }
    "##;
    let flagged: Vec<String> = literals(&without_schema_items(code))
        .into_iter()
        .filter(|(_, t)| person_facing(t).is_some())
        .map(|(_, t)| t)
        .collect();
    assert_eq!(flagged, ["Yes", "£1.00"]);
}
