//! The app: loads the configuration and schemes, holds the state, and carries out the side
//! effects the state asks for (the address bar, the title, focus, saving, fetching the
//! directory of local services, posting what the person agreed to send, and telling a
//! portal around the page what happened).

use crate::components::{back_link, error_summary, footer, header};
use crate::config::Config;
use crate::dom::host::Host;
use crate::dom::takeover::TakeOver;
use crate::dom::{clock, page, post, storage};
use crate::flow::Flow;
use crate::pages;
use crate::route::{self, Route};
use crate::state::{Action, Loaded, Persist, Phase, State};
use crate::text::{self, text, Words};
use crate::{embed, fetch, language};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use waymark_engine::Scheme;
use yew::prelude::*;

/// The site configuration, relative to the page.
pub const CONFIG_URL: &str = "config.json";

/// Where the language catalogues are, relative to the page, for a page of its own.
pub const CATALOGUES: &str = "lang/";

/// Focus goes to the first of these that is on the page.
const FOCUS_ORDER: [&str; 3] = [
    ".govuk-error-summary",
    ".govuk-notification-banner",
    "main h1",
];

/// Where the configuration and the schemes come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// `config.json` beside the page, and the scheme files it names.
    Site,
    /// Passed in by a portal that mounted the page: the configuration, and the schemes'
    /// JSON in the configuration's order.
    Given {
        /// The configuration.
        config: Rc<Config>,
        /// The schemes' JSON.
        schemes: Rc<Vec<String>>,
    },
}

/// What the app is started with.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Where the configuration and schemes come from.
    pub source: Source,
    /// Where the page runs.
    pub host: Host,
    /// The address of the folder of language catalogues (`lang/`), ending in `/`.
    pub catalogues: AttrValue,
    /// The page as served (with its start page drawn at build time), which the app's own
    /// drawing replaces once it shows more than "loading"; `None` for a mounted page.
    pub takes_over: Option<TakeOver>,
}

/// The configuration and the schemes it offers, read.
type Setup = (Rc<Config>, Vec<Rc<Scheme>>);

/// The catalogues fetched so far, by language, so switching back needs no fetch.
type Cache = Rc<RefCell<BTreeMap<String, Words>>>;

/// Fetches and reads the catalogue for `code` from the folder `base`, or finds it in `cache`.
async fn words(base: &str, code: &str, cache: &Cache) -> Result<Words, String> {
    if let Some(words) = cache.borrow().get(code) {
        return Ok(*words);
    }
    let json = fetch::text(&format!("{base}{code}.json")).await?;
    let words = Words(text::read(&json).map_err(|e| format!("lang/{code}.json: {e}"))?);
    cache.borrow_mut().insert(code.to_owned(), words);
    Ok(words)
}

/// Start-up failed for `messages`: says so in the language the address, the device or the
/// browser asks for, if its catalogue can be fetched, else in the first language there is.
async fn failed(base: &str, cache: &Cache, messages: Vec<String>) -> Action {
    let offered: Vec<String> = waymark_words::languages::LANGUAGES
        .iter()
        .map(|(code, _)| (*code).to_owned())
        .collect();
    let code = language::choose(
        language::from_query(&page::query()).as_deref(),
        storage::language().as_deref(),
        &page::preferred_languages(),
        &offered,
    );
    Action::LoadFailed(messages, words(base, &code, cache).await.ok())
}

/// The language to start in, for the schemes offered (the default first), and whether the
/// address asked for it.
fn starting_language(schemes: &[Rc<Scheme>]) -> (String, bool) {
    let asked = language::from_query(&page::query());
    let offered = schemes
        .first()
        .map(|s| language::offered(s))
        .unwrap_or_default();
    let code = language::choose(
        asked.as_deref(),
        storage::language().as_deref(),
        &page::preferred_languages(),
        &offered,
    );
    let was_asked = asked.as_deref() == Some(code.as_str());
    (code, was_asked)
}

/// Gets the configuration and every scheme it offers (fetched side by side from the site,
/// or as passed in), and reads them.
async fn load(source: Source) -> Result<Setup, Vec<String>> {
    let one = |message: String| vec![message];
    let (config, texts) = match source {
        Source::Site => {
            let config =
                Config::from_json(&fetch::text(CONFIG_URL).await.map_err(one)?).map_err(one)?;
            let pending: Vec<_> = config
                .offered()
                .map_err(one)?
                .iter()
                .map(|entry| (entry.path.clone(), fetch::text(&entry.path)))
                .collect();
            let mut texts = Vec::with_capacity(pending.len());
            for (path, text) in pending {
                texts.push((path, text.await));
            }
            (Rc::new(config), texts)
        }
        Source::Given { config, schemes } => {
            let named = schemes
                .iter()
                .enumerate()
                .map(|(i, text)| (format!("scheme {}", i + 1), Ok(text.clone())))
                .collect();
            let texts = config.default_first(named).map_err(one)?;
            (config, texts)
        }
    };
    Ok((config, read_schemes(texts)?))
}

/// Reads the schemes' texts, each named for messages (or the reason it could not be had),
/// or says everything that is wrong with them.
pub fn read_schemes(
    texts: Vec<(String, Result<String, String>)>,
) -> Result<Vec<Rc<Scheme>>, Vec<String>> {
    let mut schemes = Vec::with_capacity(texts.len());
    let mut problems = Vec::new();
    for (name, text) in texts {
        match text.map(|text| Scheme::from_json(&text)) {
            Ok(Ok(scheme)) => schemes.push(Rc::new(scheme)),
            Ok(Err(issues)) => problems.extend(issues.iter().map(|i| format!("{name}: {i}"))),
            Err(message) => problems.push(message),
        }
    }
    if problems.is_empty() {
        Ok(schemes)
    } else {
        Err(problems)
    }
}

/// The title of the page shown.
pub fn title(state: &State) -> String {
    let t = text();
    let scheme = state.scheme().map(|s| &**s);
    let owner = scheme.map(|s| text().say(&s.owner));
    match &state.phase {
        Phase::Loading => t.app.service_name.to_owned(),
        Phase::Failed(_) => route::title(&t.app.load_failed_heading, None, false),
        Phase::Ready if state.recovery.is_some() => {
            route::title(&t.app.recovery_heading, None, false)
        }
        Phase::Ready => {
            let heading = route::heading(&state.route, state.heading_scheme(), state.plan.as_ref());
            route::title(&heading, owner, !state.errors.is_empty())
        }
    }
}

/// The whole page: header (unless a portal surrounds it), back link, main content with
/// any error summary, footer.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(State::new);
    text::set(store.words.0);
    let cache: Cache = use_mut_ref(BTreeMap::new);
    let ready = store.phase == Phase::Ready;
    // First of the effects, so that the others (focus, the title) find the app's drawing.
    {
        let takes_over = props.takes_over.clone();
        use_effect_with(store.phase != Phase::Loading, move |drawn| {
            if let (true, Some(takes_over)) = (*drawn, &takes_over) {
                takes_over.finish();
            }
        });
    }
    {
        let store = store.clone();
        let source = props.source.clone();
        let (base, cache) = (props.catalogues.clone(), cache.clone());
        use_effect_with((), move |_| {
            let (stored, storage_works) = match storage::read() {
                Ok(stored) => (stored, true),
                Err(_) => (None, false),
            };
            let date = clock::assessment_date();
            wasm_bindgen_futures::spawn_local(async move {
                let action = match date {
                    Some(date) => match load(source).await {
                        Ok((config, schemes)) => {
                            // Read now rather than at the start, so a link followed on the
                            // page as served (like "Start now") is where the app opens.
                            let route = Route::from_hash(&page::hash());
                            let language = starting_language(&schemes);
                            match words(&base, &language.0, &cache).await {
                                Ok(words) => Action::Loaded(Box::new(Loaded {
                                    schemes,
                                    date,
                                    stored,
                                    storage_works,
                                    route,
                                    config,
                                    language,
                                    words,
                                })),
                                Err(message) => failed(&base, &cache, vec![message]).await,
                            }
                        }
                        Err(messages) => failed(&base, &cache, messages).await,
                    },
                    None => {
                        let action = failed(&base, &cache, Vec::new()).await;
                        match action {
                            Action::LoadFailed(_, words) => {
                                let message = words
                                    .map_or_else(String::new, |w| w.0.app.load_failed_date.clone());
                                Action::LoadFailed(vec![message], words)
                            }
                            other => other,
                        }
                    }
                };
                store.dispatch(action);
            });
        });
    }
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = page::on_hash_change(move |route| {
                store.dispatch(Action::Navigate(route));
            });
            move || drop(listener)
        });
    }
    use_effect_with(
        (ready, store.route.clone(), store.replace),
        |(ready, route, replace)| {
            if *ready {
                page::show_route(route, *replace);
            }
        },
    );
    use_effect_with(title(&store), |title| page::set_title(title));
    {
        let root = props.host.root().cloned();
        use_effect_with(
            (store.focus, store.focus_field.clone()),
            move |(focus, field)| match field {
                _ if *focus == 0 => {}
                Some(field) => page::focus_field(field),
                None => page::focus_first(root.as_ref(), &FOCUS_ORDER),
            },
        );
    }
    {
        let store = store.clone();
        use_effect_with(store.changes, move |changes| {
            if *changes > 0 {
                save(&store);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(store.posts, move |posts| {
            if *posts > 0 {
                send(&store);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(store.review.posts, move |posts| {
            if *posts > 0 {
                send_review(&store);
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(store.find.fetches, move |fetches| {
            if *fetches > 0 {
                fetch_directory(&store);
            }
        });
    }
    use_language(&store, &props.host, &props.catalogues, &cache);
    use_tell_host(&store, &props.host);
    frame(&store, &props.host, &page::query())
}

/// The whole page for the state, where the page runs, with the address's query string
/// (`?date=…`), which the links to other languages keep. Touches no DOM, so the start
/// page can be drawn at build time (`crate::prerender`).
pub fn frame(store: &UseReducerHandle<State>, host: &Host, query: &str) -> Html {
    let ready = store.phase == Phase::Ready;
    let owner = store.scheme().map(|s| text().say(&s.owner));
    let content = match &store.phase {
        Phase::Loading => html! {
            <p class="govuk-body" role="status">{ &text().app.loading }</p>
        },
        Phase::Failed(messages) => pages::problem::view(messages),
        Phase::Ready => pages::page(store),
    };
    let back = if ready { pages::back(store) } else { None };
    let embed = &store.config.embed;
    let shares_estimates = embed.estimate_updates && host.listening(embed);
    let switch = language_switch(store, host.embedded(), query);
    html! {
        <>
            if ready {
                <a href="#main-content" class="govuk-skip-link">{ &text().app.skip_link }</a>
            }
            if !host.embedded() {
                { header(owner, switch) }
            } else {
                { switch }
            }
            <div class="govuk-width-container">
                if let Some(to) = back {
                    { back_link(&to) }
                }
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            if !store.errors.is_empty() {
                                { error_summary(&store.errors) }
                            }
                            if ready {
                                { pages::notice::banner(store.notice.as_ref()) }
                            }
                            { content }
                        </div>
                        if let Some(aside) = pages::plan::aside(store) {
                            <div class="govuk-grid-column-one-third">{ aside }</div>
                        }
                    </div>
                </main>
            </div>
            { footer(shares_estimates) }
        </>
    }
}

/// The links to the other languages the page can be used in, each in its own language;
/// following one switches the page without reloading it.
fn language_switch(store: &UseReducerHandle<State>, embedded: bool, query: &str) -> Html {
    if store.phase != Phase::Ready {
        return Html::default();
    }
    let others: Vec<String> = store
        .languages()
        .into_iter()
        .filter(|code| *code != store.words.0.language)
        .collect();
    if others.is_empty() {
        return Html::default();
    }
    let links = others.into_iter().map(|code| {
        let name = waymark_words::languages::name(&code).unwrap_or_default();
        let href = format!("{}{}", language::link(query, &code), store.route.hash());
        let onclick = {
            let (store, code) = (store.clone(), code.clone());
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                store.dispatch(Action::Language(code.clone()));
            })
        };
        html! {
            <li class="waymark-language__item">
                <a class="govuk-link waymark-language__link" {href} lang={code.clone()}
                    hreflang={code} {onclick}>{ name }</a>
            </li>
        }
    });
    let class = if embedded {
        "waymark-language waymark-language--embedded govuk-width-container"
    } else {
        "waymark-language"
    };
    html! {
        <nav {class} aria-label={text().app.language_nav.clone()}>
            <ul class="waymark-language__list">{ for links }</ul>
        </nav>
    }
}

/// Keeps the page in the language the person chose: fetches its catalogue when they switch,
/// marks the page's `lang`, and remembers a choice on the device.
#[hook]
fn use_language(store: &UseReducerHandle<State>, host: &Host, base: &AttrValue, cache: &Cache) {
    {
        let (store, base, cache) = (store.clone(), base.clone(), cache.clone());
        use_effect_with(store.language.clone(), move |code| {
            if store.phase != Phase::Ready || store.words.0.language == *code {
                return;
            }
            let (code, current) = (code.clone(), store.words);
            wasm_bindgen_futures::spawn_local(async move {
                // A catalogue that cannot be fetched (offline, say) leaves the page as it was.
                let words = words(&base, &code, &cache).await.unwrap_or(current);
                store.dispatch(Action::Words(words));
            });
        });
    }
    {
        let root = host.root().cloned();
        use_effect_with(store.words, move |words| {
            if !words.0.language.is_empty() {
                page::set_language(root.as_ref(), &words.0.language);
            }
        });
    }
    let language = store.language.clone();
    use_effect_with(store.language_choices, move |choices| {
        if *choices > 0 {
            storage::remember_language(&language);
            page::show_language(&language);
        }
    });
}

/// Carries out the state's request to save or remove the saved answers.
fn save(store: &UseReducerHandle<State>) {
    let outcome = match store.persist {
        Persist::Keep => return,
        Persist::Remove => storage::remove(),
        Persist::Write => {
            let Some(mut document) = store.document() else {
                return;
            };
            let now = clock::timestamp();
            document.saved_at = now.clone();
            let written = storage::write(&document.to_json());
            let day = |s: &str| s.get(..10).map(str::to_owned);
            if written.is_ok() && store.saved_at.as_deref().and_then(day) != day(&now) {
                store.dispatch(Action::Written(now));
            }
            written
        }
    };
    if outcome.is_err() && store.storage_works {
        store.dispatch(Action::StorageFailed);
    }
}

/// Fetches the directory of local services the state asks for, from the site.
fn fetch_directory(store: &UseReducerHandle<State>) {
    let Some(url) = store.find.url.clone() else {
        return;
    };
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch::text(&url).await;
        store.dispatch(Action::Plan(crate::plan::PlanAction::Directory {
            url,
            text,
        }));
    });
}

/// Posts the outbox's submission to the configured receiver, and reports how it went.
fn send(store: &UseReducerHandle<State>) {
    let (Some(outbox), Some(submit)) = (&store.outbox, &store.config.submit) else {
        return;
    };
    let (body, key) = (Rc::clone(&outbox.json), outbox.key.clone());
    let submit = submit.clone();
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let posted = post::submission(&submit.endpoint, &body, &key, submit.timeout_seconds).await;
        store.dispatch(Action::Posted {
            key,
            posted,
            at: clock::timestamp(),
        });
    });
}

/// Posts the review waiting in the outbox to the configured receiver of reviews, and
/// reports how it went.
fn send_review(store: &UseReducerHandle<State>) {
    let (Some(outbox), Some(submit)) = (&store.review.kept.outbox, &store.config.submit) else {
        return;
    };
    let Some(endpoint) = submit.review_endpoint.clone() else {
        return;
    };
    let (body, key, timeout) = (
        Rc::clone(&outbox.json),
        outbox.key.clone(),
        submit.timeout_seconds,
    );
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let posted = post::submission(&endpoint, &body, &key, timeout).await;
        store.dispatch(Action::Review(crate::review::ReviewAction::Posted {
            key,
            posted,
            at: clock::timestamp(),
        }));
    });
}

/// Tells a portal around the page that it is ready, each new estimate (if the
/// configuration opts in), and each submission accepted in this visit.
#[hook]
fn use_tell_host(store: &UseReducerHandle<State>, host: &Host) {
    let config = Rc::clone(&store.config);
    let scheme = store.scheme().cloned();
    let ready = store.phase == Phase::Ready;
    {
        let (host, config, scheme) = (host.clone(), config.clone(), scheme.clone());
        use_effect_with(ready, move |ready| {
            if *ready {
                host.tell(&config.embed, &embed::ready(scheme.as_deref()));
            }
        });
    }
    let last = use_mut_ref(|| None::<serde_json::Value>);
    {
        let (host, config, scheme) = (host.clone(), config.clone(), scheme.clone());
        let wanted = host.listening(&config.embed) && config.embed.estimate_updates;
        // Only what the estimate depends on, and nothing at all when no one listens.
        let answers = wanted.then(|| store.answers.clone());
        use_effect_with(
            (answers, store.chosen, store.date),
            move |(answers, _, date)| {
                let (Some(answers), Some(scheme), Some(date)) = (answers, scheme.as_deref(), date)
                else {
                    return;
                };
                // Whether a practitioner is helping does not change whether every
                // question that needs an answer has one.
                if !Flow::new(scheme, answers, false).is_complete() {
                    return;
                }
                let Ok(estimate) = waymark_engine::estimate(scheme, answers, *date) else {
                    return;
                };
                let message = embed::estimate_updated(scheme, &estimate);
                if last.borrow().as_ref() != Some(&message) {
                    host.tell(&config.embed, &message);
                    *last.borrow_mut() = Some(message);
                }
            },
        );
    }
    let reference = store.sent.as_ref().map(|s| s.receipt.reference.clone());
    let host = host.clone();
    use_effect_with((store.posts, reference), move |(posts, reference)| {
        if let (true, Some(reference)) = (*posts > 0, reference) {
            host.tell(
                &config.embed,
                &embed::submitted(scheme.as_deref(), reference),
            );
        }
    });
}
