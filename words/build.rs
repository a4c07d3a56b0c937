//! Lists every catalogue file in `www/lang` with its language's name, and with the
//! `embedded` feature compiles the catalogues in, so adding a language is adding a file:
//! this script finds it.

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/lang");
    println!("cargo:rerun-if-changed={}", dir.display());
    // A build without its catalogues would quietly offer no language but English, so a
    // folder that cannot be read, or holds none, stops the build.
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("www/lang, the folder of catalogues, can be read")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert!(!files.is_empty(), "www/lang holds no catalogues");
    files.sort();
    let mut names = String::from(
        "/// Every catalogue in `www/lang`: its language code and the language's name in itself.\npub const LANGUAGES: &[(&str, &str)] = &[\n",
    );
    let mut out = String::from("/// Every catalogue in `www/lang`: its file's language code and its text.\npub const CATALOGUES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let code = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let full = path.canonicalize().unwrap_or_else(|_| path.clone());
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["name"].as_str().map(str::to_owned))
            .unwrap_or_default();
        names.push_str(&format!("    ({code:?}, {name:?}),\n"));
        out.push_str(&format!(
            "    ({code:?}, include_str!({:?})),\n",
            full.display().to_string()
        ));
    }
    out.push_str("];\n");
    names.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    std::fs::write(Path::new(&out_dir).join("languages.rs"), names).expect("write languages.rs");
    let target = Path::new(&out_dir).join("catalogues.rs");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED").is_some() {
        std::fs::write(target, out).expect("write catalogues.rs");
    } else {
        std::fs::write(target, "").expect("write catalogues.rs");
    }
}
