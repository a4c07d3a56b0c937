// Waymark's service worker: keeps the app and the deployment's schemes and catalogues on
// the device, so that after the first visit the app opens and works with no connection.
//
// The build (scripts/publish-site.mjs) writes DEPLOYMENT before these lines: the files to
// keep, relative to this worker, and a version hashed from all of their contents. A new
// deployment is a new worker, since its bytes differ: it keeps the new files in a cache of
// its own, takes over, and deletes the caches of earlier deployments.
//
// It answers only GET requests to its own origin, and only for the files it keeps and the
// directories of local support (kept once a person has opened "Find local support"):
// - files named by their content never change, so they come from the cache;
// - the page, config.json, the schemes, the catalogues and the directories come from the
//   network, so a person online always has the current deployment, and from the cache
//   when the network fails or takes longer than NETWORK_WAIT_MS.
// Every other request, and every POST (a submission or a review), goes to the network as if
// there were no worker: nothing sent is kept, and nothing is ever sent again by it.

/** The cache of this deployment; every cache of Waymark's is named with this prefix. */
const PREFIX = "waymark-";
const CACHE = `${PREFIX}${DEPLOYMENT.version}`;

/** How long to wait for the network before answering from the cache. */
const NETWORK_WAIT_MS = 4000;

const scope = new URL(self.registration.scope);
const kept = new Set(DEPLOYMENT.files.map((file) => new URL(file, scope).href));
const page = new URL("index.html", scope).href;
const directories = new URL("dist/directories/", scope).href;
const CONTENT_NAMED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...kept]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (request.mode === "navigate") {
    // The app's page, whatever its query (?date=, ?lang=); other pages are not the app's.
    if (url.pathname === scope.pathname || `${url.origin}${url.pathname}` === page) {
      event.respondWith(networkFirst(event, page));
    }
    return;
  }
  if (url.search !== "") return;
  if (kept.has(url.href) && CONTENT_NAMED.test(url.pathname)) {
    event.respondWith(cacheFirst(event, url.href));
  } else if (kept.has(url.href) || url.href.startsWith(directories)) {
    event.respondWith(networkFirst(event, url.href));
  }
});

/** The kept copy, or else the network's answer, kept when it is good. */
async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(key);
  return copy ?? fetchAndKeep(event, cache, key);
}

/**
 * The network's answer; the kept copy when there is one and the network fails, answers
 * with an error or is slower than NETWORK_WAIT_MS. A directory is kept once fetched. The
 * deployment's own files are written only when the worker installs, so a newer
 * deployment's page or configuration, which names files this cache does not hold, never
 * replaces this deployment's.
 */
async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  const fresh = kept.has(key) ? fetch(event.request) : fetchAndKeep(event, cache, key);
  const copy = await cache.match(key);
  if (!copy) return fresh;
  const good = fresh.then(
    (response) => (response.ok ? response : copy),
    () => copy,
  );
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, copy));
  return Promise.race([good, slow]);
}

/**
 * Fetches the request and keeps a good answer under `key`, for when the network is gone;
 * the worker stays up until it is kept, even after answering from the cache.
 */
function fetchAndKeep(event, cache, key) {
  const fresh = fetch(event.request);
  event.waitUntil(
    fresh.then((response) => (response.ok ? cache.put(key, response.clone()) : undefined)).catch(() => {}),
  );
  return fresh;
}
