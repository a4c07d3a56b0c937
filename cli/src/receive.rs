//! `waymark receive`: a reference receiver for submissions. It is an HTTP server on
//! loopback that verifies each submission with the engine, stores it in an SQLite
//! database, returns a reference, and stores a submission sent again with the same key
//! only once. Reviews of plans are posted to `/reviews`, checked with
//! [`crate::verify::check_review`] and stored beside submissions, sharing their
//! references. With `--site DIR` it also serves the static site, so the app can send to it
//! from the same origin: the build's compressed copies and the caching are
//! [`crate::site`]'s.
//!
//! HTTP is hyper's, on a Tokio runtime with two worker threads. Verifying, storing and
//! reading the site's files run on Tokio's blocking threads, at most eight at once. Limits
//! keep it standing under abuse: each connection has a deadline for its whole request
//! (head and body together, 10 seconds unless `--request-timeout` says otherwise), at
//! most 64 connections are served at once (more wait to be accepted), a request's head may
//! be 64 KiB and its body 4 MiB (the largest submission the engine reads). Each connection
//! carries one request. It has no TLS: run it behind a reverse proxy that has.
//!
//! [`Receiver::respond`] answers a request without any network, for tests and fuzzing.

use crate::files;
use crate::site::{self, Served};
use crate::submissions::{Store, Stored};
use crate::words::Deployment;
use crate::Failure;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, StatusCode};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use waymark_engine::review::Review;
use waymark_engine::submission::Submission;
use waymark_engine::Scheme;

pub use bytes::Bytes;
pub use http::{Request, Response};

/// The largest request body accepted: the largest submission the engine reads.
pub const MAX_BODY: usize = waymark_engine::limits::SUBMISSION_BYTES;

/// The most bytes read for a request's line and headers together.
const MAX_HEAD: usize = 64 * 1024;

/// How many connections are served at once.
const MAX_CONNECTIONS: usize = 64;

/// How many requests are verified, stored or read from the site at once.
const MAX_BLOCKING: usize = 8;

/// The threads that read and write the connections.
const WORKER_THREADS: usize = 2;

/// How long after the request's deadline the answer may take to be worked out and
/// written, before the connection is closed regardless.
const ANSWER_GRACE: Duration = Duration::from_secs(2);

/// The headers README.md's "Hosting and response headers" recommends for every file of the
/// site; the receiver sends them with everything it serves from `--site`, the page with
/// [`PAGE_POLICY`] for its Content-Security-Policy. The names are in lower case, as
/// `HeaderName::from_static` needs; they are written in title case.
const SITE_HEADERS: [(&str, &str); 4] = [
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// The Content-Security-Policy README.md recommends for the app's page (the site's own
/// `index.html`) in place of the one in [`SITE_HEADERS`]. The page carries the rest of its
/// policy in a `<meta>` element that the build writes, allowing the script and stylesheet
/// written into the page by their hashes, so this header stays the same when a release
/// changes them; it keeps every rule that needs no hash, and the one a `<meta>` policy
/// cannot make, which pages may frame this one.
const PAGE_POLICY: &str = "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// `waymark receive`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The scheme files submissions may be worked out with; test-case files among them
    /// are skipped.
    #[arg(required = true, value_name = "SCHEME")]
    pub schemes: Vec<PathBuf>,
    /// The SQLite database submissions are stored in, created when missing.
    #[arg(long, value_name = "FILE")]
    pub store: PathBuf,
    /// The static site to serve, if any.
    #[arg(long, value_name = "DIR")]
    pub site: Option<PathBuf>,
    /// The port on 127.0.0.1; 0 lets the system choose.
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// The origins allowed to post from another origin (CORS), separated by commas.
    #[arg(
        long = "allow-origin",
        value_name = "ORIGIN,...",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,
    /// The deadline in seconds for each whole request, head and body.
    #[arg(long = "request-timeout", value_name = "SECONDS", default_value = "10", value_parser = seconds)]
    pub request_timeout: Duration,
    /// The deployment's catalogues (its `lang` folder), whose consent words a submission
    /// must carry [default: the site's `lang` folder, or the catalogues built in].
    #[arg(long, value_name = "DIR")]
    pub catalogues: Option<String>,
}

/// Reads a whole number of seconds, at least 1.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(seconds) if seconds > 0 => Ok(Duration::from_secs(seconds)),
        _ => Err("use a whole number of seconds, at least 1".into()),
    }
}

/// Opens the store, listens on 127.0.0.1, prints `listening on http://ADDRESS` and serves
/// until killed.
pub fn serve(options: Options) -> Result<(), Failure> {
    // Test-case files are skipped, so `www/schemes/*.json` names the schemes.
    let schemes = options
        .schemes
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| !files::is_case_file(p))
        .map(|p| files::scheme(&p))
        .collect::<Result<Vec<_>, _>>()?;
    if schemes.is_empty() {
        return Err(Failure::bad(
            "receive needs at least one SCHEME that is not a test-case file",
        ));
    }
    if let Some(site) = &options.site {
        if !site.is_dir() {
            return Err(Failure::bad(format!(
                "{}: --site needs a folder",
                site.display()
            )));
        }
    }
    let store = Store::open(&options.store)
        .map_err(|e| Failure::bad(format!("{}: {e}", options.store.display())))?;
    let port = options.port;
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| Failure::bad(format!("port {port}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure::bad(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKER_THREADS)
        .max_blocking_threads(MAX_BLOCKING)
        .enable_all()
        .build()
        .map_err(|e| Failure::bad(format!("cannot start: {e}")))?;
    let catalogues = match (&options.catalogues, &options.site) {
        (Some(dir), _) => Some(dir.clone()),
        (None, Some(site)) if site.join("lang").is_dir() => {
            Some(site.join("lang").display().to_string())
        }
        (None, _) => None,
    };
    let deployment = Deployment::load(catalogues.as_deref())?;
    let receiver = Arc::new(Receiver::new(
        schemes,
        store,
        deployment,
        options.site,
        options.allowed_origins,
    ));
    let timeout = options.request_timeout;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Failure::bad(format!("port {port}: {e}")))?;
        println!("listening on http://{address}");
        // Whoever started the receiver waits for this line before sending anything.
        std::io::stdout()
            .flush()
            .map_err(|e| Failure::bad(format!("stdout: {e}")))?;
        accept(listener, receiver, timeout).await;
        Ok(())
    })
}

/// Accepts connections for ever, serving at most [`MAX_CONNECTIONS`] at once.
async fn accept(listener: tokio::net::TcpListener, receiver: Arc<Receiver>, timeout: Duration) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        // The semaphore is never closed, so a permit always comes.
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, say: wait a moment rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let receiver = Arc::clone(&receiver);
        tokio::spawn(async move {
            let deadline = Instant::now() + timeout;
            let service =
                service_fn(move |request| answer(Arc::clone(&receiver), request, deadline));
            let connection = http1::Builder::new()
                .keep_alive(false)
                .title_case_headers(true)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service);
            // A broken or slow connection is the client's problem; the receiver carries on.
            let _ = tokio::time::timeout_at(deadline + ANSWER_GRACE, connection).await;
            drop(permit);
        });
    }
}

/// Reads a request's body by the deadline and answers it on a blocking thread.
async fn answer(
    receiver: Arc<Receiver>,
    request: hyper::Request<Incoming>,
    deadline: Instant,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let refusal = |status, message: &str| {
        let reply = Reply::error(status, message);
        Ok(receiver
            .finish(&parts.headers, parts.method == Method::HEAD, reply)
            .map(Full::new))
    };
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return refusal(StatusCode::PAYLOAD_TOO_LARGE, "the body is over 4 MiB");
    }
    let body = match tokio::time::timeout_at(deadline, Limited::new(body, MAX_BODY).collect()).await
    {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return refusal(StatusCode::PAYLOAD_TOO_LARGE, "the body is over 4 MiB")
        }
        Ok(Err(_)) => return refusal(StatusCode::BAD_REQUEST, "the body could not be read"),
        Err(_) => return refusal(StatusCode::REQUEST_TIMEOUT, "the request took too long"),
    };
    let request = Request::from_parts(parts, body);
    let worker = Arc::clone(&receiver);
    match tokio::task::spawn_blocking(move || worker.respond(request)).await {
        Ok(response) => Ok(response.map(Full::new)),
        // Only a bug panics; the client hears of it as a server error.
        Err(_) => Ok(receiver
            .finish(
                &HeaderMap::new(),
                false,
                Reply::error(StatusCode::INTERNAL_SERVER_ERROR, "the receiver failed"),
            )
            .map(Full::new)),
    }
}

/// The receiver's routing, verifying and storing, without the network.
pub struct Receiver {
    schemes: Vec<Scheme>,
    store: Store,
    deployment: Deployment,
    site: Option<PathBuf>,
    allowed: Vec<String>,
}

/// An answer before its headers for CORS and the site.
struct Reply {
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
    /// For an answer from the site, how it is cached and encoded; the site's headers go
    /// with it.
    from_site: Option<SiteHeaders>,
}

/// What an answer from the site says of the file, beside the headers every file carries.
struct SiteHeaders {
    cache_control: &'static str,
    encoding: Option<&'static str>,
    etag: Option<String>,
    varies: bool,
    is_page: bool,
}

impl From<Served> for Reply {
    fn from(served: Served) -> Reply {
        Reply {
            status: served.status,
            content_type: served.content_type,
            body: served.body,
            from_site: Some(SiteHeaders {
                cache_control: served.cache_control,
                encoding: served.encoding,
                etag: served.etag,
                varies: served.varies,
                is_page: served.is_page,
            }),
        }
    }
}

impl Reply {
    fn json(status: StatusCode, body: serde_json::Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: Bytes::from(body.to_string()),
            from_site: None,
        }
    }

    fn error(status: StatusCode, message: &str) -> Reply {
        Reply::json(status, serde_json::json!({"error": message}))
    }

    fn not_found() -> Reply {
        Reply::error(StatusCode::NOT_FOUND, "not found")
    }
}

impl Receiver {
    /// A receiver for submissions worked out with these schemes, whose consent is in the
    /// deployment's words, stored in `store`, serving `site` if given and allowing posts
    /// from the `allowed` origins.
    pub fn new(
        schemes: Vec<Scheme>,
        store: Store,
        deployment: Deployment,
        site: Option<PathBuf>,
        allowed: Vec<String>,
    ) -> Receiver {
        Receiver {
            schemes,
            store,
            deployment,
            site,
            allowed,
        }
    }

    /// Answers a request whose body has been read: routes it, verifies and stores a
    /// submission, or reads a file of the site. It blocks on the store and the files.
    pub fn respond(&self, request: Request<Bytes>) -> Response<Bytes> {
        let head_only = request.method() == Method::HEAD;
        let reply = self.route(&request);
        self.finish(request.headers(), head_only, reply)
    }

    fn route(&self, r: &Request<Bytes>) -> Reply {
        let path = r.uri().path();
        match (r.method(), path) {
            (&Method::OPTIONS, _) => Reply {
                status: StatusCode::NO_CONTENT,
                content_type: "",
                body: Bytes::new(),
                from_site: None,
            },
            (&Method::GET | &Method::HEAD, "/health") => {
                Reply::json(StatusCode::OK, serde_json::json!({"status": "ok"}))
            }
            (&Method::POST, "/submissions") => self.receive(r.headers(), r.body(), false),
            (&Method::POST, "/reviews") => self.receive(r.headers(), r.body(), true),
            (&Method::GET | &Method::HEAD, _) => match &self.site {
                Some(site) => site::serve(site, path, r.headers()).into(),
                None => Reply::not_found(),
            },
            _ => Reply::not_found(),
        }
    }

    /// Adds the headers every answer carries, and those for CORS and the site.
    fn finish(&self, request: &HeaderMap, head_only: bool, reply: Reply) -> Response<Bytes> {
        let mut headers = HeaderMap::new();
        let mut put = |name: HeaderName, value: &str| {
            if let Ok(value) = HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        };
        // A 304's length would be the file's, not its empty body's, so it has none.
        if ![StatusCode::NO_CONTENT, StatusCode::NOT_MODIFIED].contains(&reply.status) {
            put(header::CONTENT_LENGTH, &reply.body.len().to_string());
        }
        if !reply.content_type.is_empty() {
            put(header::CONTENT_TYPE, reply.content_type);
        }
        let mut varies = Vec::new();
        if let Some(file) = &reply.from_site {
            for (name, value) in SITE_HEADERS {
                put(HeaderName::from_static(name), value);
            }
            if file.is_page {
                put(header::CONTENT_SECURITY_POLICY, PAGE_POLICY);
            }
            put(header::CACHE_CONTROL, file.cache_control);
            if let Some(encoding) = file.encoding {
                put(header::CONTENT_ENCODING, encoding);
            }
            if let Some(etag) = &file.etag {
                put(header::ETAG, etag);
            }
            if file.varies {
                varies.push("Accept-Encoding");
            }
        } else {
            put(header::CACHE_CONTROL, "no-store");
        }
        let origin = single(request, header::ORIGIN).ok().flatten();
        if let Some(origin) = origin.filter(|o| self.allowed.iter().any(|a| a == o)) {
            put(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            put(header::ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
            put(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                "Content-Type, Idempotency-Key",
            );
            varies.push("Origin");
        }
        if !varies.is_empty() {
            put(header::VARY, &varies.join(", "));
        }
        let body = if head_only { Bytes::new() } else { reply.body };
        let mut response = Response::new(body);
        *response.status_mut() = reply.status;
        *response.headers_mut() = headers;
        response
    }

    /// Verifies and stores a submission, or a review when `review` is set.
    fn receive(&self, headers: &HeaderMap, body: &Bytes, review: bool) -> Reply {
        let bad = |message: &str| Reply::error(StatusCode::BAD_REQUEST, message);
        let (content_type, key) = match (
            single(headers, header::CONTENT_TYPE),
            single(headers, HeaderName::from_static("idempotency-key")),
        ) {
            (Ok(content_type), Ok(key)) => (content_type, key),
            (Err(message), _) | (_, Err(message)) => return bad(&message),
        };
        let media = content_type
            .and_then(|c| c.split(';').next())
            .map(str::trim);
        // Only JSON is taken, so a page elsewhere cannot post without a CORS preflight.
        if !media.is_some_and(|m| m.eq_ignore_ascii_case("application/json")) {
            return Reply::error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the submission as application/json",
            );
        }
        let text = match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(e) => {
                let offset = e.valid_up_to();
                return Reply::json(
                    StatusCode::BAD_REQUEST,
                    serde_json::json!({
                        "error": format!("the body is not UTF-8: the byte at offset {offset} is not valid"),
                        "offset": offset,
                    }),
                );
            }
        };
        let read = if review {
            Review::from_json(text).map(|r| Received::Review(Box::new(r)))
        } else {
            Submission::from_json(text).map(|s| Received::Submission(Box::new(s)))
        };
        let received = match read {
            Ok(received) => received,
            Err(issues) => {
                return Reply::json(
                    StatusCode::BAD_REQUEST,
                    serde_json::json!({"issues": issues}),
                )
            }
        };
        let (own_key, stamp) = match &received {
            Received::Submission(s) => (&s.idempotency_key, &s.scheme),
            Received::Review(r) => (&r.idempotency_key, &r.scheme),
        };
        if key.is_some_and(|key| key != own_key) {
            return bad(if review {
                "the Idempotency-Key header is not the review's idempotency_key"
            } else {
                "the Idempotency-Key header is not the submission's idempotency_key"
            });
        }
        let Some(scheme) = self
            .schemes
            .iter()
            .find(|s| s.id == stamp.id && s.version == stamp.version)
        else {
            let message = format!(
                "this receiver does not have {} version {}",
                stamp.id, stamp.version
            );
            return Reply::json(
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"differences": [{"path": "/scheme/version", "message": message}]}),
            );
        };
        let differences = match &received {
            Received::Submission(s) => crate::verify::check(scheme, &self.deployment, s),
            Received::Review(r) => crate::verify::check_review(scheme, &self.deployment, r),
        };
        if !differences.is_empty() {
            return Reply::json(
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"differences": differences}),
            );
        }
        let server_error = |message: String| {
            Reply::json(
                StatusCode::INTERNAL_SERVER_ERROR,
                serde_json::json!({"error": message}),
            )
        };
        // The canonical document: what was verified, written out again.
        let document = match &received {
            Received::Submission(s) => serde_json::to_string(s),
            Received::Review(r) => serde_json::to_string(r),
        };
        let document = match document {
            Ok(document) => document,
            Err(e) => return server_error(e.to_string()),
        };
        match self.store.store_document(own_key, stamp, &document) {
            Ok(Stored::New(reference)) => Reply::json(
                StatusCode::CREATED,
                serde_json::json!({"reference": reference, "repeat": false}),
            ),
            Ok(Stored::Repeat(reference)) => Reply::json(
                StatusCode::OK,
                serde_json::json!({"reference": reference, "repeat": true}),
            ),
            Ok(Stored::Conflict(reference)) => Reply::json(
                StatusCode::CONFLICT,
                serde_json::json!({
                    "error": "another submission with this idempotency key is stored",
                    "reference": reference,
                }),
            ),
            Err(e) => server_error(e.to_string()),
        }
    }
}

/// A document received: a submission or a review.
enum Received {
    Submission(Box<Submission>),
    Review(Box<Review>),
}

/// The value of a header sent at most once, or with the same value each time; an error
/// for different values or a value that is not visible ASCII.
fn single(headers: &HeaderMap, name: HeaderName) -> Result<Option<&str>, String> {
    let mut values = headers.get_all(&name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.any(|v| v != first) {
        return Err(format!("the request has different {name} headers"));
    }
    first
        .to_str()
        .map(Some)
        .map_err(|_| format!("the {name} header is not plain text"))
}
