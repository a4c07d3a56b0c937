//! Stateless components in GOV.UK Design System markup. Each is a plain function from
//! what it shows to `Html`: none holds state or dispatches actions itself. They are
//! functions rather than Yew function components because each Yew component adds about a
//! kilobyte of gzipped wasm, and nothing here needs hooks.

mod banner;
mod error_summary;
mod explanation;
mod fields;
mod layout;
pub mod plan;
mod summary;
mod what_could_change;

pub use banner::{banner, BannerKind};
pub use error_summary::error_summary;
pub use explanation::explanation;
pub use fields::{details, error_message, hint, start_icon, warning};
pub use layout::{back_link, footer, header};
pub use summary::answers_summary;
pub use what_could_change::what_could_change;

/// A template with one blank filled by markup, like a link inside a sentence.
pub fn around(template: &str, blank: &str, inner: yew::Html) -> yew::Html {
    let (before, after) = waymark_words::split(template, blank).unwrap_or((template, ""));
    yew::html! { <>{ before.to_owned() }{ inner }{ after.to_owned() }</> }
}

/// The ids in an `aria-describedby`: the hint's, then the error's, each when present;
/// `None` when there are neither.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::with_capacity(2);
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The class of a GOV.UK form group, marked when its field has an error.
pub fn form_group(has_error: bool) -> &'static str {
    if has_error {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

#[cfg(test)]
mod tests {
    use super::described_by;

    #[test]
    fn the_hint_comes_before_the_error() {
        assert_eq!(
            described_by("age", true, true).as_deref(),
            Some("age-hint age-error")
        );
        assert_eq!(
            described_by("age", false, true).as_deref(),
            Some("age-error")
        );
        assert_eq!(described_by("age", false, false), None);
    }
}
