// The recovery support plan in headless Chromium: a person builds a plan after their
// estimate, sees a finding appear as they work, follows it to the field, fixes it and sees
// it clear; the totals shown are exactly what `waymark validate` prints for the same plan;
// and the plan is saved, reloaded, downloaded and loaded again with the answers.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  cliEstimate,
  downloadedText,
  focusSettled,
  follow,
  formatMoney,
  route,
  savedDocument,
  titleSettled,
  useSiteAndBrowser,
} from "./support.mjs";
import {
  addGoal,
  addSupport,
  choose,
  cliValidate,
  fillDate,
  fillSupport,
  goTo,
  northvale,
  openPlan,
  save,
  saveWithErrors,
  textOf,
} from "./plan-support.mjs";

const UNLINKED = "Every paid support needs to help with at least one of your goals";

describe("the recovery support plan", { timeout: 180_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /** The blocking findings shown, as text. */
  const blocking = (page) =>
    page.locator(".waymark-findings--blocking .waymark-finding").allTextContents();

  test("a person builds a plan, fixes a finding, and sees what waymark validate gives", async () => {
    const { context, page, errors, requests } = await openPlan(browser, server.origin);
    try {
      assert.equal(await route(page), "#/plan");
      assert.match(await page.title(), /^Your recovery support plan – /);

      await follow(page, page.locator('a.govuk-task-list__link[href="#/plan/goals"]'));
      await follow(page, page.getByRole("link", { name: "Add a goal" }));
      await saveWithErrors(page);
      await titleSettled(page, "Error: ");
      await focusSettled(page, ".govuk-error-summary");
      assert.match(await page.title(), /^Error: Add a goal – /);
      assert.equal(await page.evaluate(() => document.activeElement.className), "govuk-error-summary");
      assert.deepEqual(await page.locator(".govuk-error-summary a").allTextContents(), [
        "Enter your goal",
        "Select which part of your life this goal is about",
      ]);
      await page.locator("#goal-measure").fill("I swim every week");
      await saveWithErrors(page);
      assert.equal(await page.locator("#goal-measure").inputValue(), "I swim every week", "what was typed is kept");
      await page.locator("#goal-text").fill("Get back to swimming");
      await choose(page, "goal-area", "community");
      await save(page);
      assert.equal(await route(page), "#/plan/goals");
      await addGoal(page, { text: "See my sister more often", area: "relationships" });
      assert.equal(await page.locator(".govuk-summary-card").count(), 2);

      await addSupport(page, {
        description: "Swimming pass",
        category: "leisure_fitness",
        payer: "budget",
        amount: "25",
        relative: false,
        frequency: "monthly",
      });
      assert.equal(await route(page), "#/plan/supports");
      const finding = page.locator(".waymark-findings--blocking .waymark-finding", { hasText: UNLINKED });
      await finding.waitFor();
      assert.equal(await finding.locator("a").textContent(), "Swimming pass");

      await follow(page, finding.locator("a"));
      assert.equal(await route(page), "#/plan/supports/support-1");
      await focusSettled(page, "#support-goals");
      assert.equal(await page.evaluate(() => document.activeElement.id), "support-goals", "the link leads to the field");
      await page.locator("#support-goals").check();
      await save(page);
      assert.deepEqual(
        (await blocking(page)).filter((f) => f.includes(UNLINKED)),
        [],
        "the finding clears once the support serves a goal",
      );

      await addSupport(page, {
        description: "My sister phones me every evening",
        category: "family_friends",
        payer: "family_friends",
        frequency: "weekly",
        goals: ["goal-2"],
      });
      await addSupport(page, {
        description: "Counselling with someone I choose",
        category: "talking_therapies",
        payer: "budget",
        amount: "45.50",
        units: "2",
        relative: false,
        frequency: "weekly",
        starts: "2026-07-01",
        ends: "2026-12-31",
        goals: ["goal-1", "goal-2"],
      });

      await goTo(page, "contingency");
      await page.locator("#contingency-amount").fill("£300");
      await page.locator("#contingency-when").fill("Extra counselling if things get harder");
      await save(page);
      await goTo(page, "crisis");
      await page.locator("#crisis-contacts").fill("My sister; the crisis line");
      await page.locator("#crisis-helps").fill("Quiet, and a walk");
      await save(page);
      await goTo(page, "risks");
      await page.locator("#risks").fill("Winter is hard for me");
      await page.locator("#if-support-fails").fill("I call my sister");
      await save(page);
      await goTo(page, "holding");
      await choose(page, "holding-kind", "direct_payment");
      await save(page);
      await goTo(page, "helpers");
      await page.locator("#helpers").fill("Sam, my care navigator");
      await save(page);
      await goTo(page, "dates");
      await fillDate(page, "plan-review", "2026-12-01");
      await save(page);
      assert.equal(
        await page.locator(".govuk-task-list__status", { hasText: "Completed" }).count(),
        8,
        "every part is completed",
      );

      await follow(page, page.locator('a.govuk-task-list__link[href="#/plan/check"]'));
      assert.deepEqual(await blocking(page), [], "nothing needs changing");
      const shown = {
        budget: await textOf(page, "plan-budget"),
        planned: await textOf(page, "plan-planned"),
        kept: await textOf(page, "plan-kept"),
        remaining: await textOf(page, "plan-remaining"),
        findings: await page.locator(".waymark-finding").count(),
      };

      const downloadButton = page.getByRole("button", { name: "Download your answers and plan" });
      const exported = JSON.parse(await downloadedText(page, downloadButton));
      const { annual } = cliEstimate(northvale.file, northvale.eligible.answers, northvale.eligible.date);
      const { status, report } = cliValidate(northvale.file, exported.plan, annual);
      assert.equal(status, 0, "nothing blocks");
      const c = report.costing;
      assert.deepEqual(shown, {
        budget: formatMoney(c.budget_for_plan),
        planned: formatMoney(c.planned),
        kept: formatMoney(c.contingency),
        remaining: formatMoney(c.remaining),
        findings: report.findings.length,
      });
      assert.equal(exported.plan.supports.length, 3);
      assert.deepEqual(exported.plan.supports[0].goals, ["goal-1"]);

      await page.reload();
      await page.locator("#plan-planned").waitFor();
      assert.equal(await route(page), "#/plan/check");
      assert.equal(await textOf(page, "plan-planned"), shown.planned, "the plan survives a reload");
      assert.deepEqual((await savedDocument(page)).plan, exported.plan);
      const sent = requests.filter(
        (r) => new URL(r.url()).origin !== server.origin || r.method() !== "GET" || /swimming/i.test(r.url()),
      );
      assert.deepEqual(sent.map((r) => r.url()), [], "nothing in the plan leaves the device");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("a plan downloaded with the answers loads on another device, and prints", async () => {
    const first = await openPlan(browser, server.origin);
    let text;
    try {
      const { page } = first;
      await addGoal(page, { text: "Learn to cook", area: "home" });
      await addSupport(page, {
        description: "Cookery course at the college",
        category: "learning",
        payer: "budget",
        amount: "180",
        relative: false,
        frequency: "once",
        starts: "2026-09-07",
        goals: ["goal-1"],
      });
      await goTo(page, "check");
      text = await downloadedText(page, page.getByRole("button", { name: "Download your answers and plan" }));
    } finally {
      await first.context.close();
    }
    const { context, page, errors } = await openPlan(browser, server.origin);
    try {
      await follow(page, page.locator('footer a[href="#/saved"]'));
      await page.locator("#import-file").setInputFiles({
        name: "answers.json",
        mimeType: "application/json",
        buffer: Buffer.from(text),
      });
      await follow(page, page.getByRole("button", { name: "Load answers" }));
      await goTo(page, "check");
      await page.locator(".govuk-summary-card__title", { hasText: "Cookery course at the college" }).waitFor();
      assert.equal(await textOf(page, "plan-planned"), "£180.00");

      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".waymark-plan-summary").count(), 0, "no live summary beside Check your plan");
      assert.equal(await page.locator(".govuk-summary-card__actions").first().isVisible(), false);
      await goTo(page, "supports");
      assert.equal(await page.locator(".waymark-plan-summary").isVisible(), false, "the live summary is not printed");
      await page.emulateMedia({ media: "screen" });
      await follow(page, page.locator("a.govuk-back-link"));
      await follow(page, page.locator("a.govuk-back-link"));
      assert.equal(await route(page), "#/result");
      await page.emulateMedia({ media: "print" });
      const printed = page.locator(".waymark-print-only");
      assert.equal(await printed.isVisible(), true);
      await printed.getByRole("heading", { name: "Your recovery support plan" }).waitFor();
      assert.match(await printed.textContent(), /Cookery course at the college/);
      assert.match(await printed.textContent(), /£180\.00/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("a support outside the plan's dates is a field error, and so are dates that leave one out", async () => {
    const { context, page, errors } = await openPlan(browser, server.origin);
    try {
      await addGoal(page, { text: "Sleep better", area: "wellbeing" });
      await goTo(page, "add-support");
      await fillSupport(page, {
        description: "Sleep clinic",
        category: "talking_therapies",
        payer: "budget",
        amount: "60",
        relative: false,
        frequency: "weekly",
        starts: "2028-01-01",
        goals: ["goal-1"],
      });
      await saveWithErrors(page);
      const summary = page.locator(".govuk-error-summary a");
      assert.match(await summary.textContent(), /outside your plan’s dates/);
      assert.equal(await summary.getAttribute("href"), "#support-starts-day");
      assert.equal(await page.locator("#support-starts-day").getAttribute("class"), "govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error");
      await fillDate(page, "support-starts", "2026-10-01");
      await save(page);

      await goTo(page, "dates");
      await fillDate(page, "plan-ends", "2026-08-31");
      await saveWithErrors(page);
      assert.match(await summary.textContent(), /‘Sleep clinic’ would be outside these dates/);
      assert.equal(await page.locator("#plan-ends-year").inputValue(), "2026", "what was typed is kept");
      await fillDate(page, "plan-ends", "2026-11-30");
      await save(page);
      assert.equal(await route(page), "#/plan");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("going over the budget is advice that appears and clears as the person works", async () => {
    const { context, page, errors } = await openPlan(browser, server.origin);
    try {
      await addGoal(page, { text: "Get out more", area: "community" });
      await addSupport(page, {
        description: "A personal assistant three days a week",
        category: "personal_assistant",
        payer: "budget",
        amount: "60",
        units: "3",
        relative: false,
        frequency: "weekly",
        goals: ["goal-1"],
      });
      const advice = page.locator(".waymark-findings--advice .waymark-finding", { hasText: "more than your budget" });
      await advice.waitFor();
      assert.equal(await page.locator("#plan-over").count(), 1, "how far over is shown");
      await follow(page, page.locator(".govuk-summary-card a", { hasText: "Change" }));
      await page.locator("#support-units").fill("2");
      await save(page);
      assert.equal(await advice.count(), 0);
      assert.equal(await page.locator("#plan-remaining").count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
