// The start page before the wasm arrives: index.html as served has the default scheme's
// start page drawn in at build time, it reads and passes axe on its own, a link followed
// on it is where the app opens, and the app takes over with the same markup, so nothing
// on the screen moves (no layout shift at all). The pages its start button leads to, up to
// the first question, are drawn ahead too: a person can answer the first question before
// the wasm arrives, and the app keeps the answer. A person who asks for Welsh is shown the
// same pages drawn in Welsh.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  appStarted,
  axeProblems,
  catalogue,
  defaultScheme,
  english,
  follow,
  openHoldingWasm,
  questionId,
  route,
  say,
  useSiteAndBrowser,
  WAIT_MS,
} from "./support.mjs";

const northvale = defaultScheme();

/** The questions in the order the scheme asks them. */
const questions = northvale.scheme.sections.flatMap((section) => section.questions);

/** Records every layout shift from the page's start, into `window.layoutShifts`. */
function recordLayoutShifts() {
  window.layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.layoutShifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
}

/** Resolves after the page has drawn two more frames, so pending shifts are reported. */
function twoFrames() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))),
  );
}

/**
 * Compares the page as served (`html`) with the page now, node by node inside `#app`
 * (the `<noscript>` aside): names, namespaces, attributes by name and value (in any order,
 * as the parser and the app set them differently), and text. Runs in the page.
 */
function differences(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const drawn = (root) =>
    [...root.children].filter((child) => child.localName !== "noscript" && child.localName !== "template");
  const before = drawn(parsed.getElementById("app"));
  const after = drawn(document.getElementById("app"));
  const found = [];
  const compare = (a, b, where) => {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName || a.namespaceURI !== b.namespaceURI) {
      found.push(`${where}: ${a.nodeName} became ${b.nodeName}`);
      return;
    }
    if (a.nodeType === Node.TEXT_NODE) {
      if (a.data !== b.data) found.push(`${where}: ${JSON.stringify(a.data)} became ${JSON.stringify(b.data)}`);
      return;
    }
    for (const name of new Set([...a.getAttributeNames(), ...b.getAttributeNames()])) {
      if (a.getAttribute(name) !== b.getAttribute(name)) {
        found.push(`${where} ${name}: ${a.getAttribute(name)} became ${b.getAttribute(name)}`);
      }
    }
    if (a.childNodes.length !== b.childNodes.length) {
      found.push(`${where}: ${a.childNodes.length} children became ${b.childNodes.length}`);
      return;
    }
    a.childNodes.forEach((child, i) => compare(child, b.childNodes[i], `${where} > ${child.nodeName}[${i}]`));
  };
  before.forEach((node, i) => after[i] && compare(node, after[i], `#app > ${node.nodeName}[${i}]`));
  return { count: [before.length, after.length], differences: found, sameTitle: parsed.title === document.title };
}

describe("the start page before the wasm arrives", { timeout: 120_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test("is in the page as served, in the catalogue's and the scheme's words, and passes axe", async () => {
    const { context, page, errors, release } = await openHoldingWasm(browser, server.origin);
    try {
      const h1 = page.locator("main h1");
      assert.equal((await h1.textContent()).trim(), say(northvale.scheme.title));
      const main = await page.locator("main").innerText();
      for (const words of [
        english.app.start_what,
        say(northvale.scheme.text.introduction),
        english.app.start_estimate,
        english.app.start_privacy,
        english.app.start_load_file,
      ]) {
        assert.ok(main.includes(words), `the start page says ${JSON.stringify(words)}`);
      }
      const start = page.locator("main a.govuk-button--start");
      assert.equal((await start.innerText()).trim(), english.app.start_button);
      assert.equal(await start.getAttribute("href"), "#/tasks");
      const header = await page.locator("header").innerText();
      assert.ok(header.includes(say(northvale.scheme.owner)), "the header names the council");
      assert.ok(header.includes(english.app.service_name), "the header names the service");
      assert.equal(await page.locator('header a[hreflang="cy"]').getAttribute("href"), "?lang=cy#/");
      assert.ok((await page.locator("footer").innerText()).includes(english.app.footer_privacy));
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      assert.equal(
        await page.title(),
        `${say(northvale.scheme.title)} – ${english.app.service_name} – ${say(northvale.scheme.owner)}`,
      );
      assert.equal(await page.locator("#app[data-started]").count(), 0, "the app has not started");
      assert.deepEqual(await axeProblems(page), []);

      // Focus moved on the page as served stays there when the app takes over.
      await start.focus();
      await release();
      await appStarted(page);
      assert.ok(
        await page.evaluate(() => document.activeElement.matches("#app[data-started] main a.govuk-button--start")),
        "focus is on the app's own start button",
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript, the start page is hidden and the noscript message shows alone", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/`);
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll("#app > *")].map((e) => `${e.localName}: ${getComputedStyle(e).display}`),
      );
      assert.deepEqual(shown, [
        "a: none",
        "header: none",
        "div: none",
        "footer: none",
        "template: none",
        "template: none",
        "template: none", // the same pages in Welsh
        "noscript: inline",
      ]);
      assert.equal((await page.locator("noscript h1").innerText()).trim(), english.app.service_name);
    } finally {
      await context.close();
    }
  });

  test("a person who asks for Welsh is shown the pages drawn in Welsh, and the app takes over with the same markup", async () => {
    const welsh = catalogue("cy");
    const asked = [
      ["in the address", { address: "/?lang=cy" }],
      ["by the browser's language", { locale: "cy-GB" }],
      ["by the choice kept on the device", { chosen: "cy" }],
    ];
    for (const [how, options] of asked) {
      const { context, page, errors, release } = await openHoldingWasm(browser, server.origin, options);
      try {
        assert.equal(await page.evaluate(() => document.documentElement.lang), "cy", how);
        assert.equal((await page.locator("main h1").textContent()).trim(), say(northvale.scheme.title, "cy"), how);
        const start = page.locator("main a.govuk-button--start");
        assert.equal((await start.innerText()).trim(), welsh.app.start_button, how);
        assert.equal(
          await page.title(),
          `${say(northvale.scheme.title, "cy")} – ${welsh.app.service_name} – ${say(northvale.scheme.owner, "cy")}`,
        );
        assert.equal(await page.locator('header a[hreflang="en"]').getAttribute("href"), "?lang=en#/");
        assert.equal(await page.locator("#app[data-started]").count(), 0, "the app has not started");
        assert.deepEqual(await axeProblems(page), [], how);

        await follow(page, start);
        assert.equal((await page.locator("main h1").textContent()).trim(), welsh.app.tasks_heading, how);
        const shown = await page.evaluate(() => {
          const copy = document.implementation.createHTMLDocument(document.title);
          copy.body.append(document.getElementById("app").cloneNode(true));
          return copy.documentElement.outerHTML;
        });
        await release();
        await appStarted(page);
        await page.evaluate(twoFrames);
        const compared = await page.evaluate(differences, shown);
        assert.deepEqual(compared.count, [4, 4], how);
        assert.deepEqual(compared.differences, [], `${how}: the app draws the Welsh page that was shown`);
        assert.ok(compared.sameTitle, how);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test("the language asked for first wins, as the app chooses it, and one not offered is passed over", async () => {
    const cases = [
      ["English in the address, Welsh kept on the device", { address: "/?lang=en", chosen: "cy" }, "en"],
      ["a language not offered kept on the device", { chosen: "fr", locale: "cy-GB" }, "cy"],
      ["Welsh in the address, written as the app does not read it", { address: "/?lang=c%79" }, "en"],
      ["no language asked for", {}, "en"],
    ];
    for (const [how, options, expected] of cases) {
      const { context, page, errors, release } = await openHoldingWasm(browser, server.origin, options);
      try {
        assert.equal(await page.evaluate(() => document.documentElement.lang), expected, how);
        const served = (await page.locator("main h1").textContent()).trim();
        await release();
        await appStarted(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), expected, `${how}: the app agrees`);
        assert.equal((await page.locator("main h1").textContent()).trim(), served, how);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test("a link followed before the wasm arrives is where the app opens", async () => {
    const { context, page, errors, release } = await openHoldingWasm(browser, server.origin);
    try {
      await page.locator("main a.govuk-button--start").click();
      assert.equal(await route(page), "#/tasks");
      await release();
      await appStarted(page);
      assert.equal((await page.locator("main h1").textContent()).trim(), english.app.tasks_heading);
      assert.equal(await route(page), "#/tasks");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("the first question can be answered and sent before the wasm arrives, and the app keeps the answer", async () => {
    const { context, page, errors, release } = await openHoldingWasm(browser, server.origin);
    const [first, second] = questions;
    const chosen = first.answer.choice[2].id;
    try {
      await follow(page, page.locator("main a.govuk-button--start"));
      assert.equal(await route(page), "#/tasks");
      assert.equal((await page.locator("main h1").textContent()).trim(), english.app.tasks_heading);
      assert.ok((await page.title()).startsWith(`${english.app.tasks_heading} – `), await page.title());
      assert.ok(await page.evaluate(() => document.activeElement.matches("main h1")), "focus is on the heading");
      assert.deepEqual(await axeProblems(page), []);

      await follow(page, page.locator("a.govuk-task-list__link").first());
      assert.equal(await questionId(page), first.id);
      assert.ok(await page.evaluate(() => document.activeElement.matches("main h1")), "focus is on the question");
      assert.deepEqual(await axeProblems(page), []);
      assert.equal(await page.locator("#app[data-started]").count(), 0, "the app has not started");

      // Back to the task list and forward again keeps the page as the person left it.
      await page.locator(`input[name="${first.id}"][value="${first.answer.choice[0].id}"]`).check();
      await page.goBack();
      assert.equal(await route(page), "#/tasks");
      await page.goForward();
      assert.ok(await page.locator(`input[name="${first.id}"][value="${first.answer.choice[0].id}"]`).isChecked());

      await page.locator(`input[name="${first.id}"][value="${chosen}"]`).check();
      await page.getByRole("button", { name: english.app.continue_button }).click();
      assert.equal(await questionId(page), first.id, "nothing moves on before the app starts");

      await release();
      await page.locator(`#app[data-started] form[data-question-id="${second.id}"]`).waitFor({ timeout: WAIT_MS });
      assert.equal(await route(page), `#/questions/${second.id}`);
      await follow(page, page.locator("a.govuk-back-link"));
      assert.equal(await questionId(page), first.id);
      assert.ok(await page.locator(`input[name="${first.id}"][value="${chosen}"]`).isChecked(), "the answer was kept");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("an answer chosen but not sent before the wasm arrives is still chosen in the app", async () => {
    const { context, page, errors, release } = await openHoldingWasm(browser, server.origin);
    const [first, second] = questions;
    const chosen = first.answer.choice[1].id;
    try {
      await follow(page, page.locator("main a.govuk-button--start"));
      await follow(page, page.locator("a.govuk-task-list__link").first());
      await page.locator(`input[name="${first.id}"][value="${chosen}"]`).check();
      await release();
      await appStarted(page);
      const radio = page.locator(`#app[data-started] input[name="${first.id}"][value="${chosen}"]`);
      assert.ok(await radio.isChecked(), "the app's own radio is chosen");
      assert.ok(await page.evaluate(() => document.activeElement.matches('#app[data-started] input[type="radio"]')));
      await follow(page, page.getByRole("button", { name: english.app.continue_button }));
      assert.equal(await questionId(page), second.id);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("the app takes over with the same markup, nothing moves, and the page still works", async () => {
    const served = await (await fetch(`${server.origin}/`)).text();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      await page.addInitScript(recordLayoutShifts);
      await page.goto(`${server.origin}/`);
      await appStarted(page);
      await page.evaluate(twoFrames);

      const compared = await page.evaluate(differences, served);
      assert.deepEqual(compared.count, [4, 4], "the skip link, header, main and footer, before and after");
      assert.deepEqual(compared.differences, [], "the app draws exactly the markup the page was served with");
      assert.ok(compared.sameTitle, "the app keeps the served title");
      assert.deepEqual(await page.evaluate(() => window.layoutShifts), [], "no layout shift");
      assert.deepEqual(await axeProblems(page), []);

      await follow(page, page.locator("main a.govuk-button--start"));
      assert.equal(await route(page), "#/tasks");
      await follow(page, page.locator("a.govuk-task-list__link").first());
      assert.equal(await page.locator("form[data-question-id]").getAttribute("data-question-id"), questions[0].id);
      assert.deepEqual(errors, []);

      // The observer does see a shift when something moves, so the empty list above is real.
      await page.evaluate(() => {
        const spacer = document.createElement("div");
        spacer.style.height = "200px";
        document.body.prepend(spacer);
      });
      await page.evaluate(twoFrames);
      assert.ok((await page.evaluate(() => window.layoutShifts.length)) > 0, "a real shift is seen");
    } finally {
      await context.close();
    }
  });
});
