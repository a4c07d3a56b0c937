// The reference receiver (`waymark receive`) for the browser tests: it serves the site and
// takes submissions on one origin, as a portal would. Also reads what it stored, through
// `waymark submissions export`, and runs `waymark verify` on a file.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { www } from "./support.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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
export function startReceiver({ site = www, store } = {}) {
  const database = store ?? path.join(mkdtempSync(path.join(os.tmpdir(), "waymark-store-")), "submissions.db");
  const schemes = readdirSync(path.join(site, "schemes"))
    .filter((name) => name.endsWith(".json") && !name.endsWith(".tests.json"))
    .sort()
    .map((name) => path.join(site, "schemes", name));
  const receiver = spawn(
    waymark(),
    ["receive", "--site", site, "--store", database, "--port", "0", ...schemes],
    { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (receiver.exitCode !== null || receiver.signalCode !== null) return resolve();
      receiver.once("exit", () => resolve());
      receiver.kill("SIGTERM");
    });
  let errors = "";
  receiver.stderr.setEncoding("utf8");
  receiver.stderr.on("data", (chunk) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error("the receiver did not start in time")));
    }, RECEIVER_START_MS);
    let seen = "";
    receiver.stdout.setEncoding("utf8");
    receiver.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/^listening on (http:\/\/\S+)$/m);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1], store: database, stop });
      }
    });
    receiver.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the receiver exited with ${code}: ${errors}`));
    });
  });
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
