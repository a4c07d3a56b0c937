// The page in headless Chromium: it runs the engine, asks nothing of any other host, and
// passes axe's WCAG 2.2 AA rules.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRequire } from "node:module";
import { defaultExample, formatMoney, launchBrowser, startServer } from "./support.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TIMEOUT = 60_000;

describe("the page", { timeout: 2 * TIMEOUT }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens the page in a fresh context, recording requests and errors, and waits for the estimate. */
  async function open() {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
    await page.goto(`${server.origin}/`, { waitUntil: "networkidle" });
    await page.locator("#annual-amount").waitFor({ timeout: TIMEOUT });
    return { context, page, requests, errors };
  }

  test("shows the default worked example's amounts", { timeout: TIMEOUT }, async () => {
    const example = await defaultExample();
    const { context, page, errors } = await open();
    try {
      assert.equal(await page.locator("#annual-amount").textContent(), formatMoney(example.expect.annual));
      if (example.expect.weekly) {
        assert.equal(await page.locator("#weekly-amount").textContent(), formatMoney(example.expect.weekly));
      }
      assert.ok((await page.locator("ol.govuk-list--number > li").count()) > 0, "the explanation has steps");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("makes no request to any other host", { timeout: TIMEOUT }, async () => {
    const { context, requests } = await open();
    try {
      assert.ok(requests.length > 0);
      const elsewhere = requests.filter((url) => new URL(url).origin !== server.origin);
      assert.deepEqual(elsewhere, []);
    } finally {
      await context.close();
    }
  });

  test("has no WCAG 2.2 AA problems that axe can find", { timeout: TIMEOUT }, async () => {
    const { context, page } = await open();
    try {
      await page.addScriptTag({ path: AXE });
      const results = await page.evaluate(() =>
        globalThis.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        }),
      );
      const problems = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
