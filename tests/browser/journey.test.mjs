// The whole self-assessment in headless Chromium, for every example scheme: the amounts the
// page shows are exactly what `waymark estimate` prints for the same answers and date.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  appUrl,
  cliEstimate,
  cliSteps,
  currencySymbol,
  exampleSchemes,
  fillAnswer,
  follow,
  formatMoney,
  shownSteps,
  openApp,
  route,
  useSiteAndBrowser,
  WAIT_MS,
} from "./support.mjs";

const schemes = exampleSchemes();
const byId = (id) => schemes.find((s) => s.scheme.id === id);

describe("the self-assessment journey", { timeout: 120_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /** The amounts shown on the result page. */
  async function shownAmounts(page) {
    const annual = await page.locator("#annual-amount").textContent();
    const weekly = await page.locator("#weekly-amount").count();
    return {
      annual: annual.trim(),
      weekly: weekly ? (await page.locator("#weekly-amount").textContent()).trim() : null,
    };
  }

  /** The amounts `waymark estimate` gives, written as the page writes them. */
  function expectedAmounts(scheme, answers, date) {
    const cli = cliEstimate(scheme.file, answers, date);
    const symbol = currencySymbol(cli.currency);
    return {
      cli,
      amounts: {
        annual: formatMoney(cli.annual, symbol),
        weekly: cli.weekly == null ? null : formatMoney(cli.weekly, symbol),
      },
    };
  }

  for (const scheme of schemes) {
    test(`a person completes ${scheme.scheme.id} and sees what waymark estimate gives`, async () => {
      const { answers, date } = scheme.eligible;
      const { context, page, errors } = await openApp(browser, server.origin, {
        date,
        schemes: [scheme.file],
      });
      try {
        assert.equal(await route(page), "#/");
        const asked = await answerAll(page, scheme, answers);
        assert.ok(asked.length > 0);
        const { cli, amounts } = expectedAmounts(scheme, answers, date);
        assert.equal(cli.eligible, true);
        assert.equal(
          (await page.locator("#check-annual-amount").textContent()).trim(),
          amounts.annual,
          "check your answers shows the estimate",
        );
        await follow(page, page.locator('main a[href="#/result"]'));
        assert.deepEqual(await shownAmounts(page), amounts);
        assert.equal(
          await page.locator("li.waymark-step").count(),
          cli.explanation.length,
          "every step of the explanation is shown",
        );
        assert.deepEqual(
          await shownSteps(page),
          cliSteps(scheme.file, answers, date, "en"),
          "the page words each step as the command line does",
        );
        assert.match(await page.locator("main").textContent(), new RegExp(cli.scheme.version));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("changing an answer from check your answers returns there with the new amount", async () => {
    const scheme = byId("northvale-recovery");
    const { answers, date } = scheme.eligible;
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [scheme.file],
    });
    try {
      await answerAll(page, scheme, answers);
      const question = scheme.questions.get("getting_out");
      const other = question.answer.choice.find((o) => o.id !== answers.getting_out);
      const changed = { ...answers, getting_out: other.id };
      await follow(page, page.locator('a[href="#/change/getting_out"]'));
      assert.equal(await route(page), "#/change/getting_out");
      assert.equal(await page.locator("a.govuk-back-link").getAttribute("href"), "#/check");
      await fillAnswer(page, question, other.id);
      await follow(page, page.getByRole("button", { name: "Continue" }));
      assert.equal(await route(page), "#/check");
      const { amounts } = expectedAmounts(scheme, changed, date);
      const before = expectedAmounts(scheme, answers, date).amounts;
      assert.notEqual(amounts.annual, before.annual, "the change matters to the amount");
      assert.equal((await page.locator("#check-annual-amount").textContent()).trim(), amounts.annual);
      await follow(page, page.locator('main a[href="#/result"]'));
      assert.deepEqual(await shownAmounts(page), amounts);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("questions that do not apply are never asked", async () => {
    const scheme = byId("eastbrook-substance-misuse");
    const { answers, date } = scheme.eligible;
    const noOpiates = { ...answers, uses_opiates: false };
    for (const id of ["opiate_use", "detox", "detox_before"]) delete noOpiates[id];
    const { context, page } = await openApp(browser, server.origin, {
      date,
      schemes: [scheme.file],
    });
    try {
      const asked = await answerAll(page, scheme, noOpiates);
      for (const id of ["opiate_use", "detox", "detox_before"]) {
        assert.ok(!asked.includes(id), `${id} was asked`);
      }
      const { amounts } = expectedAmounts(scheme, noOpiates, date);
      assert.equal((await page.locator("#check-annual-amount").textContent()).trim(), amounts.annual);
    } finally {
      await context.close();
    }
  });

  test("a person chooses between the schemes a deployment offers", async () => {
    const { context, page } = await openApp(browser, server.origin, {
      date: "2026-06-01",
      schemes: schemes.map((s) => s.file),
    });
    try {
      assert.equal(await page.locator('input[name="scheme"]').count(), schemes.length);
      await page.getByRole("button", { name: "Start now" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      assert.match(await page.title(), /^Error: /);
      const westhaven = byId("westhaven-recovery-grant");
      await page.locator(`input[name="scheme"][value="${westhaven.scheme.id}"]`).check();
      await follow(page, page.getByRole("button", { name: "Start now" }));
      assert.equal(await route(page), `#/questions/${westhaven.scheme.sections[0].questions[0].id}`);
      assert.match(await page.locator("header").textContent(), /Westhaven Council/);
    } finally {
      await context.close();
    }
  });

  test("a date the scheme does not cover is explained instead of starting", async () => {
    const scheme = byId("northvale-recovery");
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.route("**/config.json", (r) =>
        r.fulfill({ contentType: "application/json", body: JSON.stringify({ schemes: [{ path: scheme.file }], default: 0 }) }),
      );
      await page.goto(appUrl(server.origin, "2028-01-15"));
      const warning = page.locator(".govuk-warning-text");
      await warning.waitFor({ timeout: WAIT_MS });
      assert.match(await warning.textContent(), /1 April 2026 to 31 March 2027/);
      assert.match(await warning.textContent(), /15 January 2028/);
      assert.equal(await page.locator("a.govuk-button--start").count(), 0);
    } finally {
      await context.close();
    }
  });
});
