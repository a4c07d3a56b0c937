// Save and come back without an account: answers kept on the device as a person goes,
// resumed after a reload, deleted only when asked, moved between devices as a file, and
// saved data that cannot be read is never thrown away without the person's say.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  answerQuestion,
  appStarted,
  appUrl,
  cliEstimate,
  downloadedText,
  exampleSchemes,
  focusSettled,
  follow,
  formatMoney,
  openApp,
  route,
  savedDocument,
  STORAGE_KEY,
  titleSettled,
  useSiteAndBrowser,
  WAIT_MS,
} from "./support.mjs";

const westhaven = exampleSchemes().find((s) => s.scheme.id === "westhaven-recovery-grant");
const { answers, date } = westhaven.eligible;
const NOTE = "The course also needs a bus pass, which is not in the cost.";

describe("saving on the device", { timeout: 120_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  const open = (options = {}) =>
    openApp(browser, server.origin, { date, schemes: [westhaven.file], ...options });

  /** What the device holds under the page's key, as text. */
  const storedText = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

  test("answers are saved as they are given and resumed after a reload", async () => {
    const { context, page, errors } = await open();
    try {
      await follow(page, page.locator("a.govuk-button--start"));
      await answerQuestion(page, westhaven, answers);
      await answerQuestion(page, westhaven, answers);
      const at = await route(page);
      const saved = await savedDocument(page);
      assert.equal(saved.format, "waymark-saved");
      assert.equal(saved.version, 1);
      assert.deepEqual(saved.scheme, { id: westhaven.scheme.id, version: westhaven.scheme.version });
      assert.equal(saved.answers.goal_type, answers.goal_type);
      assert.equal(saved.answers.goal_cost, answers.goal_cost);
      assert.equal(`#/${saved.page}`, at);
      assert.match(saved.saved_at, /^\d{4}-\d\d-\d\dT/);

      await page.reload();
      await appStarted(page);
      assert.equal(await route(page), at, "a reload stays on the same question");
      await follow(page, page.locator("a.govuk-back-link"));
      assert.equal(await page.locator("#goal_cost").inputValue(), answers.goal_cost);

      await page.goto(appUrl(server.origin, date));
      await appStarted(page);
      const resume = page.getByRole("link", { name: "Continue where you left off" });
      assert.equal(await resume.getAttribute("href"), "#/questions/goal_cost");
      await follow(page, resume);
      assert.equal(await route(page), "#/questions/goal_cost");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("deleting asks first, then removes everything from the device", async () => {
    const { context, page, errors } = await open();
    try {
      await answerAll(page, westhaven, answers);
      await follow(page, page.locator('footer a[href="#/saved"]'));
      await follow(page, page.getByRole("link", { name: "Delete my answers from this device" }));
      assert.equal(await route(page), "#/delete");
      assert.notEqual(await storedText(page), null, "nothing is deleted before confirming");
      await follow(page, page.getByRole("link", { name: "No, keep my answers" }));
      assert.notEqual(await storedText(page), null);
      await follow(page, page.getByRole("link", { name: "Delete my answers from this device" }));
      await follow(page, page.getByRole("button", { name: "Yes, delete my answers" }));
      assert.equal(await route(page), "#/");
      await page.locator(".govuk-notification-banner--success").waitFor();
      assert.equal(await storedText(page), null);
      await page.reload();
      await appStarted(page);
      await page.locator("a.govuk-button--start").waitFor({ timeout: WAIT_MS });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("answers downloaded to a file load on another device with the same result", async () => {
    const first = await open();
    let text;
    try {
      await answerAll(first.page, westhaven, answers);
      await follow(first.page, first.page.locator('main a[href="#/result"]'));
      await first.page.locator("#disagreement").fill(NOTE);
      text = await downloadedText(first.page, first.page.getByRole("button", { name: "Download your answers" }));
      assert.deepEqual(first.errors, []);
    } finally {
      await first.context.close();
    }
    const exported = JSON.parse(text);
    assert.equal(exported.format, "waymark-saved");
    assert.equal(exported.disagreement, NOTE);
    assert.deepEqual(exported.answers, cleaned(answers));

    const second = await open();
    try {
      const { page } = second;
      await follow(page, page.getByRole("link", { name: "Load answers you saved to a file" }));
      await page.locator("#import-file").setInputFiles({
        name: "answers.json",
        mimeType: "application/json",
        buffer: Buffer.from(text),
      });
      await follow(page, page.getByRole("button", { name: "Load answers" }));
      assert.equal(await route(page), "#/check");
      await page.locator(".govuk-notification-banner--success").waitFor();
      await follow(page, page.locator('main a[href="#/result"]'));
      const cli = cliEstimate(westhaven.file, answers, date);
      assert.equal((await page.locator("#annual-amount").textContent()).trim(), formatMoney(cli.annual));
      assert.equal(await page.locator("#disagreement").inputValue(), NOTE);
      assert.deepEqual(second.errors, []);
    } finally {
      await second.context.close();
    }
  });

  test("a file that is not saved answers is refused, GOV.UK style", async () => {
    const { context, page } = await open();
    try {
      await follow(page, page.locator('footer a[href="#/saved"]'));
      await page.getByRole("button", { name: "Load answers" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      assert.equal(await page.locator(".govuk-error-summary a").textContent(), "Select a file");
      await page.locator("#import-file").setInputFiles({
        name: "holiday.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"destination": "Whitby"}'),
      });
      await page.getByRole("button", { name: "Load answers" }).click();
      await page.locator(".govuk-error-summary a", { hasText: "not a file of answers" }).waitFor();
      await titleSettled(page, "Error: ");
      await focusSettled(page, ".govuk-error-summary");
      assert.match(await page.title(), /^Error: /);
      assert.equal(
        await page.evaluate(() => document.activeElement.classList.contains("govuk-error-summary")),
        true,
      );
      assert.equal(
        await page.locator("#import-file").getAttribute("aria-describedby"),
        "import-file-hint import-file-error",
      );
    } finally {
      await context.close();
    }
  });

  test("damaged saved data is kept, offered for download, and removed only on request", async () => {
    const damaged = '{"format": "waymark-saved", "version": 1, "answers": {"goal_type": ';
    const { context, page, errors } = await open({ storage: damaged });
    try {
      await page.getByRole("heading", { name: "We could not read your saved answers" }).waitFor();
      assert.match(await page.title(), /We could not read your saved answers/);
      assert.equal(await downloadedText(page, page.getByRole("button", { name: "Download what was saved" })), damaged);
      await page.goto(appUrl(server.origin, date, "#/questions/goal_type"));
      await page.getByRole("heading", { name: "We could not read your saved answers" }).waitFor();
      assert.equal(await storedText(page), damaged, "nothing is overwritten while they decide");
      await page.getByRole("button", { name: "Delete it and start again" }).click();
      await page.locator(".govuk-notification-banner--success").waitFor();
      assert.equal(await storedText(page), null);
      await page.locator("a.govuk-button--start").waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("saved data in a format version this page does not know is not thrown away", async () => {
    const future = JSON.stringify({ format: "waymark-saved", version: 99, answers: {} });
    const { context, page, errors } = await open({ storage: future });
    try {
      await page.getByText("(version 99)").waitFor();
      await page.reload();
      await page.getByText("(version 99)").waitFor();
      assert.equal(await storedText(page), future);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("answers saved with an older scheme version keep what still fits and say so", async () => {
    const older = JSON.stringify({
      format: "waymark-saved",
      version: 1,
      scheme: { id: westhaven.scheme.id, version: "2025.1" },
      answers: { goal_type: answers.goal_type, bus_pass: true },
      disagreement: "",
      page: "questions/goal_cost",
      saved_at: "2026-05-01T09:00:00.000Z",
    });
    const { context, page, errors } = await open({ storage: older });
    try {
      const banner = page.locator(".govuk-notification-banner");
      await banner.waitFor();
      assert.match(await banner.textContent(), /from version 2025\.1 to version 2026\.1/);
      assert.match(await banner.textContent(), /saved answers \(1\) are to questions/);
      const original = banner.getByRole("button", { name: "Download the answers as they were saved" });
      assert.equal(await downloadedText(page, original), older);
      await follow(page, page.getByRole("link", { name: "Continue where you left off" }));
      assert.equal(await route(page), "#/questions/goal_cost");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

/** The answers as the page keeps them: only those to questions that apply. */
function cleaned(given) {
  const kept = { ...given };
  if (kept.extras === false) delete kept.extras_cost;
  return kept;
}
