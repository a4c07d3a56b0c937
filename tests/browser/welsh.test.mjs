// Waymark in Welsh, in Chromium: a whole journey from the start page through the
// explained amount to the plan, where every page is marked lang="cy", shows no words of
// the English catalogue or of the scheme's English, and passes axe-core; the explanation
// words each step as the command line does in Welsh, with the same figures as in English;
// and the language comes from the address, the device and the browser, in that order.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  appStarted,
  axeProblems,
  catalogue,
  cliSteps,
  defaultScheme,
  english,
  exampleSchemes,
  follow,
  openApp,
  shownSteps,
  useSiteAndBrowser,
  WAIT_MS,
} from "./support.mjs";

const welsh = catalogue("cy");
const northvale = defaultScheme();

/**
 * The English words that must not appear on a Welsh page: each text of the English
 * catalogue and of the scheme that Welsh words differently, cut at its blanks, in pieces
 * of at least one whole word of four letters (a word like "Back" or "Change" counts) that
 * the Welsh does not share (both say "band").
 */
function englishPhrases() {
  const phrases = new Set();
  const walk = (en, cy) => {
    if (typeof en === "string") {
      if (en === cy) return;
      for (const piece of en.split(/\{[a-z_]+\}/)) {
        const phrase = piece.trim();
        const shared = typeof cy === "string" && cy.includes(phrase);
        if (/[A-Za-z]{4}/.test(phrase) && !shared) phrases.add(phrase);
      }
    } else if (en && typeof en === "object") {
      if ("en" in en && "cy" in en && Object.keys(en).length === 2) return walk(en.en, en.cy);
      for (const key of Object.keys(en)) walk(en[key], cy?.[key] ?? en[key]?.cy);
    }
  };
  walk(english, welsh);
  walk(northvale.scheme, northvale.scheme);
  return [...phrases];
}

const PHRASES = englishPhrases().map((phrase) => ({
  phrase,
  pattern: new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u"),
}));

/** The text of the page that is not marked as being in another language, nor a script. */
function welshText(page) {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script, [lang]:not([lang="cy"])').forEach((e) => e.remove());
    return `${document.title}\n${body.textContent}`;
  });
}

/** Checks the page `where` is wholly in Welsh and passes axe. */
async function inWelsh(page, where) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), "cy", `${where}: lang`);
  const text = await welshText(page);
  const found = PHRASES.filter((p) => p.pattern.test(text)).map((p) => p.phrase);
  assert.deepEqual(found, [], `${where}: English words`);
  assert.ok(text.includes(welsh.app.service_name), `${where}: the service's Welsh name`);
  assert.deepEqual(await axeProblems(page), [], `${where}: axe`);
}

/** The amounts of money the explanation shows, in order. */
function figures(page) {
  return page
    .locator(".waymark-steps")
    .evaluate((steps) => steps.textContent.match(/£[0-9,]+(\.[0-9]+)?/g) ?? []);
}

describe("Waymark in Welsh", { timeout: 180_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test("a journey in Welsh from the start page to the plan, every page in Welsh", async () => {
    const { answers, date } = northvale.eligible;
    const { context, page, errors } = await openApp(browser, server.origin, {
      date,
      schemes: [northvale.file],
      lang: "cy",
    });
    try {
      await inWelsh(page, "start");
      await follow(page, page.locator("main a.govuk-button--start"));
      await inWelsh(page, "task list");
      await follow(page, page.locator("a.govuk-task-list__link").first());
      await inWelsh(page, "a question");
      await answerAll(page, northvale, answers, welsh);
      await inWelsh(page, "check your answers");
      await follow(page, page.locator('main a[href="#/result"]'));
      await inWelsh(page, "the result");
      assert.deepEqual(
        await shownSteps(page),
        cliSteps(northvale.file, answers, date, "cy"),
        "each step worded as waymark estimate --lang cy words it",
      );
      const inCymraeg = await figures(page);
      await follow(page, page.locator("#make-plan"));
      await inWelsh(page, "the plan's tasks");
      await follow(page, page.locator('a[href="#/plan/goals"]'));
      await inWelsh(page, "goals");
      await follow(page, page.locator('main a[href="#/plan/add-goal"]'));
      await page.getByRole("button", { name: welsh.plan.save_button }).click();
      await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
      await inWelsh(page, "a goal with errors");
      assert.match(await page.title(), new RegExp(`^${welsh.app.title_error.split("{title}")[0]}`));

      // The switch in the header goes to English, marked as English, and back.
      await page.goto(`${server.origin}/?date=${date}&lang=cy#/result`);
      await page.locator(".waymark-steps").waitFor({ timeout: WAIT_MS });
      const switchLink = page.locator('header a[hreflang="en"]');
      assert.equal(await switchLink.getAttribute("lang"), "en");
      assert.equal((await switchLink.textContent()).trim(), "English");
      await switchLink.click();
      await page.waitForFunction(() => document.documentElement.lang === "en", null, { timeout: WAIT_MS });
      await page.locator(`h1:text("${english.app.result_heading}")`).waitFor({ timeout: WAIT_MS });
      assert.deepEqual(await figures(page), inCymraeg, "the same figures in both languages");
      assert.deepEqual(await shownSteps(page), cliSteps(northvale.file, answers, date, "en"));
      assert.match(page.url(), /lang=en/, "the address follows the switch");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("the address, then the device, then the browser choose the language", async () => {
    const { date } = northvale.eligible;
    const lang = (page) => page.evaluate(() => document.documentElement.lang);
    const fromBrowser = await openApp(browser, server.origin, {
      date,
      schemes: [northvale.file],
      locale: "cy-GB",
    });
    try {
      assert.equal(await lang(fromBrowser.page), "cy", "a browser that prefers Welsh");
    } finally {
      await fromBrowser.context.close();
    }
    const { context, page } = await openApp(browser, server.origin, {
      date,
      schemes: [northvale.file],
      lang: "cy",
    });
    try {
      assert.equal(await lang(page), "cy");
      await page.goto(`${server.origin}/?date=${date}`);
      await appStarted(page);
      assert.equal(await lang(page), "cy", "the choice is remembered on the device");
      assert.equal(
        await page.evaluate(() => localStorage.getItem("waymark-language")),
        "cy",
      );
    } finally {
      await context.close();
    }
    const englishOnly = exampleSchemes().find((s) => s.scheme.languages === undefined);
    const other = await openApp(browser, server.origin, {
      date: englishOnly.eligible.date,
      schemes: [englishOnly.file],
      lang: "cy",
      locale: "cy-GB",
    });
    try {
      assert.equal(await lang(other.page), "en", "a scheme only in English stays in English");
      assert.equal(await other.page.locator('a[hreflang]').count(), 0, "and offers no switch");
    } finally {
      await other.context.close();
    }
  });
});
