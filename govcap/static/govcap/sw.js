/* govcap's service worker: the pages of an open session keep working without a connection.
 *
 * Served by govcap/web/views/offline.py at /s/sw.js (scope /s/), which replaces the config
 * placeholder below with the version and the paths. Rules:
 * - Navigations: the network first (for at most CONFIG.timeoutMs), then the saved copy; a
 *   page never saved gets the offline page, which lists what is saved.
 * - Saved: GET 200 responses of a session's pages (overview, guide, sections, consent,
 *   summary) and same-origin static files. Never a non-GET, a JSON endpoint, a redirect
 *   (a logged-out user's 302 to the login page) or an error.
 * - One cache per login: a page carries the random key of the login it was rendered for
 *   (<meta name="govcap-offline">); it is saved only into that key's cache, and only while
 *   that key is the current one. Pages tell the worker the current key (empty on a page
 *   without a logged-in user: then every cache is deleted and nothing is served from one);
 *   a new key deletes every other key's cache. A logout does the same.
 * - Non-GET requests pass through untouched (no respondWith).
 */
"use strict";

const CONFIG = "__GOVCAP_SW_CONFIG__";
const PAGES = "govcap-pages-";
const CURRENT = PAGES + CONFIG.version + "-";
const STATE_CACHE = "govcap-state";
const STATE_URL = CONFIG.scope + "sw-state";  // a cache entry only, never fetched
const SESSION_PAGE = /^\/s\/[0-9a-f-]{36}\/(?:guide\/|consent\/|summary\/|section\/[\w-]+\/)?$/;
const HASHED_STATIC = /\.[0-9a-f]{12}\.\w+$/;  // ManifestStaticFilesStorage names never change
const SAVED = "X-Govcap-Saved";
const TITLE = "X-Govcap-Title";

let state = null;  // {key, expires}: whose login the caches belong to, and until when
let precaching = Promise.resolve();
const refreshes = new Map();

function cacheName(key) { return CURRENT + key; }

async function loadState() {
  if (state) return state;
  const found = await (await caches.open(STATE_CACHE)).match(STATE_URL);
  state = found ? await found.json() : { key: "", expires: 0 };
  return state;
}

async function saveState(next) {
  state = next;
  await (await caches.open(STATE_CACHE)).put(STATE_URL, new Response(JSON.stringify(next), {
    headers: { "Content-Type": "application/json" } }));
}

// The current login (or "" for nobody): every other login's cache is deleted.
async function useKey(key, expires) {
  await saveState({ key: key || "", expires: key ? expires : 0 });
  const keep = key ? cacheName(key) : null;
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES) && name !== keep) await caches.delete(name);
  }
}

// The cache pages may be served from: the current login's, while it has not expired.
async function servingCache() {
  const current = await loadState();
  if (!current.key || Date.now() > current.expires) return null;
  const name = cacheName(current.key);
  return (await caches.has(name)) ? caches.open(name) : null;
}

function pageKey(html) {
  const meta = /<meta name="govcap-offline" content="([^"]*)"/.exec(html.slice(0, 8192));
  return meta ? meta[1] : "";
}

function pageTitle(html) {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html.slice(0, 8192));
  return title ? title[1].trim() : "";
}

function isKeepable(response) {
  return response.status === 200 && response.type === "basic" && !response.redirected;
}

function sameHeaders(response) {
  const headers = new Headers(response.headers);
  // The body is stored decoded; a length or encoding of the wire copy would not match it.
  for (const name of ["Content-Encoding", "Content-Length", "ETag", "Last-Modified"]) {
    headers.delete(name);
  }
  return headers;
}

// Save a session page fetched from the network, if it belongs to the current login.
async function keepPage(url, response) {
  if (!isKeepable(response)) return;
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return;
  const html = await response.clone().text();
  const key = pageKey(html);
  const current = await loadState();
  if (!key || key !== current.key) return;  // another login's page, or nobody's
  const headers = sameHeaders(response);
  headers.set(SAVED, String(Date.now()));
  headers.set(TITLE, encodeURIComponent(pageTitle(html)));
  const cache = await caches.open(cacheName(key));
  await cache.put(url, new Response(html, { status: 200, headers: headers }));
  await keepAssets(cache, html);
}

// The static files a saved page uses (its CSS and scripts), when not saved yet.
async function keepAssets(cache, html) {
  const pattern = new RegExp('(?:src|href)="(' + CONFIG.static.replace(/[/.]/g, "\\$&") + '[^"?#]+)"', "g");
  const urls = new Set();
  for (const match of html.matchAll(pattern)) urls.add(match[1]);
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (isKeepable(response)) await cache.put(url, response);
    } catch (error) {
      return;  // offline again: the next page load tries again
    }
  }
}

// A copy served from the cache: marked as such for offline.js (which shows the banner),
// with a fresh page operation ID (a form's ID must not be used twice).
async function served(cached, status) {
  let html = await cached.text();
  html = html.replace('data-source="network"', 'data-source="cache"')
    .replace(/(name="page_op" value=")[0-9a-f-]{36}"/, (all, start) => start + self.crypto.randomUUID() + '"');
  return new Response(html, { status: status || 200, headers: sameHeaders(cached) });
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

async function navigate(event) {
  const request = event.request;
  const url = new URL(request.url);
  const keep = SESSION_PAGE.test(url.pathname) && !url.search;
  const network = fetch(request);
  const saving = network.then((response) => keep ? keepPage(url.pathname, response) : null)
    .catch(() => null);
  event.waitUntil(saving);  // a late answer still refreshes the saved copy
  try {
    return await Promise.race([network, timeout(CONFIG.timeoutMs)]);
  } catch (error) {
    return (await fromCache(url)) || (await fallback()) || Response.error();
  }
}

async function fromCache(url) {
  if (!SESSION_PAGE.test(url.pathname)) return null;
  const cache = await servingCache();
  const cached = cache && await cache.match(url.pathname);
  return cached ? served(cached) : null;
}

async function fallback() {
  const cache = await servingCache();
  const cached = cache && await cache.match(CONFIG.offline);
  return cached ? served(cached, 503) : null;
}

async function staticFile(request) {
  const cache = await servingCache();
  if (!cache) return fetch(request);
  const path = new URL(request.url).pathname;
  if (HASHED_STATIC.test(path)) {
    const hit = await cache.match(path);
    if (hit) return hit;
  }
  try {
    const response = await Promise.race([fetch(request), timeout(CONFIG.timeoutMs)]);
    if (isKeepable(response)) await cache.put(path, response.clone());
    return response;
  } catch (error) {
    return (await cache.match(path)) || Response.error();
  }
}

// Fetch the open session's pages into the cache, skipping those saved a short while ago.
async function precache(urls) {
  const current = await loadState();
  if (!current.key) return;
  const cache = await caches.open(cacheName(current.key));
  let failures = 0;
  for (const url of [CONFIG.offline].concat(urls)) {
    if (url !== CONFIG.offline && !SESSION_PAGE.test(url)) continue;
    const hit = await cache.match(url);
    if (hit && Date.now() - Number(hit.headers.get(SAVED)) < CONFIG.freshMs) continue;
    try {
      await keepPage(url, await fetch(url, { credentials: "same-origin" }));
      failures = 0;
    } catch (error) {
      // One dropped request on a weak line skips that page only; two in a row mean
      // offline, and what is saved stays as it is.
      if (++failures === 2) return;
    }
  }
}

// After a save from a session page, fetch that page again once the saves pause, so its
// saved copy shows what the server now holds (and its revisions).
async function refreshLater(url) {
  const stamp = Date.now();
  refreshes.set(url, stamp);
  await new Promise((resolve) => setTimeout(resolve, CONFIG.refreshMs));
  if (refreshes.get(url) !== stamp) return;
  refreshes.delete(url);
  try {
    await keepPage(url, await fetch(url, { credentials: "same-origin" }));
  } catch (error) { /* offline: the next online visit saves it */ }
}

async function savedPages() {
  const cache = await servingCache();
  if (!cache) return [];
  const pages = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!SESSION_PAGE.test(path)) continue;
    const response = await cache.match(request);
    pages.push({ url: path, title: decodeURIComponent(response.headers.get(TITLE) || ""),
                 saved: Number(response.headers.get(SAVED)) });
  }
  return pages;
}

async function hello(data) {
  const key = typeof data.key === "string" ? data.key : "";
  const current = await loadState();
  // A page rendered online says how long its login lasts; a saved copy keeps the expiry.
  const expires = "ageMs" in data ? Date.now() + Math.max(0, Number(data.ageMs) || 0)
    : (key === current.key ? current.expires : 0);
  await useKey(key, expires);
  if (key) {  // the offline page always; a session's pages when on one of them
    const pages = Array.isArray(data.pages) ? data.pages : [];
    precaching = precaching.then(() => precache(pages)).catch(() => null);
    await precaching;
  }
}

self.addEventListener("install", () => { self.skipWaiting(); });

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PAGES) && !name.startsWith(CURRENT)) await caches.delete(name);
    }
    await self.clients.claim();
    for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
      client.postMessage({ type: "hello-again" });
    }
  })());
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "hello") {
    // A page loaded while this worker was still installing is taken over now.
    event.waitUntil(self.clients.claim().then(() => hello(data)));
  } else if (data.type === "saved-pages" && event.ports[0]) {
    event.waitUntil(savedPages().then((pages) => event.ports[0].postMessage(pages)));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (url.pathname === CONFIG.logout) {
      event.waitUntil(useKey("", 0));
    } else if (request.method !== "HEAD" && request.referrer) {
      const page = new URL(request.referrer);
      if (page.origin === url.origin && SESSION_PAGE.test(page.pathname)) {
        event.waitUntil(refreshLater(page.pathname));
      }
    }
    return;  // the network, untouched
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(staticFile(request));
  }
  // Anything else (JSON, htmx fragments, downloads): the network, untouched.
});
