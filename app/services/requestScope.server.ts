// Reads that one page request would otherwise repeat: the root loader, a layout's loader and the page's
// loader each ask who the visitor is (and a council page's layout and page each ask for their
// membership), all for the same request. The server runs each GET or HEAD request in a scope, and these
// reads are shared within that one request only: the next request asks the database again, so a
// signed-out session or a changed role counts from the very next page. A POST is not scoped (its
// action may change who the visitor is before its loaders run). Without a scope (tests calling a
// loader directly) nothing is shared.
//
// Across requests, `joinedRead` lets a crowd of page requests (a room arriving at once) share one read of
// what does not depend on who asks (a council's settings, a plan's rounds), but only while that read is in
// flight, and only a read that started after the joining request did: whatever a request sees was read
// after it arrived, so a change committed before a request (here or on another instance) is never hidden
// from it. Nothing is kept once the read settles. Who may see it is each caller's own check, made before.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = { startedAt: number; reads: Map<string, Promise<unknown>> };

// The Node server and the Remix build load this module separately: one store for both.
const slot = Symbol.for("poet-action-planner.requestScope");
type GlobalWithScope = typeof globalThis & { [slot]?: AsyncLocalStorage<Scope> };
const storage = ((globalThis as GlobalWithScope)[slot] ??= new AsyncLocalStorage<Scope>());

type InFlight = { startedAt: number; read: Promise<unknown> };
/** Reads in flight by key, and a counter that orders request starts and read starts (no two are equal). */
type Joined = { clock: number; inFlight: Map<string, InFlight> };
const joinedSlot = Symbol.for("poet-action-planner.joinedReads");
type GlobalWithReads = typeof globalThis & { [joinedSlot]?: Joined };
const joined = ((globalThis as GlobalWithReads)[joinedSlot] ??= { clock: 0, inFlight: new Map() });

/** Runs one GET or HEAD request's handling in a fresh scope (anything else runs unscoped). */
export function runInRequestScope<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? storage.run({ startedAt: ++joined.clock, reads: new Map() }, handle) : handle();
}

/** `read()` once per request for this key (its promise is shared, including a rejection); every call when unscoped. */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return read();
  let shared = scope.reads.get(key) as Promise<T> | undefined;
  if (!shared) {
    shared = read();
    scope.reads.set(key, shared);
  }
  return shared;
}

/**
 * `read()`, or the same read already in flight for this key in another GET request, when that read started
 * after this request did (see the top of this file). The key must name everything the read depends on
 * (its table and every argument, a council's or plan's id among them); the value is shared, so callers
 * treat it as read-only. Unscoped (a POST, a test) it always reads. A rejection is shared like a value.
 */
export function joinedRead<T>(key: string, read: () => Promise<T>, options: { freeze?: boolean } = {}): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return read();
  return oncePerRequest(`joined:${key}`, () => {
    const running = joined.inFlight.get(key);
    if (running && running.startedAt > scope.startedAt) return running.read as Promise<T>;
    const started: InFlight = { startedAt: ++joined.clock, read: process.env.NODE_ENV === "production" || options.freeze === false ? read() : read().then(deepFreeze) };
    joined.inFlight.set(key, started);
    const settled = () => {
      if (joined.inFlight.get(key) === started) joined.inFlight.delete(key);
    };
    started.read.then(settled, settled);
    return started.read as Promise<T>;
  });
}

/** Outside production a shared value is frozen, so a caller that changes it in place fails its tests. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value; // a Map, a Date: left as is
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
