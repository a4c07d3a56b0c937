//! Submissions verified on the server: `waymark verify` and the reference receiver.

mod common;

use common::temp_dir;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use waymark::receive::{Bytes, Receiver as Handler, Request};
use waymark::submissions::Store;
use waymark_engine::plan::Plan;
use waymark_engine::submission::{build, Consent, Envelope, Extras, Submission};
use waymark_engine::{Answers, Scheme};

const SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../www/schemes/northvale-recovery-2026.json"
);

/// The first two idempotency keys, for headers.
const KEY_1: &str = "00000000-0000-4000-8000-000000000001";
const KEY_2: &str = "00000000-0000-4000-8000-000000000002";

/// The `n`th idempotency key: a UUID, as the app makes.
fn key(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// A genuine submission: the default scheme's first test case with a small plan.
fn genuine() -> Value {
    let scheme = Scheme::from_json(&std::fs::read_to_string(SCHEME).unwrap()).unwrap();
    let cases: Value = serde_json::from_str(
        &std::fs::read_to_string(SCHEME.replace(".json", ".tests.json")).unwrap(),
    )
    .unwrap();
    let case = &cases["cases"][0];
    let answers = Answers::from_json(&case["answers"].to_string()).unwrap();
    let area = &scheme.sections[0].id;
    let category = scheme
        .plan
        .as_ref()
        .map(|p| p.categories[0].id.clone())
        .unwrap_or_default();
    let plan = Plan::from_json(
        &json!({
            "starts": "2026-06-01", "ends": "2027-03-31", "review": "2026-12-01",
            "goals": [{"id": "calm", "text": "Feel calmer <script>alert(1)</script>", "area": area, "measure": "Sleeping better"}],
            "supports": [{"id": "t", "description": "Weekly session", "category": category, "amount": "40.00", "frequency": "weekly", "goals": ["calm"], "payer": "budget"}]
        })
        .to_string(),
    )
    .unwrap();
    let welsh = waymark_words::embedded::catalogue("cy").unwrap().unwrap();
    let consent = Consent {
        agreed: waymark_words::consent::agreed(&welsh, &scheme, true, true),
        at: "2026-06-01T10:00:00Z".into(),
    };
    let extras = Extras {
        plan: Some(plan),
        disagreement: Some("I think my sleep needs are higher".into()),
    };
    let envelope = Envelope {
        date: case["date"].as_str().unwrap().parse().unwrap(),
        language: "cy".into(),
        consent,
        app_version: "0.1.0".into(),
        idempotency_key: key(1),
    };
    let s = build(&scheme, &answers, extras, envelope).unwrap();
    serde_json::to_value(s).unwrap()
}

fn verify(submission: &Value) -> (Option<i32>, String) {
    verify_under(submission, SCHEME)
}

/// `waymark verify` on a submission under the scheme at `scheme`.
fn verify_under(submission: &Value, scheme: &str) -> (Option<i32>, String) {
    let dir = temp_dir("verify");
    let path = dir.join("submission.json");
    std::fs::write(&path, submission.to_string()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["verify", path.to_str().unwrap(), "--scheme", scheme])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}

#[test]
fn a_genuine_submission_verifies() {
    let (code, out) = verify(&genuine());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("verified "), "{out}");
}

#[test]
fn tampered_submissions_are_rejected_with_each_difference() {
    let tamper = |change: &dyn Fn(&mut Value), expected: &str| {
        let mut s = genuine();
        change(&mut s);
        let (code, out) = verify(&s);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains(expected), "expected {expected} in {out}");
    };
    tamper(
        &|s| s["estimate"]["annual"] = json!("9416.00"),
        "/estimate/annual: submitted \"9416.00\", but it works out as \"7416.00\"",
    );
    tamper(
        &|s| s["plan_report"]["costing"]["planned"] = json!("1.00"),
        "/plan_report/costing/planned",
    );
    tamper(
        &|s| s["plan"]["supports"][0]["amount"] = json!("400.00"),
        "/plan_report/costing/supports/0/per_year",
    );
    tamper(
        &|s| s["scheme"]["version"] = json!("2025.1"),
        "/scheme/version",
    );
    tamper(&|s| s["scheme"]["hash"] = json!("0000"), "/scheme/hash");
    tamper(&|s| s["consent"]["agreed"] = json!([]), "/consent");
    tamper(
        &|s| s["answers"]["nonsense"] = json!(1),
        "/answers/nonsense",
    );
}

/// A submission under the US-dollar example, with a practitioner's adjustment and reason.
fn adjusted() -> (Value, String) {
    let path = SCHEME.replace(
        "northvale-recovery-2026",
        "riverbend-individual-budget-2027",
    );
    let scheme = Scheme::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let answers = Answers::from_json(
        &json!({"age_group": "age_22_64", "living": "own_home", "daily_living": "some",
            "behaviour": "occasional", "health": "some",
            "local_market_uplift": {"answer": "2400.00", "reason": "No worker at the county rate"}})
        .to_string(),
    )
    .unwrap();
    let english = waymark_words::embedded::catalogue("en").unwrap().unwrap();
    let envelope = Envelope {
        date: "2026-09-01".parse().unwrap(),
        language: "en".into(),
        consent: Consent {
            agreed: waymark_words::consent::agreed(&english, &scheme, false, false),
            at: "2026-09-01T10:00:00Z".into(),
        },
        app_version: "0.1.0".into(),
        idempotency_key: key(3),
    };
    let s = build(&scheme, &answers, Extras::default(), envelope).unwrap();
    (serde_json::to_value(s).unwrap(), path)
}

#[test]
fn a_practitioners_reason_travels_in_the_submission_and_is_verified() {
    let (genuine, scheme) = adjusted();
    assert_eq!(genuine["estimate"]["currency"], "USD");
    assert_eq!(genuine["estimate"]["annual"], "20625.00");
    let (code, out) = verify_under(&genuine, &scheme);
    assert_eq!(code, Some(0), "{out}");
    let step = genuine["estimate"]["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["id"] == "total")
        .unwrap();
    let reason = format!("/estimate/explanation/{step}/inputs/2/source/reason");
    assert_eq!(
        genuine.pointer(&reason).and_then(Value::as_str),
        Some("No worker at the county rate")
    );
    let mut s = genuine.clone();
    s["estimate"]["explanation"][step]["inputs"][2]["source"]["reason"] = json!("Changed");
    let (code, out) = verify_under(&s, &scheme);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&reason), "{out}");
    let mut s = genuine;
    s["answers"]["local_market_uplift"] = json!("2400.00");
    let (code, out) = verify_under(&s, &scheme);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("/answers/local_market_uplift: an adjustment needs the reason"),
        "{out}"
    );
}

#[test]
fn unreadable_submissions_exit_2() {
    let (code, out) = verify(&json!({"format": "waymark-submission"}));
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("submission.json: "), "{out}");
}

/// The receiver, stopped when dropped.
struct Receiver {
    child: Child,
    address: String,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the receiver with the default scheme and its tests file (which it skips), storing
/// in the database `store` and serving `site` if given.
fn start(store: &Path, site: Option<&Path>) -> Receiver {
    start_with(store, site, &[])
}

/// As `start`, with more options.
fn start_with(store: &Path, site: Option<&Path>, options: &[&str]) -> Receiver {
    let mut args = vec![
        "receive".to_owned(),
        SCHEME.to_owned(),
        SCHEME.replace(".json", ".tests.json"),
        "--store".to_owned(),
        store.to_str().unwrap().to_owned(),
        "--allow-origin".to_owned(),
        "http://127.0.0.1:9".to_owned(),
    ];
    if let Some(site) = site {
        args.extend(["--site".to_owned(), site.to_str().unwrap().to_owned()]);
    }
    args.extend(options.iter().map(|o| (*o).to_owned()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .to_owned();
    Receiver { child, address }
}

/// Sends a request with these extra header lines; returns the status code, the headers
/// and the body.
fn exchange(
    r: &Receiver,
    method: &str,
    target: &str,
    headers: &str,
    body: &str,
) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(&r.address).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {}\r\n{headers}Content-Length: {}\r\n\r\n{body}",
        r.address,
        body.len()
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(response[..split].to_vec()).unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, response[split + 4..].to_vec())
}

/// Posts to /submissions from the allowed origin; returns the status code, the headers and
/// the JSON body.
fn send(r: &Receiver, method: &str, body: &str) -> (u16, String, Value) {
    send_with(r, method, "", body)
}

/// As `send`, with extra header lines.
fn send_with(r: &Receiver, method: &str, headers: &str, body: &str) -> (u16, String, Value) {
    let headers =
        format!("Origin: http://127.0.0.1:9\r\nContent-Type: application/json\r\n{headers}");
    let (status, head, body) = exchange(r, method, "/submissions", &headers, body);
    (
        status,
        head,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
    )
}

/// The value of a response header, by its exact name.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
}

/// Runs `waymark submissions export` on `store` into a fresh folder; returns the exit code,
/// what it printed and the folder.
fn export(store: &Path) -> (Option<i32>, String, PathBuf) {
    let out = temp_dir("export").join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["submissions", "export", "--store"])
        .arg(store)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    (o.status.code(), said, out)
}

/// The stored submissions, exported, as file names and contents, sorted by name.
fn stored(store: &Path) -> Vec<(String, String)> {
    let (code, said, out) = export(store);
    assert_eq!(code, Some(0), "{said}");
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    files.sort();
    std::fs::remove_dir_all(out.parent().unwrap()).ok();
    files
}

/// The stored submissions' file names, sorted.
fn stored_names(store: &Path) -> Vec<String> {
    stored(store).into_iter().map(|(name, _)| name).collect()
}

#[test]
fn the_receiver_verifies_stores_once_and_returns_a_reference() {
    let folder = temp_dir("receiver");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    let body = genuine().to_string();
    let (status, head, reply) = send(&receiver, "POST", &body);
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["reference"], "WM-000001");
    assert!(
        head.contains("Access-Control-Allow-Origin: http://127.0.0.1:9"),
        "{head}"
    );
    let (status, _, again) = send(&receiver, "POST", &body);
    assert_eq!(status, 200);
    assert_eq!(again, json!({"reference": "WM-000001", "repeat": true}));
    let mut tampered = genuine();
    tampered["idempotency_key"] = json!(key(2));
    tampered["estimate"]["annual"] = json!("99999.00");
    let (status, _, refused) = send(&receiver, "POST", &tampered.to_string());
    assert_eq!(status, 422);
    assert_eq!(refused["differences"][0]["path"], "/estimate/annual");
    let (status, _, _) = send(&receiver, "POST", "{not json");
    assert_eq!(status, 400);
    let (status, head, _) = send(&receiver, "OPTIONS", "");
    assert_eq!(status, 204);
    assert!(
        head.contains("Access-Control-Allow-Methods: POST, OPTIONS"),
        "{head}"
    );
    assert_eq!(
        header(&head, "Access-Control-Allow-Headers"),
        Some("Content-Type, Idempotency-Key")
    );
    let (status, _, body) = exchange(&receiver, "GET", "/", "", "");
    assert_eq!(status, 404, "without --site there is no site");
    assert_eq!(body, br#"{"error":"not found"}"#);
    let files = stored(&store);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "WM-000001.json");
    let kept: Value = serde_json::from_str(&files[0].1).unwrap();
    assert_eq!(kept["goals"], Value::Null);
    assert_eq!(
        kept["plan"]["goals"][0]["text"],
        "Feel calmer <script>alert(1)</script>"
    );
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

/// The header lines README.md recommends under "Hosting and response headers", for every
/// file of the site.
fn recommended_headers() -> Vec<(String, String)> {
    let headers = header_block(1);
    assert_eq!(headers.len(), 4, "{headers:?}");
    headers
}

/// The Content-Security-Policy README.md recommends for the app's page in place of the one
/// for every file.
fn recommended_page_policy() -> String {
    match header_block(2).as_slice() {
        [(name, value)] if name == "Content-Security-Policy" => value.clone(),
        other => panic!("README.md's policy for the page is one header: {other:?}"),
    }
}

/// README.md's hosting sections: from "Hosting and response headers" to the next chapter.
fn readme_hosting() -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let (_, from) = readme
        .split_once("### Hosting and response headers")
        .unwrap();
    from.split_once("\n## ")
        .map_or(from, |(section, _)| section)
        .to_owned()
}

/// The header lines of the `nth` code block (from 1) under "Hosting and response headers".
fn header_block(nth: usize) -> Vec<(String, String)> {
    let section = readme_hosting();
    let block = section.split("```").nth(2 * nth - 1).unwrap();
    block
        .lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

/// The policy README.md recommends for every file, without one of its directives.
fn policy_without(policy: &str, directive: &str) -> String {
    policy
        .split("; ")
        .filter(|rule| !rule.starts_with(directive))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A small site: an index page, a script, a wasm file, a page in a folder and a file with a
/// space in its name, with a file beside the site that must never be served.
fn small_site() -> (PathBuf, PathBuf) {
    let root = temp_dir("site");
    let site = root.join("www");
    std::fs::create_dir_all(site.join("docs")).unwrap();
    std::fs::write(
        site.join("index.html"),
        "<!doctype html><title>Waymark</title>",
    )
    .unwrap();
    std::fs::write(site.join("main.js"), "export const answer = 42;\n").unwrap();
    std::fs::write(site.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(site.join("docs/index.html"), "<p>docs</p>").unwrap();
    std::fs::write(site.join("two words.txt"), "spaced").unwrap();
    std::fs::write(root.join("secret.txt"), "not for the web").unwrap();
    (root, site)
}

/// The page's own `<meta>` policy is the one for every file but `frame-ancestors`, which a
/// `<meta>` cannot make, and the header for the page leaves to it only the rules that name
/// what the page may run and style, which the build fills with the hashes of what it writes
/// into the page (scripts/publish-site.mjs); with both applied, the page is held to the
/// whole policy.
#[test]
fn the_pages_own_policy_and_its_header_make_the_policy_for_every_file() {
    let policy = recommended_headers()
        .into_iter()
        .find(|(name, _)| name == "Content-Security-Policy")
        .map(|(_, value)| value)
        .unwrap();
    let page = include_str!("../../web/site/index.html");
    let meta = page
        .split_once(r#"<meta http-equiv="Content-Security-Policy" content=""#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(content, _)| content)
        .unwrap();
    assert_eq!(meta, policy_without(&policy, "frame-ancestors"));
    let for_the_page = ["default-src", "script-src", "style-src"]
        .into_iter()
        .fold(policy.clone(), |kept, directive| {
            policy_without(&kept, directive)
        });
    assert_eq!(recommended_page_policy(), for_the_page);
}

/// Every copy of a policy in README.md's hosting sections (the header lists, nginx's and
/// Apache's configurations) is the policy for every file or the page's.
#[test]
fn every_policy_the_readme_gives_is_one_of_the_two() {
    let hosting = readme_hosting();
    let every_file = recommended_headers()
        .into_iter()
        .find(|(name, _)| name == "Content-Security-Policy")
        .map(|(_, value)| value)
        .unwrap();
    let page = recommended_page_policy();
    let copies: Vec<&str> = hosting
        .lines()
        .filter(|line| line.contains("frame-ancestors '"))
        .map(|line| match (line.find('"'), line.rfind('"')) {
            (Some(first), Some(last)) if first < last => &line[first + 1..last],
            _ => line.split_once(": ").map_or(line, |(_, value)| value),
        })
        .collect();
    assert_eq!(copies.len(), 6, "{copies:#?}");
    for copy in copies {
        assert!(copy == every_file || copy == page, "{copy}");
    }
}

#[test]
fn the_receiver_serves_the_site_with_its_content_types_and_security_headers() {
    let (root, site) = small_site();
    let store = root.join("store.db");
    let receiver = start(&store, Some(&site));
    let expected = [
        (
            "/",
            "text/html; charset=utf-8",
            "<!doctype html><title>Waymark</title>".as_bytes(),
        ),
        (
            "/index.html?date=2026-06-01",
            "text/html; charset=utf-8",
            b"<!doctype html><title>Waymark</title>",
        ),
        (
            "/main.js",
            "text/javascript; charset=utf-8",
            b"export const answer = 42;\n",
        ),
        ("/app.wasm", "application/wasm", b"\0asm\x01\0\0\0"),
        ("/docs/", "text/html; charset=utf-8", b"<p>docs</p>"),
        ("/two%20words.txt", "text/plain; charset=utf-8", b"spaced"),
    ];
    let recommended = recommended_headers();
    let page_policy = recommended_page_policy();
    for (target, content_type, content) in expected {
        let (status, head, body) = exchange(&receiver, "GET", target, "", "");
        assert_eq!(status, 200, "{target}: {head}");
        assert_eq!(body, content, "{target}");
        assert_eq!(
            header(&head, "Content-Type"),
            Some(content_type),
            "{target}"
        );
        assert_eq!(header(&head, "Cache-Control"), Some("no-cache"), "{target}");
        let is_page = target == "/" || target.starts_with("/index.html");
        for (name, value) in &recommended {
            let expected = if is_page && name == "Content-Security-Policy" {
                &page_policy
            } else {
                value
            };
            assert_eq!(
                header(&head, name),
                Some(expected.as_str()),
                "{target}: {name}"
            );
        }
        assert!(
            header(&head, "Content-Security-Policy")
                .unwrap()
                .ends_with("frame-ancestors 'self'"),
            "{head}"
        );
    }
    let (status, head, body) = exchange(&receiver, "HEAD", "/app.wasm", "", "");
    assert_eq!(status, 200);
    assert_eq!(header(&head, "Content-Length"), Some("8"));
    assert_eq!(header(&head, "Content-Type"), Some("application/wasm"));
    assert!(body.is_empty(), "HEAD has no body");
    let (status, head, _) = exchange(&receiver, "GET", "/missing.js", "", "");
    assert_eq!(status, 404);
    assert_eq!(header(&head, "X-Content-Type-Options"), Some("nosniff"));
    let (status, _, body) = exchange(&receiver, "GET", "/health", "", "");
    assert_eq!((status, body), (200, br#"{"status":"ok"}"#.to_vec()));
    drop(receiver);
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn over_the_network_a_compressed_copy_keeps_its_length_and_a_304_has_none() {
    let (root, site) = small_site();
    std::fs::write(site.join("main.js.br"), b"\x0b\x0d\x80brotli").unwrap();
    let receiver = start(&root.join("store.db"), Some(&site));
    let accept = "Accept-Encoding: gzip, br\r\n";
    let (status, head, body) = exchange(&receiver, "GET", "/main.js", accept, "");
    assert_eq!(status, 200, "{head}");
    assert_eq!(header(&head, "Content-Encoding"), Some("br"), "{head}");
    assert_eq!(header(&head, "Content-Length"), Some("9"), "{head}");
    assert_eq!(header(&head, "Vary"), Some("Accept-Encoding"), "{head}");
    assert_eq!(body, b"\x0b\x0d\x80brotli");
    let (status, head, body) = exchange(&receiver, "HEAD", "/main.js", accept, "");
    assert_eq!((status, body.len()), (200, 0), "{head}");
    assert_eq!(header(&head, "Content-Length"), Some("9"), "{head}");
    let etag = header(&head, "Etag").unwrap().to_owned();
    let conditional = format!("{accept}If-None-Match: {etag}\r\n");
    let (status, head, body) = exchange(&receiver, "GET", "/main.js", &conditional, "");
    assert_eq!((status, body.len()), (304, 0), "{head}");
    assert_eq!(header(&head, "Content-Length"), None, "{head}");
    assert_eq!(header(&head, "Etag"), Some(etag.as_str()), "{head}");
    drop(receiver);
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn the_receiver_refuses_paths_that_leave_the_site() {
    let (root, site) = small_site();
    let receiver = start(&root.join("store.db"), Some(&site));
    for target in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/docs/../../secret.txt",
        "/..%5Csecret.txt",
        "/docs%5C..%5C..%5Csecret.txt",
        "//etc/passwd",
        "/%2Fetc/passwd",
        "/index.html%00.txt",
        "/./index.html",
        "/%zz",
        "secret.txt",
    ] {
        let (status, _, body) = exchange(&receiver, "GET", target, "", "");
        assert_eq!(status, 404, "{target}");
        assert_eq!(body, br#"{"error":"not found"}"#, "{target}");
    }
    drop(receiver);
    std::fs::remove_dir_all(&root).ok();
}

/// A genuine submission with its own idempotency key.
fn genuine_with_key(key: &str) -> String {
    let mut s = genuine();
    s["idempotency_key"] = json!(key);
    s.to_string()
}

#[test]
fn simultaneous_submissions_are_stored_once_per_key_with_sequential_references() {
    let folder = temp_dir("concurrent");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    let body = genuine().to_string();
    let gate = std::sync::Barrier::new(8);
    let replies: Vec<(u16, Value)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    gate.wait();
                    let (status, _, reply) = send(&receiver, "POST", &body);
                    (status, reply)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created = replies.iter().filter(|(status, _)| *status == 201).count();
    let repeated = replies.iter().filter(|(status, _)| *status == 200).count();
    assert_eq!((created, repeated), (1, 7), "{replies:?}");
    for (status, reply) in &replies {
        assert_eq!(reply["reference"], "WM-000001");
        assert_eq!(reply["repeat"], *status == 200);
    }
    assert_eq!(stored_names(&store), ["WM-000001.json"]);

    let keys: Vec<_> = (2..=9).map(key).collect();
    let mut references: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = keys
            .iter()
            .map(|key| {
                let gate = &gate;
                let receiver = &receiver;
                scope.spawn(move || {
                    let body = genuine_with_key(key);
                    gate.wait();
                    let (status, _, reply) = send(receiver, "POST", &body);
                    assert_eq!(status, 201, "{reply}");
                    reply["reference"].as_str().unwrap().to_owned()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    references.sort();
    let expected: Vec<_> = (2..=9).map(|n| format!("WM-{n:06}")).collect();
    assert_eq!(references, expected);
    let files: Vec<_> = (1..=9).map(|n| format!("WM-{n:06}.json")).collect();
    assert_eq!(stored_names(&store), files);
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn an_idempotency_key_header_must_match_the_submission() {
    let folder = temp_dir("key-header");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    let body = genuine().to_string();
    let (status, _, reply) = send_with(
        &receiver,
        "POST",
        &format!("Idempotency-Key: {}\r\n", key(9999)),
        &body,
    );
    assert_eq!(status, 400);
    assert_eq!(
        reply["error"],
        "the Idempotency-Key header is not the submission's idempotency_key"
    );
    assert!(stored(&store).is_empty());
    let (status, _, reply) = send_with(
        &receiver,
        "POST",
        &format!("Idempotency-Key: {}\r\n", key(1)),
        &body,
    );
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply, json!({"reference": "WM-000001", "repeat": false}));
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn the_receiver_takes_only_json_and_numbers_on_from_the_database_after_a_restart() {
    let folder = temp_dir("receiver-numbers");
    let store = folder.join("submissions.db");
    let body = genuine().to_string();
    let receiver = start(&store, None);
    let headers = "Origin: http://127.0.0.1:9\r\nContent-Type: text/plain\r\n";
    let (status, _, reply) = exchange(&receiver, "POST", "/submissions", headers, &body);
    assert_eq!(status, 415, "{}", String::from_utf8_lossy(&reply));
    let (status, _, reply) = send(&receiver, "POST", &body);
    assert_eq!((status, &reply["reference"]), (201, &json!("WM-000001")));
    drop(receiver);
    let receiver = start(&store, None);
    let (status, _, reply) = send(&receiver, "POST", &genuine_with_key(&key(2)));
    assert_eq!((status, &reply["reference"]), (201, &json!("WM-000002")));
    let (status, _, reply) = send(&receiver, "POST", &body);
    assert_eq!(
        status, 200,
        "a key stored before the restart is still known"
    );
    assert_eq!(reply, json!({"reference": "WM-000001", "repeat": true}));
    // Headers over 64 KiB are refused at once: a 431, or the connection closed while the
    // client is still writing.
    let mut stream = TcpStream::connect(&receiver.address).unwrap();
    let long = format!(
        "POST /submissions HTTP/1.1\r\nX-Long: {}\r\n",
        "a".repeat(70 * 1024)
    );
    let _ = stream.write_all(long.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
        "{answer}"
    );
    assert_eq!(stored_names(&store), ["WM-000001.json", "WM-000002.json"]);
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn the_store_keeps_the_canonical_document_not_the_bytes_sent() {
    let folder = temp_dir("canonical");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    let spaced = serde_json::to_string_pretty(&genuine()).unwrap();
    let (status, _, reply) = send(&receiver, "POST", &spaced);
    assert_eq!(status, 201, "{reply}");
    let (status, _, reply) = send(&receiver, "POST", &genuine().to_string());
    assert_eq!(
        status, 200,
        "the same document in other spacing is a repeat"
    );
    assert_eq!(reply, json!({"reference": "WM-000001", "repeat": true}));
    let canonical = serde_json::to_string(&Submission::from_json(&spaced).unwrap()).unwrap();
    let files = stored(&store);
    assert_eq!(files, [("WM-000001.json".to_owned(), canonical)]);
    assert_ne!(files[0].1, spaced);
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn export_writes_a_file_per_submission_and_refuses_a_missing_store() {
    let folder = temp_dir("export-store");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    for key in [key(1), key(2), key(3)] {
        let (status, _, reply) = send(&receiver, "POST", &genuine_with_key(&key));
        assert_eq!(status, 201, "{reply}");
    }
    let (code, said, out) = export(&store);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(
        said,
        format!("exported 3 submissions to {}\n", out.display())
    );
    for (n, key) in [key(1), key(2), key(3)].iter().enumerate() {
        let file = out.join(format!("WM-{:06}.json", n + 1));
        let kept: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        assert_eq!(kept["idempotency_key"], *key);
    }
    std::fs::remove_dir_all(out.parent().unwrap()).ok();
    drop(receiver);
    let (code, said, out) = export(&folder.join("missing.db"));
    assert!(!out.exists(), "nothing is written for a missing store");
    std::fs::remove_dir_all(out.parent().unwrap()).ok();
    assert_eq!(code, Some(2), "{said}");
    assert_eq!(
        said,
        format!(
            "waymark: {}: no such store\n",
            folder.join("missing.db").display()
        )
    );
    let notes = folder.join("notes.db");
    std::fs::write(&notes, "not a database, though its name says so").unwrap();
    let (code, said, out) = export(&notes);
    assert_eq!(code, Some(2), "{said}");
    assert_eq!(
        said,
        format!("waymark: {}: file is not a database\n", notes.display())
    );
    std::fs::remove_dir_all(out.parent().unwrap()).ok();
    let o = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["submissions", "import"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .starts_with("waymark: error: unrecognized subcommand 'import'"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::remove_dir_all(&folder).ok();
}

/// Writes `head` at once, then one byte of `dribble` every 2 seconds, until the receiver
/// cuts the connection off; returns how long that took and what it answered.
fn dribble(address: &str, head: &str, dribble: &str) -> (Duration, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let started = Instant::now();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    for byte in dribble.bytes() {
        if stream.write_all(&[byte]).is_err() {
            break;
        }
        let mut buffer = [0; 4096];
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                answer.extend_from_slice(&buffer[..n]);
                let _ = stream.read_to_end(&mut answer);
                break;
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(40),
        "the client was never cut off"
    );
    (elapsed, String::from_utf8_lossy(&answer).into_owned())
}

#[test]
fn a_client_sending_a_byte_every_two_seconds_is_cut_off_while_others_are_served() {
    let folder = temp_dir("slow");
    let store = folder.join("submissions.db");
    let receiver = start_with(&store, None, &["--request-timeout", "3"]);
    let address = receiver.address.clone();
    let request = "POST /submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    let slow_body = format!("{request}Content-Length: 40\r\n\r\n");
    let filler = "x".repeat(40);
    std::thread::scope(|scope| {
        // More slow clients than the receiver has worker threads.
        let heads: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| dribble(&address, "", request)))
            .collect();
        let bodies: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| dribble(&address, &slow_body, &filler)))
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        let (status, _, body) = exchange(&receiver, "GET", "/health", "", "");
        assert_eq!((status, body), (200, br#"{"status":"ok"}"#.to_vec()));
        let (status, _, reply) = send(&receiver, "POST", &genuine().to_string());
        assert_eq!(status, 201, "{reply}");
        for handle in heads {
            let (elapsed, answer) = handle.join().unwrap();
            assert!(elapsed >= Duration::from_secs(3), "{elapsed:?}");
            assert!(elapsed < Duration::from_secs(9), "{elapsed:?}");
            assert_eq!(answer, "", "a head that never ends has no answer");
        }
        for handle in bodies {
            let (elapsed, answer) = handle.join().unwrap();
            assert!(elapsed >= Duration::from_secs(3), "{elapsed:?}");
            assert!(elapsed < Duration::from_secs(9), "{elapsed:?}");
            assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
            assert!(
                answer.ends_with(r#"{"error":"the request took too long"}"#),
                "{answer}"
            );
        }
    });
    assert_eq!(stored_names(&store), ["WM-000001.json"]);
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn connections_over_the_limit_wait_until_others_are_done() {
    let folder = temp_dir("many");
    let receiver = start_with(
        &folder.join("submissions.db"),
        None,
        &["--request-timeout", "2"],
    );
    let idle: Vec<_> = (0..64)
        .map(|_| TcpStream::connect(&receiver.address).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let (status, _, _) = exchange(&receiver, "GET", "/health", "", "");
    assert_eq!(status, 200);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "the 65th connection was served while 64 were open: {:?}",
        started.elapsed()
    );
    drop(idle);
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

/// Sends raw bytes and reads the answer until the receiver closes the connection.
fn raw(r: &Receiver, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(&r.address).unwrap();
    stream.write_all(bytes).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn conflicting_lengths_and_bodies_over_5_mb_are_refused() {
    let folder = temp_dir("limits");
    let store = folder.join("submissions.db");
    let receiver = start(&store, None);
    let answer = raw(
        &receiver,
        b"POST /submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    );
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
    let answer = raw(
        &receiver,
        format!(
            "POST /submissions HTTP/1.1\r\nHost: x\r\nOrigin: http://127.0.0.1:9\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{",
            4 * 1024 * 1024 + 1
        )
        .as_bytes(),
    );
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    assert!(
        answer.contains("Access-Control-Allow-Origin: http://127.0.0.1:9\r\n"),
        "{answer}"
    );
    assert!(
        answer.ends_with(r#"{"error":"the body is over 4 MiB"}"#),
        "{answer}"
    );
    assert!(stored(&store).is_empty());
    drop(receiver);
    std::fs::remove_dir_all(&folder).ok();
}

/// A receiver for the default scheme with a store in memory, without any network.
fn handler() -> Handler {
    let scheme = Scheme::from_json(&std::fs::read_to_string(SCHEME).unwrap()).unwrap();
    let store = Store::open(Path::new(":memory:")).unwrap();
    let deployment = waymark::words::Deployment::load(None).unwrap();
    Handler::new(vec![scheme], store, deployment, None, Vec::new())
}

/// Posts `body` as JSON with these headers to the handler; returns the status and the JSON
/// answer.
fn post(handler: &Handler, headers: &[(&str, &str)], body: &[u8]) -> (u16, Value) {
    let mut request = Request::builder()
        .method("POST")
        .uri("/submissions")
        .header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = handler.respond(request.body(Bytes::copy_from_slice(body)).unwrap());
    (
        response.status().as_u16(),
        serde_json::from_slice(response.body()).unwrap(),
    )
}

#[test]
fn a_reused_key_is_a_repeat_only_for_the_same_document() {
    let handler = handler();
    let body = genuine().to_string();
    let (status, reply) = post(&handler, &[], body.as_bytes());
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply, json!({"reference": "WM-000001", "repeat": false}));
    let (status, reply) = post(&handler, &[], body.as_bytes());
    assert_eq!(status, 200);
    assert_eq!(reply, json!({"reference": "WM-000001", "repeat": true}));
    let mut other = genuine();
    other["disagreement"] = json!("Something else entirely");
    let (status, reply) = post(&handler, &[], other.to_string().as_bytes());
    assert_eq!(status, 409, "{reply}");
    assert_eq!(
        reply,
        json!({"error": "another submission with this idempotency key is stored", "reference": "WM-000001"})
    );
    let (status, reply) = post(&handler, &[], genuine_with_key(&key(2)).as_bytes());
    assert_eq!((status, &reply["reference"]), (201, &json!("WM-000002")));
}

#[test]
fn a_body_that_is_not_utf8_is_refused_with_the_offset_of_its_first_bad_byte() {
    let handler = handler();
    let mut body = genuine().to_string().into_bytes();
    let at = body.windows(4).position(|w| w == b"calm").unwrap();
    body[at + 1] = 0xE9;
    let (status, reply) = post(&handler, &[], &body);
    assert_eq!(status, 400);
    assert_eq!(
        reply,
        json!({
            "error": format!("the body is not UTF-8: the byte at offset {} is not valid", at + 1),
            "offset": at + 1,
        })
    );
}

#[test]
fn headers_sent_twice_with_different_values_are_refused() {
    let handler = handler();
    let body = genuine().to_string();
    let (status, reply) = post(
        &handler,
        &[("idempotency-key", KEY_1), ("idempotency-key", KEY_2)],
        body.as_bytes(),
    );
    assert_eq!(status, 400);
    assert_eq!(
        reply,
        json!({"error": "the request has different idempotency-key headers"})
    );
    let (status, reply) = post(
        &handler,
        &[("idempotency-key", KEY_1), ("idempotency-key", KEY_1)],
        body.as_bytes(),
    );
    assert_eq!(status, 201, "the same value twice is one value: {reply}");
}
