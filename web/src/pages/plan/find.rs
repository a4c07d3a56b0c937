//! "Find local support": a search box and filters that work as the person types (and with
//! a Search button for those who need one), how many services were found in a polite live
//! region, and the results as summary cards, each with one button to add it to the plan.

use super::Page;
use crate::dom::forms;
use crate::plan::find::{self, Find, Loading, Ready, AREA, CATEGORY, COST, DELIVERY, TEXT};
use crate::plan::names;
use crate::plan::PlanAction;
use crate::state::{Action, State};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::directory::{Day, Delivery, Entry};
use waymark_engine::scheme::Currency;
use yew::prelude::*;

/// The id of the live region that says how many services were found.
const FOUND_ID: &str = "find-found";

/// The page.
pub(super) fn view(page: &Page) -> Html {
    let t = &text().plan;
    let find = &page.state().find;
    let body = match &find.loading {
        Loading::Idle | Loading::Fetching => html! {
            <p class="govuk-body" role="status">{ &t.find_loading }</p>
        },
        Loading::Failed(_) => html! { <p class="govuk-body" role="status">{ &t.find_failed }</p> },
        Loading::Ready(ready) => html! {
            <>
                if !ready.directory.source.complete {
                    <div class="govuk-inset-text">{ &t.find_incomplete }</div>
                }
                { search(page, find) }
                { results(page, find, ready) }
            </>
        },
    };
    html! {
        <>
            { page.heading() }
            <p class="govuk-body">{ &t.find_intro }</p>
            { body }
        </>
    }
}

/// The search box and the filters, in one form that searches on every change.
fn search(page: &Page, find: &Find) -> Html {
    let t = &text().plan;
    let scheme = &page.worked.scheme;
    let query = &find.query;
    let oninput = {
        let store = page.store.clone();
        Callback::from(move |event: InputEvent| {
            store.dispatch(Action::Plan(PlanAction::Search(forms::current(&event))));
        })
    };
    let onsubmit = {
        let store = page.store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Plan(PlanAction::Search(forms::posted(&event))));
        })
    };
    let areas: Vec<(String, String)> = names::areas(scheme);
    let categories: Vec<(String, String)> = scheme
        .plan
        .iter()
        .flat_map(|p| &p.categories)
        .filter(|c| !c.excluded)
        .map(|c| (c.id.clone(), text().say(&c.label).to_owned()))
        .collect();
    let cost = [
        (find::FREE.to_owned(), t.find_free_only.clone()),
        (find::PAID.to_owned(), t.find_paid_only.clone()),
    ];
    let delivery = [
        (find::ONLINE.to_owned(), t.find_online_only.clone()),
        (find::IN_PERSON.to_owned(), t.find_in_person_only.clone()),
    ];
    let free = match query.free {
        Some(true) => find::FREE,
        Some(false) => find::PAID,
        None => "",
    };
    let online = match query.online {
        Some(true) => find::ONLINE,
        Some(false) => find::IN_PERSON,
        None => "",
    };
    html! {
        <form novalidate=true role="search" {oninput} {onsubmit}>
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--m" for={TEXT}>{ &t.find_search_label }</label>
                <div id={format!("{TEXT}-hint")} class="govuk-hint">{ &t.find_search_hint }</div>
                <input class="govuk-input" id={TEXT} name={TEXT} type="search" spellcheck="false"
                    autocomplete="off" aria-describedby={format!("{TEXT}-hint")}
                    value={query.text.clone()} />
            </div>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                        { &t.find_filters_legend }
                    </legend>
                    <div class="waymark-filters">
                        { select(AREA, &t.find_area_label, &areas, query.area.as_deref().unwrap_or_default()) }
                        { select(CATEGORY, &t.find_category_label, &categories,
                            query.category.as_deref().unwrap_or_default()) }
                        { select(COST, &t.find_cost_label, &cost, free) }
                        { select(DELIVERY, &t.find_delivery_label, &delivery, online) }
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">{ &t.find_submit }</button>
        </form>
    }
}

/// A GOV.UK select whose first option, "Any", leaves nothing out.
fn select(id: &str, label: &str, options: &[(String, String)], chosen: &str) -> Html {
    let any = &text().plan.find_any;
    let options = options.iter().map(|(value, words)| {
        html! { <option value={value.clone()} selected={value == chosen}>{ words.clone() }</option> }
    });
    html! {
        <div class="govuk-form-group waymark-filters__item">
            <label class="govuk-label" for={id.to_owned()}>{ label.to_owned() }</label>
            <select class="govuk-select" id={id.to_owned()} name={id.to_owned()}>
                <option value="" selected={chosen.is_empty()}>{ any }</option>
                { for options }
            </select>
        </div>
    }
}

/// How many services were found, and the first page of them.
fn results(page: &Page, find: &Find, ready: &Rc<Ready>) -> Html {
    let t = &text().plan;
    let count = find.results.len();
    let found = fill(
        t.find_found.pick(count as u64),
        &[("count", &count.to_string())],
    );
    let more = {
        let store = page.store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Plan(PlanAction::MoreResults)))
    };
    let language = AttrValue::from(text().language.clone());
    let currency = page.worked.scheme.currency;
    let dispatch = page.store.dispatcher();
    // The cards are not keyed: on a keystroke, the card in each place is patched to show
    // the entry now there, which costs less than taking one away and drawing another.
    let cards = find.results[..find.shown]
        .iter()
        .filter(|i| **i < ready.directory.entries.len())
        .map(|i| {
            html! {
                <Card ready={ready.clone()} index={*i} {currency}
                    language={language.clone()} dispatch={dispatch.clone()} />
            }
        });
    html! {
        <>
            <div role="status" aria-live="polite">
                <h2 class="govuk-heading-m" id={FOUND_ID}>{ found }</h2>
            </div>
            if count == 0 {
                <p class="govuk-body">{ &t.find_none_hint }</p>
            } else {
                <ul class="govuk-list waymark-results" aria-labelledby={FOUND_ID}
                    data-search-us={find.us.to_string()}>{ for cards }</ul>
            }
            if find.shown < count {
                <p class="govuk-body">
                    { fill(&t.find_showing, &[("shown", &find.shown.to_string()), ("count", &count.to_string())]) }
                </p>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={more}>
                    { &t.find_show_more }
                </button>
            }
        </>
    }
}

/// What a result card is drawn from.
#[derive(Properties)]
struct CardProps {
    ready: Rc<Ready>,
    /// The entry's position in the directory.
    index: usize,
    currency: Currency,
    /// The page's language, so a switch draws it again in the new one.
    language: AttrValue,
    dispatch: UseReducerDispatcher<State>,
}

/// A card is drawn again only when its place shows another entry or the language changes,
/// so a keystroke that leaves the first results where they were does not draw them again.
impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ready, &other.ready)
            && self.index == other.index
            && self.currency == other.currency
            && self.language == other.language
            && self.dispatch == other.dispatch
    }
}

/// One service: its name as the card's title, what it is, who runs it, its cost, where and
/// when, the languages spoken, how to get in touch, and the button that adds it. Its own
/// text is marked with its language when that is not the page's.
#[function_component]
fn Card(props: &CardProps) -> Html {
    let root = text();
    let t = &root.plan;
    let (ready, index) = (&*props.ready, props.index);
    let Some(entry) = ready.directory.entries.get(index) else {
        return Html::default();
    };
    let directory = &ready.directory;
    let own = entry.language.as_deref().unwrap_or(&directory.language);
    let lang = (own != root.language).then(|| own.to_owned());
    let row = |key: &str, value: Html| {
        html! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ key.to_owned() }</dt>
                <dd class="govuk-summary-list__value">{ value }</dd>
            </div>
        }
    };
    let own_text = |words: &str| html! { <span lang={lang.clone()}>{ words.to_owned() }</span> };
    let mut rows = Vec::new();
    if let Some(organisation) = directory.organisation(entry) {
        rows.push(row(&t.find_organisation_key, own_text(organisation)));
    }
    let cost = match entry.suggested_cost() {
        None => html! { t.find_cost_free.clone() },
        Some(cost) => {
            let money = root.money(cost.amount.0, props.currency);
            let per = cost
                .per
                .as_deref()
                .map(|per| html! { <>{ " " }{ own_text(per) }</> })
                .or_else(|| {
                    let often = cost.frequency.map(names::frequency)?;
                    Some(html! { <>{ " (" }{ often }{ ")" }</> })
                });
            html! { <>{ money }{ for per }</> }
        }
    };
    rows.push(row(&t.find_cost_key, cost));
    rows.push(row(&t.find_where_key, places(ready, entry, &lang)));
    if !entry.opening.is_empty() {
        let times = entry.opening.iter().map(|o| {
            let days: Vec<&str> = o.days.iter().map(|d| day(*d)).collect();
            let words = fill(
                &t.find_opening,
                &[
                    ("days", &days.join(", ")),
                    ("opens", &o.opens),
                    ("closes", &o.closes),
                ],
            );
            html! { <li>{ words }</li> }
        });
        rows.push(row(
            &t.find_opening_key,
            html! { <ul class="govuk-list govuk-!-margin-bottom-0">{ for times }</ul> },
        ));
    }
    if !entry.languages.is_empty() {
        rows.push(row(
            &t.find_languages_key,
            own_text(&entry.languages.join(", ")),
        ));
    }
    let contact: Vec<Html> = [
        entry.email.as_ref().map(|email| {
            html! { <li><a class="govuk-link" href={format!("mailto:{email}")}>{ email.clone() }</a></li> }
        }),
        entry.phone.as_ref().map(|phone| {
            let dial: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
            html! { <li><a class="govuk-link" href={format!("tel:{dial}")}>{ phone.clone() }</a></li> }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contact.is_empty() {
        rows.push(row(
            &t.find_contact_key,
            html! { <ul class="govuk-list govuk-!-margin-bottom-0">{ for contact }</ul> },
        ));
    }
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Plan(PlanAction::AddFound(index)));
        })
    };
    let hidden = |words: &str| {
        html! {
            <span class="govuk-visually-hidden">{ ": " }<span lang={lang.clone()}>{ words.to_owned() }</span></span>
        }
    };
    html! {
        <li class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title" lang={lang.clone()}>{ entry.name.clone() }</h2>
            </div>
            <div class="govuk-summary-card__content">
                if !entry.description.is_empty() {
                    <p class="govuk-body" lang={lang.clone()}>{ entry.description.clone() }</p>
                }
                <dl class="govuk-summary-list">{ for rows }</dl>
                if let Some(url) = &entry.url {
                    <p class="govuk-body">
                        <a class="govuk-link" href={url.clone()} rel="noreferrer external">
                            { &t.find_website }{ hidden(&entry.name) }
                        </a>
                    </p>
                }
                <button type="button" class="govuk-button govuk-!-margin-bottom-0" onclick={add}>
                    { &t.find_add_button }{ hidden(&entry.name) }
                </button>
            </div>
        </li>
    }
}

/// Where a service is: its places, or how it is offered when it has none.
fn places(ready: &Ready, entry: &Entry, lang: &Option<String>) -> Html {
    let t = &text().plan;
    let mut lines: Vec<Html> = ready
        .directory
        .places_of(entry)
        .map(|p| {
            let words: Vec<&str> = [
                p.name.as_deref(),
                Some(p.address.as_str()),
                p.postcode.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
            html! { <li lang={lang.clone()}>{ words.join(", ") }</li> }
        })
        .collect();
    for way in &entry.delivery {
        let words = match way {
            Delivery::Online => &t.find_where_online,
            Delivery::AtHome => &t.find_where_at_home,
            Delivery::Phone => &t.find_where_by_phone,
            Delivery::InPerson => continue,
        };
        lines.push(html! { <li>{ words }</li> });
    }
    html! { <ul class="govuk-list govuk-!-margin-bottom-0">{ for lines }</ul> }
}

/// A day's name.
fn day(day: Day) -> &'static str {
    let t = &text().plan;
    match day {
        Day::Monday => &t.day_monday,
        Day::Tuesday => &t.day_tuesday,
        Day::Wednesday => &t.day_wednesday,
        Day::Thursday => &t.day_thursday,
        Day::Friday => &t.day_friday,
        Day::Saturday => &t.day_saturday,
        Day::Sunday => &t.day_sunday,
    }
}
