// The council impact report opened in Chromium: no console errors, nothing fetched from
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

test("the impact report is accessible and self-contained", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "waymark-impact-"));
  const run = spawnSync(
    "cargo",
    ["run", "-q", "--release", "-p", "waymark", "--", "impact",
      "--from", path.join(fixtures, "demo-1.json"), "--to", path.join(fixtures, "demo-2.json"),
      path.join(fixtures, "cases.jsonl"), "--date", "2026-06-01", "--out", out],
    { cwd: repo, encoding: "utf8" },
  );
  // The fixture holds three bad rows on purpose, so the run reports them and exits 2.
  assert.equal(run.status, 2, run.stderr);
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
      const url = pathToFileURL(path.join(out, "impact.html")).href;
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
    await rm(out, { recursive: true, force: true });
  }
});
