// The engine as a JavaScript module: the same results as the command-line tool, problems
// thrown as { issues }, and submissions verified.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startServer } from "./support.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.join(repo, "www/dist/engine");
const schemes = path.join(repo, "www/schemes");

const waymark = await import(path.join(dist, "waymark.js"));
await waymark.default({ module_or_path: await readFile(path.join(dist, "waymark_bg.wasm")) });

function cli(args, input) {
  const run = spawnSync("cargo", ["run", "-q", "--release", "-p", "waymark", "--", ...args], {
    cwd: repo, encoding: "utf8", input,
  });
  return { status: run.status, json: run.stdout ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

for (const name of ["northvale-recovery-2026", "eastbrook-substance-misuse-2026", "southmere-existing-package-2026", "westhaven-recovery-grant-2026", "riverbend-individual-budget-2027"]) {
  test(`${name}: the module's estimates equal waymark estimate`, async () => {
    const schemePath = path.join(schemes, `${name}.json`);
    const scheme = waymark.loadScheme(await readFile(schemePath, "utf8"));
    const cases = JSON.parse(await readFile(path.join(schemes, `${name}.tests.json`), "utf8"));
    for (const c of cases.cases.filter((c) => !c.expect.issues)) {
      const explained = waymark.estimate(scheme, c.answers, c.date, { explain: true });
      const fromCli = cli(["estimate", schemePath, "-", "--date", c.date], JSON.stringify(c.answers));
      assert.equal(fromCli.status, 0, fromCli.stderr);
      const changes = fromCli.json.what_would_change;
      delete fromCli.json.what_would_change;
      assert.deepEqual(explained, fromCli.json, c.name);
      const { format, version, scheme: ref, date, eligible, conversation, period, currency, annual, weekly } = fromCli.json;
      // The figures carry `conversation` only when it is true, as the estimate does.
      const flag = conversation ? { conversation } : {};
      assert.deepEqual(
        waymark.estimate(scheme, c.answers, c.date),
        { format, version, scheme: ref, date, eligible, ...flag, period, currency, annual, weekly },
        `${c.name}: the figures alone`,
      );
      assert.deepEqual(waymark.whatWouldChange(scheme, c.answers, c.date), changes, c.name);
    }
  });
}

test("problems are thrown as issues with paths", async () => {
  const scheme = waymark.loadScheme(await readFile(path.join(schemes, "northvale-recovery-2026.json"), "utf8"));
  assert.throws(() => waymark.estimate(scheme, {}, "2026-06-01"), (e) => e.issues.every((i) => i.code === "missing_answer" && i.path.startsWith("/")));
  assert.throws(() => waymark.loadScheme("{}"), (e) => e.issues[0].code === "invalid_value");
  assert.throws(() => waymark.loadScheme('{"id": 7}'), (e) => e.issues[0].path === "/id");
  assert.throws(
    () => waymark.estimate(scheme, '{"wellbeing_impact": "often", "wellbeing_impact": "never"}', "2026-06-01"),
    (e) => e.issues[0].code === "invalid_value" && e.issues[0].path === "/wellbeing_impact",
  );
  assert.throws(() => waymark.estimate(scheme, {}, "June"), (e) => e.issues[0].code === "invalid_date");
});

test("a submission built from the module's results verifies, and a tampered one does not", async () => {
  const text = await readFile(path.join(schemes, "northvale-recovery-2026.json"), "utf8");
  const scheme = waymark.loadScheme(text);
  const cases = JSON.parse(await readFile(path.join(schemes, "northvale-recovery-2026.tests.json"), "utf8"));
  const c = cases.cases[0];
  const submission = {
    format: "waymark-submission", version: 2, language: "cy",
    scheme: { id: scheme.id, version: scheme.version, hash: scheme.hash },
    date: c.date, answers: c.answers, estimate: waymark.estimate(scheme, c.answers, c.date, { explain: true }),
    consent: { agreed: ["My answers and my estimate"], at: "2026-06-01T10:00:00Z" },
    app_version: "0.1.0", idempotency_key: "0f8fad5b-d9cb-469f-a165-70867728950e",
  };
  assert.deepEqual(waymark.verifySubmission(scheme, submission), []);
  submission.estimate.annual = "99999.00";
  const differences = waymark.verifySubmission(scheme, submission);
  assert.equal(differences[0].path, "/estimate/annual");
  const old = { ...submission, version: 1 };
  assert.throws(
    () => waymark.verifySubmission(scheme, old),
    (e) => e.issues[0].code === "unsupported_version" && /version 1/.test(e.issues[0].message),
  );
});

test("the explanation is data: ids and values, no words", async () => {
  const scheme = waymark.loadScheme(await readFile(path.join(schemes, "northvale-recovery-2026.json"), "utf8"));
  const cases = JSON.parse(await readFile(path.join(schemes, "northvale-recovery-2026.tests.json"), "utf8"));
  const c = cases.cases[0];
  const e = waymark.estimate(scheme, c.answers, c.date, { explain: true });
  const strings = [];
  const walk = (v) => {
    if (typeof v === "string") strings.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(e.explanation);
  assert.deepEqual(strings.filter((s) => /\s/.test(s)), []);
  const price = e.explanation.find((s) => s.id === "points_amount");
  assert.ok(price.inputs.some((i) => i.source.kind === "parameter" && i.source.reference));
  assert.deepEqual(scheme.languages, ["en", "cy"]);
});

test("the example page works out an estimate in Chromium", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${server.origin}/examples/engine.html`);
    await page.waitForFunction(() => document.getElementById("answers").value.startsWith("{"));
    await page.getByRole("button", { name: "Work out the estimate" }).click();
    const cases = JSON.parse(await readFile(path.join(schemes, "northvale-recovery-2026.tests.json"), "utf8"));
    await page.locator(`#result[data-annual="${cases.cases[0].expect.annual}"]`).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
