// Shared helpers for the browser tests: a static server for www/, Chromium, the example
// schemes and their worked examples read from disk, the `waymark` command-line tool, and
// a driver that answers the questions of a journey the way a person would.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

/** The repository's root folder. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The folder served; WAYMARK_WWW points the tests at another build of the site. */
export const www = path.resolve(process.env.WAYMARK_WWW ?? path.join(repo, "www"));

/** How long the server may take to start before the tests give up. */
const SERVER_START_MS = 10_000;

/** How much of a started process's latest output is kept, to match and to report. */
const OUTPUT_KEPT = 4096;

/** How long to wait for the page to do something before a test fails. */
export const WAIT_MS = 20_000;

/** The storage key the page saves answers under. */
export const STORAGE_KEY = "waymark-saved";

/** The key the app keeps the language the person chose under (web/src/dom/storage.rs). */
export const LANGUAGE_KEY = "waymark-language";

/** The axe-core rule tags the tests hold every page to: WCAG 2.2 A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Serves www/ with Python's static server on a port the system picks, on loopback only.
 * Resolves to { origin, stop }.
 */
export async function startServer() {
  const { match, stop } = await startAndWait(
    "python3",
    ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", www],
    { name: "the test server", ready: /port (\d+)/, timeoutMs: SERVER_START_MS },
  );
  return { origin: `http://127.0.0.1:${match[1]}`, stop };
}

/**
 * Starts `command` with `args` (and spawn's `options`) and resolves, once what it writes to
 * stdout or stderr matches `ready`, to { match, stop }: the match, and a function that
 * ends the process and resolves once it has exited. Rejects, with the end of its output,
 * when it exits first; stops it and rejects when `name` has not started within
 * `timeoutMs`. Both streams are read throughout, so neither pipe fills.
 */
export function startAndWait(command, args, { name, ready, timeoutMs, options = {} }) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error(`${name} did not start in time`)));
    }, timeoutMs);
    let started = false;
    let seen = "";
    const read = (chunk) => {
      seen = (seen + chunk).slice(-OUTPUT_KEPT);
      const match = !started && seen.match(ready);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve({ match, stop });
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", read);
    }
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${seen.slice(-500)}`));
    });
  });
}

/** Debian's Chromium, which every browser test and benchmark runs. */
export const CHROMIUM = "/usr/bin/chromium";

/** Chromium's switches: headless, and with no way to reach any host but this one. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

/** Starts Debian's Chromium headless, with no way to reach any host but this one. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The first case of the default scheme's tests file, as config.json names them. */
export async function defaultExample() {
  const config = JSON.parse(await readFile(path.join(www, "config.json"), "utf8"));
  const entry = config.schemes[config.default];
  const tests = JSON.parse(await readFile(path.join(www, entry.tests), "utf8"));
  return tests.cases[0];
}

/** The symbol English writes before an amount of `currency` (an ISO 4217 code): "$" for USD. */
export function currencySymbol(currency) {
  return english.format.currencies[currency].split("{amount}")[0];
}

/** Writes a decimal string as the page does: "1768.00" becomes "£1,768.00". */
export function formatMoney(decimal, symbol = "£") {
  const negative = decimal.startsWith("-");
  const [whole, fraction = ""] = decimal.replace(/^[-+]/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = negative && /[1-9]/.test(decimal) ? "-" : "";
  return `${sign}${symbol}${grouped}.${fraction.padEnd(2, "0")}`;
}

/**
 * Every example scheme in www/schemes, with its path (relative to www), the scheme, its
 * questions by id, and the first case of its tests file that expects a budget.
 */
export function exampleSchemes() {
  const folder = path.join(www, "schemes");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".tests.json"))
    .sort()
    .map((name) => {
      const file = `schemes/${name}`;
      const scheme = JSON.parse(readFileSync(path.join(www, file), "utf8"));
      const tests = JSON.parse(
        readFileSync(path.join(folder, name.replace(/\.json$/, ".tests.json")), "utf8"),
      );
      const questions = new Map(
        scheme.sections.flatMap((section) => section.questions.map((q) => [q.id, q])),
      );
      const eligible = tests.cases.find((c) => c.expect.eligible === true);
      return { file, scheme, questions, eligible };
    });
}

/** The scheme the deployment's config.json opens with. */
export function defaultScheme() {
  const config = JSON.parse(readFileSync(path.join(www, "config.json"), "utf8"));
  const file = config.schemes[config.default].path;
  return exampleSchemes().find((s) => s.file === file);
}

/**
 * What `waymark estimate` prints as JSON for these answers on this date. Uses the release
 * binary that `make test` builds (its scheme-tests step), or builds it through cargo.
 */
export function cliEstimate(schemeFile, answers, date) {
  return JSON.parse(waymarkEstimate(schemeFile, answers, date, ["--format", "json"]));
}

/**
 * The steps of `waymark estimate --format text` in `lang`, each "label: sentence", as
 * the command line words them: the page must word them the same, from the same catalogue.
 */
export function cliSteps(schemeFile, answers, date, lang) {
  const text = waymarkEstimate(schemeFile, answers, date, ["--format", "text", "--lang", lang]);
  return [...text.matchAll(/^\s*\d+\. (.*)$/gm)].map((m) => m[1]);
}

function waymarkEstimate(schemeFile, answers, date, extra) {
  const binary = path.join(repo, "target/release/waymark");
  const args = ["estimate", path.join(www, schemeFile), "-", "--date", date, ...extra];
  const [command, argv] = existsSync(binary)
    ? [binary, args]
    : ["cargo", ["run", "-q", "--release", "-p", "waymark", "--", ...args]];
  const run = spawnSync(command, argv, {
    cwd: repo,
    input: JSON.stringify(answers),
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new Error(`waymark estimate failed (${run.status}): ${run.stderr}`);
  }
  return run.stdout;
}

/** The explanation's steps as the page shows them, each "label: sentence". */
export async function shownSteps(page) {
  return page.locator("li.waymark-step").evaluateAll((steps) =>
    steps.map((li) => {
      const label = li.querySelector("h3").textContent.trim();
      const sentence = li.querySelector(".waymark-step__sum").textContent.trim();
      return `${label}: ${sentence}`;
    }),
  );
}

/**
 * Opens the app in a fresh browser context (so fresh storage, and no service worker yet),
 * on `date`, offering only `schemes` (paths relative to www) when given, by answering
 * config.json's request with a configuration naming them and holding `config`'s other keys
 * (`submit`, `embed`). `files` maps paths (relative to www) to JSON the site answers with,
 * for schemes made up by a test. These answers are routed for the whole context, so they
 * reach the app's service worker too (Playwright's page routes never see its requests).
 * Records the page's requests, the worker's own (`workerRequests`) and any page errors.
 */
export async function openApp(
  browser,
  origin,
  { date, schemes, storage, config: extra = {}, lang, locale, files = {} } = {},
) {
  const context = await browser.newContext({ acceptDownloads: true, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const { requests, errors } = watch(page);
  const workerRequests = [];
  context.on("request", (request) => {
    if (request.serviceWorker()) workerRequests.push(request);
  });
  for (const [file, value] of Object.entries(files)) {
    await context.route(`${origin}/${file}`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(value) }),
    );
  }
  if (schemes) {
    const config = JSON.stringify({ schemes: schemes.map((p) => ({ path: p })), default: 0, ...extra });
    await context.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: config }),
    );
  }
  if (storage !== undefined) {
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem(key, value);
          sessionStorage.setItem("seeded", "yes");
        }
      },
      [STORAGE_KEY, storage],
    );
  }
  await page.goto(appUrl(origin, date, "", lang));
  await appStarted(page);
  return { context, page, requests, workerRequests, errors };
}

/**
 * The headers README.md's "Hosting and response headers" recommends for every file of the
 * site, by name.
 */
export function recommendedHeaders() {
  const readme = readFileSync(path.join(repo, "README.md"), "utf8");
  const block = readme.split("### Hosting and response headers")[1].split("```")[1];
  return Object.fromEntries(
    block
      .split("\n")
      .filter((line) => line.includes(": "))
      .map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
  );
}

/**
 * Records, from the page's start, what its Content-Security-Policy refuses, as
 * "directive: what" (like "style-src-elem: inline") in `window.refused`.
 */
export function recordRefusals(page) {
  return page.addInitScript(() => {
    window.refused = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.refused.push(`${event.effectiveDirective}: ${event.blockedURI}`),
    );
  });
}

/**
 * Opens the site's own page (no configuration of the test's; at `address`, with the
 * browser's `locale` and the language `chosen` before on the device, when given) in a fresh
 * context, holding back every request for a .wasm file until `release` is called, so the
 * page stays as it is before the wasm arrives. Records what the page's
 * Content-Security-Policy refuses ([`recordRefusals`]).
 */
export async function openHoldingWasm(browser, origin, { address = "/", locale, chosen } = {}) {
  const context = await browser.newContext({ locale });
  if (chosen) {
    await context.addInitScript(([key, code]) => localStorage.setItem(key, code), [LANGUAGE_KEY, chosen]);
  }
  const page = await context.newPage();
  const held = [];
  let released = false;
  let asked;
  const wasmAsked = new Promise((resolve) => {
    asked = resolve;
  });
  await page.route("**/*.wasm", (request) => {
    if (released) return request.continue();
    held.push(request);
    asked();
  });
  await recordRefusals(page);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}${address}`, { waitUntil: "domcontentloaded" });
  await wasmAsked;
  const release = async () => {
    released = true;
    await Promise.all(held.splice(0).map((request) => request.continue()));
  };
  return { context, page, errors, release };
}

/**
 * Waits until the app's service worker has kept the deployment and is in charge of the
 * page, as it is after a first visit.
 */
export async function workerInCharge(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS });
}

/** The deployment the build's service worker keeps: `{ version, files }`. */
export function precache() {
  return JSON.parse(readFileSync(path.join(www, "dist/precache.json"), "utf8"));
}

/**
 * Waits until the app in `page` (or a frame) has taken over from the page as served, whose
 * start page is drawn at build time: the app marks its own element `data-started` when it
 * puts it in place of the served one.
 */
export async function appStarted(page) {
  await page.locator("#app[data-started] main h1").first().waitFor({ timeout: WAIT_MS });
}

/**
 * Records every request `page` (and its frames) makes, and as errors its uncaught
 * exceptions and console errors. Returns the two lists, which fill as the page runs.
 */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(request));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return { requests, errors };
}

/** Clicks `locator`, which downloads a file, and resolves to the file's text. */
export async function downloadedText(page, locator) {
  const download = page.waitForEvent("download");
  await locator.click();
  return readFile(await (await download).path(), "utf8");
}

/** A scheme's text in `lang`: a plain string, or an object of texts by language. */
export function say(text, lang = "en") {
  return typeof text === "string" ? text : text[lang];
}

/** A language's catalogue, as the app reads it from www/lang. */
export function catalogue(code) {
  return JSON.parse(readFileSync(path.join(www, "lang", `${code}.json`), "utf8"));
}

/** The English catalogue, whose words the tests look for unless told otherwise. */
export const english = catalogue("en");

/** The app's address, with the assessment date and the language when they are given. */
export function appUrl(origin, date, hash = "", lang) {
  const query = [date && `date=${date}`, lang && `lang=${lang}`].filter(Boolean).join("&");
  return `${origin}/${query ? `?${query}` : ""}${hash}`;
}

/** The page's current route, like "#/questions/sleep" or "#/". */
export async function route(page) {
  const hash = await page.evaluate(() => location.hash);
  return hash === "" ? "#/" : hash;
}

/** Waits until the route is no longer `from`. */
export async function leave(page, from) {
  await page.waitForFunction((previous) => (location.hash || "#/") !== previous, from, {
    timeout: WAIT_MS,
  });
}

/** Clicks something that leads to another page and waits for it. */
export async function follow(page, locator) {
  const from = await route(page);
  await locator.click();
  await leave(page, from);
  await page.locator("main h1").first().waitFor({ timeout: WAIT_MS });
}

/** Gives the answer to the question on the page, as a person would, without submitting. */
export async function fillAnswer(page, question, value) {
  const kind = Object.keys(question.answer)[0];
  if (kind === "choice") {
    await page.locator(`input[name="${question.id}"][value="${value}"]`).check();
  } else if (kind === "yes_no") {
    const yes = value === true || value === "yes";
    await page.locator(`input[name="${question.id}"][value="${yes ? "yes" : "no"}"]`).check();
  } else {
    await page.locator(`input#${question.id}`).fill(String(value));
  }
}

/** The id of the question on the page. */
export function questionId(page) {
  return page.locator("form[data-question-id]").getAttribute("data-question-id");
}

/**
 * Answers the question on the page from `answers` and continues to the next page; `words`
 * is the catalogue of the page's language.
 */
export async function answerQuestion(page, scheme, answers, words = english) {
  const id = await questionId(page);
  const question = scheme.questions.get(id);
  if (!(id in answers)) throw new Error(`the answers have nothing for question ${id}`);
  await fillAnswer(page, question, answers[id]);
  await follow(page, page.getByRole("button", { name: words.app.continue_button }));
  return id;
}

/**
 * From wherever the journey is, answers every question it asks from `answers`, through the
 * task list for long schemes, until check your answers. Returns the ids asked, in order.
 */
export async function answerAll(page, scheme, answers, words = english) {
  const asked = [];
  for (let step = 0; step < 200; step += 1) {
    const at = await route(page);
    if (at === "#/check") return asked;
    if (at === "#/" ) {
      await follow(page, page.locator("main a.govuk-button--start, main button.govuk-button--start"));
    } else if (at === "#/tasks") {
      const check = page.locator('a.govuk-task-list__link[href="#/check"]');
      const next = page
        .locator(".govuk-task-list__item--with-link")
        .filter({ hasNotText: words.app.status_completed })
        .locator("a.govuk-task-list__link")
        .first();
      await follow(page, (await check.count()) > 0 ? check : next);
    } else if (at.startsWith("#/questions/") || at.startsWith("#/change/")) {
      asked.push(await answerQuestion(page, scheme, answers, words));
    } else {
      throw new Error(`the journey reached ${at} before check your answers`);
    }
  }
  throw new Error("the journey did not reach check your answers");
}

/** Runs axe-core's WCAG 2.2 A and AA rules on the page; resolves to a list of problems. */
export async function axeProblems(page) {
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    // Evaluated through the DevTools protocol rather than added as a <script>, which the
    // page's Content-Security-Policy rightly refuses.
    await page.evaluate(await readFile(path.join(repo, "node_modules/axe-core/axe.min.js"), "utf8"));
  }
  const results = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/** What the page has saved on the device, parsed, or null. */
export async function savedDocument(page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return text === null ? null : JSON.parse(text);
}

/**
 * Starts the site's server and Chromium before a suite's tests and stops both after them,
 * handing them to `use` once they are up.
 */
export function useSiteAndBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/**
 * Asserts that focus is on the page's main heading and the title starts with it, after
 * waiting for both, which follow the page's drawing; a page that never gets there fails.
 */
export async function assertArrived(page, where) {
  await page
    .waitForFunction(
      () => {
        const h1 = document.querySelector("main h1");
        return h1 && document.activeElement === h1 && document.title.startsWith(`${h1.textContent.trim()} – `);
      },
      null,
      { timeout: WAIT_MS },
    )
    .catch(() => {});
  const heading = (await page.locator("main h1").textContent()).trim();
  assert.ok(
    await page.evaluate(() => document.activeElement === document.querySelector("main h1")),
    `focus is on the heading of ${where}`,
  );
  assert.ok((await page.title()).startsWith(`${heading} – `), `the title of ${where}`);
}

/**
 * Waits until the focused element matches `selector`, as focus follows the page's drawing;
 * the caller still asserts it.
 */
export async function focusSettled(page, selector) {
  await page
    .waitForFunction((sel) => document.activeElement?.matches(sel), selector, { timeout: WAIT_MS })
    .catch(() => {});
}

/** Waits until the page's title starts with `prefix`; the caller still asserts it. */
export async function titleSettled(page, prefix) {
  await page
    .waitForFunction((p) => document.title.startsWith(p), prefix, { timeout: WAIT_MS })
    .catch(() => {});
}
