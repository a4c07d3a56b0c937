//! `waymark directory import` on Open Referral UK data, awkward and bad included, and
//! `waymark check` on the directories it writes.

mod common;

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn path(relative: &str) -> String {
    root().join(relative).display().to_string()
}

const SCHEME: &str = "www/schemes/northvale-recovery-2026.json";
const MAPPING: &str = "www/directories/northvale/mapping.json";

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waymark-directory-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Imports `files` with the Northvale scheme and mapping: the exit code, the directory
/// written (if any) and the tool's messages.
fn import(name: &str, files: &[String]) -> (i32, Option<Value>, String) {
    let out = scratch(&format!("{name}-out"))
        .join("out.directory.json")
        .display()
        .to_string();
    let (scheme, mapping) = (path(SCHEME), path(MAPPING));
    let mut args = vec!["directory", "import"];
    args.extend(files.iter().map(String::as_str));
    args.extend([
        "--scheme",
        &scheme,
        "--mapping",
        &mapping,
        "--date",
        "2026-12-01",
        "--out",
        &out,
    ]);
    let o = common::run(&args, None);
    let written = std::fs::read_to_string(&out)
        .ok()
        .map(|t| serde_json::from_str(&t).unwrap());
    (
        o.status.code().unwrap(),
        written,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Writes a JSON value to a file in a scratch folder.
fn file(name: &str, value: &Value) -> String {
    let path = scratch(name).join("feed.json");
    std::fs::write(&path, value.to_string()).unwrap();
    path.display().to_string()
}

fn northvale_pages() -> Vec<String> {
    [
        "www/directories/northvale/services-page-1.json",
        "www/directories/northvale/services-page-2.json",
    ]
    .map(path)
    .to_vec()
}

#[test]
fn the_northvale_feed_imports_whole_covering_every_kind_of_support() {
    let (code, written, messages) = import("northvale", &northvale_pages());
    assert_eq!(code, 0, "{messages}");
    let d = written.unwrap();
    let entries = d["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 44);
    assert_eq!(
        d["source"],
        json!({"standard": "oruk", "imported": "2026-12-01", "services": 44, "complete": true})
    );
    let scheme: Value =
        serde_json::from_str(&std::fs::read_to_string(path(SCHEME)).unwrap()).unwrap();
    for category in scheme["plan"]["categories"].as_array().unwrap() {
        if category["excluded"] == true {
            continue;
        }
        let id = category["id"].as_str().unwrap();
        assert!(
            entries.iter().any(|e| e["categories"]
                .as_array()
                .is_some_and(|c| c.contains(&json!(id)))),
            "no service for {id}"
        );
    }
    let free = entries
        .iter()
        .filter(|e| {
            e["costs"]
                .as_array()
                .is_none_or(|c| c.iter().all(|c| c["amount"] == "0.00"))
        })
        .count();
    assert!((10..40).contains(&free), "{free} free services");
    let welsh = entries.iter().find(|e| e["language"] == "cy").unwrap();
    assert_eq!(welsh["name"], "Grŵp sgwrsio Cymraeg");
    let written_path = scratch("northvale-check").join("northvale.directory.json");
    std::fs::write(&written_path, d.to_string()).unwrap();
    let o = common::run(
        &[
            "check",
            written_path.to_str().unwrap(),
            "--scheme",
            &path(SCHEME),
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("44 services"));
}

#[test]
fn awkward_details_are_made_plain_and_bad_entries_are_left_out_by_path() {
    let (code, written, messages) =
        import("awkward", &[path("tests/fixtures/directory/awkward.json")]);
    assert_eq!(code, 1, "{messages}");
    for line in [
        "/content/0/url: only http:// and https:// links are kept [link_dropped]",
        "/content/3/cost_options/0/amount: a cost cannot be negative [negative_amount]",
        "/content/4/cost_options/0/amount: a cost's amount is a number, like 5.50 [invalid_value]",
        "/content/5/regular_schedules/0: times are HH:MM or HH:MM:SS, from 00:00 to 23:59 [impossible_time]",
        "/content/6/id: another service has the same id, so this one is left out [clashing_id]",
        "3 services written",
    ] {
        assert!(messages.contains(line), "expected {line:?} in {messages}");
    }
    let d = written.unwrap();
    assert_eq!(d["source"]["complete"], false);
    let tea = &d["entries"][0];
    assert_eq!(tea["name"], "Tea & Talk café");
    assert_eq!(d["organisations"][0], "Talk & Tea CIC");
    assert_eq!(
        tea["description"],
        "Line one line two – with \"quotes\" & more.\nSecond paragraph."
    );
    assert_eq!(tea.get("url"), None);
    assert_eq!(tea["email"], "tea@example.org");
    assert_eq!(tea["phone"], "01632 960 222");
    assert_eq!(
        tea["costs"],
        json!([
            {"amount": "4.50", "per": "per session", "option": "Full price", "from": "2026-04-01"},
            {"amount": "2.00", "per": "per session", "option": "Concession", "from": "2026-04-01", "to": "2027-03-31"},
            {"amount": "45.00", "per": "per month", "frequency": "monthly", "option": "Season ticket"}
        ])
    );
    assert_eq!(
        tea["opening"],
        json!([{"days": ["monday", "wednesday"], "opens": "10:00", "closes": "12:30"}])
    );
    assert_eq!(tea["categories"], json!(["peer_support"]));
    let long = d["entries"][1]["description"].as_str().unwrap();
    assert!(long.chars().count() <= 600 && long.ends_with('…'), "{long}");
    let phone = &d["entries"][2];
    assert_eq!(phone["costs"], json!([{"amount": "0.00"}]));
    assert_eq!(phone["delivery"], json!(["in_person", "phone"]));
    assert_eq!(
        d["places"][0],
        json!({"name": "Hall", "address": "1 High St, Northvale", "postcode": "NV1 1AA"})
    );
}

#[test]
fn a_feed_whose_pages_do_not_add_up_is_never_taken_for_the_whole() {
    let (code, written, messages) = import("one-page", &northvale_pages()[..1]);
    assert_eq!(code, 1, "{messages}");
    assert!(messages.contains("the feed has 2 pages, and page 2 is missing: the directory is not the whole feed [incomplete_feed]"), "{messages}");
    assert_eq!(written.unwrap()["source"]["complete"], false);

    let mut page: Value =
        serde_json::from_str(&std::fs::read_to_string(&northvale_pages()[1]).unwrap()).unwrap();
    page["content"].as_array_mut().unwrap().pop();
    let short = file("short-page", &page);
    let (code, _, messages) = import("short", &[northvale_pages()[0].clone(), short]);
    assert_eq!(code, 1);
    assert!(
        messages.contains("the feed says it has 44 services, but its pages hold 43"),
        "{messages}"
    );
}

#[test]
fn files_that_are_not_open_referral_exit_2() {
    let (code, written, messages) =
        import("not-oruk", &[file("not-oruk", &json!({"hello": "world"}))]);
    assert_eq!(code, 2);
    assert!(written.is_none());
    assert!(
        messages.contains("this is not Open Referral UK data"),
        "{messages}"
    );
    let broken = scratch("broken").join("broken.json");
    std::fs::File::create(&broken)
        .unwrap()
        .write_all(b"{\"content\": [")
        .unwrap();
    let (code, _, messages) = import("broken", &[broken.display().to_string()]);
    assert_eq!(code, 2);
    assert!(messages.contains("this is not JSON"), "{messages}");
}

#[test]
fn single_services_lists_and_oruk_3_are_read_and_inactive_ones_left_out() {
    let service = |id: &str, status: &str| {
        json!({"id": id, "name": format!("Service {id}"), "status": status,
               "organization": {"id": "7b0d8a6e-2f1c-4a1e-9c1e-1a2b3c4d5e6f", "name": "Org", "description": "x"}})
    };
    let (code, d, messages) = import("single", &[file("single", &service("a", "active"))]);
    assert_eq!(code, 0, "{messages}");
    assert_eq!(d.unwrap()["entries"][0]["name"], "Service a");
    let (code, d, messages) = import(
        "list",
        &[file(
            "list",
            &json!([service("a", "active"), service("b", "defunct")]),
        )],
    );
    assert_eq!(code, 0, "{messages}");
    assert_eq!(d.unwrap()["entries"].as_array().unwrap().len(), 1);
    assert!(
        messages
            .contains("/1: the feed says this service is defunct, so it is left out [not_running]"),
        "{messages}"
    );
    let v3 = json!({"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true, "last_page": true, "empty": false,
        "contents": [{"id": "v3", "name": "Allotment", "description": "Grow food together.", "organization": {"id": "8b0d8a6e-2f1c-4a1e-9c1e-1a2b3c4d5e6f", "name": "Growers"},
            "cost_options": [{"amount": 10, "currency": "GBP", "amount_description": "per year"}],
            "schedules": [{"opens_at": "10:00", "closes_at": "14:00", "byday": "SA"}],
            "service_at_locations": [{"location": {"name": "Plot 4", "addresses": [{"address_1": "Hill St", "city": "Northvale", "postal_code": "NV3 1HS"}]}}],
            "attributes": [{"taxonomy_term": {"id": "community", "name": "Community groups"}}],
            "languages": [{"name": "English", "code": "en"}]}]});
    let (code, d, messages) = import("v3", &[file("v3", &v3)]);
    assert_eq!(code, 0, "{messages}");
    let d = d.unwrap();
    let e = &d["entries"][0];
    assert_eq!(e["categories"], json!(["community_groups"]));
    assert_eq!(e["costs"][0]["frequency"], "yearly");
    assert_eq!(e["opening"][0]["days"], json!(["saturday"]));
    assert_eq!(d["places"][0]["postcode"], "NV3 1HS");
    assert_eq!(e["languages"], json!(["English"]));
}

#[test]
fn check_refuses_a_directory_that_cannot_be_right() {
    let (_, written, _) = import("to-break", &northvale_pages());
    let mut d = written.unwrap();
    d["entries"][0]["categories"] = json!(["gym"]);
    d["entries"][1]["opening"][0]["closes"] = json!("08:00");
    d["entries"][2]["places"] = json!([999]);
    d["entries"][3]["url"] = json!("javascript:alert(1)");
    let broken = scratch("broken-dir").join("broken.directory.json");
    std::fs::write(&broken, d.to_string()).unwrap();
    let o = common::run(
        &["check", broken.to_str().unwrap(), "--scheme", &path(SCHEME)],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let messages = String::from_utf8_lossy(&o.stderr);
    for line in [
        "/entries/0/categories/0: \"gym\" is not one of the scheme's plan categories",
        "/entries/1/opening/0/closes: it closes before it opens [impossible_time]",
        "/entries/2/places: the directory's places table has only",
        "/entries/3/url: only http:// and https:// links are kept [invalid_link]",
    ] {
        assert!(messages.contains(line), "expected {line:?} in {messages}");
    }
}

/// The size budget: a directory of 5,000 services is at most 300 KB gzipped.
#[test]
fn five_thousand_services_gzip_to_at_most_300_kb() {
    let dir = scratch("size");
    let feed = dir.join("feed.json").display().to_string();
    let o = common::run(
        &[
            "directory",
            "synthetic",
            "--count",
            "5000",
            "--seed",
            "1",
            "--out",
            &feed,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let (code, written, messages) = import("size-import", &[feed]);
    assert_eq!(code, 0, "{messages}");
    let text = serde_json::to_string(&written.unwrap()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(text.as_bytes()).unwrap();
    let size = gz.finish().unwrap().len();
    assert!(size <= 300 * 1024, "5,000 services gzip to {size} bytes");
}
