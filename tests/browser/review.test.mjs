// Reviewing the plan on the device, end to end with the reference receiver: one goal a
// page, the money kept aside, check and send on consent (and nothing posted before), the
// receiver's copy verifies; the history; and a new assessment beside the last one sent,
// a decrease first. axe-core on every page in English and Welsh.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { northvale } from "./plan-support.mjs";
import { stored } from "./review-support.mjs";
import { cliVerify, exportSubmissions, startReceiver } from "./receiver.mjs";
import { axeProblems, catalogue, launchBrowser, openApp, savedDocument, WAIT_MS } from "./support.mjs";

async function go(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction((h) => location.hash === h, hash, { timeout: WAIT_MS });
  await page.locator("main h1").first().waitFor({ timeout: WAIT_MS });
}

async function noAxe(page, where) {
  assert.deepEqual(await axeProblems(page), [], where);
}

const posts = (requests) => requests.filter((r) => r.method() === "POST");

describe("reviewing the plan", () => {
  let receiver;
  let browser;
  before(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await receiver?.stop();
  });

  test("a person reviews each goal, sees it all, and sends it only on consent", async () => {
    const en = catalogue("en").review;
    const { context, page, requests, errors } = await openApp(browser, receiver.origin, {
      date: "2026-12-01",
      storage: stored(),
    });
    await go(page, "#/review");
    assert.equal(await page.locator("main h1").innerText(), en.heading);
    await noAxe(page, "review start");
    await page.locator('a[href="#/review/goals/goal-1"]').first().click();
    await page.waitForFunction(() => location.hash === "#/review/goals/goal-1");
    assert.equal(await page.locator("main h1").innerText(), "Swim again");
    await noAxe(page, "a goal");
    // Continuing without a step of the scale shows the error summary, linked to the radios.
    await page.getByRole("button", { name: catalogue("en").app.continue_button }).click();
    await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('.govuk-error-summary a[href="#progress"]').innerText(), en.progress_error);
    await noAxe(page, "a goal with an error");
    // Keyboard only: the radio, the text and the checkbox.
    await page.locator("#progress-2").focus();
    await page.keyboard.press("Space");
    await page.locator("#in-own-words").fill("I swim on Sundays now");
    await page.locator("#got-in-the-way").fill("The bus times");
    await page.locator("#supports-used").focus();
    await page.keyboard.press("Space");
    await page.locator("#change").focus();
    await page.keyboard.type("Lessons in the evening");
    // The next stop after the last text box is the Continue button.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), catalogue("en").app.continue_button);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#/review/money-kept-aside", null, { timeout: WAIT_MS });
    await noAxe(page, "money kept aside");
    await page.locator("#contingency-used-2").check();
    await page.getByRole("button", { name: catalogue("en").app.continue_button }).click();
    await page.waitForFunction(() => location.hash === "#/review/check", null, { timeout: WAIT_MS });
    await noAxe(page, "check your review");
    const shown = await page.locator("main").innerText();
    for (const words of ["I swim on Sundays now", "The bus times", "Swimming pass", "Swimming lessons"]) {
      assert.ok(shown.includes(words), words);
    }
    // Kept on the device as it is typed, never posted.
    const saved = await savedDocument(page);
    assert.equal(saved.review.goals[0].progress, "some_progress");
    assert.deepEqual(saved.review.goals[0].supports_used, ["support-1"]);
    assert.equal(saved.review.contingency_used, false);
    assert.deepEqual(posts(requests), [], "nothing is posted before consent");
    // Sending without the box ticked is refused and posts nothing.
    await page.locator("#review-send").click();
    await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
    assert.deepEqual(posts(requests), []);
    await noAxe(page, "check your review with an error");
    await page.locator("#review-consent").check();
    await page.locator("#review-send").click();
    await page.locator("#review-reference").waitFor({ timeout: WAIT_MS });
    const reference = await page.locator("#review-reference").innerText();
    assert.match(reference, /^WM-\d+$/);
    assert.equal(posts(requests).length, 1);
    assert.ok(posts(requests)[0].url().endsWith("/reviews"));
    await noAxe(page, "review sent");
    // The receiver's copy verifies.
    const out = exportSubmissions(receiver.store);
    try {
      const file = path.join(out, `${reference}.json`);
      const review = JSON.parse(readFileSync(file, "utf8"));
      assert.equal(review.format, "waymark-review");
      assert.equal(review.goals[0].change, "Lessons in the evening");
      const verified = cliVerify(file, northvale.file);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // The history lists the assessment and the review sent, and downloads it all.
    await go(page, "#/review/history");
    const history = await page.locator("#history").innerText();
    assert.ok(history.includes("WM-000001"), history);
    assert.ok(history.includes(reference), history);
    await noAxe(page, "history");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#history-download").click()]);
    const document = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(document.review.sent[0].reference, reference);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a new assessment is shown beside the last, a decrease first, in English and Welsh", async () => {
    for (const lang of ["en", "cy"]) {
      const words = catalogue(lang);
      const { context, page, errors } = await openApp(browser, receiver.origin, {
        date: "2026-12-01",
        storage: stored(),
        lang,
      });
      await go(page, "#/review/compare");
      // The page is drawn again once its language's catalogue has arrived.
      await page.waitForFunction(
        (heading) => document.querySelector("main h1")?.textContent === heading,
        words.review.compare_heading,
        { timeout: WAIT_MS },
      );
      const text = await page.locator("#comparison").innerText();
      const headline = await page.locator("#compare-headline").innerText();
      const down = words.report.compare_down.split("{")[0].trim();
      assert.ok(headline.startsWith(down), `${lang}: ${headline}`);
      const lookAgain = words.report.compare_look_again.split("{")[0].trim();
      const last = words.report.compare_before.split("{")[0].trim();
      assert.ok(text.indexOf(lookAgain) > 0 && text.indexOf(lookAgain) < text.indexOf(last), `${lang}: ${text}`);
      assert.ok(text.includes(words.report.compare_answers), text);
      await noAxe(page, `${lang} comparison`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#compare-download").click()]);
      assert.ok(readFileSync(await download.path(), "utf8").startsWith(headline));
      for (const hash of ["#/review", "#/review/goals/goal-1", "#/review/money-kept-aside", "#/review/check", "#/review/history"]) {
        await go(page, hash);
        await noAxe(page, `${lang} ${hash}`);
      }
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
