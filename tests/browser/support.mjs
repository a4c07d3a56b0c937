// Shared helpers for the browser tests: a static server for www/, Chromium, and the
// default worked example read from disk.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The folder served; WAYMARK_WWW points the tests at another build of the site. */
export const www = path.resolve(process.env.WAYMARK_WWW ?? path.join(repo, "www"));

/** How long the server may take to start before the tests give up. */
const SERVER_START_MS = 10_000;

/**
 * Serves www/ with Python's static server on a port the system picks, on loopback only.
 * Resolves to { origin, stop }.
 */
export function startServer() {
  const server = spawn(
    "python3",
    ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", www],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error("the test server did not start in time")));
    }, SERVER_START_MS);
    let seen = "";
    server.stdout.setEncoding("utf8");
    server.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/port (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${match[1]}`, stop });
      }
    });
    // The server logs each request to stderr; reading it keeps the pipe from filling.
    server.stderr.resume();
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the test server exited with ${code}`));
    });
  });
}

/** Starts Debian's Chromium headless, with no way to reach any host but this one. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ],
  });
}

/** The first case of the default scheme's tests file, as config.json names them. */
export async function defaultExample() {
  const config = JSON.parse(await readFile(path.join(www, "config.json"), "utf8"));
  const entry = config.schemes[config.default];
  const tests = JSON.parse(await readFile(path.join(www, entry.tests), "utf8"));
  return tests.cases[0];
}

/** Writes a decimal string as the page does: "1768.00" becomes "£1,768.00". */
export function formatMoney(decimal, symbol = "£") {
  const negative = decimal.startsWith("-");
  const [whole, fraction] = decimal.replace(/^[-+]/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = negative && /[1-9]/.test(decimal) ? "-" : "";
  return `${sign}${symbol}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
