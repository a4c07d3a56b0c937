// Helpers for the plan's browser tests: building a plan the way a person would, page by
// page, and what `waymark validate` prints for the same plan.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { answerAll, defaultScheme, follow, openApp, route, WAIT_MS, www } from "./support.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The scheme the plan tests use (the deployment's default) and its first eligible case. */
export const northvale = defaultScheme();

/**
 * What `waymark validate SCHEME PLAN --budget BUDGET --format json` prints, parsed, with
 * its exit code. Uses the release binary `make test` builds, or builds it through cargo.
 */
export function cliValidate(schemeFile, plan, budget) {
  const folder = mkdtempSync(path.join(tmpdir(), "waymark-plan-"));
  try {
    const file = path.join(folder, "plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const binary = path.join(repo, "target/release/waymark");
    const args = ["validate", path.join(www, schemeFile), file, "--budget", budget, "--format", "json"];
    const [command, argv] = existsSync(binary)
      ? [binary, args]
      : ["cargo", ["run", "-q", "--release", "-p", "waymark", "--", ...args]];
    const run = spawnSync(command, argv, { cwd: repo, encoding: "utf8" });
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`waymark validate failed (${run.status}): ${run.stderr}`);
    }
    return { status: run.status, report: JSON.parse(run.stdout) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Opens the app on the default scheme, answers everything, and opens the plan. `config`
 * holds configuration keys besides the schemes, like `submit`.
 */
export async function openPlan(browser, origin, config = {}) {
  const { answers, date } = northvale.eligible;
  const opened = await openApp(browser, origin, { date, schemes: [northvale.file], config });
  const { page } = opened;
  await answerAll(page, northvale, answers);
  await follow(page, page.locator('main a[href="#/result"]'));
  await follow(page, page.locator("#make-plan"));
  return opened;
}

/** Goes to a plan page by its path after `#/plan/`, as a link would. */
export async function goTo(page, rest) {
  const wanted = rest ? `#/plan/${rest}` : "#/plan";
  if ((await route(page)) === wanted) return;
  await page.evaluate((hash) => {
    location.hash = hash;
  }, wanted);
  await page.waitForFunction((hash) => location.hash === hash, wanted, { timeout: WAIT_MS });
  await page.locator("main h1").first().waitFor({ timeout: WAIT_MS });
}

/** Sends a plan page's form, expecting to move on. */
export async function save(page) {
  await follow(page, page.getByRole("button", { name: "Save and continue" }));
}

/** Sends a plan page's form, expecting errors. */
export async function saveWithErrors(page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
}

/** Fills a date input: `date` is `YYYY-MM-DD`, or `null` to leave it blank. */
export async function fillDate(page, id, date) {
  const [year, month, day] = date ? date.split("-").map((p) => String(Number(p))) : ["", "", ""];
  await page.locator(`#${id}-day`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

/** Chooses a radio or ticks a checkbox by its group's name and value. */
export async function choose(page, name, value) {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** Adds a goal from the goals page, returning to it. */
export async function addGoal(page, { text, area, measure = "" }) {
  await goTo(page, "add-goal");
  await page.locator("#goal-text").fill(text);
  await choose(page, "goal-area", area);
  await page.locator("#goal-measure").fill(measure);
  await save(page);
}

/**
 * Fills a support's form: `payer` is "budget" (with `amount`, `units`, `relative`) or a
 * free payer; `goals` are goal ids to tick.
 */
export async function fillSupport(page, support) {
  const { description, category, payer, frequency, goals = [], starts = null, ends = null } = support;
  await page.locator("#support-description").fill(description);
  await choose(page, "support-category", category);
  await choose(page, "support-payer", payer);
  if (payer === "budget") {
    await page.locator("#support-amount").fill(support.amount);
    await page.locator("#support-units").fill(support.units ?? "");
    await choose(page, "support-relative", support.relative ? "yes" : "no");
  }
  await choose(page, "support-frequency", frequency);
  await fillDate(page, "support-starts", starts);
  await fillDate(page, "support-ends", ends);
  for (const box of await page.locator('input[name="support-goals"]').all()) {
    const value = await box.getAttribute("value");
    await box.setChecked(goals.includes(value));
  }
}

/** Adds a support, returning to the supports page. */
export async function addSupport(page, support) {
  await goTo(page, "add-support");
  await fillSupport(page, support);
  await save(page);
}

/** The text of an element by id, trimmed. */
export async function textOf(page, id) {
  return (await page.locator(`#${id}`).textContent()).trim();
}
