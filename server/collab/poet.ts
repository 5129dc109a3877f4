// POET's collaboration server: the core (server/collab/core/, which knows nothing of POET) with POET's hooks,
// registered here and nowhere else: who may open a plan (authenticate), where plans are stored (one adapter
// for the process's database), what each role may change (checkUpdate: the writable surface and the lock),
// what presence shows (presenceState), and the Action table kept in line with the document (afterDurable).
import type http from "node:http";
import { encodeChangeRefused } from "~/collab/changeRefused";
import { recordRemovedIdentities, recordRemovedVotes, WRITABLE_SURFACE } from "~/domain/workspace";
import { log as serverLog } from "../log";
import type { Authenticate } from "./core/authentication";
import { createCollabCore, type CollabServer, type CollabServerOptions as CoreOptions } from "./core/collabServer";
import type { CollabHooks } from "./core/hooks";
import type { DocumentStorage } from "./core/storage";
import { prepareCompactionWorker } from "./mergeState";
import { DocumentStore } from "./persistence";
import { poetPresenceState } from "./poetPresence";
import { ProjectionScheduler } from "./projectionScheduler";
import { checkUpdate, documentRoleOf, type Surface } from "./sessionGuard";

export type CollabServerOptions = Omit<CoreOptions, "hooks" | "log"> & {
  /** Defaults to the server's log. */
  log?: CoreOptions["log"];
  authenticate: Authenticate;
  /** What makes two upgrades the same access check (the app: the plan and the Cookie header). */
  authenticationKey?: (request: http.IncomingMessage, workspaceId: string) => string | null;
  /** Who may write where; the workspace document's allow-list unless a test adds its scratch text. */
  surface?: Surface;
  /** Storage override (tests use it to simulate a failing database). */
  storage?: DocumentStorage;
  projectionDebounceMs?: number;
};

export const PROJECTION_DEBOUNCE_MS = 500;

/** POET's hooks for the core. */
export function poetHooks(options: CollabServerOptions): CollabHooks {
  const surface = options.surface ?? WRITABLE_SURFACE;
  const storage = options.storage ?? new DocumentStore();
  prepareCompactionWorker();
  return {
    authenticate: options.authenticate,
    authenticationKey: options.authenticationKey,
    storage,
    checkUpdate(doc, update, principal) {
      const verdict = checkUpdate(doc, update, documentRoleOf(principal), surface);
      if (verdict.allowed) {
        const removed = verdict.removedActions;
        // What a removed action's votes were goes into the same transaction, so an undo can bring them back
        // and nothing else (ADR 023).
        const identities = verdict.removedIdentities;
        return removed
          ? { allowed: true, alsoApply: (ydoc) => (recordRemovedVotes(ydoc, removed), identities && recordRemovedIdentities(ydoc, identities)) }
          : { allowed: true };
      }
      if (verdict.why === "unresolved") return { allowed: false, unresolved: true };
      return {
        allowed: false,
        reason: verdict.reason,
        notice: encodeChangeRefused({ why: verdict.why, reason: verdict.reason }),
        // Our pages never write outside their role's surface: a crafted client is closed and told why. A change
        // refused by the lock, or removing an action that holds votes, is not an offence: the page rolls it back
        // and stays connected.
        close: verdict.why === "forbidden",
        detail: { why: verdict.why, ...(verdict.why === "forbidden" ? { path: verdict.path } : {}) },
      };
    },
    presenceState: poetPresenceState,
    afterDurable: new ProjectionScheduler(options.projectionDebounceMs ?? PROJECTION_DEBOUNCE_MS, options.log ?? serverLog),
  };
}

/** Builds POET's collaboration server; nothing listens until the HTTP server passes upgrades to handleUpgrade. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  return createCollabCore({ ...options, log: options.log ?? serverLog, hooks: poetHooks(options) });
}
