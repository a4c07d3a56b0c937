//! `waymark receive`: a reference receiver for submissions. It is a small HTTP server on
//! loopback that verifies each submission with the engine, stores it, returns a
//! reference, and stores a submission sent again with the same key only once. With
//! `--site DIR` it also serves the static site, so the app can send to it from the same
//! origin.
//!
//! Each connection has its own thread, so a browser's parallel requests for the page's
//! files are not queued behind each other; storing is serialised by a lock on the store,
//! so a key sent twice at once is stored once and references stay unique and in order.
//! It is for tests and as a model for portal teams, not a production server: no TLS, no
//! keep-alive, and no limit on the number of threads.

use crate::files;
use crate::Failure;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use waymark_engine::submission::{self, Submission};
use waymark_engine::Scheme;

/// The largest request body accepted.
const MAX_BODY: usize = 5 * 1024 * 1024;

/// The most bytes read for a request's line and headers together.
const MAX_HEAD: u64 = 64 * 1024;

/// How long a connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The headers README.md's "Hosting and response headers" recommends for every file of the
/// site; the receiver sends them with everything it serves from `--site`.
const SITE_HEADERS: [(&str, &str); 4] = [
    (
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// `waymark receive`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The schemes it verifies against (test-case files named are skipped).
    #[arg(required = true, value_name = "SCHEME")]
    pub schemes: Vec<String>,
    /// The folder submissions are stored in.
    #[arg(long, value_name = "DIR")]
    pub store: String,
    /// A folder of static files to serve as the site.
    #[arg(long, value_name = "DIR")]
    pub site: Option<String>,
    /// The port on 127.0.0.1 [default: one the system picks].
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Origins allowed to post from another site, separated by commas.
    #[arg(long, value_name = "ORIGIN,...", value_delimiter = ',')]
    pub allow_origin: Vec<String>,
}

/// Serves until killed.
pub fn run(options: &Options) -> Result<(), Failure> {
    // Test-case files are skipped, so `www/schemes/*.json` names the schemes.
    let schemes = options
        .schemes
        .iter()
        .filter(|p| !files::is_case_file(p))
        .map(|p| files::scheme(p))
        .collect::<Result<Vec<_>, _>>()?;
    if schemes.is_empty() {
        return Err(Failure::bad(
            "receive needs at least one SCHEME and --store DIR",
        ));
    }
    let store = PathBuf::from(&options.store);
    std::fs::create_dir_all(store.join("keys"))
        .map_err(|e| Failure::bad(format!("{}: {e}", store.display())))?;
    let site = options.site.as_ref().map(PathBuf::from);
    if let Some(site) = &site {
        if !site.is_dir() {
            return Err(Failure::bad(format!(
                "{}: --site needs a folder",
                site.display()
            )));
        }
    }
    let port = options.port;
    let listener = TcpListener::bind(format!("127.0.0.1:{port}"))
        .map_err(|e| Failure::bad(format!("port {port}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure::bad(e.to_string()))?;
    println!("listening on http://{address}");
    // Whoever started the receiver waits for this line before sending anything.
    std::io::stdout()
        .flush()
        .map_err(|e| Failure::bad(format!("stdout: {e}")))?;
    let receiver = Arc::new(Receiver {
        schemes,
        store: Mutex::new(store),
        site,
        allowed: options.allow_origin.clone(),
    });
    for stream in listener.incoming().flatten() {
        let receiver = Arc::clone(&receiver);
        // A broken connection is the client's problem; the receiver carries on.
        std::thread::spawn(move || receiver.serve(stream));
    }
    Ok(())
}

struct Receiver {
    schemes: Vec<Scheme>,
    /// The folder submissions are stored in; whoever holds the lock may store.
    store: Mutex<PathBuf>,
    site: Option<PathBuf>,
    allowed: Vec<String>,
}

struct Request {
    method: String,
    target: String,
    origin: Option<String>,
    idempotency_key: Option<String>,
    /// The media type, without parameters, in lower case.
    content_type: Option<String>,
    body: Vec<u8>,
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    /// Whether it answers for the site, and so carries the site's headers.
    from_site: bool,
}

impl Receiver {
    fn serve(&self, mut stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(READ_TIMEOUT))?;
        let request = read_request(&stream);
        let (response, origin, head_only) = match request {
            Ok(r) => (self.route(&r), r.origin, r.method == "HEAD"),
            Err(message) => (
                reply("400 Bad Request", serde_json::json!({"error": message})),
                None,
                false,
            ),
        };
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            response.status,
            response.body.len()
        );
        if !response.content_type.is_empty() {
            head.push_str(&format!("Content-Type: {}\r\n", response.content_type));
        }
        if response.from_site {
            for (name, value) in SITE_HEADERS {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("Cache-Control: no-cache\r\n");
        } else {
            head.push_str("Cache-Control: no-store\r\n");
        }
        if let Some(origin) = origin.filter(|o| self.allowed.iter().any(|a| a == o)) {
            head.push_str(&format!(
                "Access-Control-Allow-Origin: {origin}\r\nAccess-Control-Allow-Methods: POST, OPTIONS\r\nAccess-Control-Allow-Headers: Content-Type, Idempotency-Key\r\nVary: Origin\r\n"
            ));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&response.body);
        }
        stream.write_all(&bytes)?;
        stream.flush()
    }

    fn route(&self, r: &Request) -> Response {
        let path = r.target.split('?').next().unwrap_or_default();
        match (r.method.as_str(), path) {
            ("OPTIONS", _) => Response {
                status: "204 No Content",
                content_type: "",
                body: Vec::new(),
                from_site: false,
            },
            ("GET" | "HEAD", "/health") => reply("200 OK", serde_json::json!({"status": "ok"})),
            ("POST", "/submissions") => self.receive(r),
            ("GET" | "HEAD", _) => match &self.site {
                Some(site) => serve_file(site, path),
                None => not_found(),
            },
            _ => not_found(),
        }
    }

    fn receive(&self, r: &Request) -> Response {
        // Only JSON is taken, so a page elsewhere cannot post without a CORS preflight.
        if r.content_type.as_deref() != Some("application/json") {
            return reply(
                "415 Unsupported Media Type",
                serde_json::json!({"error": "send the submission as application/json"}),
            );
        }
        let text = String::from_utf8_lossy(&r.body);
        let submitted = match Submission::from_json(&text) {
            Ok(s) => s,
            Err(issues) => return reply("400 Bad Request", serde_json::json!({"issues": issues})),
        };
        if r.idempotency_key
            .as_ref()
            .is_some_and(|key| *key != submitted.idempotency_key)
        {
            return reply(
                "400 Bad Request",
                serde_json::json!({"error": "the Idempotency-Key header is not the submission's idempotency_key"}),
            );
        }
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
        match self.store(&submitted, &r.body) {
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
    /// whether it had been stored before. It holds the store's lock throughout, so looking
    /// the key up, numbering and writing happen as one step.
    fn store(&self, submitted: &Submission, body: &[u8]) -> std::io::Result<(String, bool)> {
        let store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let key = submission::sha256_hex(submitted.idempotency_key.as_bytes());
        let key_file = store.join("keys").join(key);
        if let Ok(reference) = std::fs::read_to_string(&key_file) {
            return Ok((reference, true));
        }
        // The next number after the highest stored, written only if no file has it, so a
        // stored submission is never overwritten.
        let highest = std::fs::read_dir(&*store)?
            .filter_map(|e| e.ok().and_then(|e| reference_number(&e.path())))
            .max()
            .unwrap_or(0);
        let reference = format!("WM-{:06}", highest + 1);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(store.join(format!("{reference}.json")))?;
        file.write_all(body)?;
        file.sync_all()?;
        write_atomically(&key_file, reference.as_bytes())?;
        Ok((reference, false))
    }
}

/// The number of a stored submission's file, `WM-000042.json`.
fn reference_number(path: &Path) -> Option<u64> {
    let name = path.file_name()?.to_str()?;
    name.strip_prefix("WM-")?
        .strip_suffix(".json")?
        .parse()
        .ok()
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(partial, path)
}

fn reply(status: &'static str, body: serde_json::Value) -> Response {
    Response {
        status,
        content_type: "application/json",
        body: body.to_string().into_bytes(),
        from_site: false,
    }
}

fn not_found() -> Response {
    reply("404 Not Found", serde_json::json!({"error": "not found"}))
}

/// Answers a GET for the site: the file the path names, or 404 with the site's headers.
fn serve_file(site: &Path, path: &str) -> Response {
    let found = site_file(site, path).and_then(|file| {
        let body = std::fs::read(&file).ok()?;
        Some(Response {
            status: "200 OK",
            content_type: content_type(&file),
            body,
            from_site: true,
        })
    });
    found.unwrap_or_else(|| Response {
        from_site: true,
        ..not_found()
    })
}

/// The file in `site` that a request's path names, or `None` when the path could reach
/// outside it: a `..` or `.` part, an empty part, a backslash, a NUL or a bad escape.
/// A path ending in `/` names the `index.html` in that folder.
fn site_file(site: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let relative = decoded.strip_prefix('/')?;
    if relative.contains(['\\', '\0']) {
        return None;
    }
    let (folders, name) = match relative.rsplit_once('/') {
        Some((folders, name)) => (Some(folders), name),
        None => (None, relative),
    };
    let mut file = site.to_path_buf();
    for part in folders.into_iter().flat_map(|f| f.split('/')) {
        file.push(plain_name(part)?);
    }
    file.push(if name.is_empty() {
        "index.html"
    } else {
        plain_name(name)?
    });
    Some(file)
}

/// A part of a path that names one file or folder and nothing else.
fn plain_name(part: &str) -> Option<&str> {
    let mut components = Path::new(part).components();
    match (components.next(), components.next()) {
        (Some(Component::Normal(_)), None) => Some(part),
        _ => None,
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or text that is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let digit = |at: usize| (*bytes.get(at)? as char).to_digit(16);
            out.push((digit(i + 1)? * 16 + digit(i + 2)?) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file of the site, by its extension.
fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        // TypeScript definitions are for reading, so they are served as text.
        "txt" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn read_request(stream: &TcpStream) -> Result<Request, String> {
    let mut reader = BufReader::new(stream).take(MAX_HEAD);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let mut parts = line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default().to_owned(),
        parts.next().unwrap_or_default().to_owned(),
    );
    let mut length = 0usize;
    let mut origin = None;
    let mut idempotency_key = None;
    let mut content_type = None;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(|e| e.to_string())?;
        if !header.ends_with('\n') {
            return Err("the request's headers are too long or cut off".into());
        }
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
                "idempotency-key" => idempotency_key = Some(value.trim().to_owned()),
                "content-type" => {
                    let media = value.split(';').next().unwrap_or_default();
                    content_type = Some(media.trim().to_ascii_lowercase());
                }
                _ => {}
            }
        }
    }
    if length > MAX_BODY {
        return Err("the body is too large".into());
    }
    let mut body = vec![0; length];
    reader
        .into_inner()
        .read_exact(&mut body)
        .map_err(|e| e.to_string())?;
    Ok(Request {
        method,
        target,
        origin,
        idempotency_key,
        content_type,
        body,
    })
}
