//! `waymark receive`: a reference receiver for submissions. It is a small HTTP server on
//! loopback that verifies each submission with the engine, stores it, returns a
//! reference, and stores a submission sent again with the same key only once.
//!
//! It is for tests and as a model for portal teams, not a production server: one
//! request at a time, no TLS.

use crate::args::Args;
use crate::files;
use crate::Failure;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;
use waymark_engine::submission::{self, Submission};
use waymark_engine::Scheme;

/// The largest request body accepted.
const MAX_BODY: usize = 5 * 1024 * 1024;

/// Serves until killed.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let args = Args::parse(argv, &["store", "port", "allow-origin"])?;
    if args.positional.is_empty() {
        return Err(Failure::bad(
            "receive needs at least one SCHEME and --store DIR",
        ));
    }
    let schemes = args
        .positional
        .iter()
        .map(|p| files::scheme(p))
        .collect::<Result<Vec<_>, _>>()?;
    let store = PathBuf::from(
        args.option("store")
            .ok_or_else(|| Failure::bad("receive needs --store DIR"))?,
    );
    std::fs::create_dir_all(store.join("keys"))
        .map_err(|e| Failure::bad(format!("{}: {e}", store.display())))?;
    let port = args.option("port").unwrap_or("0");
    let listener = TcpListener::bind(format!("127.0.0.1:{port}"))
        .map_err(|e| Failure::bad(format!("port {port}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure::bad(e.to_string()))?;
    println!("listening on http://{address}");
    let receiver = Receiver {
        schemes,
        store,
        allowed: args
            .option("allow-origin")
            .map(|o| o.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    };
    for stream in listener.incoming().flatten() {
        // A broken connection is the client's problem; the receiver carries on.
        let _ = receiver.serve(stream);
    }
    Ok(())
}

struct Receiver {
    schemes: Vec<Scheme>,
    store: PathBuf,
    allowed: Vec<String>,
}

struct Request {
    method: String,
    path: String,
    origin: Option<String>,
    body: Vec<u8>,
}

struct Response {
    status: &'static str,
    body: serde_json::Value,
}

impl Receiver {
    fn serve(&self, mut stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let request = read_request(&stream);
        let (response, origin) = match request {
            Ok(r) => (self.route(&r), r.origin),
            Err(message) => (
                reply("400 Bad Request", serde_json::json!({"error": message})),
                None,
            ),
        };
        let body = response.body.to_string();
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
            response.status,
            body.len()
        );
        if let Some(origin) = origin.filter(|o| self.allowed.iter().any(|a| a == o)) {
            head.push_str(&format!(
                "Access-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Methods: POST, OPTIONS\r\nAccess-Control-Allow-Headers: Content-Type\r\nVary: Origin\r\n"
            ));
        }
        stream.write_all(format!("{head}\r\n{body}").as_bytes())?;
        stream.flush()
    }

    fn route(&self, r: &Request) -> Response {
        match (r.method.as_str(), r.path.as_str()) {
            ("OPTIONS", _) => reply("204 No Content", serde_json::Value::Null),
            ("GET", "/health") => reply("200 OK", serde_json::json!({"status": "ok"})),
            ("POST", "/submissions") => self.receive(&r.body),
            _ => reply("404 Not Found", serde_json::json!({"error": "not found"})),
        }
    }

    fn receive(&self, body: &[u8]) -> Response {
        let text = String::from_utf8_lossy(body);
        let submitted = match Submission::from_json(&text) {
            Ok(s) => s,
            Err(issues) => return reply("400 Bad Request", serde_json::json!({"issues": issues})),
        };
        let stamp = &submitted.scheme;
        let Some(scheme) = self
            .schemes
            .iter()
            .find(|s| s.id == stamp.id && s.version == stamp.version)
        else {
            let message = format!(
                "this receiver does not have {} version {}",
                stamp.id, stamp.version
            );
            return reply(
                "422 Unprocessable Content",
                serde_json::json!({"differences": [{"path": "/scheme/version", "message": message}]}),
            );
        };
        let differences = submission::verify(scheme, &submitted);
        if !differences.is_empty() {
            return reply(
                "422 Unprocessable Content",
                serde_json::json!({"differences": differences}),
            );
        }
        match self.store(&submitted, body) {
            Ok((reference, repeat)) => {
                let status = if repeat { "200 OK" } else { "201 Created" };
                reply(
                    status,
                    serde_json::json!({"reference": reference, "repeat": repeat}),
                )
            }
            Err(e) => reply(
                "500 Internal Server Error",
                serde_json::json!({"error": e.to_string()}),
            ),
        }
    }

    /// Stores a verified submission once per idempotency key; returns its reference and
    /// whether it had been stored before.
    fn store(&self, submitted: &Submission, body: &[u8]) -> std::io::Result<(String, bool)> {
        let key = submission::sha256_hex(submitted.idempotency_key.as_bytes());
        let key_file = self.store.join("keys").join(key);
        if let Ok(reference) = std::fs::read_to_string(&key_file) {
            return Ok((reference, true));
        }
        let count = std::fs::read_dir(&self.store)?
            .filter(|e| e.as_ref().is_ok_and(|e| is_stored(&e.path())))
            .count();
        let reference = format!("WM-{:06}", count + 1);
        write_atomically(&self.store.join(format!("{reference}.json")), body)?;
        write_atomically(&key_file, reference.as_bytes())?;
        Ok((reference, false))
    }
}

fn is_stored(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json")
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(partial, path)
}

fn reply(status: &'static str, body: serde_json::Value) -> Response {
    Response { status, body }
}

fn read_request(stream: &TcpStream) -> Result<Request, String> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let mut parts = line.split_whitespace();
    let (method, path) = (
        parts.next().unwrap_or_default().to_owned(),
        parts.next().unwrap_or_default().to_owned(),
    );
    let mut length = 0usize;
    let mut origin = None;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(|e| e.to_string())?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => {
                    length = value
                        .trim()
                        .parse()
                        .map_err(|_| "bad content-length".to_owned())?
                }
                "origin" => origin = Some(value.trim().to_owned()),
                _ => {}
            }
        }
    }
    if length > MAX_BODY {
        return Err("the body is too large".into());
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(Request {
        method,
        path,
        origin,
        body,
    })
}
