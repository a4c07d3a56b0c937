// The reference receiver (`waymark receive`) for the browser tests: it serves the site and
// takes submissions on one origin, as a portal would. Also reads what it stored, through
// `waymark submissions export`, and runs `waymark verify` on a file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repo, startAndWait, www } from "./support.mjs";

/** The release binary that `make test` builds (its scheme-tests step). */
const binary = path.join(repo, "target/release/waymark");

/** How long the receiver may take to start before the tests give up. */
const RECEIVER_START_MS = 10_000;

/** The name of a stored submission: its reference, like WM-000001.json. */
const STORED = /^WM-\d+\.json$/;

/**
 * The release binary, built through cargo first if it is missing, so that the time to
 * start is the receiver's alone.
 */
function waymark() {
  if (!existsSync(binary)) {
    const build = spawnSync("cargo", ["build", "-q", "--release", "-p", "waymark"], {
      cwd: repo,
      encoding: "utf8",
    });
    if (build.status !== 0) {
      throw new Error(`cargo build failed (${build.status}): ${build.stderr}`);
    }
  }
  return binary;
}

/**
 * Starts `waymark receive` on a port the system picks, serving `site` and storing in the
 * database `store` (in a fresh temporary folder when not given), with every example
 * scheme. Resolves to { origin, store, stop } once it listens; `stop` resolves when it has
 * exited.
 */
export async function startReceiver({ site = www, store } = {}) {
  const database = store ?? path.join(mkdtempSync(path.join(os.tmpdir(), "waymark-store-")), "submissions.db");
  const schemes = readdirSync(path.join(site, "schemes"))
    .filter((name) => name.endsWith(".json") && !name.endsWith(".tests.json"))
    .sort()
    .map((name) => path.join(site, "schemes", name));
  const { match, stop } = await startAndWait(
    waymark(),
    ["receive", "--site", site, "--store", database, "--port", "0", ...schemes],
    { name: "the receiver", ready: /^listening on (http:\/\/\S+)$/m, timeoutMs: RECEIVER_START_MS, options: { cwd: repo } },
  );
  return { origin: match[1], store: database, stop };
}

/**
 * Writes what the receiver stored in the database `store` to a fresh temporary folder with
 * `waymark submissions export`, one file per submission named by its reference; returns
 * the folder.
 */
export function exportSubmissions(store) {
  const out = mkdtempSync(path.join(os.tmpdir(), "waymark-export-"));
  const run = spawnSync(waymark(), ["submissions", "export", "--store", store, "--out", out], {
    cwd: repo,
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new Error(`waymark submissions export failed (${run.status}): ${run.stderr}`);
  }
  return out;
}

/** The submissions stored in the database `store`, parsed, in the order of their references. */
export function storedSubmissions(store) {
  const out = exportSubmissions(store);
  try {
    return readdirSync(out)
      .filter((name) => STORED.test(name))
      .sort()
      .map((name) => JSON.parse(readFileSync(path.join(out, name), "utf8")));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * What `waymark verify FILE --scheme SCHEME` says: { status, stdout, stderr }. A relative
 * `schemeFile` is taken from www, like "schemes/northvale-recovery-2026.json".
 */
export function cliVerify(file, schemeFile) {
  const run = spawnSync(
    waymark(),
    ["verify", path.resolve(file), "--scheme", path.resolve(www, schemeFile)],
    { cwd: repo, encoding: "utf8" },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
