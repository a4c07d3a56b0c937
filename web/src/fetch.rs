//! Fetching text from the site, relative to the page.

use std::future::Future;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Starts fetching `url` (relative to the page) at once, and resolves to its body as text.
///
/// The request goes out when this is called rather than when the future is first awaited,
/// so several files can be fetched side by side without a join combinator.
pub fn text(url: &str) -> impl Future<Output = Result<String, String>> {
    let request = web_sys::window().map(|window| JsFuture::from(window.fetch_with_str(url)));
    let url = url.to_owned();
    async move {
        let failed = || format!("could not fetch {url}");
        let response: Response = request
            .ok_or_else(failed)?
            .await
            .map_err(|_| failed())?
            .dyn_into()
            .map_err(|_| failed())?;
        if !response.ok() {
            return Err(format!(
                "could not fetch {url}: the server answered {}",
                response.status()
            ));
        }
        let body = response.text().map_err(|_| failed())?;
        JsFuture::from(body)
            .await
            .map_err(|_| failed())?
            .as_string()
            .ok_or_else(failed)
    }
}
