// Accessibility: axe-core's WCAG 2.2 A and AA rules on every page of the journey, errors
// included; a journey with the keyboard alone; focus and title on every page change;
// reflow at 320 CSS pixels (400% zoom of a 1280 pixel window); and the noscript message.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  answerAll,
  appUrl,
  axeProblems,
  exampleSchemes,
  fillAnswer,
  follow,
  focusSettled,
  assertArrived,
  openApp,
  route,
  titleSettled,
  useSiteAndBrowser,
  WAIT_MS,
} from "./support.mjs";

const schemes = exampleSchemes();
const byId = (id) => schemes.find((s) => s.scheme.id === id);

describe("accessibility", { timeout: 150_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  const open = (scheme, options = {}) =>
    openApp(browser, server.origin, {
      date: scheme.eligible.date,
      schemes: [scheme.file],
      ...options,
    });

  /** Collects axe's problems on the page under a name, for one assertion at the end. */
  function checker(page) {
    const found = [];
    const pages = [];
    return {
      pages,
      found,
      async check(name) {
        pages.push(name);
        for (const problem of await axeProblems(page)) found.push(`${name}: ${problem}`);
      },
    };
  }

  /** Presses Continue expecting errors, and waits for the error summary. */
  async function continueWithError(page) {
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator(".govuk-error-summary").waitFor();
  }

  test("every page of the journey, errors included, passes axe's WCAG 2.2 AA rules", async () => {
    const northvale = byId("northvale-recovery");
    let { context, page } = await open(northvale);
    let axe = checker(page);
    const all = [];
    try {
      await axe.check("start");
      await follow(page, page.locator("a.govuk-button--start"));
      await axe.check("task list");
      await follow(page, page.locator("a.govuk-task-list__link").first());
      await axe.check("choice question");
      await continueWithError(page);
      await axe.check("choice question with an error");
      await answerAll(page, northvale, northvale.eligible.answers);
      await axe.check("check your answers");
      await follow(page, page.locator('main a[href="#/result"]'));
      await page.locator(".govuk-details__summary").first().click();
      await axe.check("result");
      await page.getByRole("button", { name: "Save what I have written" }).click();
      await page.locator(".govuk-notification-banner").waitFor();
      await axe.check("result with notes saved");
      await follow(page, page.locator('footer a[href="#/saved"]'));
      await axe.check("saved answers");
      await page.getByRole("button", { name: "Load answers" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await axe.check("saved answers with an error");
      await follow(page, page.locator('main a[href="#/delete"]'));
      await axe.check("delete");
      await follow(page, page.getByRole("button", { name: "Yes, delete my answers" }));
      await axe.check("deleted");
      all.push(...axe.found);
      await context.close();

      const southmere = byId("southmere-existing-package");
      ({ context, page } = await open(southmere));
      axe = checker(page);
      await follow(page, page.locator("a.govuk-button--start"));
      await follow(page, page.locator("a.govuk-task-list__link").first());
      await axe.check("number question");
      await page.locator("#age").fill("200");
      await continueWithError(page);
      await axe.check("number question with an error");
      all.push(...axe.found);
      await context.close();

      const westhaven = byId("westhaven-recovery-grant");
      ({ context, page } = await open(westhaven));
      axe = checker(page);
      await follow(page, page.locator("a.govuk-button--start"));
      await fillAnswer(page, westhaven.questions.get("goal_type"), "learning");
      await follow(page, page.getByRole("button", { name: "Continue" }));
      await axe.check("money question");
      await page.locator("#goal_cost").fill("lots");
      await continueWithError(page);
      await axe.check("money question with an error");
      await page.locator("#goal_cost").fill("40");
      await follow(page, page.getByRole("button", { name: "Continue" }));
      await axe.check("yes/no question");
      await continueWithError(page);
      await axe.check("yes/no question with an error");
      all.push(...axe.found);
      await context.close();

      ({ context, page } = await open(northvale, { storage: "not saved answers" }));
      axe = checker(page);
      await axe.check("unreadable saved answers");
      all.push(...axe.found);
      await context.close();

      ({ context, page } = await openApp(browser, server.origin, {
        date: "2026-06-01",
        schemes: schemes.map((s) => s.file),
      }));
      axe = checker(page);
      await axe.check("start with a choice of schemes");
      await page.getByRole("button", { name: "Start now" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await axe.check("start with a choice of schemes and an error");
      all.push(...axe.found);
    } finally {
      await context.close();
    }
    assert.deepEqual(all, []);
  });

  test("a person can go from start to result with Tab, Space and Enter alone", async () => {
    const westhaven = byId("westhaven-recovery-grant");
    const { context, page, errors } = await open(westhaven);
    const active = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return {
          tag: e.tagName.toLowerCase(),
          type: e.getAttribute("type"),
          text: e.textContent.trim(),
          cls: e.className,
          id: e.id,
        };
      });
    /** Presses Tab until `wanted` holds for the focused element. */
    async function tabTo(wanted, what) {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press("Tab");
        if (wanted(await active())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    }
    const isContinue = (e) => e.tag === "button" && e.text === "Continue";
    try {
      await tabTo((e) => e.tag === "a" && e.text.startsWith("Start now"), "the start button");
      let from = await route(page);
      await page.keyboard.press("Enter");
      await page.waitForFunction((f) => location.hash !== f, from);
      for (let step = 0; step < 20 && (await route(page)) !== "#/check"; step += 1) {
        await page.locator("form[data-question-id]").waitFor({ timeout: WAIT_MS });
        const focused = await active();
        assert.equal(focused.tag, "h1", "focus starts on the question");
        const id = await page.locator("form[data-question-id]").getAttribute("data-question-id");
        const kind = Object.keys(westhaven.questions.get(id).answer)[0];
        if (kind === "money" || kind === "number") {
          await tabTo((e) => e.tag === "input" && e.id === id, `the ${id} field`);
          await page.keyboard.type(id === "extras_cost" ? "25" : "300");
        } else {
          await tabTo((e) => e.tag === "input" && e.type === "radio", `the ${id} radios`);
          await page.keyboard.press("Space");
        }
        await tabTo(isContinue, "Continue");
        from = await route(page);
        await page.keyboard.press("Enter");
        await page.waitForFunction((f) => location.hash !== f, from, { timeout: WAIT_MS });
      }
      assert.equal(await route(page), "#/check");
      await tabTo((e) => e.tag === "a" && e.text.startsWith("See your estimate"), "the result");
      from = await route(page);
      await page.keyboard.press("Enter");
      await page.waitForFunction((f) => location.hash !== f, from);
      await page.locator("#annual-amount").waitFor({ timeout: WAIT_MS });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("on an error, focus goes to the summary and its link to the field", async () => {
    const southmere = byId("southmere-existing-package");
    const { context, page } = await open(southmere);
    try {
      await follow(page, page.locator("a.govuk-button--start"));
      await follow(page, page.locator("a.govuk-task-list__link").first());
      await page.locator("#age").fill("ten");
      await page.locator("#age").press("Enter");
      await page.locator(".govuk-error-summary").waitFor();
      await focusSettled(page, ".govuk-error-summary");
      await titleSettled(page, "Error: ");
      assert.equal(
        await page.evaluate(() => document.activeElement.className),
        "govuk-error-summary",
      );
      assert.match(await page.title(), /^Error: How old are you\? – /);
      assert.equal(await page.locator("#age").inputValue(), "ten", "what was typed is kept");
      assert.equal(await page.locator("#age").getAttribute("aria-describedby"), "age-hint age-error");
      assert.equal(
        (await page.locator("#age-error").textContent()).trim(),
        "Error: Enter a number using digits, like 12",
      );
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await focusSettled(page, "#age");
      assert.equal(await page.evaluate(() => document.activeElement.id), "age");
      assert.equal(await route(page), "#/questions/age", "the link does not change the page");
    } finally {
      await context.close();
    }
  });

  test("every page change moves focus to the heading and sets the title", async () => {
    const westhaven = byId("westhaven-recovery-grant");
    const { context, page } = await open(westhaven);
    try {
      const arrived = (where) => assertArrived(page, where);
      await follow(page, page.locator("a.govuk-button--start"));
      await arrived("the first question");
      await fillAnswer(page, westhaven.questions.get("goal_type"), "learning");
      await follow(page, page.getByRole("button", { name: "Continue" }));
      await arrived("the second question");
      await follow(page, page.locator("a.govuk-back-link"));
      await arrived("the first question again");
      await follow(page, page.locator('footer a[href="#/saved"]'));
      await arrived("the saved answers");
    } finally {
      await context.close();
    }
  });

  test("pages reflow at 320 CSS pixels wide with nothing cut off sideways", async () => {
    const northvale = byId("northvale-recovery");
    const { context, page } = await open(northvale);
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const seen = [];
      seen.push(["start", await overflow()]);
      await answerAll(page, northvale, northvale.eligible.answers);
      seen.push(["check your answers", await overflow()]);
      await follow(page, page.locator('main a[href="#/result"]'));
      seen.push(["result", await overflow()]);
      await page.goto(appUrl(server.origin, northvale.eligible.date, "#/questions/wellbeing_impact"));
      await page.locator("form[data-question-id]").waitFor();
      seen.push(["question", await overflow()]);
      assert.deepEqual(seen.filter(([, px]) => px > 0), []);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript, the page says what it needs", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/`);
      assert.match(await page.innerText("body"), /so it needs JavaScript/);
    } finally {
      await context.close();
    }
  });
});
