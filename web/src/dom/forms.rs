//! Reading a sent form from the browser.

use crate::plan::Form;
use wasm_bindgen::JsCast;
use web_sys::{Element, FormData, HtmlFormElement};
use yew::{Event, SubmitEvent};

/// Every field the form behind `event` sent, as the browser would send it: named fields
/// with their values, ticked boxes and chosen radios only.
pub fn posted(event: &SubmitEvent) -> Form {
    read(event.target())
}

/// What the form around the field behind `event` would send now, as the person types.
/// (Yew delegates events, so the form is found from the field, not the handler.)
pub fn current(event: &Event) -> Form {
    let form = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|field| field.closest("form").ok().flatten());
    read(form.map(Into::into))
}

fn read(target: Option<web_sys::EventTarget>) -> Form {
    let data = target
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        .and_then(|form| FormData::new_with_form(&form).ok());
    let Some(data) = data else {
        return Form::default();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&data) else {
        return Form::default();
    };
    let fields = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    Form::new(fields)
}
