// The size budgets of a first visit, checked from the files on disk, without a browser:
//
// - the first visit to the start page, every file as the reference receiver
//   (`waymark receive --site www`) sends it: the `.br` beside a file when the build wrote
//   one (Chromium accepts Brotli), else the `.gz`, else the file itself, uncompressed;
// - the JS engine module (www/dist/engine: its wasm and its JavaScript glue), gzipped -9.
//
// The files of a first visit are found as the browser finds them: the start page, what its
// <link> and <script> elements load, the static imports and `new URL(…, import.meta.url)`
// of each script, the url()s of each style sheet, a service worker it registers, and what the
// app fetches as it starts (config.json, every scheme it offers and the catalogue of the
// default scheme's first language). HTTP headers are not counted; `make bench` measures the
// bytes a browser actually receives (scripts/first-visit-bench.mjs).
//
// Prints each file and the totals against the budgets; exits 1 when a budget is exceeded,
// 2 when the sizes could not be worked out (the site is not built, say).
//
// Usage: node scripts/size-budget.mjs [WWW]  (after make web; WWW defaults to www)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** The most a first visit may transfer, compressed. */
export const FIRST_VISIT_BUDGET = 200 * 1024;

/** What a first visit aims to transfer, compressed. */
export const FIRST_VISIT_AIM = 150 * 1024;

/** The most the JS engine module (its wasm and its glue) may be, gzipped. */
export const ENGINE_MODULE_BUDGET = 120 * 1024;

/** The files of the JS engine module, relative to the site. */
export const ENGINE_MODULE_FILES = ["dist/engine/waymark_bg.wasm", "dist/engine/waymark.js"];

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bytes as KB with one decimal, where a KB is 1,024 bytes as in the budgets. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bytes of `data` gzipped at level 9. */
export const gzipped = (data) => gzipSync(data, { level: 9 }).length;

/** The references an HTML page's <link> and <script> elements load. */
function htmlReferences(text) {
  const found = [];
  for (const [tag] of text.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    const rel = tag.match(/\brel\s*=\s*["']?([^"'>\s]+)/i)?.[1].toLowerCase();
    const loads = !tag.toLowerCase().startsWith("<link") ||
      ["stylesheet", "modulepreload", "preload", "icon", "manifest"].includes(rel);
    const url = tag.match(/\b(?:src|href)\s*=\s*["']([^"']+)["']/i)?.[1];
    if (loads && url) found.push(url);
  }
  return found;
}

/** The modules and assets a script loads as it starts (not its dynamic imports). */
function scriptReferences(text) {
  const patterns = [
    /\bimport\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bexport\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
    /serviceWorker\.register\(\s*["']([^"']+)["']/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
}

/** The url()s and @imports of a style sheet. */
function styleReferences(text) {
  const urls = [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]);
  const imports = [...text.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => m[1]);
  return [...urls, ...imports].filter((url) => !url.startsWith("data:") && !url.startsWith("#"));
}

/** What the app fetches as it starts, from config.json: the schemes and one catalogue. */
function appFetches(www) {
  const file = path.join(www, "config.json");
  if (!existsSync(file)) return [];
  const config = JSON.parse(readFileSync(file, "utf8"));
  const schemes = (config.schemes ?? []).map((entry) => entry.path);
  const first = config.schemes?.[config.default ?? 0]?.path;
  const language = first
    ? JSON.parse(readFileSync(path.join(www, first), "utf8")).languages?.[0] ?? "en"
    : "en";
  return ["config.json", ...schemes, `lang/${language}.json`];
}

/**
 * The files, relative to `www`, that a first visit to the start page loads, in the order
 * found; the start page itself is "index.html".
 */
export function firstVisitFiles(www) {
  const seen = new Set();
  const queue = ["index.html"];
  const add = (from, url) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return;
    const resolved = new URL(url, `http://site/${from}`).pathname.slice(1);
    const file = resolved === "" || resolved.endsWith("/") ? `${resolved}index.html` : resolved;
    if (!seen.has(file)) queue.push(file);
  };
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const full = path.join(www, file);
    if (!existsSync(full)) throw new Error(`${file}, which a first visit loads, is not in ${www}`);
    const text = /\.(html|m?js|css)$/.test(file) ? readFileSync(full, "utf8") : "";
    const references = file.endsWith(".html")
      ? htmlReferences(text)
      : file.endsWith(".css")
        ? styleReferences(text)
        : /\.m?js$/.test(file)
          ? scriptReferences(text)
          : [];
    for (const url of references) add(file, url);
    if (file === "index.html") for (const url of appFetches(www)) add(file, url);
  }
  return [...seen];
}

/**
 * How the receiver sends `file` (relative to `www`) to a browser that accepts Brotli and
 * gzip: { encoding, bytes }, from the precompressed file beside it when there is one.
 */
export function servedSize(www, file) {
  for (const [suffix, encoding] of [[".br", "br"], [".gz", "gzip"]]) {
    const beside = path.join(www, `${file}${suffix}`);
    if (existsSync(beside)) return { encoding, bytes: readFileSync(beside).length };
  }
  return { encoding: "identity", bytes: readFileSync(path.join(www, file)).length };
}

/** Each file of a first visit with its size raw, as served and gzipped -9. */
export function firstVisit(www) {
  return firstVisitFiles(www).map((file) => {
    const data = readFileSync(path.join(www, file));
    return { file, raw: data.length, served: servedSize(www, file), gzip: gzipped(data) };
  });
}

/** Each file of the engine module with its size raw and gzipped -9. */
export function engineModule(www) {
  return ENGINE_MODULE_FILES.map((file) => {
    const data = readFileSync(path.join(www, file));
    return { file, raw: data.length, gzip: gzipped(data) };
  });
}

/** Prints rows of cells as columns, the first left-aligned and the rest right-aligned. */
export function printTable(rows, indent = "  ") {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const row of rows) {
    const cells = row.map((cell, i) =>
      i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]),
    );
    console.log(`${indent}${cells.join("  ").trimEnd()}`);
  }
}

/** Whether `bytes` is within `budget`, worded for the tables. */
export function verdict(bytes, budget, aim) {
  if (bytes > budget) return `OVER the ${kb(budget)} budget by ${kb(bytes - budget)}`;
  if (aim !== undefined && bytes > aim) return `within the ${kb(budget)} budget, over the ${kb(aim)} aim`;
  return `within the ${kb(budget)} budget${aim === undefined ? "" : ` and the ${kb(aim)} aim`}`;
}

/** Prints the sizes of a first visit and of the engine module; returns whether both fit. */
export function report(www) {
  const files = firstVisit(www);
  const sum = (key) => files.reduce((total, f) => total + key(f), 0);
  const served = sum((f) => f.served.bytes);
  console.log(`First visit from disk, as the receiver serves it (${files.length} files; bytes):`);
  printTable([
    ["file", "raw", "served", "as", "gzip -9"],
    ...files.map((f) => [f.file, f.raw, f.served.bytes, f.served.encoding, f.gzip]),
    ["total", sum((f) => f.raw), served, "", sum((f) => f.gzip)],
  ]);
  console.log(`  first visit as served: ${served} bytes = ${kb(served)}: ${verdict(served, FIRST_VISIT_BUDGET, FIRST_VISIT_AIM)}`);
  console.log(`  (every file gzipped -9, it would be ${kb(sum((f) => f.gzip))})`);

  const engine = engineModule(www);
  const engineTotal = engine.reduce((total, f) => total + f.gzip, 0);
  console.log("The JS engine module (bytes):");
  printTable([
    ["file", "raw", "gzip -9"],
    ...engine.map((f) => [f.file, f.raw, f.gzip]),
    ["total", engine.reduce((total, f) => total + f.raw, 0), engineTotal],
  ]);
  console.log(`  engine module gzipped: ${engineTotal} bytes = ${kb(engineTotal)}: ${verdict(engineTotal, ENGINE_MODULE_BUDGET)}`);
  return served <= FIRST_VISIT_BUDGET && engineTotal <= ENGINE_MODULE_BUDGET;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const www = path.resolve(process.argv[2] ?? path.join(repo, "www"));
  try {
    process.exitCode = report(www) ? 0 : 1;
  } catch (error) {
    console.error(`size-budget: ${error.message}`);
    process.exitCode = 2;
  }
}
