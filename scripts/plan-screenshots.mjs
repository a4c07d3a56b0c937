// Screenshots of every page of the recovery support plan, at a phone's width and a
// desktop's, for looking at by eye: node scripts/plan-screenshots.mjs [OUTDIR]
// (default /tmp/waymark-plan-screenshots). Needs the built site (make web).
import { screenshots } from "./shoot.mjs";
import { follow, launchBrowser, startServer } from "../tests/browser/support.mjs";
import {
  addGoal,
  addSupport,
  choose,
  fillDate,
  fillSupport,
  goTo,
  openPlan,
  save,
  saveWithErrors,
} from "../tests/browser/plan-support.mjs";

const server = await startServer();
const browser = await launchBrowser();
const { shoot, taken } = screenshots("/tmp/waymark-plan-screenshots");

try {
  const { page, context } = await openPlan(browser, server.origin);
  await goTo(page, "");
  await shoot(page, "p01-tasks");
  await goTo(page, "goals");
  await shoot(page, "p02-goals-empty");
  await goTo(page, "add-goal");
  await saveWithErrors(page);
  await shoot(page, "p03-goal-error");
  await page.locator("#goal-text").fill("Feel more confident, see people more, and stop hurting myself");
  await choose(page, "goal-area", "community");
  await save(page);
  await addGoal(page, { text: "Get back to swimming", area: "physical_health", measure: "I swim every week" });
  await shoot(page, "p04-goals");
  await goTo(page, "add-support");
  await choose(page, "support-payer", "budget");
  await page.locator("#support-amount").fill("4.755");
  await saveWithErrors(page);
  await shoot(page, "p05-support-error");
  await goTo(page, "supports");
  await addSupport(page, {
    description: "Swimming pass for the leisure centre",
    category: "leisure_fitness",
    payer: "budget",
    amount: "25",
    relative: false,
    frequency: "monthly",
  });
  await addSupport(page, {
    description: "My sister, who phones me every evening",
    category: "family_friends",
    payer: "family_friends",
    frequency: "weekly",
    goals: ["goal-1"],
  });
  await shoot(page, "p06-supports-with-finding");
  await goTo(page, "supports/support-1");
  await shoot(page, "p07-support-form");
  await goTo(page, "supports/support-1/remove");
  await shoot(page, "p08-remove");
  await goTo(page, "contingency");
  await page.locator("#contingency-amount").fill("lots");
  await saveWithErrors(page);
  await shoot(page, "p09-contingency-error");
  await goTo(page, "crisis");
  await shoot(page, "p10-crisis");
  await goTo(page, "risks");
  await shoot(page, "p11-risks");
  await goTo(page, "holding");
  await choose(page, "holding-kind", "split");
  await saveWithErrors(page);
  await shoot(page, "p12-holding-split-error");
  await goTo(page, "helpers");
  await shoot(page, "p13-helpers");
  await goTo(page, "dates");
  await fillDate(page, "plan-review", "2026-02-30");
  await saveWithErrors(page);
  await shoot(page, "p14-dates-error");
  await goTo(page, "check");
  await shoot(page, "p15-check");
  await page.emulateMedia({ media: "print" });
  await shoot(page, "p16-check-print");
  await page.emulateMedia({ media: "screen" });
  await goTo(page, "add-support");
  await fillSupport(page, {
    description: "Counselling",
    category: "talking_therapies",
    payer: "budget",
    amount: "45",
    relative: false,
    frequency: "weekly",
    goals: ["goal-1"],
  });
  await save(page);
  await follow(page, page.locator("a.govuk-back-link"));
  await follow(page, page.locator("a.govuk-back-link"));
  await shoot(page, "p17-result-with-plan");
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
console.log(taken.join("\n"));
