// The council reports opened in Chromium, at a phone's width and a desktop's: the impact
// report and the outcomes report, each with no console errors, nothing fetched from
// anywhere, and no axe-core violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "./support.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixtures = path.join(repo, "tests/fixtures/council");
const axe = path.join(repo, "node_modules/axe-core/axe.min.js");

/** Runs the `waymark` tool with these arguments. */
function waymark(args) {
  return spawnSync("cargo", ["run", "-q", "--release", "-p", "waymark", "--", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
}

/** Opens a report at two widths and checks it is accessible and self-contained. */
async function checkReport(file) {
  const browser = await launchBrowser();
  try {
    for (const width of [360, 1100]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const problems = [];
      const requests = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        }),
      );
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), [], `at ${width}px`);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests.filter((r) => r !== url), [], "the report fetched something");
      assert.match(await page.title(), /\S/);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

test("the impact report is accessible and self-contained", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "waymark-impact-"));
  try {
    const run = waymark(["impact",
      "--from", path.join(fixtures, "demo-1.json"), "--to", path.join(fixtures, "demo-2.json"),
      path.join(fixtures, "cases.jsonl"), "--date", "2026-06-01", "--out", out]);
    // The fixture holds three bad rows on purpose, so the run reports them and exits 2.
    assert.equal(run.status, 2, run.stderr);
    await checkReport(path.join(out, "impact.html"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("the outcomes report of synthetic reviews is accessible and self-contained", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "waymark-outcomes-"));
  try {
    const scheme = path.join(repo, "www/schemes/northvale-recovery-2026.json");
    const received = path.join(out, "received");
    const made = waymark(["reviews", scheme, "--count", "60", "--seed", "1", "--out", received]);
    assert.equal(made.status, 0, made.stderr);
    const counted = waymark(["outcomes", received, "--out", out, "--scheme", scheme]);
    assert.equal(counted.status, 0, counted.stderr);
    await checkReport(path.join(out, "outcomes.html"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
