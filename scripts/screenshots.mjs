// Screenshots of every page of the journey, at a phone's width and a desktop's, for
// looking at by eye: node scripts/screenshots.mjs [OUTDIR] [LANG]  (default
// /tmp/waymark-screenshots, in English; LANG cy for Welsh, where the scheme offers it).
// Needs the built site (make web). Pages: start (one scheme, a choice of several, with an
// error), task list, each kind of question with and without an error, check your answers,
// result (eligible, not eligible, printed), saved answers (with an import error), delete,
// deleted, and unreadable saved data; Riverbend in US dollars: its result, check your
// answers marked as supported, the practitioner's question with its reason's error, and
// the result when the answers need a conversation instead of an amount; and, with the
// site's own configuration, "Find local support" (the whole directory, a search with
// filters, and the support added from it); reviewing the plan (its goals, a goal with an
// error, the money kept aside, the check), the comparison with the last assessment and
// the history.
import { screenshots } from "./shoot.mjs";
import {
  answerAll,
  catalogue,
  exampleSchemes,
  fillAnswer,
  follow,
  launchBrowser,
  openApp,
  startServer,
} from "../tests/browser/support.mjs";
import { stored as reviewStorage } from "../tests/browser/review-support.mjs";

const schemes = exampleSchemes();
const byFile = (part) => schemes.find((s) => s.file.includes(part));
const server = await startServer();
const browser = await launchBrowser();
const { shoot, taken } = screenshots("/tmp/waymark-screenshots");
const lang = process.argv[3] ?? "en";
const words = catalogue(lang);

async function open(scheme, options = {}) {
  return openApp(browser, server.origin, {
    date: scheme.eligible.date,
    schemes: [scheme.file],
    lang,
    ...options,
  });
}

/** The catalogue of the language the page is in (a scheme may not offer the one asked for). */
async function shown(page) {
  return catalogue(await page.evaluate(() => document.documentElement.lang));
}

const submit = async (page) =>
  follow(page, page.getByRole("button", { name: (await shown(page)).app.continue_button }));
const continueWithError = async (page) => {
  await page.getByRole("button", { name: (await shown(page)).app.continue_button }).click();
  await page.locator(".govuk-error-summary").waitFor();
};

try {
  // A long scheme: start, task list, a choice question, its error, check, result, print.
  const northvale = byFile("northvale");
  let { page, context } = await open(northvale);
  await shoot(page, "01-start");
  await follow(page, page.locator("a.govuk-button--start"));
  await shoot(page, "02-tasks");
  await follow(page, page.locator("a.govuk-task-list__link").first());
  await shoot(page, "03-question-choice");
  await continueWithError(page);
  await shoot(page, "04-question-choice-error");
  await answerAll(page, northvale, northvale.eligible.answers, words);
  await shoot(page, "05-check");
  await follow(page, page.locator('main a[href="#/result"]'));
  await page.locator("#disagreement").fill("I look after my dad more than the answers show.");
  await shoot(page, "06-result");
  await page.emulateMedia({ media: "print" });
  await shoot(page, "07-result-print");
  await page.emulateMedia({ media: "screen" });
  await follow(page, page.locator('footer a[href="#/saved"]'));
  await page.getByRole("button", { name: words.app.import_button }).click();
  await page.locator(".govuk-error-summary").waitFor();
  await shoot(page, "08-saved-error");
  await follow(page, page.locator('main a[href="#/delete"]'));
  await shoot(page, "09-delete");
  await follow(page, page.getByRole("button", { name: words.app.delete_confirm }));
  await shoot(page, "10-deleted");
  await context.close();

  // Number and money questions, with errors.
  const southmere = byFile("southmere");
  ({ page, context } = await open(southmere));
  await follow(page, page.locator("a.govuk-button--start"));
  await follow(page, page.locator("a.govuk-task-list__link").first());
  await shoot(page, "11-question-number");
  await page.locator("input#age").fill("twelve");
  await continueWithError(page);
  await shoot(page, "12-question-number-error");
  await context.close();
  ({ page, context } = await open(byFile("westhaven")));
  const westhaven = byFile("westhaven");
  await follow(page, page.locator("a.govuk-button--start"));
  await fillAnswer(page, westhaven.questions.get("goal_type"), "learning");
  await submit(page);
  await shoot(page, "13-question-money");
  await page.locator("input#goal_cost").fill("1.234");
  await continueWithError(page);
  await shoot(page, "14-question-money-error");
  await page.locator("input#goal_cost").fill("20");
  await submit(page);
  await shoot(page, "15-question-yes-no");
  await context.close();

  // Not eligible.
  const notEligible = northvale;
  const zero = Object.fromEntries(
    [...northvale.questions.values()].map((q) => {
      const kind = Object.keys(q.answer)[0];
      if (kind === "yes_no") return [q.id, false];
      const lowest = [...q.answer.choice].sort((a, b) => Number(a.points) - Number(b.points))[0];
      return [q.id, lowest.id];
    }),
  );
  ({ page, context } = await open(notEligible));
  await answerAll(page, northvale, zero, words);
  await follow(page, page.locator('main a[href="#/result"]'));
  await shoot(page, "16-result-not-eligible");
  await context.close();

  // A choice of schemes, and its error.
  ({ page, context } = await openApp(browser, server.origin, {
    date: "2026-06-01",
    schemes: schemes.map((s) => s.file),
    lang,
  }));
  await shoot(page, "17-start-choose");
  await page.getByRole("button", { name: (await shown(page)).app.start_button }).click();
  await page.locator(".govuk-error-summary").waitFor();
  await shoot(page, "18-start-choose-error");
  await context.close();

  // Unreadable saved data.
  ({ page, context } = await open(northvale, { storage: "{not json" }));
  await shoot(page, "19-recovery");
  await context.close();

  // Riverbend, in US dollars and only in English: the result, a supported assessment
  // with the practitioner's question and its error, and a conversation instead of an amount.
  const riverbend = byFile("riverbend");
  ({ page, context } = await open(riverbend));
  await answerAll(page, riverbend, riverbend.eligible.answers, await shown(page));
  await follow(page, page.locator('main a[href="#/result"]'));
  await shoot(page, "20-result-dollars");
  await follow(page, page.locator('main a[href="#/check"]'));
  await page.locator("#supported").check();
  await follow(page, page.locator("#supported-form button"));
  await shoot(page, "21-question-practitioner");
  await page.locator("#local_market_uplift").fill("2400");
  await continueWithError(page);
  await shoot(page, "22-question-practitioner-error");
  await page.locator("#local_market_uplift-reason").fill("No support worker could be recruited at the county rate in Pine Hollow.");
  await submit(page);
  await shoot(page, "23-check-supported");
  await follow(page, page.locator('main a[href="#/result"]'));
  await shoot(page, "24-result-adjusted");
  await context.close();
  const panel = {
    age_group: "age_22_64", living: "group_home", daily_living: "all",
    behaviour: "constant", health: "skilled", overnight_awake: true,
  };
  ({ page, context } = await open(riverbend));
  await answerAll(page, riverbend, panel, await shown(page));
  await follow(page, page.locator('main a[href="#/result"]'));
  await shoot(page, "25-result-conversation");
  await context.close();

  // Find local support, from the directory the site's configuration names.
  ({ page, context } = await openApp(browser, server.origin, { date: northvale.eligible.date, lang }));
  await answerAll(page, northvale, northvale.eligible.answers, words);
  await follow(page, page.locator('main a[href="#/result"]'));
  await follow(page, page.locator("#make-plan"));
  await page.evaluate(() => {
    location.hash = "#/plan/supports";
  });
  await follow(page, page.locator("#find-support"));
  await page.locator(".waymark-results").waitFor();
  await shoot(page, "26-find-support");
  await page.locator("#find-text").fill("group");
  await page.locator("#find-cost").selectOption("free");
  await page.locator("#find-delivery").selectOption("in-person");
  await page.locator("#find-area").selectOption("community");
  await shoot(page, "27-find-support-filtered");
  await page.locator("#find-text").fill("swim");
  await page.locator("#find-cost").selectOption("paid");
  await follow(page, page.locator(".waymark-results button").first());
  await shoot(page, "28-find-support-added");
  await context.close();

  // Reviewing the plan, the history and the new assessment beside the last.
  ({ page, context } = await openApp(browser, server.origin, {
    date: "2026-12-01",
    storage: reviewStorage(),
    lang,
  }));
  const visit = async (hash) => {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForFunction((h) => location.hash === h, hash);
    await page.locator("main h1").first().waitFor();
  };
  await visit("#/review");
  await shoot(page, "29-review");
  await visit("#/review/goals/goal-1");
  await continueWithError(page);
  await shoot(page, "30-review-goal-error");
  await page.locator("#progress-2").check();
  await page.locator("#in-own-words").fill("I swim on Sundays now");
  await page.locator("#supports-used").check();
  await submit(page);
  await shoot(page, "31-review-money-kept-aside");
  await page.locator("#contingency-used-2").check();
  await submit(page);
  await shoot(page, "32-review-check");
  await visit("#/review/compare");
  await shoot(page, "33-compare");
  await visit("#/review/history");
  await shoot(page, "34-history");
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
console.log(taken.join("\n"));
