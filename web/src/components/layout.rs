//! The header, footer and back link around every page.

use crate::route::Route;
use crate::text::text;
use yew::prelude::*;

/// The generic header: the council's (or NHS body's) name, the service's name and the
/// switch to the page's other languages. No crown, no GOV.UK logo.
pub fn header(owner: Option<&str>, languages: Html) -> Html {
    let t = text();
    html! {
        <header class="govuk-header">
            <div class="govuk-header__container govuk-width-container">
                <div class="govuk-header__logo">
                    <span class="govuk-header__logotype-text">
                        { owner.unwrap_or(&t.app.service_owner_fallback).to_owned() }
                    </span>
                </div>
                <div class="govuk-header__content">
                    <a href={Route::Start.hash()} class="govuk-header__link govuk-header__service-name">
                        { &t.app.service_name }
                    </a>
                </div>
                { languages }
            </div>
        </header>
    }
}

/// The footer: the way to what is saved on this device, and the privacy promise, which
/// says so when the portal around the page is told each new estimate.
pub fn footer(estimates_shared: bool) -> Html {
    let t = text();
    html! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">{ &t.app.footer_saved_link }</h2>
                        <ul class="govuk-footer__inline-list">
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href={Route::Saved.hash()}>
                                    { &t.app.footer_saved_link }
                                </a>
                            </li>
                        </ul>
                        <p class="govuk-footer__text">{ &t.app.footer_privacy }</p>
                        if estimates_shared {
                            <p class="govuk-footer__text" id="estimates-shared">
                                { &t.app.footer_estimates_shared }
                            </p>
                        }
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// A GOV.UK back link: an ordinary link to the page before.
pub fn back_link(to: &Route) -> Html {
    html! {
        <a href={to.hash()} class="govuk-back-link">{ &text().app.back }</a>
    }
}
