// "Find local support": the deployment's directory of local services, fetched from the
// site only when the person opens it, searched and filtered as they type, each result
// added to the plan in one step, costed and checked like any other support; in English
// and Welsh, with axe-core's WCAG 2.2 AA rules before and after searching.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { cliValidate, goTo, northvale, save } from "./plan-support.mjs";
import {
  answerAll,
  axeProblems,
  catalogue,
  cliEstimate,
  follow,
  openApp,
  savedDocument,
  useSiteAndBrowser,
  WAIT_MS,
  www,
} from "./support.mjs";

const DIRECTORY = "/dist/directories/northvale.directory.json";
const entries = JSON.parse(readFileSync(path.join(www, DIRECTORY), "utf8")).entries;
const SEARCH = "swim beginners";

/** Opens the plan with the site's own configuration, which names the directory. */
async function openPlan(browser, origin, lang) {
  const { answers, date } = northvale.eligible;
  const opened = await openApp(browser, origin, { date, lang });
  const words = catalogue(lang ?? "en");
  await answerAll(opened.page, northvale, answers, words);
  await follow(opened.page, opened.page.locator('main a[href="#/result"]'));
  await follow(opened.page, opened.page.locator("#make-plan"));
  return opened;
}

/** Opens "Find local support" from the supports page and waits for the directory. */
async function openFind(page) {
  await goTo(page, "supports");
  await follow(page, page.locator("#find-support"));
  await page.locator("#find-text").waitFor({ timeout: WAIT_MS });
}

/** What the live region says. */
async function found(page) {
  return (await page.locator('[role="status"][aria-live="polite"]').innerText()).trim();
}

/** Waits until the live region says `words`. */
async function foundSettled(page, words) {
  await page.waitForFunction(
    (w) => document.querySelector('[role="status"][aria-live="polite"]')?.innerText.trim() === w,
    words,
    { timeout: WAIT_MS },
  );
}

const directoryRequests = (requests) =>
  requests.filter((r) => new URL(r.url()).pathname === DIRECTORY);

describe("find local support", { timeout: 120_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test("searching, filtering and adding a paid service, which is costed and checked", async () => {
    const { context, page, requests, errors } = await openPlan(browser, server.origin);
    try {
      await goTo(page, "supports");
      assert.deepEqual(directoryRequests(requests), [], "the directory waits until it is wanted");
      await openFind(page);
      await foundSettled(page, `${entries.length} services found`);
      assert.deepEqual(await axeProblems(page), [], "before searching");
      // Ten at a time, so that drawing stays within a frame; the rest on request.
      const cards = page.locator(".waymark-results > li h2");
      assert.equal(await cards.count(), 10);
      const more = page.getByRole("button", { name: "Show more services" });
      for (let shown = 20; shown < entries.length + 10; shown += 10) {
        await more.click();
        await page.waitForFunction(
          (n) => document.querySelectorAll(".waymark-results > li").length === n,
          Math.min(shown, entries.length),
        );
      }
      assert.equal(await more.count(), 0);

      await page.locator("#find-text").fill(SEARCH);
      await foundSettled(page, "1 service found");
      assert.equal(
        await page.locator(".waymark-results > li h2").first().innerText(),
        "Swim sessions for beginners",
      );
      await page.locator("#find-text").fill("");
      await page.locator("#find-cost").selectOption("free");
      const free = entries.filter((e) => (e.costs ?? []).every((c) => Number(c.amount) === 0));
      await foundSettled(page, `${free.length} services found`);
      await page.locator("#find-delivery").selectOption("online");
      const online = free.filter((e) => (e.delivery ?? []).includes("online"));
      await foundSettled(page, `${online.length} services found`);
      assert.deepEqual(await axeProblems(page), [], "after filtering");

      // The Search button gives the same results, for those who need one.
      await page.locator("#find-cost").selectOption("");
      await page.locator("#find-delivery").selectOption("");
      await page.locator("#find-category").selectOption("leisure_fitness");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      const leisure = entries.filter((e) => e.categories.includes("leisure_fitness"));
      await foundSettled(page, `${leisure.length} services found`);
      await page.locator("#find-text").fill(SEARCH);
      await foundSettled(page, "1 service found");
      assert.deepEqual(await axeProblems(page), [], "after searching");

      const website = page.locator(".waymark-results a", { hasText: "opens another website" }).first();
      if (await website.count()) {
        assert.match(await website.getAttribute("href"), /^https?:\/\//);
      }

      await follow(page, page.getByRole("button", { name: /^Add to my plan\W+Swim sessions/ }));
      assert.match(page.url(), /#\/plan\/supports\/support-1$/);
      assert.match(
        await page.locator(".govuk-notification-banner").innerText(),
        /Swim sessions for beginners is now in your plan/,
      );
      assert.equal(await page.locator("#support-amount").inputValue(), "4.50");
      assert.deepEqual(await axeProblems(page), [], "the added support's page");
      await page.locator("#support-amount").fill("5.00");
      await save(page);

      const plan = (await savedDocument(page)).plan;
      assert.equal(plan.supports.length, 1);
      const [support] = plan.supports;
      assert.equal(support.description, "Swim sessions for beginners");
      assert.equal(support.category, "leisure_fitness");
      assert.equal(support.payer, "budget");
      assert.equal(support.amount, "5.00", "the person changed the cost filled in");
      const { annual } = cliEstimate(northvale.file, northvale.eligible.answers, northvale.eligible.date);
      const { report } = cliValidate(northvale.file, plan, annual);
      const costed = report.costing.supports.find((s) => s.id === "support-1");
      assert.ok(costed, "the engine costs it like any other support");
      const card = page.locator(".govuk-summary-card", { hasText: "Swim sessions for beginners" });
      assert.match(await card.innerText(), /£5\.00/);
      assert.deepEqual(errors, []);
      assert.equal(directoryRequests(requests).length, 1, "fetched once");
    } finally {
      await context.close();
    }
  });

  test("a free service becomes free community help; searching sends nothing anywhere", async () => {
    const { context, page, requests, errors } = await openPlan(browser, server.origin);
    try {
      const before = requests.length;
      await openFind(page);
      await page.locator("#find-text").fill("Health walks");
      await foundSettled(page, "1 service found");
      for (const words of ["walk", "Health w", "secret search 7319"]) {
        await page.locator("#find-text").fill(words);
      }
      await page.locator("#find-text").fill("Health walks");
      await foundSettled(page, "1 service found");
      await follow(page, page.getByRole("button", { name: /^Add to my plan\W+Health walks/ }));
      const [support] = (await savedDocument(page)).plan.supports;
      assert.equal(support.payer, "community");
      assert.equal(support.amount, "0");
      assert.deepEqual(errors, []);

      // The browser may ask for the site's icon again as the address changes.
      const after = requests
        .slice(before)
        .map((r) => `${r.method()} ${new URL(r.url()).pathname}`)
        .filter((r) => !/^GET \/favicon\.([0-9a-f]{16}\.)?svg$/.test(r));
      assert.deepEqual(after, [`GET ${DIRECTORY}`], "only the directory, from the site itself");
      const elsewhere = requests.filter((r) => new URL(r.url()).origin !== server.origin);
      assert.deepEqual(elsewhere.map((r) => r.url()), [], "nothing goes to another origin");
      assert.ok(
        requests.every((r) => !/walk|secret|7319/i.test(r.url()) && r.postData() === null),
        "no search leaves the device",
      );
    } finally {
      await context.close();
    }
  });

  test("in Welsh, the page's words are Welsh and English entries carry lang=en", async () => {
    const cy = catalogue("cy");
    const { context, page, errors } = await openPlan(browser, server.origin, "cy");
    try {
      await openFind(page);
      assert.equal(await page.locator("main h1").innerText(), cy.plan.find_heading);
      assert.equal(await found(page), `${entries.length} o wasanaethau wedi’u canfod`);
      const english = page.locator(".waymark-results h2", { hasText: entries[0].name });
      assert.equal(await english.getAttribute("lang"), "en");
      assert.deepEqual(await axeProblems(page), []);
      await page.locator("#find-text").fill("Cymraeg");
      await foundSettled(page, "1 gwasanaeth wedi’i ganfod");
      const welsh = page.locator(".waymark-results h2", { hasText: "Grŵp sgwrsio Cymraeg" });
      assert.equal(await welsh.getAttribute("lang"), null, "Welsh in a Welsh page needs no lang");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("in English, the Welsh entry carries lang=cy", async () => {
    const { context, page } = await openPlan(browser, server.origin);
    try {
      await openFind(page);
      await page.locator("#find-text").fill("Cymraeg");
      await foundSettled(page, "1 service found");
      const heading = page.locator(".waymark-results h2").first();
      assert.equal(await heading.innerText(), "Grŵp sgwrsio Cymraeg");
      assert.equal(await heading.getAttribute("lang"), "cy");
      const english = await page.locator(".waymark-results h2[lang]").count();
      assert.equal(english, 1, "only the Welsh entry is marked");
    } finally {
      await context.close();
    }
  });
});
