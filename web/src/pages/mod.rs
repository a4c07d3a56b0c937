//! One module per page. Pages read the state and dispatch actions; what they show is
//! decided by the state, so a page never fetches, stores or navigates by itself (links are
//! ordinary links to the routes' addresses).

mod check;
mod delete;
mod estimate;
pub mod notice;
pub mod plan;
pub mod problem;
mod question;
mod recovery;
mod result;
pub mod review;
mod saved;
pub mod send;
mod start;
mod tasks;

use crate::dom::{clock, files};
use crate::route::Route;
use crate::state::State;
use yew::prelude::*;

/// The page for the state's route. Pages are plain functions, except the result page,
/// which keeps its expensive "what could change this" between drawings with a hook.
pub fn page(store: &UseReducerHandle<State>) -> Html {
    match &store.route {
        _ if store.recovery.is_some() => recovery::view(store),
        Route::Start => start::view(store),
        Route::Tasks => tasks::view(store),
        Route::Question { id, .. } => question::view(store, id),
        Route::Check => check::view(store),
        Route::Result => html! { <result::ResultPage store={store.clone()} /> },
        Route::Saved => saved::view(store),
        Route::Delete => delete::view(store),
        Route::Send => send::view(store),
        Route::Sent => send::sent(store),
        Route::Plan(route) => plan::page(store, route),
        Route::Review(page) => review::view(store, page),
    }
}

/// Where the back link above the page goes, for pages that have one.
pub fn back(state: &State) -> Option<Route> {
    if state.recovery.is_some() {
        return None;
    }
    let flow = state.scheme().map(|s| state.flow(s));
    match (&state.route, flow) {
        (Route::Question { id, change }, Some(flow)) => Some(flow.before(id, *change)),
        (Route::Tasks, _) => Some(Route::Start),
        (Route::Check, Some(flow)) if flow.uses_task_list() => Some(Route::Tasks),
        (Route::Check, Some(flow)) => flow
            .applicable()
            .last()
            .map(|(_, q)| Route::question(&q.id)),
        (Route::Result, _) => Some(Route::Check),
        (Route::Send, _) => Some(Route::Result),
        (Route::Delete, _) => Some(Route::Saved),
        (Route::Plan(route), _) => Some(plan::back(route)),
        (Route::Review(page), _) => Some(review::back(state, page)),
        _ => None,
    }
}

/// Downloads the answers as a saved-answers file, named after the scheme.
pub fn download(state: &State) -> Callback<MouseEvent> {
    let document = state.document();
    Callback::from(move |_: MouseEvent| {
        if let Some(mut document) = document.clone() {
            document.saved_at = clock::timestamp();
            let name = format!("{}-answers.json", document.scheme.id);
            files::download(&name, &document.to_json(), "application/json");
        }
    })
}
