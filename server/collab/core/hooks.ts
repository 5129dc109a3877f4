// The named hooks through which an application plugs into the collaboration core (as Hocuspocus's and
// Outline's extensions do). The core knows documents, sockets, people and bytes; what a document means, who may
// change which part of it, what presence shows and where bytes are kept come from here. POET registers its
// hooks in one file (server/collab/poet.ts).
import type * as Y from "yjs";
import type { Authenticate, Principal } from "./authentication";
import type { DocumentStorage } from "./storage";
import type http from "node:http";

/** What the core does with a client's update that checkUpdate looked at. */
export type UpdateVerdict =
  /**
   * `alsoApply`: the application's own change, made in the same transaction right after the update (one
   * stored, broadcast update with it), e.g. recording what the update removes so an undo can bring it back.
   */
  | { allowed: true; alsoApply?: (doc: Y.Doc) => void }
  /** It builds on changes the server lacks: dropped, and the sender is asked for what the server is missing. */
  | { allowed: false; unresolved: true }
  /**
   * Refused: the sender is sent `notice` and its later updates are dropped until it reloads its copy;
   * `close` also closes it with `reason` (a page of ours would never have sent it).
   */
  | { allowed: false; unresolved?: false; reason: string; notice: Uint8Array; close: boolean; detail?: Record<string, unknown> };

/** Told about one loaded document's life (the application's projection of a document into its tables). */
export type DocumentObserver = {
  /** The document was loaded (its stored state applied): observe it from here on. */
  loaded(document: ObservedDocument): void;
  /** Updates of this document became durable (they are being broadcast now). */
  durable(document: ObservedDocument): void;
  /** Finish now whatever is pending for it (before it unloads, or after a server-side write). */
  flush(document: ObservedDocument): Promise<void>;
  /** It is gone (unloaded or dropped). */
  forget(document: ObservedDocument): void;
};

/** What the core lets a hook see of a loaded document. */
export type ObservedDocument = { readonly workspaceId: string; readonly ydoc: Y.Doc };

export type CollabHooks = {
  /** Who is opening this socket, and what they may do (called once per socket, shared by the admission cache). */
  authenticate: Authenticate;
  /** What makes two upgrades the same access check; null or absent: each socket is checked afresh. */
  authenticationKey?: (request: http.IncomingMessage, workspaceId: string) => string | null;
  /** Where documents are kept: one adapter per database, chosen once when the server is built. */
  storage: DocumentStorage;
  /** Whether this person may apply this (decoded-on-demand) update to the document, before it is applied. */
  checkUpdate(doc: Y.Doc, update: Uint8Array, principal: Principal): UpdateVerdict;
  /**
   * The presence state peers see for a person, built from what their page claimed (the core has already
   * checked it is theirs, one client id, small, not too often). Never trust identity fields of `claimed`.
   */
  presenceState(principal: Principal, claimed: unknown): Record<string, unknown>;
  /** After updates are durable: the application's own tables (projection). */
  afterDurable?: DocumentObserver;
};
