//! Posting a submission to the receiver the configuration names: the only request the
//! page makes with anything the person typed, and only after they agreed to send it.

use crate::send::{outcome, Failure, Posted};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

/// Posts `body` (a submission's JSON) to `endpoint` with its idempotency key in the
/// `Idempotency-Key` header as well, giving up after `timeout_seconds`.
pub async fn submission(endpoint: &str, body: &str, key: &str, timeout_seconds: u32) -> Posted {
    let Some(window) = super::window() else {
        return Err(Failure::Unreachable);
    };
    let signal = AbortSignal::timeout_with_u32(timeout_seconds.saturating_mul(1000));
    let failed = |signal: &AbortSignal| {
        if signal.aborted() {
            Failure::TimedOut
        } else {
            Failure::Unreachable
        }
    };
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    init.set_signal(Some(&signal));
    if let Ok(headers) = Headers::new() {
        // Setting a header with a valid name and value cannot fail.
        let _ = headers.set("Content-Type", "application/json");
        let _ = headers.set("Idempotency-Key", key);
        init.set_headers(&headers);
    }
    let response: Response = match JsFuture::from(window.fetch_with_str_and_init(endpoint, &init))
        .await
        .and_then(|r| r.dyn_into())
    {
        Ok(response) => response,
        Err(_) => return Err(failed(&signal)),
    };
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.map_err(|_| failed(&signal))?,
        Err(_) => return Err(Failure::Receiver(status)),
    };
    outcome(status, &text.as_string().unwrap_or_default())
}
