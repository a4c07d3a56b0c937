//! The start page drawn at build time, so that it is in `index.html` as served and a person
//! can read it before the wasm arrives (the `waymark-prerender` tool writes it in), and the
//! pages its start button leads to, up to the first question, so a person can begin
//! answering before then too.
//!
//! Each is the app's own drawing ([`crate::app::frame`]) of the state a first visit is in
//! once loaded: the deployment's schemes, one of the languages the default scheme offers,
//! nothing saved, on a given date. Nothing here touches the DOM, so it draws natively with
//! Yew's server-side renderer. When the
//! app has loaded it draws the same markup and puts it in place of this one
//! (`dom::takeover`), keeping what the person chose in it.

use crate::app;
use crate::config::Config;
use crate::dom::host::Host;
use crate::language;
use crate::route::Route;
use crate::state::{Action, Loaded, State};
use crate::text::{self, Words};
use std::rc::Rc;
use waymark_engine::{Date, Scheme};
use yew::prelude::*;

pub use crate::app::{CATALOGUES, CONFIG_URL};

/// Reads the schemes `config` offers, the default first, as the app loads them, with
/// `read` giving each file's text from its path (or why it could not); or says
/// everything that is wrong.
pub fn schemes(
    config: &Config,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<Rc<Scheme>>, Vec<String>> {
    let texts = config
        .offered()
        .map_err(|message| vec![message])?
        .iter()
        .map(|entry| (entry.path.clone(), read(&entry.path)))
        .collect();
    app::read_schemes(texts)
}

/// The language a first visit opens in when nothing asks for another (the app's fallback
/// when the default scheme offers none), and the other languages the default scheme offers.
pub fn languages(schemes: &[Rc<Scheme>]) -> (String, Vec<String>) {
    let mut offered = schemes
        .first()
        .map(|s| language::offered(s))
        .unwrap_or_default();
    let default = language::choose(None, None, &[], &offered);
    offered.retain(|code| *code != default);
    (default, offered)
}

/// The state of a first visit once the app has loaded, on `date`, in the language of
/// `words`.
pub fn first_visit(config: Config, schemes: Vec<Rc<Scheme>>, words: Words, date: Date) -> State {
    let loaded = Loaded {
        schemes,
        date,
        stored: None,
        storage_works: true,
        route: None,
        config: Rc::new(config),
        language: (words.0.language.clone(), false),
        words,
    };
    Rc::unwrap_or_clone(Rc::new(State::new()).reduce(Action::Loaded(Box::new(loaded))))
}

/// The pages a first visit reaches from the start page's start button, in order, up to
/// and including the first question: the task list of a long scheme, then the question
/// its first task leads to. Empty when the start page has no start button (a choice of
/// schemes, or a scheme not covering the date).
pub fn first_steps(state: &State) -> Vec<Route> {
    let Some(scheme) = state.scheme().filter(|_| !state.choosing_scheme()) else {
        return Vec::new();
    };
    if state.date.is_none_or(|date| !scheme.applies_on(date)) {
        return Vec::new();
    }
    let flow = state.flow(scheme);
    let first_question = flow
        .applicable()
        .next()
        .map(|(_, q)| Route::question(&q.id));
    match flow.first() {
        Route::Tasks => std::iter::once(Route::Tasks)
            .chain(first_question)
            .collect(),
        route => vec![route],
    }
}

/// `state` on the page at `route`, as following a link there shows it.
pub fn at(state: &State, route: Route) -> State {
    Rc::unwrap_or_clone(Rc::new(state.clone()).reduce(Action::Navigate(Some(route))))
}

/// The page's title in `state`, as the app sets it.
pub fn title(state: &State) -> String {
    text::set(state.words.0);
    app::title(state)
}

/// What [`FirstVisitPage`] draws.
#[derive(Debug, PartialEq, Properties)]
pub struct FirstVisitPageProps {
    /// The state to draw, from [`first_visit`] or [`at`].
    pub state: Rc<State>,
}

/// The whole page for a state, as the app draws it in a page of its own at the address
/// with no query string.
#[function_component]
pub fn FirstVisitPage(props: &FirstVisitPageProps) -> Html {
    let state = Rc::clone(&props.state);
    let store = use_reducer(move || Rc::unwrap_or_clone(state));
    text::set(store.words.0);
    app::frame(&store, &Host::Page, "")
}
