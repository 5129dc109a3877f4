// POET Action Planner's offline shell (docs/decisions/020-offline-shell.md).
// It keeps only two things: the live workshop pages a person opened (/w/<plan>, network first) and the
// app's build files (/build/…, named by their content, so cache first). Everything else goes to the network
// untouched. Signing out clears it all (the server answers sign-out with Clear-Site-Data).
const VERSION = "1";
const PAGES = `poet-workshop-pages-v${VERSION}`;
const ASSETS = `poet-build-v${VERSION}`;
const KEEP = new Set([PAGES, ASSETS]);
const MAX_ASSETS = 300;
const WORKSHOP_PAGE = /^\/w\/[^/]+\/?$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!KEEP.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page's own address without its query (?saved=status is a one-off notice, not another page). */
function pageKey(url) {
  return new URL(url.pathname, url.origin).href;
}

async function keepAsset(request, response) {
  const cache = await caches.open(ASSETS);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(old);
}

/** A workshop page: the network's answer when there is one (kept for next time), else the copy kept here. */
async function workshopPage(request) {
  const url = new URL(request.url);
  const pages = await caches.open(PAGES);
  let response;
  try {
    response = await fetch(request);
  } catch {
    const kept = await pages.match(pageKey(url));
    if (kept) return kept;
    return new Response(
      "<!doctype html><html lang='en-GB'><meta charset='utf-8'><title>Offline – POET Action Planner</title><main><h1>You are offline</h1><p>This plan has not been opened on this device before, so there is no copy of it here. Connect to the internet and reload the page.</p></main></html>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
  // Only a page this person may see is kept; a refusal or a redirect (signed out, removed from the plan)
  // drops the copy, so it is never shown offline after access ends.
  if (response.ok && !response.redirected && response.type === "basic") await pages.put(pageKey(url), response.clone());
  else await pages.delete(pageKey(url));
  return response;
}

async function buildFile(request) {
  const kept = await caches.match(request, { cacheName: ASSETS });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await keepAsset(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && WORKSHOP_PAGE.test(url.pathname)) event.respondWith(workshopPage(request));
  else if (url.pathname.startsWith("/build/")) event.respondWith(buildFile(request));
});

// The page that registered this worker loaded before it was in control: it names itself and its build files.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "keep-shell" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      if (typeof data.page === "string") {
        const url = new URL(data.page, self.location.origin);
        if (url.origin === self.location.origin && WORKSHOP_PAGE.test(url.pathname)) {
          try {
            await workshopPage(new Request(url.href, { credentials: "same-origin" }));
          } catch {
            // Not kept this time; the next visit keeps it.
          }
        }
      }
      const cache = await caches.open(ASSETS);
      for (const href of data.urls) {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith("/build/")) continue;
        if (await cache.match(url.href)) continue;
        try {
          const response = await fetch(url.href);
          if (response.ok) await keepAsset(new Request(url.href), response);
        } catch {
          // Offline already: it is kept the next time it loads.
        }
      }
    })(),
  );
});
