//! Files the person chooses to take away or bring in. Downloads are made on the device
//! from a `Blob`; nothing is uploaded anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `text` as a file called `name` to save.
pub fn download(name: &str, text: &str, mime: &str) {
    // A download that cannot start leaves nothing to undo, and the page stays as it was.
    let _ = try_download(name, text, mime);
}

fn try_download(name: &str, text: &str, mime: &str) -> Option<()> {
    let document = super::document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Url::revoke_object_url(&url).ok()
}

/// The text of the file chosen in the file input with `id`: `Ok(None)` when none was
/// chosen, `Err` when it could not be read.
pub async fn read_chosen(id: &str) -> Result<Option<String>, ()> {
    let input: Option<HtmlInputElement> = super::document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into().ok());
    let Some(file) = input.and_then(|i| i.files()).and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let text = JsFuture::from(file.text()).await.map_err(|_| ())?;
    text.as_string().map(Some).ok_or(())
}
