//! The JSON path each error is given agrees with the one serde_path_to_error finds by
//! following every type's reading, across the example documents, each with one thing wrong:
//! a value of another kind, an unknown field, or a field taken out.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;
use waymark_engine::cases::CaseFile;
use waymark_engine::issue::pointer;
use waymark_engine::scheme::SchemeFile;
use waymark_engine::submission::Submission;

/// The path serde_path_to_error gives the error reading `text` as a `T`, if there is one.
fn expected_path<T: DeserializeOwned>(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de)
        .err()
        .map(|e| {
            pointer(e.path().iter().filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
                serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                serde_path_to_error::Segment::Enum { variant } => Some(variant.clone()),
                serde_path_to_error::Segment::Unknown => None,
            }))
        })
}

/// Whether the path given names the place serde_path_to_error names, for the change `what`.
/// Three kinds of error are placed differently, each one level away:
/// - a one-key object given a second key is named by that key, where serde_path_to_error
///   names the object;
/// - the same, when the first key's value is `{}` or a one-digit number, is named by the
///   first key (serde_json places it where it places a value it cannot start reading);
/// - a field missing from an object with a `kind` (read whole before its fields are read)
///   that is the last member of its parent is named by the parent.
fn same_place(given: &str, expected: &str, message: &str, what: &str) -> bool {
    let one_deeper = |deep: &str, shallow: &str| {
        deep.strip_prefix(shallow)
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|key| !key.contains('/'))
    };
    given == expected
        || (message.contains(" follows ") && one_deeper(given, expected))
        || (what.ends_with("with an unknown field")
            && message.starts_with("expected value")
            && one_deeper(given, expected))
        || (message.starts_with("missing field") && one_deeper(expected, given))
}

/// Every document made from `doc` by one change, with what was changed.
fn changed(doc: &Value, step: usize) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut places = Vec::new();
    collect(doc, &mut Vec::new(), &mut places);
    for place in places.into_iter().step_by(step) {
        let target = doc
            .pointer(&pointer(&place))
            .cloned()
            .unwrap_or(Value::Null);
        let other = match target {
            Value::String(_) => Value::from(7),
            Value::Number(_) | Value::Bool(_) | Value::Null => Value::from("seven"),
            Value::Array(_) => Value::Object(Map::new()),
            Value::Object(_) => Value::Array(Vec::new()),
        };
        out.push((
            format!("{} as {other}", pointer(&place)),
            with(doc, &place, |v| *v = other.clone()),
        ));
        if let Value::Object(fields) = &target {
            out.push((
                format!("{} with an unknown field", pointer(&place)),
                with(doc, &place, |v| {
                    if let Value::Object(m) = v {
                        m.insert("unknown_field".into(), Value::from(1));
                    }
                }),
            ));
            for key in fields.keys() {
                out.push((
                    format!("{} without {key}", pointer(&place)),
                    with(doc, &place, |v| {
                        if let Value::Object(m) = v {
                            m.shift_remove(key);
                        }
                    }),
                ));
            }
        }
    }
    out
}

fn collect(v: &Value, at: &mut Vec<String>, places: &mut Vec<Vec<String>>) {
    places.push(at.clone());
    let children: Vec<(String, &Value)> = match v {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        at.push(key);
        collect(child, at, places);
        at.pop();
    }
}

fn with(doc: &Value, place: &[String], change: impl FnOnce(&mut Value)) -> Value {
    let mut copy = doc.clone();
    if let Some(v) = copy.pointer_mut(&pointer(place)) {
        change(v);
    }
    copy
}

/// Checks one-change copies of each file as a `T` (every `step`th place), written out
/// indented and on one line in turn, returning how many were refused.
fn agree<T: DeserializeOwned>(files: &[std::path::PathBuf], step: usize) -> usize {
    let mut refused = 0;
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for (n, (what, copy)) in changed(&doc, step).into_iter().enumerate() {
            let text = if n % 2 == 0 {
                serde_json::to_string_pretty(&copy).unwrap()
            } else {
                copy.to_string()
            };
            let Some(expected) = expected_path::<T>(&text) else {
                continue;
            };
            let Err(issue) = waymark_engine::json::from_str::<T>(&text) else {
                panic!(
                    "{}: {what}: read, though serde_path_to_error refused it",
                    file.display()
                );
            };
            if !same_place(&issue.path, &expected, &issue.message, &what) {
                wrong.push(format!(
                    "{what}: {} ≠ {expected}: {}",
                    issue.path, issue.message
                ));
            }
            refused += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {refused} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    refused
}

fn files(folder: &str, ends: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(folder);
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(ends))
        .collect();
    found.sort();
    found
}

#[test]
fn schemes_with_a_mistake_are_located_as_serde_path_to_error_locates_them() {
    let schemes: Vec<_> = files("www/schemes", ".json")
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with(".tests.json"))
        .collect();
    assert_eq!(schemes.len(), 5);
    assert!(agree::<SchemeFile>(&schemes, 3) > 2500);
}

#[test]
fn case_files_with_a_mistake_are_located_as_serde_path_to_error_locates_them() {
    let cases = files("www/schemes", ".tests.json");
    assert_eq!(cases.len(), 5);
    assert!(agree::<CaseFile>(&cases, 20) > 800);
}

#[test]
fn submissions_with_a_mistake_are_located_as_serde_path_to_error_locates_them() {
    let submissions = files("fuzz/seeds/verify_submission", ".json");
    assert_eq!(submissions.len(), 2);
    assert!(agree::<Submission>(&submissions, 1) > 2000);
}
