// Lighthouse's mobile run (its defaults: a phone's screen, simulated slow 4G and a CPU four
// times slower) on the start page served by the reference receiver as `make serve` ships
// it, in Debian's Chromium with the browser tests' switches and a fresh profile each run
// (part of `make bench`). Prints, for each run and their median by performance score, the
// performance and accessibility scores, first and largest contentful paint, total
// blocking time and cumulative layout shift; the aims are a performance score of at
// least 95, accessibility 100 and no layout shift.
//
// Exits 1 when a run fails.
//
// Usage: node scripts/lighthouse-bench.mjs  (after make web)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { startReceiver } from "../tests/browser/receiver.mjs";
import { CHROMIUM, CHROMIUM_ARGS, startAndWait } from "../tests/browser/support.mjs";
import { printTable } from "./size-budget.mjs";

/** Runs of Lighthouse, whose median is reported. */
const RUNS = 5;

/** How long Chromium may take to open its DevTools port. */
const CHROMIUM_START_MS = 10_000;

/** Starts Chromium with a fresh profile for Lighthouse to drive: { port, stop }. */
async function startChromium() {
  const profile = mkdtempSync(path.join(tmpdir(), "waymark-lighthouse-"));
  // Chromium's helper processes may still be writing to the profile just after it exits;
  // a profile that cannot be removed is left in the temporary folder, not counted a failure.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`  (${profile} was left: ${error.code})`);
    }
  };
  try {
    const { match, stop } = await startAndWait(
      CHROMIUM,
      [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
      { name: "Chromium", ready: /DevTools listening on ws:\/\/[^:]+:(\d+)\//, timeoutMs: CHROMIUM_START_MS },
    );
    return { port: Number(match[1]), stop: () => stop().then(removeProfile) };
  } catch (error) {
    removeProfile();
    throw error;
  }
}

/** One Lighthouse mobile run on `url` in a fresh Chromium: the figures of its report. */
async function run(url) {
  const chromium = await startChromium();
  try {
    const result = await lighthouse(url, {
      port: chromium.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
    });
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    const value = (id) => audits[id].numericValue;
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      failedAudits: Object.values(audits)
        .filter((a) => a.scoreDisplayMode === "binary" && a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id),
    };
  } finally {
    await chromium.stop();
  }
}

const receiver = await startReceiver();
try {
  const url = `${receiver.origin}/`;
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await run(url));
  const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
  const seconds = (x) => `${(x / 1000).toFixed(2)} s`;
  const cells = (r) => [
    r.performance,
    r.accessibility,
    seconds(r.fcp),
    seconds(r.lcp),
    `${Math.round(r.tbt)} ms`,
    r.cls.toFixed(3),
  ];
  console.log(`Lighthouse 12 mobile (simulated slow 4G, CPU 4× slower) on the start page as the receiver serves it, ${RUNS} runs:`);
  printTable([
    ["", "performance", "accessibility", "FCP", "LCP", "TBT", "CLS"],
    ...runs.map((r, i) => [`run ${i + 1}`, ...cells(r)]),
    ["median", ...cells(median)],
    ["aim", "≥ 95", "100", "", "", "", "0"],
  ]);
  if (median.failedAudits.length > 0) {
    console.log(`  accessibility audits failed: ${median.failedAudits.join(", ")}`);
  }
} catch (error) {
  console.log(`Lighthouse mobile: could not be measured: ${error.message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  await receiver.stop();
}
