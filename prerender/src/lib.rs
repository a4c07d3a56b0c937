//! Draws the Waymark page's start page into `index.html` at build time, so that a person
//! reads it as soon as the page arrives, before the wasm does, with the pages its start
//! button leads to up to the first question, each in a `<template>` that the page's script
//! (`first-steps.js`) shows when the person follows a link to it before the app has started.
//!
//! The drawing is the app's own (`waymark_web::prerender`), rendered natively by Yew's
//! server-side renderer without hydration markers: the app, once loaded, draws the same
//! markup off the page and swaps it in, so nothing moves. [`draw`] reads the site as the
//! app does (`config.json`, the schemes it offers, the catalogues in `lang/`) and draws the
//! pages in each language the default scheme offers; [`insert`] puts the default
//! language's at the template's [`MARKER`], gives the page the title and language the app
//! gives it, and adds each other language's in a `<template data-language>`, which
//! `first-steps.js` shows instead to a person who asks for that language.

use std::path::Path;
use std::rc::Rc;
use waymark_engine::Date;
use waymark_web::config::Config;
use waymark_web::prerender::{self, FirstVisitPage, FirstVisitPageProps};
use waymark_web::state::State;
use waymark_web::text::{self, Words};
use yew::LocalServerRenderer;

/// Where the start page goes in the template: inside the element the app renders into.
pub const MARKER: &str = "<!-- waymark:start-page -->";

/// The start page as the app draws it on a first visit, in each language it may open in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// The pages in the language a first visit opens in when none is asked for.
    pub default: Drawing,
    /// The pages in each other language the default scheme offers, in its order.
    pub others: Vec<Drawing>,
    /// What the app fetches as it starts in any language (the configuration and the schemes
    /// it offers), so the page can ask for them at once rather than after the wasm starts.
    /// The catalogue of the language chosen is asked for by `first-steps.js`, which knows it.
    pub fetched: Vec<String>,
}

/// The start page and its first steps in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    /// The markup of the whole page inside the app's element: header, main and footer.
    pub html: String,
    /// The page's title.
    pub title: String,
    /// The language it is in, like `en`.
    pub language: String,
    /// The pages the start button leads to, up to the first question.
    pub first_steps: Vec<Step>,
}

/// A page drawn for a person to reach from the start page before the app has started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Its address, like `#/tasks`.
    pub hash: String,
    /// Its title.
    pub title: String,
    /// The markup of the whole page inside the app's element.
    pub html: String,
}

/// Draws the start page of the site in the folder `site` as a first visit sees it on
/// `date`, or says what in the site could not be read.
pub fn draw(site: &Path, date: Date) -> Result<Drawn, Vec<String>> {
    let read =
        |path: &str| std::fs::read_to_string(site.join(path)).map_err(|e| format!("{path}: {e}"));
    let one = |message: String| vec![message];
    let config = Config::from_json(&read("config.json").map_err(one)?).map_err(one)?;
    let mut fetched = vec![prerender::CONFIG_URL.to_owned()];
    fetched.extend(
        config
            .offered()
            .map_err(one)?
            .iter()
            .map(|e| e.path.clone()),
    );
    let schemes = prerender::schemes(&config, read)?;
    let drawn_in = |code: &String| {
        let path = format!("{}{code}.json", prerender::CATALOGUES);
        let words =
            text::read(&read(&path).map_err(one)?).map_err(|e| one(format!("{path}: {e}")))?;
        let state = prerender::first_visit(config.clone(), schemes.clone(), Words(words), date);
        drawing(state).map_err(one)
    };
    let (default, others) = prerender::languages(&schemes);
    Ok(Drawn {
        default: drawn_in(&default)?,
        others: others.iter().map(drawn_in).collect::<Result<_, _>>()?,
        fetched,
    })
}

/// The start page of a first visit in `state`, and its first steps.
fn drawing(state: State) -> Result<Drawing, String> {
    let first_steps = prerender::first_steps(&state)
        .into_iter()
        .map(|route| {
            let shown = prerender::at(&state, route.clone());
            Ok(Step {
                hash: route.hash(),
                title: prerender::title(&shown),
                html: render(shown)?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Drawing {
        title: prerender::title(&state),
        language: state.language.clone(),
        html: render(state)?,
        first_steps,
    })
}

/// The whole page for `state`, rendered on this thread.
fn render(state: State) -> Result<String, String> {
    let renderer = LocalServerRenderer::<FirstVisitPage>::with_props(FirstVisitPageProps {
        state: Rc::new(state),
    })
    .hydratable(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("could not start a runtime to draw the page: {e}"))?;
    Ok(tokio::task::LocalSet::new().block_on(&runtime, renderer.render()))
}

/// `template` with `drawn` at its one [`MARKER`]: the default language's start page, then
/// a `<template>` of each first step, with its address and title as `data-page` and
/// `data-title`, then a `<template>` of each other language's start page and first steps,
/// with its language and title as `data-language` and `data-title`. The page gets the
/// default's `<title>` and `lang` on its `<html>` element, as the app sets them, and a
/// preload of each file the app fetches as it starts; or the error says why the template
/// cannot take them.
pub fn insert(template: &str, drawn: &Drawn) -> Result<String, String> {
    if template.matches(MARKER).count() != 1 {
        return Err(format!(
            "the template must have {MARKER} once, where the app renders"
        ));
    }
    let others: String = drawn
        .others
        .iter()
        .map(|other| {
            template_of(
                ("data-language", &other.language),
                &other.title,
                &with_steps(other),
            )
        })
        .collect();
    let page = template.replacen(
        MARKER,
        &format!("{}{others}", with_steps(&drawn.default)),
        1,
    );
    let page = with_title(&page, &drawn.default.title)?;
    let page = with_preloads(&page, &drawn.fetched)?;
    with_language(&page, &drawn.default.language)
}

/// The start page of `drawing`, then a `<template>` of each of its first steps.
fn with_steps(drawing: &Drawing) -> String {
    let steps: String = drawing
        .first_steps
        .iter()
        .map(|step| template_of(("data-page", &step.hash), &step.title, &step.html))
        .collect();
    format!("{}{steps}", drawing.html)
}

/// A `<template>` holding `content`, with the attribute `attr` set to `value` and its title.
fn template_of((attr, value): (&str, &str), title: &str, content: &str) -> String {
    format!(
        "<template {attr}=\"{}\" data-title=\"{}\">{content}</template>",
        attribute(value),
        attribute(title)
    )
}

/// `page` with a preload of each of `files` at the end of its `<head>`. They are fetched as
/// the app's own `fetch` fetches them (same origin, `crossorigin` for its credentials mode),
/// so the app is given the preloaded copies.
fn with_preloads(page: &str, files: &[String]) -> Result<String, String> {
    let end = page.find("</head>").ok_or("the template has no </head>")?;
    let links: String = files
        .iter()
        .map(|file| {
            format!(
                "  <link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/json\" crossorigin>\n",
                attribute(file)
            )
        })
        .collect();
    Ok(format!("{}{links}{}", &page[..end], &page[end..]))
}

/// `page` with the text of its `<title>` replaced.
fn with_title(page: &str, title: &str) -> Result<String, String> {
    let open = "<title>";
    let start = page.find(open).ok_or("the template has no <title>")? + open.len();
    let end = start
        + page[start..]
            .find("</title>")
            .ok_or("the template's <title> is not closed")?;
    Ok(format!(
        "{}{}{}",
        &page[..start],
        escape(title),
        &page[end..]
    ))
}

/// `page` with the `lang` attribute of its `<html>` element set to `code`.
fn with_language(page: &str, code: &str) -> Result<String, String> {
    let start = page
        .find("<html")
        .ok_or("the template has no <html> element")?;
    let end = start
        + page[start..]
            .find('>')
            .ok_or("the template's <html> is not closed")?;
    let tag = &page[start..end];
    let tag = match tag.find(" lang=\"") {
        Some(at) => {
            let value = at + " lang=\"".len();
            let close = value
                + tag[value..]
                    .find('"')
                    .ok_or("the <html> lang is not closed")?;
            format!("{}{code}{}", &tag[..value], &tag[close..])
        }
        None => format!("<html lang=\"{code}\"{}", &tag["<html".len()..]),
    };
    Ok(format!("{}{tag}{}", &page[..start], &page[end..]))
}

/// `text` safe inside a double-quoted attribute.
fn attribute(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

/// `text` safe inside an element: its `&`, `<` and `>` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
