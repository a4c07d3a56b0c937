// Speed of the built site in headless Chromium (part of `make bench`; the first visit is
// scripts/first-visit-bench.mjs and Lighthouse scripts/lighthouse-bench.mjs):
//
// - drawing, p50 and p95 over 30 or more runs of each, from the click until the page shows
//   what it leads to, the app has finished the update and Chromium has computed the page's
//   style and layout for the frame it paints (the aim is 16 ms, one frame):
//   on the largest example scheme (20 questions), Continue from each question to the next,
//   Continue after a Change on check your answers until it shows the new amount, and "See
//   your estimate" until the result page with its explanation and "what could change this"
//   is drawn, with the engine's own share, which the page records in data-estimate-us and
//   data-alternatives-us attributes; on the default scheme (20 questions, in English and
//   Welsh), switching the result page's language, and in the plan, adding a support;
// - the engine module on its own (www/dist/engine), as a portal uses it: the time of one
//   `estimate` on the default scheme's first worked example, for the figures alone (the aim
//   is under 20 µs) and with the explanation (under 100 µs), and its size gzipped;
// - "Find local support" over a synthetic directory of 5,000 services (`waymark directory
//   synthetic`, then `import` with the Northvale mapping), served in place of the
//   deployment's: its size raw and gzipped (the aim is at most 300 KB), the time from
//   opening the page until the results are drawn, and the time from each keystroke in the
//   search box until the page has drawn the new results, p50 and p95 (the aim is 16 ms),
//   with the search's own share, which the page records in data-search-us.
//
// Each part is measured on its own: when one fails, it says so and the next still runs,
// and the script exits 1 at the end.
//
// Usage: node scripts/browser-bench.mjs [drawing] [engine] [find]  (after make web; every
// part when none is named)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fillSupport, goTo } from "../tests/browser/plan-support.mjs";
import {
  answerAll,
  defaultScheme,
  english,
  exampleSchemes,
  fillAnswer,
  follow,
  launchBrowser,
  openApp,
  startServer,
} from "../tests/browser/support.mjs";
import { measureParts } from "./bench-parts.mjs";
import { printTable } from "./size-budget.mjs";

/** Runs of each interaction whose drawing is timed. */
const RUNS = 30;
const FRAME_MS = 16;

const DIRECTORY_ENTRIES = 5000;
const DIRECTORY_AIM = 300 * 1024;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * q) - 1];
const ms = (x) => `${x.toFixed(1)} ms`;
const row = (label, value, note = "") => console.log(`  ${label}: ${value}${note}`);

const server = await startServer();
const browser = await launchBrowser();
try {
  // `node scripts/browser-bench.mjs find` measures only the parts named (drawing, engine, find).
  const measured = await measureParts(
    [
      { name: "Drawing", key: "drawing", measure: drawing },
      { name: "The engine module", key: "engine", measure: engineModule },
      { name: "Find local support", key: "find", measure: findLocalSupport },
    ],
    process.argv.slice(2),
  );
  process.exitCode = measured ? 0 : 1;
} finally {
  await browser.close();
  await server.stop();
}

/**
 * In the page: clicks the first element matching the selector `click` (with the text
 * `text`, when given) and resolves to the milliseconds until an element matches `until`
 * (while the address ends in `hash`, when given), the app has finished the update and the
 * browser has computed the style and layout of the frame it paints next.
 */
async function timeDrawing({ click, text, until, hash }) {
  const target = [...document.querySelectorAll(click)].find(
    (element) => text === undefined || element.textContent.trim() === text,
  );
  if (!target) throw new Error(`nothing to click matches ${click}`);
  const done = () => (hash === undefined || location.hash === hash) && document.querySelector(until);
  const start = performance.now();
  target.click();
  await new Promise((resolve, reject) => {
    const watch = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      watch.disconnect();
      reject(new Error(`${until} was not drawn`));
    }, 10_000);
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      watch.disconnect();
      resolve();
    };
    watch.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    check();
  });
  // Yew draws in microtasks, which all run before a timer; reading a box's size then makes
  // the browser compute style and layout, as it must before it paints.
  await new Promise((resolve) => setTimeout(resolve, 0));
  document.documentElement.getBoundingClientRect();
  return performance.now() - start;
}

/** Sets the address's hash, as a link would, and waits until `selector` is on the page. */
async function visit(page, hash, selector) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.locator(selector).first().waitFor();
}

/** The drawing of every interaction measured, p50 and p95 against one frame. */
async function drawing() {
  const rows = [["interaction", "runs", "p50", "p95", "worst", ""]];
  // A share of an interaction ("of which …") is shown without a verdict of its own.
  const add = (label, times, share = false) => {
    const p95 = percentile(times, 0.95);
    const verdict = share ? "" : p95 < FRAME_MS ? "ok" : "OVER";
    rows.push([label, times.length, ms(median(times)), ms(p95), ms(Math.max(...times)), verdict]);
  };
  const size = (s) => s.questions.size * 100 + s.scheme.allocation.steps.length;
  const largest = exampleSchemes().sort((a, b) => size(b) - size(a))[0];
  const northvale = defaultScheme();
  let failure;
  for (const measure of [
    () => answering(largest, add),
    () => languageAndPlan(northvale, add),
  ]) {
    try {
      await measure();
    } catch (error) {
      failure ??= error;
    }
  }
  console.log(`Drawing, from the click until the page is drawn (aim: p95 under ${FRAME_MS} ms):`);
  printTable(rows);
  if (failure) throw failure;
}

/** Continue between questions, a changed answer and the result page, on `scheme`. */
async function answering(scheme, add) {
  const { answers, date } = scheme.eligible;
  const { context, page } = await openApp(browser, server.origin, { date, schemes: [scheme.file] });
  try {
    const asked = await answerAll(page, scheme, answers);
    const where = `${scheme.scheme.id} (${scheme.questions.size} questions)`;

    // Each question in turn, its saved answer kept, Continue until the next page is drawn.
    const nextQuestion = [];
    while (nextQuestion.length < RUNS) {
      for (const id of asked) {
        await visit(page, `#/questions/${id}`, `form[data-question-id="${id}"]`);
        nextQuestion.push(
          await page.evaluate(timeDrawing, {
            click: "main button",
            text: english.app.continue_button,
            until: `form[data-question-id]:not([data-question-id="${id}"]), #check-annual-amount, .govuk-task-list`,
          }),
        );
      }
    }
    add(`${where}: Continue to the next question`, nextQuestion);

    // A choice that no other question depends on, so a change returns to check your answers.
    await visit(page, "#/check", "#check-annual-amount");
    const all = [...scheme.questions.values()];
    const choice = all.find(
      (q) => q.answer.choice?.length > 2 && !q.show_if && !all.some((o) => o.show_if?.question === q.id),
    );
    const options = choice.answer.choice.map((o) => o.id);
    const toCheck = [];
    const engine = [];
    const toResult = [];
    const whatCouldChange = [];
    for (let run = 0; run < RUNS; run += 1) {
      await follow(page, page.locator(`a[href="#/change/${choice.id}"]`));
      await fillAnswer(page, choice, options[run % options.length]);
      toCheck.push(
        await page.evaluate(timeDrawing, {
          click: "main button",
          text: english.app.continue_button,
          until: "#check-annual-amount",
        }),
      );
      engine.push(Number(await page.locator("[data-estimate-us]").getAttribute("data-estimate-us")) / 1000);
      toResult.push(
        await page.evaluate(timeDrawing, { click: 'main a[href="#/result"]', until: "[data-alternatives-us]" }),
      );
      whatCouldChange.push(
        Number(await page.locator("[data-alternatives-us]").getAttribute("data-alternatives-us")) / 1000,
      );
      await follow(page, page.locator('main a[href="#/check"]'));
    }
    add(`${where}: Continue after a change to the new amount`, toCheck);
    add("  of which the estimate", engine, true);
    add(`${where}: See your estimate to the result page`, toResult);
    add("  of which what could change this", whatCouldChange, true);
  } finally {
    await context.close();
  }
}

/** Switching the result page's language, and adding a support to the plan, on `scheme`. */
async function languageAndPlan(scheme, add) {
  const { answers, date } = scheme.eligible;
  const { context, page } = await openApp(browser, server.origin, { date, schemes: [scheme.file] });
  try {
    await answerAll(page, scheme, answers);
    await follow(page, page.locator('main a[href="#/result"]'));
    const where = `${scheme.scheme.id} (${scheme.questions.size} questions)`;
    const languages = scheme.scheme.languages;
    const switchTo = (to, from) =>
      page.evaluate(timeDrawing, { click: `header a[hreflang="${to}"]`, until: `html[lang="${to}"] header a[hreflang="${from}"]` });
    // Once there and back first, so that the other language's catalogue is fetched and kept.
    await switchTo(languages[1], languages[0]);
    await switchTo(languages[0], languages[1]);
    const switches = [];
    for (let run = 0; run < RUNS; run += 1) {
      const [to, from] = run % 2 === 0 ? [languages[1], languages[0]] : [languages[0], languages[1]];
      switches.push(await switchTo(to, from));
    }
    add(`${where}: the result page's language switched`, switches);
    if (switches.length % 2 === 1) await switchTo(languages[0], languages[1]);

    await follow(page, page.locator("#make-plan"));
    const supports = [];
    for (let run = 0; run < RUNS; run += 1) {
      await goTo(page, "add-support");
      await fillSupport(page, {
        description: `Swimming pass ${run + 1}`,
        category: "leisure_fitness",
        payer: "budget",
        amount: "25",
        relative: false,
        frequency: "monthly",
      });
      supports.push(
        await page.evaluate(timeDrawing, {
          click: "main button",
          text: english.plan.save_button,
          until: "main h1",
          hash: "#/plan/supports",
        }),
      );
    }
    add(`${where}: the plan, a support added (1 to ${RUNS})`, supports);
  } finally {
    await context.close();
  }
}

/** The engine module's own speed in Chromium, on the default scheme's first example. */
async function engineModule() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/examples/engine.html`);
  const scheme = defaultScheme();
  const example = scheme.eligible;
  const [figures, explained] = await page.evaluate(
    async ({ file, answers, date }) => {
      const engine = await import("/dist/engine/waymark.js");
      await engine.default();
      const loaded = engine.loadScheme(await (await fetch(`/${file}`)).text());
      // The best of five rounds of 2,000 calls, after a warm-up, so that a moment when
      // the machine is busy elsewhere does not count.
      const time = (options) => {
        let best = Infinity;
        for (let round = 0; round < 5; round += 1) {
          for (let i = 0; i < 200; i += 1) engine.estimate(loaded, answers, date, options);
          const start = performance.now();
          for (let i = 0; i < 2000; i += 1) engine.estimate(loaded, answers, date, options);
          best = Math.min(best, ((performance.now() - start) * 1000) / 2000);
        }
        return best;
      };
      return [time(undefined), time({ explain: true })];
    },
    { file: scheme.file, answers: example.answers, date: example.date },
  );
  await context.close();
  const wasm = gzipSync(readFileSync(new URL("../www/dist/engine/waymark_bg.wasm", import.meta.url)), { level: 9 });
  const us = (x) => `${x.toFixed(1)} µs`;
  console.log(`The engine module on ${scheme.scheme.id}, best of 5 rounds of 2,000 calls:`);
  row("estimate, the figures alone", us(figures), figures < 20 ? "" : "  (over the 20 µs aim)");
  row("estimate with the explanation", us(explained), explained < 100 ? "" : "  (over the 100 µs aim)");
  row("the module's wasm, gzipped", String(wasm.length));
}

/** A synthetic directory of about `count` services for the Northvale scheme, as JSON. */
function syntheticDirectory(count) {
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  const binary = path.join(repo, "target/release/waymark");
  const waymark = (args) => {
    const [command, argv] = existsSync(binary)
      ? [binary, args]
      : ["cargo", ["run", "-q", "--release", "-p", "waymark", "--", ...args]];
    const run = spawnSync(command, argv, { cwd: repo, encoding: "utf8" });
    // Import exits 1 when it leaves out a made-up duplicate; only 2 means it could not read the feed.
    if (run.status !== 0 && run.status !== 1) throw new Error(`waymark ${args[1]} failed: ${run.stderr}`);
  };
  const folder = mkdtempSync(path.join(tmpdir(), "waymark-bench-"));
  try {
    const feed = path.join(folder, "feed.json");
    const out = path.join(folder, "directory.json");
    waymark(["directory", "synthetic", "--count", String(count), "--seed", "1", "--out", feed]);
    waymark([
      "directory", "import", feed, "--out", out,
      "--scheme", "www/schemes/northvale-recovery-2026.json",
      "--mapping", "www/directories/northvale/mapping.json",
    ]);
    return readFileSync(out, "utf8");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Searching a directory of 5,000 services as the person types. */
async function findLocalSupport() {
  const body = syntheticDirectory(DIRECTORY_ENTRIES);
  const entries = JSON.parse(body).entries.length;
  const gzipped = gzipSync(Buffer.from(body), { level: 9 }).length;
  const scheme = defaultScheme();
  const { answers, date } = scheme.eligible;
  const { context, page } = await openApp(browser, server.origin, { date });
  await context.route("**/dist/directories/*.directory.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }),
  );
  await answerAll(page, scheme, answers);
  await follow(page, page.locator('main a[href="#/result"]'));
  await follow(page, page.locator("#make-plan"));
  await page.evaluate(() => {
    location.hash = "#/plan/supports";
  });
  await page.locator("#find-support").waitFor();
  const opened = await page.evaluate(async () => {
    const start = performance.now();
    document.querySelector("#find-support").click();
    await new Promise((resolve) => {
      const done = () => document.querySelector(".waymark-results");
      if (done()) return resolve();
      const watch = new MutationObserver(() => done() && (watch.disconnect(), resolve()));
      watch.observe(document.body, { childList: true, subtree: true });
    });
    return performance.now() - start;
  });
  // Each keystroke: from the input event until the page has drawn the new results and the
  // browser has computed their style and layout, as for the clicks above.
  let typed = await page.evaluate(async (words) => {
    const input = document.querySelector("#find-text");
    const times = [];
    for (let round = 0; round < 3; round += 1) {
      for (const word of words) {
        for (let i = 0; i <= word.length; i += 1) {
          const start = performance.now();
          input.value = word.slice(0, i);
          input.dispatchEvent(new InputEvent("input", { bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 0));
          document.documentElement.getBoundingClientRect();
          const search = Number(document.querySelector("[data-search-us]")?.dataset.searchUs ?? 0) / 1000;
          times.push([performance.now() - start, input.value, search]);
        }
      }
    }
    return times;
  }, ["swimming", "walking group", "counselling", "community", "advice", "zzz"]);
  await context.close();
  const slowest = [...typed].sort((a, b) => b[0] - a[0]).slice(0, 3);
  const searches = typed.map(([, , search]) => search).sort((a, b) => a - b);
  typed = typed.map(([time]) => time);
  const sorted = [...typed].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1];
  console.log(`Find local support over a synthetic directory of ${entries} services:`);
  row("the directory", `${body.length} bytes, ${gzipped} gzipped -9`, gzipped <= DIRECTORY_AIM ? "  (aim: at most 300 KB)" : "  (over the 300 KB aim)");
  row("opening the page until the results are drawn", ms(opened));
  row(`a keystroke until the results are drawn, p50 / p95 of ${typed.length}`, `${ms(median(typed))} / ${ms(p95)}`, p95 < FRAME_MS ? "" : "  (over one frame)");
  row("  of which the search, p50 / p95", `${ms(median(searches))} / ${ms(searches[Math.ceil(searches.length * 0.95) - 1])}`);
  row("  the slowest", slowest.map(([time, text]) => `${JSON.stringify(text)} ${ms(time)}`).join(", "));
}
