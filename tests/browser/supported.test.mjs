// Schemes beyond pounds and amounts, in Chromium: Riverbend's estimate in US dollars; a
// supported assessment, where a practitioner marks the assessment as theirs with the
// person, answers the question only they answer, must give a reason, and the reason shows
// in the explanation and is saved, in English and in Welsh; and answers that reach a
// review panel's level, where the page says the budget is worked out with the person and
// shows no amount. Every page passes axe-core.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import {
  answerAll,
  axeProblems,
  catalogue,
  cliEstimate,
  defaultScheme,
  english,
  exampleSchemes,
  follow,
  formatMoney,
  openApp,
  route,
  savedDocument,
  useSiteAndBrowser,
  WAIT_MS,
  www,
} from "./support.mjs";

const welsh = catalogue("cy");
const riverbend = exampleSchemes().find((s) => s.scheme.id === "riverbend-individual-budget");
const UPLIFT = "local_market_uplift";
const REASON = "No support worker could be recruited at the county rate in Pine Hollow.";

/** Riverbend's worked examples, from its tests file. */
const cases = JSON.parse(
  readFileSync(path.join(www, riverbend.file.replace(/\.json$/, ".tests.json")), "utf8"),
).cases;

/** The first of Riverbend's worked examples that `wanted` picks. */
function readCase(wanted) {
  return cases.find(wanted);
}

/** Riverbend's worked example with an uplift, without the uplift: the person's own answers. */
function ownAnswers() {
  const adjusted = readCase((c) => typeof c.answers[UPLIFT] === "object" && c.expect.eligible);
  const answers = { ...adjusted.answers };
  delete answers[UPLIFT];
  return { answers, date: adjusted.date, uplift: adjusted.answers[UPLIFT] };
}

/**
 * Northvale's scheme, in English and Welsh, with a part only a practitioner answers: an
 * uplift added to the amount, with its reason. Served in place of a file, for Welsh.
 */
function northvaleWithUplift() {
  const scheme = structuredClone(defaultScheme().scheme);
  scheme.id = "northvale-supported";
  scheme.sections.push({
    id: "practitioner",
    title: { en: "For your practitioner", cy: "Ar gyfer eich ymarferydd" },
    questions: [
      {
        id: "uplift",
        text: { en: "Local-market uplift a year", cy: "Codiad marchnad leol y flwyddyn" },
        practitioner: true,
        answer: { money: { min: "0.00", max: "5000.00" } },
      },
    ],
  });
  const result = scheme.allocation.result;
  scheme.allocation.steps.push({
    id: "with_uplift",
    label: { en: "With any uplift", cy: "Gydag unrhyw godiad" },
    calc: { sum: [result, { answer: "uplift" }] },
  });
  scheme.allocation.result = "with_uplift";
  return scheme;
}

describe("other currencies, supported assessments and conversations", { timeout: 180_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  async function assertAccessible(page, where) {
    assert.deepEqual(await axeProblems(page), [], `axe-core on ${where}`);
  }

  /** Ticks the box on check your answers that marks the assessment as supported. */
  async function markSupported(page, words) {
    await page.getByLabel(words.app.supported_label).check();
    await follow(page, page.getByRole("button", { name: words.app.supported_button }));
  }

  test("Riverbend's estimate is in US dollars, worded in cents, with no accessibility problems", async () => {
    const { answers, date } = riverbend.eligible;
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [riverbend.file],
    });
    try {
      await assertAccessible(page, "the start page");
      const asked = await answerAll(page, riverbend, answers);
      assert.ok(!asked.includes(UPLIFT), "the practitioner's question is not asked");
      const cli = cliEstimate(riverbend.file, answers, date);
      const amount = formatMoney(cli.annual, "$");
      assert.equal((await page.locator("#check-annual-amount").textContent()).trim(), amount);
      assert.equal(await page.locator(`a[href="#/change/${UPLIFT}"]`).count(), 0);
      await assertAccessible(page, "check your answers");
      await follow(page, page.locator('main a[href="#/result"]'));
      assert.equal((await page.locator("#annual-amount").textContent()).trim(), amount);
      assert.equal(await page.locator("#weekly-amount").count(), 0, "a yearly scheme without weeks");
      const main = await page.locator("main").textContent();
      assert.match(main, /to the nearest cent/);
      assert.doesNotMatch(main, /£|penny|pence|pounds/);
      await assertAccessible(page, "the result");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("a practitioner's adjustment needs its reason, which the result then shows", async () => {
    const { answers, date, uplift } = ownAnswers();
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [riverbend.file],
    });
    try {
      await answerAll(page, riverbend, answers);
      await markSupported(page, english);
      assert.equal(await route(page), `#/change/${UPLIFT}`);
      assert.equal((await page.locator(".govuk-input__prefix").textContent()).trim(), "$");
      assert.match(
        await page.locator(`#${UPLIFT}-reason-info`).textContent(),
        /You can enter up to 2000 characters/,
      );
      await assertAccessible(page, "the practitioner's question");

      await page.locator(`#${UPLIFT}`).fill(uplift.answer);
      await page.getByRole("button", { name: english.app.continue_button }).click();
      await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
      assert.match(await page.title(), /^Error: /);
      const summary = page.locator(".govuk-error-summary a");
      assert.equal(await summary.textContent(), english.app.error_reason_missing);
      assert.equal(await summary.getAttribute("href"), `#${UPLIFT}-reason`);
      assert.match(await page.locator(`#${UPLIFT}-reason-error`).textContent(), /Enter the reason/);
      assert.equal(await page.locator(`#${UPLIFT}`).inputValue(), uplift.answer, "the amount is kept");
      await assertAccessible(page, "the practitioner's question with an error");

      await page.locator(`#${UPLIFT}-reason`).fill(REASON);
      await follow(page, page.getByRole("button", { name: english.app.continue_button }));
      assert.equal(await route(page), "#/check");
      assert.match(await page.locator("main dl").last().textContent(), new RegExp(`Reason: ${REASON}`));
      const given = { ...answers, [UPLIFT]: { answer: uplift.answer, reason: REASON } };
      const cli = cliEstimate(riverbend.file, given, date);
      assert.equal(
        (await page.locator("#check-annual-amount").textContent()).trim(),
        formatMoney(cli.annual, "$"),
      );
      const saved = await savedDocument(page);
      assert.deepEqual(saved.answers[UPLIFT], given[UPLIFT]);
      assert.equal(saved.supported, true);

      await follow(page, page.locator('main a[href="#/result"]'));
      assert.equal((await page.locator("#annual-amount").textContent()).trim(), formatMoney(cli.annual, "$"));
      const adjustment = page.locator(".waymark-step__adjustment");
      assert.equal(await adjustment.count(), 1);
      assert.match(await adjustment.textContent(), new RegExp(`who gave this reason: ${REASON}`));
      await assertAccessible(page, "the result with an adjustment");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("in Welsh, the practitioner's reason is asked for, and shown, in Welsh words", async () => {
    const northvale = defaultScheme();
    const scheme = northvaleWithUplift();
    const file = "schemes/northvale-supported.json";
    const { answers, date } = northvale.eligible;
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [file],
      files: { [file]: scheme },
      lang: "cy",
    });
    try {
      const questions = new Map(scheme.sections.flatMap((s) => s.questions.map((q) => [q.id, q])));
      await answerAll(page, { ...northvale, scheme, questions }, answers, welsh);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "cy");
      await markSupported(page, welsh);
      assert.equal(await route(page), "#/change/uplift");
      await page.locator("#uplift").fill("120");
      await page.getByRole("button", { name: welsh.app.continue_button }).click();
      await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator(".govuk-error-summary a").textContent(), welsh.app.error_reason_missing);
      assert.match(await page.locator("label[for=uplift-reason]").textContent(), new RegExp(welsh.app.reason_label));
      await assertAccessible(page, "the practitioner's question in Welsh with an error");
      const reason = "Does neb ar gael am y gyfradd safonol yn yr ardal hon.";
      await page.locator("#uplift-reason").fill(reason);
      await follow(page, page.getByRole("button", { name: welsh.app.continue_button }));
      assert.equal(await route(page), "#/check");
      assert.match(await page.locator("main").textContent(), new RegExp(`Rheswm: ${reason}`));
      await follow(page, page.locator('main a[href="#/result"]'));
      const adjustment = page.locator(".waymark-step__adjustment");
      assert.match(await adjustment.textContent(), new RegExp(`a roddodd y rheswm hwn: ${reason}`));
      assert.equal(await page.evaluate(() => document.documentElement.lang), "cy");
      await assertAccessible(page, "the Welsh result with an adjustment");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("answers at the review panel's level show the conversation and no amount", async () => {
    const { answers, date } = readCase((c) => c.expect.conversation === true);
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [riverbend.file],
    });
    try {
      await answerAll(page, riverbend, answers);
      assert.equal(await page.locator("#check-annual-amount").count(), 0);
      assert.equal(await page.locator("#check-conversation").textContent(), english.app.check_conversation);
      await follow(page, page.locator('main a[href="#/result"]'));
      const panel = page.locator("#conversation-panel");
      assert.match(await panel.textContent(), new RegExp(english.app.conversation_panel));
      assert.equal(await page.locator("#annual-amount").count(), 0);
      assert.doesNotMatch(await panel.textContent(), /\$/);
      assert.match(await page.locator("main").textContent(), /A county review panel sets your budget/);
      assert.equal(await page.locator("#make-plan").count(), 0, "there is no budget to plan with");
      await assertAccessible(page, "the conversation result");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
