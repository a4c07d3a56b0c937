// The last step of `make web`: publishes the page that the earlier steps left in the stage
// folder into the site folder, ready for any static server.
//
//   node scripts/publish-site.mjs STAGE WORKER SITE      (make web: target/site web/site/sw.js www)
//
// 1. Writes each script and stylesheet the page marks `data-inline` into the page, allowed
//    by its hash in the page's Content-Security-Policy, so it needs no request of its own
//    (the first paint waits for no stylesheet). Then
//    names each other asset of the stage by its content: `main.js` becomes
//    `main.0123456789abcdef.js` (the first 16 hexadecimal digits of its SHA-256), and every
//    reference to it in the files that load it (the page, scripts, the wasm-bindgen glue's
//    `new URL('…_bg.wasm', import.meta.url)`) is rewritten to the new name first, so a
//    file's name covers what it loads. `index.html` and `embed.js` keep their names: they
//    are the addresses people and portals use. Content-named files of an earlier build are
//    removed.
// 2. Writes the service worker (SITE/sw.js, from WORKER) with the deployment it keeps: the
//    page, its assets, config.json, the schemes config.json names and every catalogue in
//    SITE/lang, and a version hashed from all of their contents. The same manifest is
//    written to SITE/dist/precache.json for tests and tools, last, as make's mark that the
//    site is published.
// 3. Writes `NAME.br` (Brotli, quality 11) and `NAME.gz` (gzip, level 9) beside every file
//    of the site worth compressing, where the copy is smaller; a copy newer than its file
//    is kept as it is.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The files of the stage that keep their names. */
const ENTRY_POINTS = new Set(["index.html", "embed.js"]);

/** The files that may reference others by name, and so are rewritten. */
const TEXT = /\.(html|js|mjs|css)$/;

/** How a content-named file ends: 16 hexadecimal digits, the extension, any copy's suffix. */
const CONTENT_NAMED = /\.[0-9a-f]{16}\.[a-z0-9]+(\.br|\.gz)?$/;

/** What a page may ask to have written into it: the tag, its policy directive, the asking. */
const INLINE = [
  { tag: "script", directive: "script-src", pattern: /<script src="([^"]+)" data-inline><\/script>/g },
  { tag: "style", directive: "style-src", pattern: /<link rel="stylesheet" href="([^"]+)" data-inline>/g },
];

/** The files worth compressing, by extension. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|ts|map|txt|csv)$/;

const [stage, workerSource, site] = process.argv.slice(2);
if (!stage || !workerSource || !site) {
  console.error("usage: node scripts/publish-site.mjs STAGE WORKER SITE");
  process.exit(2);
}

const { names: published, bytes: staged } = nameByContent(stage);
removeEarlierBuilds(site, new Set(published.values()));
for (const [from, to] of published) writeIfChanged(path.join(site, to), staged.get(from));
const manifest = deployment(site, published);
writeIfChanged(
  path.join(site, "sw.js"),
  `const DEPLOYMENT = ${JSON.stringify(manifest)};\n${readFileSync(workerSource, "utf8")}`,
);
// Written every time, after the rest, so that make can tell the site is newer than its inputs.
writeFileSync(path.join(site, "dist/precache.json"), `${JSON.stringify(manifest, null, 2)}\n`);
const compressed = compressAll(site);
console.log(
  `publish-site: ${published.size} files published, deployment ${manifest.version}, copies written for ${compressed} files`,
);

/**
 * Works out each staged file's published name (relative to the stage, with `/`) and the
 * bytes it is published with, its references rewritten: `{ names, bytes }`, both maps
 * from the staged name.
 */
function nameByContent(root) {
  const staged = listFiles(root).map((file) => path.relative(root, file).split(path.sep).join("/"));
  const bytes = new Map(staged.map((file) => [file, readFileSync(path.join(root, file))]));
  const inlined = markedInline(staged, bytes);
  const files = staged.filter((file) => !inlined.has(file));
  const names = new Map();
  const pending = new Set(files);
  while (pending.size > 0) {
    // A file can be named once every file it references has been.
    const ready = [...pending].filter((file) =>
      references(file, bytes.get(file), files).every((other) => other === file || names.has(other)),
    );
    if (ready.length === 0) {
      throw new Error(`publish-site: these files reference each other in a circle: ${[...pending].join(", ")}`);
    }
    for (const file of ready) {
      // Written in after the rewrite, so what is written in is hashed as it is sent.
      const rewritten = inlineInto(file, rewrite(file, bytes.get(file), names), bytes);
      bytes.set(file, rewritten);
      names.set(file, ENTRY_POINTS.has(file) ? file : contentName(file, rewritten));
      pending.delete(file);
    }
  }
  return { names, bytes };
}

/** The staged files a page asks to have written into it, which are not published on their own. */
function markedInline(files, bytes) {
  const marked = new Set();
  for (const page of files.filter((f) => f.endsWith(".html"))) {
    const text = bytes.get(page).toString("utf8");
    for (const { pattern } of INLINE) {
      for (const [, name] of text.matchAll(pattern)) marked.add(besidePage(page, name));
    }
  }
  return marked;
}

/**
 * `page`'s bytes (`text`) with each script it asks for with `<script src="NAME"
 * data-inline></script>`, and each style sheet it asks for with `<link rel="stylesheet"
 * href="NAME" data-inline>`, written in from `staged` (the files' bytes), each allowed by
 * its SHA-256 in the script-src or style-src of the page's Content-Security-Policy. Line
 * endings are made `\n`, as the browser's parser makes them before it hashes.
 */
function inlineInto(page, text, staged) {
  if (!page.endsWith(".html")) return text;
  let html = text.toString("utf8");
  for (const { tag, directive, pattern } of INLINE) {
    const hashes = [];
    html = html.replace(pattern, (_, name) => {
      const source = staged
        .get(besidePage(page, name))
        .toString("utf8")
        .replace(/\r\n?/g, "\n");
      if (new RegExp(`</${tag}`, "i").test(source)) {
        throw new Error(`publish-site: ${name} cannot be written into a page: it says </${tag}`);
      }
      hashes.push(`'sha256-${createHash("sha256").update(source).digest("base64")}'`);
      return `<${tag}>${source}</${tag}>`;
    });
    if (hashes.length === 0) continue;
    const policy = new RegExp(`(<meta http-equiv="Content-Security-Policy" content="[^"]*${directive} 'self')`);
    if (!policy.test(html)) throw new Error(`publish-site: ${page} has no ${directive} 'self' to allow them in`);
    html = html.replace(policy, `$1 ${hashes.join(" ")}`);
  }
  if (html.includes("data-inline")) {
    throw new Error(`publish-site: ${page} asks for something to be written in in a way this does not read`);
  }
  return Buffer.from(html, "utf8");
}

/** The staged file `name` (as a page refers to it) names, relative to the stage. */
function besidePage(page, name) {
  return path.posix.join(path.posix.dirname(page), name);
}

/** `dist/waymark_web.js` with its hash: `dist/waymark_web.0123456789abcdef.js`. */
function contentName(file, bytes) {
  const { dir, name, ext } = path.posix.parse(file);
  return path.posix.join(dir, `${name}.${hash(bytes)}${ext}`);
}

function hash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/** The other staged files that `file` (with these bytes) refers to by name. */
function references(file, bytes, files) {
  if (!TEXT.test(file)) return [];
  const text = bytes.toString("utf8");
  return files.filter((other) => other !== file && referencePattern(file, other).test(text));
}

/**
 * Matches a reference from `file` to `other`: its path relative to `file`'s folder, with
 * or without `./`, between matching quotes.
 */
function referencePattern(file, other) {
  const relative = path.posix.relative(path.posix.dirname(file), other);
  const escaped = relative.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(["'\`])(\\./)?${escaped}\\1`, "g");
}

/** `file`'s bytes with each reference to a file already named rewritten to its new name. */
function rewrite(file, bytes, names) {
  if (!TEXT.test(file)) return bytes;
  let text = bytes.toString("utf8");
  for (const [other, name] of names) {
    const renamed = path.posix.relative(path.posix.dirname(file), name);
    text = text.replace(referencePattern(file, other), (_, quote, dot = "") => `${quote}${dot}${renamed}${quote}`);
  }
  return Buffer.from(text, "utf8");
}

/** Removes content-named files (and their copies) of earlier builds from the folders written. */
function removeEarlierBuilds(root, keep) {
  const folders = new Set([...keep].map((file) => path.posix.dirname(file)));
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = path.posix.join(folder, name);
      const original = file.replace(/\.(br|gz)$/, "");
      if (CONTENT_NAMED.test(name) && !keep.has(original)) rmSync(path.join(dir, name));
    }
  }
}

/**
 * The deployment the service worker keeps: every file it needs to open and work with no
 * connection, relative to the site, and a version that changes when any of them does.
 */
function deployment(root, names) {
  const config = JSON.parse(readFileSync(path.join(root, "config.json"), "utf8"));
  const catalogues = readdirSync(path.join(root, "lang"))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `lang/${name}`);
  const files = [
    ...[...names.entries()].filter(([from]) => from !== "embed.js").map(([, to]) => to),
    "config.json",
    ...(config.schemes ?? []).map((scheme) => scheme.path),
    ...catalogues,
  ];
  const contents = createHash("sha256");
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) throw new Error(`publish-site: ${file}, which the app needs, is not in ${root}`);
    contents.update(`${file}\0${hash(readFileSync(full))}\0`);
  }
  return { version: contents.digest("hex").slice(0, 16), files };
}

/** Writes `bytes` to `file` unless it holds them already, so unchanged files keep their time. */
function writeIfChanged(file, bytes) {
  const content = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, "utf8");
  if (existsSync(file) && readFileSync(file).equals(content)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Writes the compressed copies beside every file of the site worth compressing. */
function compressAll(root) {
  let count = 0;
  for (const file of listFiles(root)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const changed = statSync(file).mtimeMs;
    const copies = [
      [`${file}.br`, (bytes) => brotli(bytes, file)],
      [`${file}.gz`, (bytes) => gzipSync(bytes, { level: 9 })],
    ];
    if (copies.every(([copy]) => existsSync(copy) && statSync(copy).mtimeMs >= changed)) continue;
    const bytes = readFileSync(file);
    for (const [copy, compress] of copies) {
      const smaller = compress(bytes);
      if (smaller.length < bytes.length) writeFileSync(copy, smaller);
      else rmSync(copy, { force: true });
    }
    count += 1;
  }
  return count;
}

function brotli(bytes, file) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Every file under `dir`, recursively, but the compressed copies. */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
