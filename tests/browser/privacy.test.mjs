// Nothing a person types leaves the device: every request made during a whole journey is
// recorded, the page's and its service worker's (which is in charge of the page for the
// whole journey), and the test fails on any request to another origin, on any request that
// is not for one of the site's own static files, and on any request whose address or body
// carries an answer or the person's notes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  exampleSchemes,
  follow,
  openApp,
  precache,
  useSiteAndBrowser,
  workerInCharge,
} from "./support.mjs";

const NOTE = "Privately: my sister helps on Tuesdays 7319";

describe("privacy", { timeout: 180_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  for (const scheme of exampleSchemes()) {
    test(`a ${scheme.scheme.id} journey asks nothing of other hosts and sends no answer`, async () => {
      const { answers, date } = scheme.eligible;
      const { context, page, requests, workerRequests, errors } = await openApp(browser, server.origin, {
        date,
        schemes: [scheme.file],
      });
      try {
        await workerInCharge(page);
        await answerAll(page, scheme, answers);
        await follow(page, page.locator('main a[href="#/result"]'));
        await page.locator("#disagreement").fill(NOTE);
        await page.getByRole("button", { name: "Save what I have written" }).click();
        await page.locator(".govuk-notification-banner").waitFor();
        await follow(page, page.locator('footer a[href="#/saved"]'));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }

      // The page and what it loads, the worker and what it keeps: the app's files named by
      // their content, the deployment's schemes and every catalogue.
      const allowed = new Set([
        "/",
        "/sw.js",
        `/${scheme.file}`,
        ...precache().files.map((file) => `/${file}`),
      ]);
      const loaded = [
        "/",
        "/config.json",
        `/${scheme.file}`,
        ...(scheme.scheme.languages ?? ["en"]).slice(0, 1).map((code) => `/lang/${code}.json`),
      ];
      const secrets = [
        NOTE,
        ...Object.values(answers)
          .filter((value) => typeof value !== "boolean")
          .map(String),
      ];
      const problems = [];
      assert.ok(workerRequests.length > 0, "the service worker was at work");
      for (const request of [...requests, ...workerRequests]) {
        const url = new URL(request.url());
        const label = `${request.method()} ${request.url()}`;
        if (url.origin !== server.origin) problems.push(`another origin: ${label}`);
        if (request.method() !== "GET") problems.push(`not a GET: ${label}`);
        if (request.postData() !== null) problems.push(`has a body: ${label}`);
        if (!allowed.has(url.pathname)) problems.push(`not a static file of the site: ${label}`);
        const query = url.search === `?date=${date}` ? "" : decodeURIComponent(url.search);
        for (const secret of secrets) {
          if (query.includes(secret) || (request.postData() ?? "").includes(secret)) {
            problems.push(`carries the answer ${JSON.stringify(secret)}: ${label}`);
          }
        }
      }
      const paths = new Set(requests.map((request) => new URL(request.url()).pathname));
      assert.deepEqual(
        loaded.filter((file) => !paths.has(file)),
        [],
        "the recording saw the page load",
      );
      assert.deepEqual(problems, []);
    });
  }
});
