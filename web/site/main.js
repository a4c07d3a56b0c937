// Starts the Waymark page: loads the wasm module, which renders into #app. If the module
// cannot load (a very old browser, or a broken deployment), says so, in each language the
// service has, instead of leaving the page blank. These words are the catalogues' own
// (app.load_failed_heading and app.start_failed_body); a test keeps them the same.
//
// If the browser refused the style sheet written into the page, it links the style sheet.
//
// Once the app has started and the page has loaded, it registers the service worker
// (sw.js, which the build writes), so the next visit opens with no connection. Only this
// page does: embed.js, in a portal's page, never registers a worker on the portal's origin.
import init, { run } from "./dist/waymark_web.js";

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

/**
 * Links the style sheet when the copy written into the page was refused, as it is when a
 * server sends the page the policy meant for every other file (README.md, "Hosting and
 * response headers"): the page then looks as it should, a request later.
 */
function keepStyled() {
  const written = document.querySelector("head > style");
  if (!written || written.sheet) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "styles.css";
  document.head.append(link);
}

keepStyled();
init().then(() => {
  run();
  keepForOffline();
}).catch(() => {
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
