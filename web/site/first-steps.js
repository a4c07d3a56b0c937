// Shows the pages drawn ahead of the start page until the app has started. The page as
// served is the start page with, drawn at build time in `<template data-page>` elements,
// the pages its start button leads to up to the first question. A link followed to one of
// them shows it at once, so on a slow connection a person can read on and answer the first
// question while the wasm arrives. What they choose stays in the form, marked
// `data-touched`, and a form they send is marked `data-sent`: the app, taking over, keeps
// those choices and sends that form (web/src/dom/takeover.rs).
//
// The build writes this script into index.html itself, after `#app`, with its hash in the
// page's own `<meta>` Content-Security-Policy (scripts/publish-site.mjs), so it runs as the
// page is read, with no request of its own. It is plain script, for that reason, not a module.
//
// The page as served is drawn in the default scheme's default language, with the same pages
// in each other language it offers in a `<template data-language>`. A person who asks for
// one of those (in the address, by a choice remembered on the device or by the browser's
// languages, as web/src/language.rs chooses) is shown it instead, before the first paint,
// and the browser is asked for that language's catalogue, which the app fetches as it starts.
//
// The page as served is the app's element, `#app`; the app puts its own in its place,
// after which nothing here acts.
(function showFirstSteps() {
  "use strict";
  /** The start page's address, as the app writes it. */
  const START = "#/";
  /** What the app focuses on a new page, first found first, as web/src/app.rs does. */
  const FOCUS_ORDER = [".govuk-error-summary", ".govuk-notification-banner", "main h1"];
  /** Where the app keeps the language the person chose (web/src/dom/storage.rs). */
  const LANGUAGE_KEY = "waymark-language";
  /** Where the app fetches the catalogues from (`app::CATALOGUES`). */
  const CATALOGUES = "lang/";
  const served = document.getElementById("app");
  if (!served) return;
  preloadCatalogue(showLanguage(served));
  const templates = [...served.querySelectorAll(":scope > template[data-page]")];
  if (templates.length === 0) return;
  // Each page shown so far, as the person left it, so going back keeps what they chose.
  const left = new Map();
  const titles = new Map(templates.map((t) => [t.dataset.page, t.dataset.title]));
  titles.set(START, document.title);
  let shown = START;
  const show = () => {
    // Once the app has taken over, it alone follows the address.
    if (!served.isConnected) {
      window.removeEventListener("hashchange", show);
      return;
    }
    const wanted = location.hash === "" || location.hash === "#" ? START : location.hash;
    if (wanted === shown || !titles.has(wanted)) return;
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

  /**
   * Puts the pages in the language the app will choose in place, if they are not these, and
   * returns that language.
   */
  function showLanguage(app) {
    const drawn = new Map(
      [...app.querySelectorAll(":scope > template[data-language]")].map((t) => [t.dataset.language, t]),
    );
    const drawnFirst = document.documentElement.lang;
    const offered = (code) => code === drawnFirst || drawn.has(code);
    let stored = null;
    try {
      stored = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // A browser that keeps nothing has nothing chosen.
    }
    // The address's `lang` as language::from_query reads it: the first, not decoded.
    const asked = location.search
      .slice(1)
      .split("&")
      .find((pair) => pair.startsWith("lang="))
      ?.slice("lang=".length);
    const browser = (navigator.languages ?? []).map((tag) => tag.split(/[-_]/)[0].toLowerCase());
    const chosen = [asked, stored].find(offered) ?? browser.find(offered) ?? drawnFirst;
    const other = drawn.get(chosen);
    if (other) {
      for (const node of [...app.childNodes]) if (node.localName !== "noscript") node.remove();
      app.prepend(other.content.cloneNode(true));
      document.documentElement.lang = chosen;
      document.title = other.dataset.title;
    }
    return chosen;
  }

  /** Has the browser fetch the catalogue the app fetches as it starts, for `code`. */
  function preloadCatalogue(code) {
    const preload = document.createElement("link");
    Object.assign(preload, { rel: "preload", as: "fetch", type: "application/json", crossOrigin: "anonymous" });
    preload.href = `${CATALOGUES}${code}.json`;
    document.head.append(preload);
  }
})();
