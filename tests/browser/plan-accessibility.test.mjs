// Accessibility of the plan's pages: axe-core's WCAG 2.2 A and AA rules on every page,
// errors and revealed questions included; focus and title on every page change; and
// reflow at 320 CSS pixels (400% zoom of a 1280 pixel window).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertArrived, axeProblems, follow, route, useSiteAndBrowser } from "./support.mjs";
import {
  addGoal,
  addSupport,
  choose,
  fillDate,
  goTo,
  openPlan,
  save,
  saveWithErrors,
} from "./plan-support.mjs";

describe("accessibility of the plan", { timeout: 180_000 }, () => {
  let server;
  let browser;
  useSiteAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test("every plan page, errors included, passes axe's WCAG 2.2 AA rules", async () => {
    const { context, page, errors } = await openPlan(browser, server.origin);
    const found = [];
    const check = async (name) => {
      for (const problem of await axeProblems(page)) found.push(`${name}: ${problem}`);
    };
    try {
      await check("task list");
      await goTo(page, "goals");
      await check("goals, none yet");
      await goTo(page, "add-goal");
      await check("add a goal");
      await saveWithErrors(page);
      await check("add a goal with errors");
      await page.locator("#goal-text").fill("Get back to swimming");
      await choose(page, "goal-area", "community");
      await save(page);
      await check("goals");
      await goTo(page, "add-support");
      await check("add support");
      await saveWithErrors(page);
      await check("add support with errors");
      await choose(page, "support-payer", "budget");
      await page.locator("#support-amount").fill("lots");
      await page.locator("#support-units").fill("none");
      await saveWithErrors(page);
      await check("add support with its cost revealed and wrong");
      await addSupport(page, {
        description: "Swimming pass",
        category: "leisure_fitness",
        payer: "budget",
        amount: "25",
        relative: false,
        frequency: "monthly",
      });
      await check("supports, with a finding");
      await goTo(page, "supports/support-1");
      await check("change support");
      await goTo(page, "supports/support-1/remove");
      await check("remove support");
      await goTo(page, "goals/goal-1/remove");
      await check("remove goal");
      await goTo(page, "contingency");
      await check("money kept aside");
      await page.locator("#contingency-amount").fill("-3");
      await saveWithErrors(page);
      await check("money kept aside with an error");
      await goTo(page, "crisis");
      await check("crisis plan");
      await goTo(page, "risks");
      await check("risks");
      await goTo(page, "holding");
      await check("holding");
      await saveWithErrors(page);
      await check("holding with an error");
      await choose(page, "holding-kind", "split");
      await page.locator("#holding-kind-split-council").fill("100");
      await saveWithErrors(page);
      await check("holding split with an error");
      await goTo(page, "helpers");
      await check("who helped");
      await goTo(page, "dates");
      await check("dates");
      await fillDate(page, "plan-starts", null);
      await page.locator("#plan-ends-month").fill("");
      await saveWithErrors(page);
      await check("dates with errors");
      await goTo(page, "check");
      await check("check your plan");
      await follow(page, page.locator('main a[href="#/result"]'));
      await check("result with a plan");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    assert.deepEqual(found, []);
  });

  test("every plan page change moves focus to the heading and sets the title", async () => {
    const { context, page } = await openPlan(browser, server.origin);
    try {
      const arrived = (where) => assertArrived(page, where);
      await arrived("the task list");
      for (const link of ["goals", "contingency", "crisis", "risks", "holding", "helpers", "dates", "check"]) {
        await follow(page, page.locator(`a.govuk-task-list__link[href="#/plan/${link}"]`));
        await arrived(link);
        await follow(page, page.locator("a.govuk-back-link"));
        assert.equal(await route(page), "#/plan");
        await arrived("the task list again");
      }
    } finally {
      await context.close();
    }
  });

  test("plan pages reflow at 320 CSS pixels wide with nothing cut off sideways", async () => {
    const { context, page } = await openPlan(browser, server.origin);
    try {
      await addGoal(page, { text: "A goal with a rather long description of what it is about", area: "home" });
      await addSupport(page, {
        description: "Counselling with a counsellor I choose myself, twice a week",
        category: "talking_therapies",
        payer: "budget",
        amount: "1234567.89",
        relative: false,
        frequency: "weekly",
        goals: ["goal-1"],
      });
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const seen = [];
      for (const rest of ["", "goals", "add-support", "supports", "holding", "dates", "check"]) {
        await goTo(page, rest);
        seen.push([rest || "tasks", await overflow()]);
      }
      assert.deepEqual(seen.filter(([, px]) => px > 0), []);
    } finally {
      await context.close();
    }
  });
});
