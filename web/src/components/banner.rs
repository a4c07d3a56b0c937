//! GOV.UK notification banners.

use crate::text::text;
use yew::prelude::*;

/// What a banner says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    /// Something the person did worked.
    Success,
    /// Something the person needs to know.
    Important,
}

/// A notification banner around `content`. The app moves focus to it when a page opens
/// with one, so a screen reader reads it first.
pub fn banner(kind: BannerKind, content: Html) -> Html {
    let t = text();
    let (class, role, title) = match kind {
        BannerKind::Success => (
            "govuk-notification-banner govuk-notification-banner--success",
            "alert",
            &t.app.banner_success,
        ),
        BannerKind::Important => (
            "govuk-notification-banner",
            "region",
            &t.app.banner_important,
        ),
    };
    html! {
        <div {class} {role} aria-labelledby="notification-banner-title" tabindex="-1">
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="notification-banner-title">
                    { title }
                </h2>
            </div>
            <div class="govuk-notification-banner__content">{ content }</div>
        </div>
    }
}
