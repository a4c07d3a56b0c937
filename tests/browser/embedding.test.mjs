// Waymark embedded in a portal's page, both ways, through the example host pages: in an
// iframe, telling its parent what happens by postMessage to allow-listed origins only; and
// mounted into an element by www/embed.js, telling the page by `waymark` events. The amounts
// the host hears are exactly what `waymark estimate` prints for the same answers and date.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  appStarted,
  cliEstimate,
  defaultScheme,
  exampleSchemes,
  follow,
  formatMoney,
  useSiteAndBrowser,
  WAIT_MS,
  watch,
} from "./support.mjs";

/** How long a message that should not come is given to come anyway. */
const QUIET_MS = 2_000;

/** The scheme the iframe tests configure: the deployment's default. */
const framed = defaultScheme();

/** The scheme www/examples/mount.js passes to mount(). */
const mounted = exampleSchemes().find((s) => s.file === "schemes/northvale-recovery-2026.json");

/**
 * Opens a host page in a fresh context, serving config.json as `config` when given. Records
 * every request, and as errors: uncaught exceptions, console errors (of the page and its
 * frames) and any response of 400 or more.
 */
async function openHost(browser, url, { config } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { requests, errors } = watch(page);
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  if (config) {
    const body = JSON.stringify(config);
    await page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body }),
    );
  }
  await page.goto(url);
  return { context, page, requests, errors };
}

/** A configuration offering one scheme, with `embed` as given. */
function configWith(scheme, embed) {
  return { schemes: [{ path: scheme.file }], default: 0, embed };
}

/** The frame of the example's iframe, once the app in it shows its first heading. */
async function appFrame(page) {
  const frame = await (await page.locator("iframe#waymark").elementHandle()).contentFrame();
  assert.ok(frame, "the iframe has a frame");
  await appStarted(frame);
  return frame;
}

/** The messages the host page has listed in #events, parsed. */
async function listed(page) {
  const texts = await page.locator("#events li").allTextContents();
  return texts.map((text) => JSON.parse(text));
}

/** Waits until #events lists a message of `type`, and returns the last such message. */
async function waitForListed(page, type) {
  await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll("#events li")].some((li) => {
        try {
          return JSON.parse(li.textContent).type === wanted;
        } catch {
          return false;
        }
      }),
    type,
    { timeout: WAIT_MS },
  );
  return (await listed(page)).filter((m) => m.type === type).at(-1);
}

/** Asserts a message names this scheme. */
function assertNamesScheme(message, scheme) {
  assert.equal(message.source, "waymark");
  assert.deepEqual(message.scheme, { id: scheme.scheme.id, version: scheme.scheme.version });
}

/** Asserts an estimate-updated message carries what `waymark estimate` prints. */
function assertEstimate(message, scheme, cli) {
  assertNamesScheme(message, scheme);
  assert.equal(message.eligible, cli.eligible);
  assert.equal(message.annual, cli.annual);
  assert.equal(message.weekly, cli.weekly);
  assert.equal(message.currency, scheme.scheme.currency);
}

describe("embedding the app in a portal", { timeout: 120_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test("in an iframe, an allow-listed parent hears ready and each new estimate", async () => {
    const { answers, date } = framed.eligible;
    const cli = cliEstimate(framed.file, answers, date);
    const { context, page, errors } = await openHost(
      browser,
      `${server.origin}/examples/iframe.html?date=${date}`,
      { config: configWith(framed, { allowed_origins: [server.origin], estimate_updates: true }) },
    );
    try {
      const frame = await appFrame(page);
      assert.equal(new URL(frame.url()).searchParams.get("date"), date, "the frame has the date");
      assertNamesScheme(await waitForListed(page, "ready"), framed);
      assert.equal(await frame.locator(".govuk-header").count(), 0, "no header in the frame");
      assert.equal(
        await frame.locator("#estimates-shared").count(),
        1,
        "the footer tells the person the portal hears their estimate",
      );

      await answerAll(frame, framed, answers);
      assertEstimate(await waitForListed(page, "estimate-updated"), framed, cli);
      await follow(frame, frame.locator('main a[href="#/result"]'));
      assert.equal(
        (await frame.locator("#annual-amount").textContent()).trim(),
        formatMoney(cli.annual),
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("in an iframe, a parent whose origin is not allowed hears nothing", async () => {
    const { answers, date } = framed.eligible;
    const { context, page, errors } = await openHost(
      browser,
      `${server.origin}/examples/iframe.html?date=${date}`,
      {
        config: configWith(framed, {
          allowed_origins: ["https://portal.example"],
          estimate_updates: true,
        }),
      },
    );
    try {
      const frame = await appFrame(page);
      await page.waitForTimeout(QUIET_MS);
      assert.equal(await page.locator("#events li").count(), 0, "no message after loading");
      await answerAll(frame, framed, answers);
      await page.waitForTimeout(QUIET_MS);
      assert.deepEqual(await listed(page), [], "no message after every answer");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("in an iframe, estimate updates are sent only when the configuration opts in", async () => {
    const { answers, date } = framed.eligible;
    const { context, page, errors } = await openHost(
      browser,
      `${server.origin}/examples/iframe.html?date=${date}`,
      { config: configWith(framed, { allowed_origins: [server.origin], estimate_updates: false }) },
    );
    try {
      const frame = await appFrame(page);
      assertNamesScheme(await waitForListed(page, "ready"), framed);
      await answerAll(frame, framed, answers);
      await follow(frame, frame.locator('main a[href="#/result"]'));
      await frame.locator("#annual-amount").waitFor({ timeout: WAIT_MS });
      await page.waitForTimeout(QUIET_MS);
      assert.deepEqual(
        (await listed(page)).map((m) => m.type),
        ["ready"],
        "ready, and no estimate-updated",
      );
      assert.equal(await frame.locator("#estimates-shared").count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("mounted into a host page, the app runs there, tells it by events and asks only its origin", async () => {
    const { answers, date } = mounted.eligible;
    const cli = cliEstimate(mounted.file, answers, date);
    const { context, page, requests, errors } = await openHost(
      browser,
      `${server.origin}/examples/mount.html?date=${date}`,
    );
    try {
      await page.locator("#waymark main h1").first().waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator("#waymark .govuk-header").count(), 0, "no app header");
      assert.equal(await page.locator("header.govuk-header").count(), 1, "the host's header");
      assertNamesScheme(await waitForListed(page, "ready"), mounted);

      await answerAll(page, mounted, answers);
      await follow(page, page.locator('#waymark main a[href="#/result"]'));
      assert.equal(
        (await page.locator("#waymark #annual-amount").textContent()).trim(),
        formatMoney(cli.annual),
      );
      assertEstimate(await waitForListed(page, "estimate-updated"), mounted, cli);
      assert.equal(new URL(page.url()).hash, "#/result", "routes are the host page's fragment");
      assert.deepEqual(
        await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length)),
        0,
        "a mounted app registers no service worker on the portal's origin",
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    const elsewhere = requests
      .map((request) => request.url())
      .filter((url) => new URL(url).origin !== server.origin);
    assert.ok(requests.length > 0, "the recording saw the page load");
    assert.deepEqual(elsewhere, [], "every request is to the page's own origin");
  });
});
