//! Turns arbitrary bytes into an HTTP request (a request line, header lines, a blank line
//! and a body) and has the receiver answer it with the example schemes and a store in
//! memory: nothing may panic, and every answer is a status the receiver gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use waymark::receive::{Bytes, Receiver, Request};
use waymark::submissions::Store;
use waymark::words::Deployment;
use waymark_engine::Scheme;

const SCHEMES: [&str; 4] = [
    include_str!("../../www/schemes/northvale-recovery-2026.json"),
    include_str!("../../www/schemes/eastbrook-substance-misuse-2026.json"),
    include_str!("../../www/schemes/southmere-existing-package-2026.json"),
    include_str!("../../www/schemes/westhaven-recovery-grant-2026.json"),
];

/// One receiver for the whole run, as a server has.
fn receiver() -> &'static Receiver {
    static RECEIVER: OnceLock<Receiver> = OnceLock::new();
    RECEIVER.get_or_init(|| {
        let schemes = SCHEMES
            .iter()
            .map(|text| Scheme::from_json(text).expect("an example scheme loads"))
            .collect();
        let store = Store::open(Path::new(":memory:")).expect("a store in memory opens");
        let deployment = Deployment::load(None).expect("the built-in catalogues read");
        Receiver::new(schemes, store, deployment, None, vec!["http://127.0.0.1:9".into()])
    })
}

/// The request the bytes describe, or `None` when they describe none that HTTP allows.
fn request(data: &[u8]) -> Option<Request<Bytes>> {
    let split = data.windows(4).position(|w| w == b"\r\n\r\n");
    let (head, body) = match split {
        Some(at) => (&data[..at], &data[at + 4..]),
        None => (data, &[][..]),
    };
    let head = std::str::from_utf8(head).ok()?;
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.splitn(2, ' ');
    let mut builder = Request::builder()
        .method(first.next()?)
        .uri(first.next().unwrap_or("/submissions"));
    for line in lines {
        let (name, value) = line.split_once(':')?;
        builder = builder.header(name.trim(), value.trim());
    }
    builder.body(Bytes::copy_from_slice(body)).ok()
}

fuzz_target!(|data: &[u8]| {
    let Some(request) = request(data) else {
        return;
    };
    let status = receiver().respond(request).status().as_u16();
    assert!(
        [200, 201, 204, 400, 404, 409, 415, 422].contains(&status),
        "status {status}"
    );
});
