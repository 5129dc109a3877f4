// Reads that one page request would otherwise repeat: the root loader, a layout's loader and the page's
// loader each ask who the visitor is (and a council page's layout and page each ask for their
// membership), all for the same request. The server runs each GET or HEAD request in a scope, and these
// reads are shared within that one request only: the next request asks the database again, so a
// signed-out session or a changed role counts from the very next page. A POST is not scoped (its
// action may change who the visitor is before its loaders run). Without a scope (tests calling a
// loader directly) nothing is shared.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<string, Promise<unknown>>;

// The Node server and the Remix build load this module separately: one store for both.
const slot = Symbol.for("poet-action-planner.requestScope");
type GlobalWithScope = typeof globalThis & { [slot]?: AsyncLocalStorage<Scope> };
const storage = ((globalThis as GlobalWithScope)[slot] ??= new AsyncLocalStorage<Scope>());

/** Runs one GET or HEAD request's handling in a fresh scope (anything else runs unscoped). */
export function runInRequestScope<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? storage.run(new Map(), handle) : handle();
}

/** `read()` once per request for this key (its promise is shared, including a rejection); every call when unscoped. */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return read();
  let shared = scope.get(key) as Promise<T> | undefined;
  if (!shared) {
    shared = read();
    scope.set(key, shared);
  }
  return shared;
}
