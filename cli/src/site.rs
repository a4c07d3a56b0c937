//! The static site that `waymark receive --site DIR` serves: which file a path names, which
//! of its precompressed copies a request may have, and how long a browser may keep it.
//!
//! The build (`make web`) writes `NAME.br` and `NAME.gz` beside each file worth
//! compressing. A request whose `Accept-Encoding` allows one gets it, with
//! `Content-Encoding` and the original's `Content-Type`: Brotli where both are allowed
//! equally, else whichever the request weighs higher (`q`), else the file itself. A copy
//! older than its original is stale (the original was edited after the build) and is never
//! sent. Answers for a file that has copies say `Vary: Accept-Encoding`.
//!
//! A file whose name carries its content hash (`main.0123456789abcdef.js`, as the build
//! names the app's assets) never changes, so it may be kept for a year without asking
//! again. Every other file (`index.html`, `config.json`, the service worker, the schemes,
//! the catalogues) is `no-cache`: a browser keeps it but asks each time whether it is still
//! current, by its `ETag` in `If-None-Match`, and an unchanged file answers
//! `304 Not Modified` with no body. The ETag is made from the served file's length and
//! time of change, and names the encoding, so each encoding of a file has its own.

use bytes::Bytes;
use http::header::{self, HeaderMap};
use http::StatusCode;
use std::fs::Metadata;
use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The caching of a file whose name carries its content hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The caching of every other answer from the site: kept, but checked each time.
pub const REVALIDATE: &str = "no-cache";

/// How many hexadecimal digits of content hash the build puts in an asset's name.
const HASH_DIGITS: usize = 16;

/// A file of the site, or that there is none, ready to be sent.
pub struct Served {
    /// 200, 304 or 404.
    pub status: StatusCode,
    /// The original file's Content-Type, or empty for a 304.
    pub content_type: &'static str,
    /// What is sent: the file, one of its compressed copies, or nothing.
    pub body: Bytes,
    /// The Cache-Control header.
    pub cache_control: &'static str,
    /// The Content-Encoding header, when a compressed copy is sent.
    pub encoding: Option<&'static str>,
    /// The ETag header, for a file that was found.
    pub etag: Option<String>,
    /// Whether the answer depends on the request's Accept-Encoding.
    pub varies: bool,
    /// Whether this is the app's page, the site's own `index.html`, which carries its
    /// Content-Security-Policy in a `<meta>` element.
    pub is_page: bool,
}

impl Served {
    fn not_found() -> Served {
        Served {
            status: StatusCode::NOT_FOUND,
            content_type: "application/json",
            body: Bytes::from_static(br#"{"error":"not found"}"#),
            cache_control: REVALIDATE,
            encoding: None,
            etag: None,
            varies: false,
            is_page: false,
        }
    }
}

/// A compression the build writes a copy in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    /// The codings in order of preference, when a request weighs them equally.
    const PREFERRED: [Coding; 2] = [Coding::Brotli, Coding::Gzip];

    /// The name in Accept-Encoding and Content-Encoding.
    fn token(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }

    /// The names a request may use for it (RFC 9110 counts `x-gzip` as `gzip`).
    fn accepts(self, token: &str) -> bool {
        match self {
            Coding::Brotli => token == "br",
            Coding::Gzip => token == "gzip" || token == "x-gzip",
        }
    }

    /// What the build appends to a file's name for its copy.
    fn suffix(self) -> &'static str {
        match self {
            Coding::Brotli => ".br",
            Coding::Gzip => ".gz",
        }
    }
}

/// Answers a GET or HEAD for `path` from the site in `site`.
pub fn serve(site: &Path, path: &str, request: &HeaderMap) -> Served {
    let Some(file) = site_file(site, path) else {
        return Served::not_found();
    };
    let Some(original) = std::fs::metadata(&file).ok().filter(Metadata::is_file) else {
        return Served::not_found();
    };
    let copies: Vec<Coding> = Coding::PREFERRED
        .into_iter()
        .filter(|&coding| fresh_copy(&file, coding, &original))
        .collect();
    let coding = negotiate(request, &copies);
    let sent = coding.map_or_else(|| file.clone(), |c| with_suffix(&file, c.suffix()));
    let Ok(metadata) = std::fs::metadata(&sent) else {
        return Served::not_found();
    };
    let etag = etag(&metadata, coding);
    let cache_control = if is_content_named(&file) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    // A 304 has no body, so it names no encoding; its ETag says which copy is meant.
    let mut served = Served {
        status: StatusCode::NOT_MODIFIED,
        content_type: "",
        body: Bytes::new(),
        cache_control,
        encoding: None,
        etag: etag.clone(),
        varies: !copies.is_empty(),
        is_page: file == site.join("index.html"),
    };
    if etag.is_some_and(|etag| none_match(request, &etag)) {
        return served;
    }
    match std::fs::read(&sent) {
        Ok(body) => {
            served.status = StatusCode::OK;
            served.encoding = coding.map(Coding::token);
            served.content_type = content_type(&file);
            served.body = Bytes::from(body);
            served
        }
        Err(_) => Served::not_found(),
    }
}

/// `file` with `suffix` added to its name.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether the build's copy of `file` in `coding` is there and no older than the file.
fn fresh_copy(file: &Path, coding: Coding, original: &Metadata) -> bool {
    let Ok(copy) = std::fs::metadata(with_suffix(file, coding.suffix())) else {
        return false;
    };
    match (copy.modified(), original.modified()) {
        (Ok(copy_time), Ok(original_time)) => copy.is_file() && copy_time >= original_time,
        _ => false,
    }
}

/// The coding to send, of those there are copies in, for the request's Accept-Encoding;
/// `None` for the file itself.
fn negotiate(request: &HeaderMap, copies: &[Coding]) -> Option<Coding> {
    let offers = accepted(request);
    if offers.is_empty() {
        return None;
    }
    let weight = |matches: &dyn Fn(&str) -> bool| {
        offers
            .iter()
            .find(|(token, _)| matches(token))
            .map(|&(_, q)| q)
    };
    let any = weight(&|token| token == "*");
    let mut best: Option<(Coding, u16)> = None;
    for &coding in copies {
        let q = weight(&|token| coding.accepts(token)).or(any).unwrap_or(0);
        // Ties go to the coding listed first, the one preferred.
        if q > 0 && best.is_none_or(|(_, best_q)| q > best_q) {
            best = Some((coding, q));
        }
    }
    let (coding, q) = best?;
    // The file itself only when the request says plainly that it prefers it.
    match weight(&|token| token == "identity") {
        Some(identity) if identity > q => None,
        _ => Some(coding),
    }
}

/// The codings a request's Accept-Encoding headers list, in lower case, each with its
/// weight in thousandths (`q=1` is 1000). A listing with a malformed weight is left out.
fn accepted(request: &HeaderMap) -> Vec<(String, u16)> {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let token = parts.next().filter(|t| !t.is_empty())?.to_ascii_lowercase();
            let mut q = 1000;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = weight(value.trim())?;
                    }
                }
            }
            Some((token, q))
        })
        .collect()
}

/// A weight as RFC 9110 writes it (`0`, `0.5`, `1.000`), in thousandths.
fn weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The ETag of the file sent: its length and time of change, and the coding.
fn etag(sent: &Metadata, coding: Option<Coding>) -> Option<String> {
    let changed = sent.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let coding = coding.map_or(String::new(), |c| format!("-{}", c.token()));
    Some(format!(
        "\"{:x}-{:x}{coding}\"",
        sent.len(),
        changed.as_nanos()
    ))
}

/// Whether the request's If-None-Match names `etag` (compared weakly, as RFC 9110 says
/// for GET and HEAD) or is `*`.
fn none_match(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// Whether a file's name carries a content hash before its extension, as the build names
/// the app's assets: `NAME.` then 16 lower-case hexadecimal digits, then `.EXTENSION`.
pub fn is_content_named(file: &Path) -> bool {
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let mut parts = name.rsplit('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(extension), Some(hash), Some(stem)) => {
            !extension.is_empty()
                && !stem.is_empty()
                && hash.len() == HASH_DIGITS
                && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        }
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    const BOTH: [Coding; 2] = [Coding::Brotli, Coding::Gzip];

    #[test]
    fn brotli_is_preferred_then_gzip_then_the_file_itself() {
        let cases: [(&[&str], &[Coding], Option<Coding>); 14] = [
            (&["gzip, deflate, br, zstd"], &BOTH, Some(Coding::Brotli)),
            (&["gzip, deflate"], &BOTH, Some(Coding::Gzip)),
            (&["br"], &[Coding::Gzip], None),
            (&["gzip;q=1.0, br;q=0.5"], &BOTH, Some(Coding::Gzip)),
            (&["br;q=0, gzip"], &BOTH, Some(Coding::Gzip)),
            (&["BR;Q=0.8", "x-gzip;q=0.9"], &BOTH, Some(Coding::Gzip)),
            (&["*"], &BOTH, Some(Coding::Brotli)),
            (&["*;q=0.3, br;q=0"], &BOTH, Some(Coding::Gzip)),
            (&["identity"], &BOTH, None),
            (&["identity;q=1, br;q=0.5"], &BOTH, None),
            (&["identity;q=0.5, br;q=0.5"], &BOTH, Some(Coding::Brotli)),
            (&["br;q=2, gzip;q=0.001"], &BOTH, Some(Coding::Gzip)),
            (&["gzip;q=0.1234, br;q=.5"], &BOTH, None),
            (&[], &BOTH, None),
        ];
        for (values, copies, expected) in cases {
            assert_eq!(
                negotiate(&accepting(values), copies),
                expected,
                "{values:?} with copies {copies:?}"
            );
        }
    }

    #[test]
    fn only_a_name_with_sixteen_hex_digits_before_its_extension_is_content_named() {
        for (name, expected) in [
            ("main.0123456789abcdef.js", true),
            ("dist/waymark_web_bg.fedcba9876543210.wasm", true),
            ("main.0123456789ABCDEF.js", false),
            ("main.0123456789abcde.js", false),
            ("main.0123456789abcdefa.js", false),
            (".0123456789abcdef.js", false),
            ("main.js", false),
            ("index.html", false),
            ("northvale-recovery-2026.json", false),
        ] {
            assert_eq!(is_content_named(Path::new(name)), expected, "{name}");
        }
    }
}
