//! Every catalogue in `www/lang` is complete: it reads as a catalogue, has every key of the
//! English one and no other, and each template has the same blanks as the English, so a
//! translator cannot drop an amount or a name by mistake.

use serde_json::Value;
use std::collections::BTreeSet;
use waymark_words::{blanks, Catalogue};

fn catalogues() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/lang");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let code = p.file_stem().unwrap().to_string_lossy().into_owned();
            (code, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn english() -> Value {
    let (_, text) = catalogues().into_iter().find(|(c, _)| c == "en").unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A template that counts, as an object of exact numbers and `other`.
fn is_counted(v: &Value) -> bool {
    v.as_object().is_some_and(|m| m.contains_key("other"))
}

fn blank_set(text: &str) -> BTreeSet<&str> {
    blanks(text).into_iter().collect()
}

/// Every difference in keys or blanks between `got` and the English `want`.
fn compare(path: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::String(g), Value::String(w)) => {
            if blank_set(g) != blank_set(w) {
                out.push(format!(
                    "{path}: blanks {:?}, English has {:?}",
                    blanks(g),
                    blanks(w)
                ));
            }
        }
        (g, w) if is_counted(w) || is_counted(g) => {
            let other = |v: &Value| match v {
                Value::String(s) => s.clone(),
                v => v["other"].as_str().unwrap_or_default().to_owned(),
            };
            let want = other(w);
            let want = blank_set(&want);
            let variants: Vec<String> = match g {
                Value::String(s) => vec![s.clone()],
                Value::Object(m) => m
                    .values()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => vec![],
            };
            if other(g).is_empty() {
                out.push(format!("{path}: no \"other\""));
            }
            if blank_set(&other(g)) != want {
                out.push(format!("{path}/other: blanks differ from the English"));
            }
            for v in &variants {
                if !blank_set(v).is_subset(&want) {
                    out.push(format!(
                        "{path}: a variant has blanks the English does not: {v:?}"
                    ));
                }
            }
        }
        (Value::Object(g), Value::Object(w)) => {
            for key in w.keys().filter(|k| !g.contains_key(*k)) {
                out.push(format!("{path}/{key}: missing"));
            }
            for key in g.keys().filter(|k| !w.contains_key(*k)) {
                out.push(format!("{path}/{key}: not in the English catalogue"));
            }
            for (key, value) in g {
                if let Some(w) = w.get(key) {
                    compare(&format!("{path}/{key}"), value, w, out);
                }
            }
        }
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => {
            for (i, (a, b)) in g.iter().zip(w).enumerate() {
                compare(&format!("{path}/{i}"), a, b, out);
            }
        }
        _ => out.push(format!("{path}: not the same kind of value as in English")),
    }
}

#[test]
fn every_catalogue_reads_and_names_its_own_language() {
    let found = catalogues();
    assert!(found.len() >= 2, "{found:?}");
    for (code, text) in found {
        let c = Catalogue::from_json(&text).unwrap_or_else(|e| panic!("{code}.json: {e}"));
        assert_eq!(c.language, code);
        assert!(!c.name.is_empty());
    }
}

#[test]
fn every_catalogue_has_every_key_with_the_same_blanks() {
    let en = english();
    for (code, text) in catalogues() {
        let got: Value = serde_json::from_str(&text).unwrap();
        let mut problems = Vec::new();
        compare("", &got, &en, &mut problems);
        assert!(problems.is_empty(), "{code}.json:\n{}", problems.join("\n"));
    }
}

#[test]
fn a_catalogue_with_a_missing_key_is_refused_where_it_is_missing() {
    let mut en = english();
    en["app"].as_object_mut().unwrap().remove("start_button");
    let e = Catalogue::from_json(&en.to_string()).unwrap_err();
    assert_eq!(e, "/app/start_button: missing");
    let mut en = english();
    en["app"]["surprise"] = Value::from("?");
    let e = Catalogue::from_json(&en.to_string()).unwrap_err();
    assert_eq!(e, "/app/surprise: unknown key");
}
