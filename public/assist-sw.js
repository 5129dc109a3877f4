// POET Action Planner — service worker for assisted reviews ONLY (docs/decisions/022).
// Registered by /assist/<council>/<collection> with scope "/assist/", so it controls those pages and
// nothing else (the workshop board has its own worker under its own scope). It keeps a copy of the
// assisted-entry page and the script and style files it loaded, so the page opens with no signal.
// Answers are never cached here: the page keeps them in localStorage until the server has them.
const CACHE = "poet-assist-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("poet-assist-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page asks for its own address and the files it loaded to be kept (they loaded before this worker ran).
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of data.urls) {
        const target = new URL(url, self.location.origin);
        if (target.origin !== self.location.origin) continue;
        if (!target.pathname.startsWith("/assist/") && !target.pathname.startsWith("/build/")) continue;
        try {
          const response = await fetch(target.href, { credentials: "same-origin", cache: "no-cache" });
          if (response.ok && !response.redirected) await cache.put(keyFor(target), response);
        } catch {
          // Offline already: what is kept stays kept.
        }
      }
      event.source?.postMessage({ type: "kept" });
    })(),
  );
});

/** Pages are kept by path (the ?sent=… after a form post is not part of the page). */
function keyFor(url) {
  return url.pathname.startsWith("/assist/") ? `${url.origin}${url.pathname}` : url.href;
}

const OFFLINE_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved for offline use – POET Action Planner</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>This page is not saved on this device yet</h1>
<p>There is no connection, and this page has not been opened here while online. Open it once with a connection, wait for "Ready to work offline", and it will then open without one.</p></main></body></html>`;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.searchParams.has("_data")) return;
  if (request.mode === "navigate" && url.pathname.startsWith("/assist/")) {
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok && !response.redirected) {
            const cache = await caches.open(CACHE);
            await cache.put(keyFor(url), response.clone());
          }
          return response;
        } catch {
          const kept = await caches.match(keyFor(url), { cacheName: CACHE });
          return kept ?? new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith("/build/")) {
    // Build files have their content's hash in their name, so a kept copy is always right.
    event.respondWith(
      (async () => {
        const kept = await caches.match(request, { cacheName: CACHE });
        if (kept) return kept;
        const response = await fetch(request);
        if (response.ok) {
          const cache = await caches.open(CACHE);
          await cache.put(request, response.clone());
        }
        return response;
      })(),
    );
  }
});
