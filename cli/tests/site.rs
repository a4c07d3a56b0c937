//! The site as `waymark receive --site` serves it: the build's precompressed copies by the
//! request's Accept-Encoding, a year's caching for files named by their content, and
//! revalidation by ETag for the rest. Answered without a network, as the receiver answers
//! each request once it has read it.

mod common;

use common::temp_dir;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use waymark::receive::{Bytes, Receiver, Request, Response};
use waymark::submissions::Store;
use waymark_engine::Scheme;

const SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../www/schemes/northvale-recovery-2026.json"
);

/// The script of the small site, long enough that its copies are smaller.
const SCRIPT: &str = "export const greeting = 'hello, hello, hello, hello, hello, hello';\n";

/// What stands for the Brotli copy: the receiver sends the bytes the build wrote.
const BROTLI: &[u8] = b"\x1b\x41\x00brotli bytes";

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
    text
}

/// A site as the build leaves it: a page and a script with both copies, a content-named
/// script with both, a catalogue with only a gzip copy, and a file with none.
fn built_site() -> PathBuf {
    let site = temp_dir("built-site");
    std::fs::create_dir_all(site.join("lang")).unwrap();
    let page = "<!doctype html><title>Waymark</title><script src=\"main.js\"></script>";
    for (name, text) in [
        ("index.html", page),
        ("main.js", SCRIPT),
        ("main.0123456789abcdef.js", SCRIPT),
    ] {
        std::fs::write(site.join(name), text).unwrap();
        std::fs::write(site.join(format!("{name}.gz")), gzip(text.as_bytes())).unwrap();
        std::fs::write(site.join(format!("{name}.br")), BROTLI).unwrap();
    }
    let catalogue = r#"{"words": "words words words words words words words words"}"#;
    std::fs::write(site.join("lang/en.json"), catalogue).unwrap();
    std::fs::write(site.join("lang/en.json.gz"), gzip(catalogue.as_bytes())).unwrap();
    std::fs::write(site.join("favicon.svg"), "<svg/>").unwrap();
    site
}

/// A receiver for the default scheme, with a store in memory, serving `site`.
fn receiver(site: &Path) -> Receiver {
    let scheme = Scheme::from_json(&std::fs::read_to_string(SCHEME).unwrap()).unwrap();
    let store = Store::open(Path::new(":memory:")).unwrap();
    let deployment = waymark::words::Deployment::load(None).unwrap();
    Receiver::new(
        vec![scheme],
        store,
        deployment,
        Some(site.to_path_buf()),
        Vec::new(),
    )
}

/// Answers `method target` with these headers.
fn ask(r: &Receiver, method: &str, target: &str, headers: &[(&str, &str)]) -> Response<Bytes> {
    let mut request = Request::builder().method(method).uri(target);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    r.respond(request.body(Bytes::new()).unwrap())
}

/// The value of a response header, if it has one.
fn header<'a>(response: &'a Response<Bytes>, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

#[test]
fn a_compressed_copy_is_sent_when_the_request_allows_it_brotli_first() {
    let site = built_site();
    let r = receiver(&site);
    let gzipped = std::fs::read(site.join("main.js.gz")).unwrap();
    let cases: [(&str, Option<&str>, &[u8]); 7] = [
        ("gzip, deflate, br, zstd", Some("br"), BROTLI),
        ("gzip, deflate", Some("gzip"), &gzipped),
        ("br;q=0, gzip;q=0.5", Some("gzip"), &gzipped),
        ("gzip;q=1.0, br;q=0.8", Some("gzip"), &gzipped),
        ("*", Some("br"), BROTLI),
        ("identity", None, SCRIPT.as_bytes()),
        ("", None, SCRIPT.as_bytes()),
    ];
    for (accept, encoding, body) in cases {
        let headers: &[(&str, &str)] = if accept.is_empty() {
            &[]
        } else {
            &[("accept-encoding", accept)]
        };
        let response = ask(&r, "GET", "/main.js", headers);
        assert_eq!(response.status(), 200, "{accept}");
        assert_eq!(header(&response, "content-encoding"), encoding, "{accept}");
        assert_eq!(response.body().as_ref(), body, "{accept}");
        assert_eq!(
            header(&response, "content-type"),
            Some("text/javascript; charset=utf-8"),
            "{accept}: the original's type"
        );
        assert_eq!(
            header(&response, "content-length"),
            Some(body.len().to_string().as_str()),
            "{accept}"
        );
        assert_eq!(
            header(&response, "vary"),
            Some("Accept-Encoding"),
            "{accept}"
        );
        assert_eq!(
            header(&response, "x-content-type-options"),
            Some("nosniff"),
            "{accept}"
        );
    }
    assert_eq!(gunzip(&gzipped), SCRIPT, "the gzip copy is the script");

    let head = ask(&r, "HEAD", "/main.js", &[("accept-encoding", "br, gzip")]);
    assert_eq!(head.status(), 200);
    assert_eq!(header(&head, "content-encoding"), Some("br"));
    assert_eq!(
        header(&head, "content-length"),
        Some(BROTLI.len().to_string().as_str())
    );
    assert!(head.body().is_empty(), "HEAD has no body");

    let catalogue = ask(
        &r,
        "GET",
        "/lang/en.json",
        &[("accept-encoding", "br, gzip")],
    );
    assert_eq!(header(&catalogue, "content-encoding"), Some("gzip"));
    assert_eq!(header(&catalogue, "content-type"), Some("application/json"));
    assert!(gunzip(catalogue.body()).starts_with(r#"{"words""#));

    let page = ask(&r, "GET", "/?date=2026-06-01", &[("accept-encoding", "br")]);
    assert_eq!(header(&page, "content-encoding"), Some("br"));
    assert_eq!(
        header(&page, "content-type"),
        Some("text/html; charset=utf-8")
    );

    let icon = ask(
        &r,
        "GET",
        "/favicon.svg",
        &[("accept-encoding", "br, gzip")],
    );
    assert_eq!(header(&icon, "content-encoding"), None);
    assert_eq!(icon.body().as_ref(), b"<svg/>");
    assert_eq!(
        header(&icon, "vary"),
        None,
        "a file with no copies never varies"
    );
    std::fs::remove_dir_all(&site).ok();
}

#[test]
fn a_copy_older_than_its_original_is_never_sent() {
    let site = built_site();
    let r = receiver(&site);
    let edited = "export const greeting = 'edited after the build';\n";
    let script = std::fs::File::options()
        .write(true)
        .truncate(true)
        .open(site.join("main.js"))
        .unwrap();
    (&script).write_all(edited.as_bytes()).unwrap();
    script
        .set_modified(SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    let response = ask(&r, "GET", "/main.js", &[("accept-encoding", "br, gzip")]);
    assert_eq!(header(&response, "content-encoding"), None);
    assert_eq!(response.body().as_ref(), edited.as_bytes());
    std::fs::remove_dir_all(&site).ok();
}

#[test]
fn content_named_files_are_kept_a_year_and_the_rest_revalidated() {
    let site = built_site();
    let r = receiver(&site);
    let named = ask(&r, "GET", "/main.0123456789abcdef.js", &[]);
    assert_eq!(named.status(), 200);
    assert_eq!(
        header(&named, "cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    for target in [
        "/",
        "/index.html",
        "/main.js",
        "/lang/en.json",
        "/favicon.svg",
    ] {
        let response = ask(&r, "GET", target, &[]);
        assert_eq!(
            header(&response, "cache-control"),
            Some("no-cache"),
            "{target}"
        );
        assert!(header(&response, "etag").is_some(), "{target}");
    }
    let missing = ask(&r, "GET", "/main.fedcba9876543210.js", &[]);
    assert_eq!(missing.status(), 404);
    assert_eq!(header(&missing, "cache-control"), Some("no-cache"));
    std::fs::remove_dir_all(&site).ok();
}

#[test]
fn an_unchanged_file_answers_304_by_its_etag_for_each_encoding() {
    let site = built_site();
    let r = receiver(&site);
    let brotli = [("accept-encoding", "br")];
    let first = ask(&r, "GET", "/index.html", &brotli);
    let etag = header(&first, "etag").unwrap().to_owned();
    let plain = ask(&r, "GET", "/index.html", &[]);
    let plain_etag = header(&plain, "etag").unwrap().to_owned();
    assert_ne!(etag, plain_etag, "each encoding has its own ETag");

    for asked in [
        etag.clone(),
        format!("W/{etag}"),
        format!("\"x\", {etag}"),
        "*".into(),
    ] {
        for method in ["GET", "HEAD"] {
            let again = ask(
                &r,
                method,
                "/index.html",
                &[("accept-encoding", "br"), ("if-none-match", &asked)],
            );
            assert_eq!(again.status(), 304, "{method} {asked}");
            assert!(again.body().is_empty());
            assert_eq!(header(&again, "content-length"), None, "{asked}");
            assert_eq!(
                header(&again, "content-encoding"),
                None,
                "a 304 has no body"
            );
            assert_eq!(header(&again, "etag"), Some(etag.as_str()));
            assert_eq!(header(&again, "cache-control"), Some("no-cache"));
            assert_eq!(header(&again, "vary"), Some("Accept-Encoding"));
            assert_eq!(header(&again, "referrer-policy"), Some("no-referrer"));
        }
    }
    let other_encoding = ask(
        &r,
        "GET",
        "/index.html",
        &[("accept-encoding", "br"), ("if-none-match", &plain_etag)],
    );
    assert_eq!(
        other_encoding.status(),
        200,
        "the plain file's ETag is not the copy's"
    );

    let changed = "<!doctype html><title>Waymark, changed</title>";
    let page = std::fs::File::create(site.join("index.html")).unwrap();
    (&page).write_all(changed.as_bytes()).unwrap();
    page.set_modified(SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    let after = ask(&r, "GET", "/index.html", &[("if-none-match", &plain_etag)]);
    assert_eq!(after.status(), 200, "a changed file is sent again");
    assert_eq!(after.body().as_ref(), changed.as_bytes());
    assert_ne!(header(&after, "etag"), Some(plain_etag.as_str()));
    std::fs::remove_dir_all(&site).ok();
}
