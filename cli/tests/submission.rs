//! Submissions verified on the server: `waymark verify` and the reference receiver.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use waymark_engine::plan::Plan;
use waymark_engine::submission::{build, Consent, Extras};
use waymark_engine::{Answers, Scheme};

const SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../www/schemes/northvale-recovery-2026.json"
);

/// A fresh folder, unique to this call, for tests that run at the same time.
fn temp_dir(name: &str) -> PathBuf {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("waymark-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    let consent = Consent {
        agreed: vec!["My answers, my estimate and my plan".into()],
        at: "2026-06-01T10:00:00Z".into(),
    };
    let extras = Extras {
        plan: Some(plan),
        disagreement: Some("I think my sleep needs are higher".into()),
    };
    let date = case["date"].as_str().unwrap().parse().unwrap();
    let s = build(
        &scheme, &answers, date, extras, consent, "0.1.0", "key-0001",
    )
    .unwrap();
    serde_json::to_value(s).unwrap()
}

fn verify(submission: &Value) -> (Option<i32>, String) {
    let dir = temp_dir("verify");
    let path = dir.join("submission.json");
    std::fs::write(&path, submission.to_string()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["verify", path.to_str().unwrap(), "--scheme", SCHEME])
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

fn start(store: &Path) -> Receiver {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args([
            "receive",
            SCHEME,
            "--store",
            store.to_str().unwrap(),
            "--allow-origin",
            "http://127.0.0.1:9",
        ])
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

/// Sends one request; returns the status code, the headers and the JSON body.
fn send(r: &Receiver, method: &str, body: &str) -> (u16, String, Value) {
    let mut stream = TcpStream::connect(&r.address).unwrap();
    write!(
        stream,
        "{method} /submissions HTTP/1.1\r\nHost: {}\r\nOrigin: http://127.0.0.1:9\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        r.address,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (
        status,
        head.to_owned(),
        serde_json::from_str(body).unwrap_or(Value::Null),
    )
}

#[test]
fn the_receiver_verifies_stores_once_and_returns_a_reference() {
    let store = temp_dir("receiver");
    let receiver = start(&store);
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
    tampered["idempotency_key"] = json!("key-0002");
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
    let stored: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(stored.len(), 1);
    let kept: Value =
        serde_json::from_str(&std::fs::read_to_string(stored[0].path()).unwrap()).unwrap();
    assert_eq!(kept["goals"], Value::Null);
    assert_eq!(
        kept["plan"]["goals"][0]["text"],
        "Feel calmer <script>alert(1)</script>"
    );
    drop(receiver);
    std::fs::remove_dir_all(&store).ok();
}
