// Typed transaction origins: who caused a change decides whether it is persisted, published and echoed.
import type { Person } from "./authentication";
import type { ConnectionOrigin } from "./connection";

export type { Person, ConnectionOrigin };
/** A change the server made itself (a no-JavaScript form, an import): persisted, then broadcast and published. */
export type ServerOrigin = { source: "server"; actorId: string | null; actorName: string };
/** A change another instance already persisted (via Redis) or one read back from the database: broadcast only. */
export type FanoutOrigin = { source: "fanout"; author: Person | null };
/** Loading a document from the database: neither persisted nor broadcast. */
export type LoadOrigin = { source: "load" };

export type TransactionOrigin = ConnectionOrigin | ServerOrigin | FanoutOrigin | LoadOrigin;

export const LOAD_ORIGIN: LoadOrigin = { source: "load" };

/** Narrows a Yjs transaction origin (typed `any` by Yjs) to ours; anything else is treated as a load. */
export function originOf(value: unknown): TransactionOrigin {
  if (typeof value === "object" && value !== null && "source" in value) {
    const source = (value as { source: unknown }).source;
    if (source === "connection" || source === "server" || source === "fanout" || source === "load") return value as TransactionOrigin;
  }
  return LOAD_ORIGIN;
}

/** The author recorded for an origin, or null when the change is not attributable here. */
export function authorOf(origin: TransactionOrigin): Person | null {
  switch (origin.source) {
    case "connection":
      return origin.author;
    case "server":
      return { userId: origin.actorId, guestId: null, displayName: origin.actorName };
    case "fanout":
      return origin.author;
    case "load":
      return null;
  }
}
