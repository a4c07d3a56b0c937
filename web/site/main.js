// Starts the Waymark page: loads the wasm module, which renders into #app. If the module
// cannot load (a very old browser, or a broken deployment), says so, in each language the
// service has, instead of leaving the page blank. These words are the catalogues' own
// (app.load_failed_heading and app.start_failed_body); a test keeps them the same.
//
// Until the app has started, the page as served is the start page with, drawn ahead at
// build time in `<template data-page>` elements, the pages its start button leads to up to
// the first question. A link followed to one of them shows it at once (showFirstSteps), so
// on a slow connection a person can read on and answer the first question while the wasm
// arrives. What they choose stays in the form, marked `data-touched`, and a form they send
// is marked `data-sent`: the app, taking over, keeps those choices and sends that form
// (web/src/dom/takeover.rs).
//
// Once the app has started and the page has loaded, it registers the service worker
// (sw.js, which the build writes), so the next visit opens with no connection. Only this
// page does: embed.js, in a portal's page, never registers a worker on the portal's origin.
/** The start page's address, as the app writes it. */
const START = "#/";

/** What the app focuses on a new page, first found first, as web/src/app.rs does. */
const FOCUS_ORDER = [".govuk-error-summary", ".govuk-notification-banner", "main h1"];

/**
 * Shows the page drawn ahead for each address followed before the app starts. The page as
 * served is the app's element, `#app`; the app puts its own in its place, after which
 * nothing here acts.
 */
function showFirstSteps() {
  const served = document.getElementById("app");
  const templates = served ? [...served.querySelectorAll(":scope > template[data-page]")] : [];
  if (templates.length === 0) return;
  // Each page shown so far, as the person left it, so going back keeps what they chose.
  const left = new Map();
  const titles = new Map(templates.map((t) => [t.dataset.page, t.dataset.title]));
  titles.set(START, document.title);
  let shown = START;
  const show = () => {
    const wanted = location.hash === "" || location.hash === "#" ? START : location.hash;
    if (!served.isConnected || wanted === shown || !titles.has(wanted)) return;
    const page = [...served.childNodes].filter((node) => node.localName !== "template" && node.localName !== "noscript");
    const kept = document.createDocumentFragment();
    kept.append(...page);
    left.set(shown, kept);
    const template = templates.find((t) => t.dataset.page === wanted);
    served.insertBefore(left.get(wanted) ?? template.content.cloneNode(true), templates[0]);
    shown = wanted;
    document.title = titles.get(wanted);
    window.scrollTo(0, 0);
    FOCUS_ORDER.map((selector) => served.querySelector(selector)).find(Boolean)?.focus();
  };
  window.addEventListener("hashchange", show);
  const touched = (event) => event.target.setAttribute?.("data-touched", "");
  served.addEventListener("input", touched);
  served.addEventListener("change", touched);
  served.addEventListener("submit", (event) => {
    event.preventDefault();
    event.target.setAttribute("data-sent", "");
  });
  show();
}

showFirstSteps();

const FAILED = [
  { lang: "en", heading: "Sorry, there is a problem with the service", body: "This service could not start in this browser. Try again later, try another browser, or contact your council for an estimate." },
  { lang: "cy", heading: "Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth", body: "Nid oedd modd i’r gwasanaeth hwn ddechrau yn y porwr hwn. Rhowch gynnig arall arni yn nes ymlaen, defnyddiwch borwr arall, neu cysylltwch â’ch cyngor i gael amcangyfrif." },
];

/** Registers the service worker once the page has loaded, where the browser has them. */
function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  // Without a worker the app works as before, online, so a refusal changes nothing.
  const register = () => navigator.serviceWorker.register("sw.js").catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

// Imported once the page drawn ahead can be shown, which needs none of it.
import("./dist/waymark_web.js").then(({ default: init, run }) => init().then(() => {
  run();
  keepForOffline();
})).catch(() => {
  const app = document.getElementById("app");
  if (!app) return;
  const main = document.createElement("main");
  main.className = "govuk-main-wrapper";
  main.id = "main-content";
  FAILED.forEach(({ lang, heading, body }, i) => {
    const part = document.createElement("div");
    part.lang = lang;
    const title = document.createElement(i === 0 ? "h1" : "h2");
    title.className = "govuk-heading-xl";
    title.textContent = heading;
    const text = document.createElement("p");
    text.className = "govuk-body";
    text.textContent = body;
    part.append(title, text);
    main.append(part);
  });
  const container = document.createElement("div");
  container.className = "govuk-width-container";
  container.append(main);
  app.replaceChildren(container);
});
