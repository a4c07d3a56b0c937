// After a first visit the app opens and works with no connection: its service worker keeps
// the app, the deployment's schemes and its catalogues, in a cache named by the
// deployment's version, and replaces it when the deployment changes. Offline, a reload
// opens the app and a person completes the journey to the estimate `waymark estimate`
// gives. Served by `waymark receive`, the first visit arrives compressed, and the script
// and style sheet written into the page run under its policy, which refuses nothing else;
// served the policy meant for every other file, the page links its style sheet instead.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { startReceiver } from "./receiver.mjs";
import {
  answerAll,
  appStarted,
  cliEstimate,
  currencySymbol,
  defaultScheme,
  follow,
  formatMoney,
  launchBrowser,
  openApp,
  openHoldingWasm,
  precache,
  recommendedHeaders,
  recordRefusals,
  repo,
  route,
  startServer,
  workerInCharge,
  www,
} from "./support.mjs";

/** The types the test's own server gives the site's files, by extension. */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/**
 * Serves www/ on loopback as one deployment until `redeploy(change)` is called, and then
 * as the next: the same files, with sw.js as `change` rewrites it. Resolves to
 * { origin, redeploy, stop }.
 */
function startRedeployingServer() {
  let rewriteWorker = (text) => text;
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, "http://localhost");
    const file = path.join(www, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    try {
      let body = await readFile(file);
      if (pathname === "/sw.js") body = rewriteWorker(body.toString("utf8"));
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        redeploy: (change) => {
          rewriteWorker = change;
        },
        stop: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** The caches the page's origin holds, each with the paths of what it keeps. */
function keptFiles(page) {
  return page.evaluate(async () => {
    const kept = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      kept[name] = requests.map((request) => new URL(request.url).pathname).sort();
    }
    return kept;
  });
}

/** The start button's colour when the site's style sheet applies. */
const START_BUTTON_GREEN = "rgb(0, 112, 60)";

/** The background colour of the start page's start button. */
function startButtonColour(page) {
  return page.locator("main a.govuk-button--start").evaluate((link) => getComputedStyle(link).backgroundColor);
}

describe("the app with no connection", { timeout: 120_000 }, () => {
  let server;
  let redeploying;
  let receiver;
  let browser;
  before(async () => {
    [server, redeploying, receiver, browser] = await Promise.all([
      startServer(),
      startRedeployingServer(),
      startReceiver(),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), redeploying?.stop(), receiver?.stop()]);
  });

  test("after a first visit, the app opens offline and a person reaches the estimate", async () => {
    const scheme = defaultScheme();
    const { answers, date } = scheme.eligible;
    const deployment = precache();
    const { context, page, requests, errors } = await openApp(browser, server.origin, { date });
    try {
      await workerInCharge(page);
      const expected = deployment.files.map((file) => `/${file}`).sort();
      assert.deepEqual(
        await keptFiles(page),
        { [`waymark-${deployment.version}`]: expected },
        "the worker keeps the deployment, in a cache named by its version",
      );
      for (const file of ["/index.html", "/config.json", `/${scheme.file}`, "/lang/en.json", "/lang/cy.json"]) {
        assert.ok(expected.includes(file), `the worker keeps ${file}`);
      }

      await context.setOffline(true);
      requests.length = 0;
      await page.reload();
      await page.locator("main h1").first().waitFor();
      await answerAll(page, scheme, answers);
      await follow(page, page.locator('main a[href="#/result"]'));
      const cli = cliEstimate(scheme.file, answers, date);
      assert.equal(
        (await page.locator("#annual-amount").textContent()).trim(),
        formatMoney(cli.annual, currencySymbol(cli.currency)),
      );
      const answered = await Promise.all(
        requests.map(async (request) => [request.url(), (await request.response())?.fromServiceWorker()]),
      );
      assert.ok(answered.length >= expected.length - 1, "the recording saw the page load");
      assert.deepEqual(
        answered.filter(([, fromWorker]) => !fromWorker).map(([url]) => url),
        [],
        "offline, the worker answered every request",
      );
      assert.deepEqual(errors, []);
      assert.deepEqual(
        await keptFiles(page),
        { [`waymark-${deployment.version}`]: expected },
        "the journey kept nothing more: no answer, no post",
      );
    } finally {
      await context.close();
    }
  });

  test("a new deployment's worker keeps the new files and deletes the old cache", async () => {
    const { date } = defaultScheme().eligible;
    const deployment = precache();
    const { context, page, errors } = await openApp(browser, redeploying.origin, { date });
    try {
      await workerInCharge(page);
      assert.deepEqual(Object.keys(await keptFiles(page)), [`waymark-${deployment.version}`]);
      // The next deployment: the same worker with another version, as the build would write.
      const next = { ...deployment, version: "0123456789abcdef" };
      redeploying.redeploy((text) => text.replace(JSON.stringify(deployment), JSON.stringify(next)));
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
      });
      // The new worker installs, takes over and deletes the old cache, in its own time.
      const caches = await page.evaluate(async (name) => {
        for (let tries = 0; tries < 200; tries += 1) {
          const names = await globalThis.caches.keys();
          if (names.join() === name) return names;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return globalThis.caches.keys();
      }, `waymark-${next.version}`);
      assert.deepEqual(caches, [`waymark-${next.version}`]);
      assert.deepEqual(
        (await keptFiles(page))[`waymark-${next.version}`],
        deployment.files.map((file) => `/${file}`).sort(),
        "the new cache keeps every file",
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("served by waymark receive, a first visit arrives compressed and cached by name", async () => {
    const { date } = defaultScheme().eligible;
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = [];
    page.on("response", (response) => responses.push(response));
    try {
      await page.goto(`${receiver.origin}/?date=${date}`);
      await workerInCharge(page);
      const kept = new Set(precache().files.map((file) => `/${file}`));
      const seen = await Promise.all(
        responses.map(async (response) => {
          const headers = await response.allHeaders();
          const path = new URL(response.url()).pathname;
          return { path, encoding: headers["content-encoding"], caching: headers["cache-control"] };
        }),
      );
      const loaded = seen.filter(({ path }) => kept.has(path === "/" ? "/index.html" : path));
      assert.ok(loaded.length >= 8, `the page loaded the files the worker keeps: ${JSON.stringify(seen)}`);
      for (const { path, encoding, caching } of loaded) {
        assert.equal(encoding, "br", `${path} arrives in Brotli`);
        assert.equal(
          caching,
          /\.[0-9a-f]{16}\./.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
          `${path}'s caching`,
        );
      }
    } finally {
      await context.close();
    }
  });

  test("served by waymark receive, the page's own script and styles run under its policy, and nothing breaks it", async () => {
    const { context, page, errors, release } = await openHoldingWasm(browser, receiver.origin);
    try {
      assert.equal(
        await startButtonColour(page),
        START_BUTTON_GREEN,
        "the style sheet written into the page styles the start button",
      );
      await follow(page, page.locator("main a.govuk-button--start"));
      assert.equal(await route(page), "#/tasks", "the script written into the page shows the task list");
      await page.locator("main .govuk-task-list").first().waitFor({ state: "visible" });
      await release();
      await appStarted(page);
      assert.deepEqual(await page.evaluate(() => window.refused), [], "the policy refused nothing");
      assert.deepEqual(errors, []);

      // The page as published holds the source's policy with one hash for each of the two.
      const served = await (await fetch(`${receiver.origin}/`)).text();
      const policyOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
      const hashes = policyOf(served).match(/ 'sha256-[^']+'/g);
      assert.equal(hashes.length, 2, policyOf(served));
      const source = await readFile(path.join(repo, "web/site/index.html"), "utf8");
      assert.equal(hashes.reduce((policy, hash) => policy.replace(hash, ""), policyOf(served)), policyOf(source));
      assert.match(served, /^<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"/);
      // Anything else written into the page is refused.
      await page.evaluate(() => {
        const style = document.createElement("style");
        style.textContent = "body { color: red; }";
        document.head.append(style);
      });
      await page.waitForFunction(() => window.refused.includes("style-src-elem: inline"));
    } finally {
      await context.close();
    }
  });

  test("served the policy meant for every other file, the page links its style sheet", async () => {
    const { date } = defaultScheme().eligible;
    const context = await browser.newContext();
    const page = await context.newPage();
    const strict = recommendedHeaders()["Content-Security-Policy"];
    await page.route(
      (url) => url.pathname === "/",
      async (request) => {
        const response = await request.fetch();
        await request.fulfill({ response, headers: { ...response.headers(), "content-security-policy": strict } });
      },
    );
    await recordRefusals(page);
    try {
      await page.goto(`${server.origin}/?date=${date}`);
      await appStarted(page);
      assert.ok(
        await page.evaluate(() => window.refused.includes("style-src-elem: inline")),
        "the written-in copy is refused",
      );
      assert.equal(await startButtonColour(page), START_BUTTON_GREEN);
    } finally {
      await context.close();
    }
  });
});
