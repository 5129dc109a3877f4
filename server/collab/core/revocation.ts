// Closing the sockets of someone whose access was withdrawn or changed, on every instance: applied here at
// once, then sent to the other instances over the fan-out's control channel (Redis), which apply it too.
// See docs/decisions/011-revocation-across-instances.md. The same channel tells the other instances that a
// plan's document is gone for good (the plan was deleted), so none keeps it open or writes it back.
import type http from "node:http";
import { z } from "zod";
import type { Authenticate, Principal } from "./authentication";
import { CloseCode } from "./closeCodes";
import type { Fanout } from "./fanout";
import type { CollabLog } from "./log";

/** Which sockets to close; every given field must match, and at least one of the person fields is required. */
export type ConnectionFilter = {
  userId?: string;
  guestId?: string;
  /** The login session the socket was opened with (signing out, "sign out elsewhere", password changes). */
  sessionId?: string;
  workspaceId?: string;
  /** Any of these workspaces (a council's plans, when a person's role there changes or they leave it). */
  workspaceIds?: string[];
};

/**
 * `recheck`: reconnect and be checked again (a role change). `removed` and `signedOut` are final: the
 * browser shows the reason and stops reconnecting (close codes 4400–4499, see closeCodes.ts).
 */
export type CloseKind = "recheck" | "removed" | "signedOut";

export const CLOSE_CODES: Record<CloseKind, number> = {
  recheck: CloseCode.accessChanged,
  removed: CloseCode.removed,
  signedOut: CloseCode.unauthorized,
};

const REASON_MAX_BYTES = 120; // a close frame's reason is limited to 123 bytes
/** How long a revocation is remembered for sockets whose access check was under way when it arrived. */
const REMEMBER_MS = 10_000;

const filterSchema = z
  .object({
    userId: z.string().max(100).optional(),
    guestId: z.string().max(100).optional(),
    sessionId: z.string().max(200).optional(),
    workspaceId: z.string().max(100).optional(),
    workspaceIds: z.array(z.string().max(100)).optional(),
  })
  .strict();
const revocationSchema = z.object({ v: z.literal(1), filter: filterSchema, reason: z.string().max(500), kind: z.enum(["recheck", "removed", "signedOut"]) });
/** A plan's document is gone (the plan was deleted): every instance closes its sockets and drops it. */
const goneSchema = z.object({ v: z.literal(1), gone: z.string().min(1).max(100), reason: z.string().max(500) }).strict();
const messageSchema = z.union([revocationSchema, goneSchema]);
type Revocation = z.infer<typeof revocationSchema>;

export type RevocableConnection = { workspaceId: string; principal: Principal; close(code: number, reason: string): void };
type Scope = { workspaceId: string; principal: Principal };

/** True when the filter names a person or a session (an empty or workspace-only filter would close a whole room). */
export function namesSomeone(filter: ConnectionFilter): boolean {
  return filter.userId !== undefined || filter.guestId !== undefined || filter.sessionId !== undefined;
}

/** Whether a socket opened by `scope` is one the filter selects. */
export function matches(scope: Scope, filter: ConnectionFilter): boolean {
  if (!namesSomeone(filter)) return false;
  const { principal } = scope;
  if (filter.userId !== undefined && principal.userId !== filter.userId) return false;
  if (filter.guestId !== undefined && principal.guestId !== filter.guestId) return false;
  if (filter.sessionId !== undefined && principal.sessionId !== filter.sessionId) return false;
  if (filter.workspaceId !== undefined && scope.workspaceId !== filter.workspaceId) return false;
  if (filter.workspaceIds !== undefined && !filter.workspaceIds.includes(scope.workspaceId)) return false;
  return true;
}

/** Cuts a reason to what fits in a close frame, on a character boundary. */
export function closeReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > REASON_MAX_BYTES) text = text.slice(0, -1);
  return text;
}

export class Revocations {
  private recent: Array<Revocation & { at: number }> = [];

  constructor(
    private readonly fanout: Fanout,
    private readonly connections: () => Iterable<RevocableConnection>,
    private readonly log: CollabLog,
    /** Checks every open socket's access again (after revocations from other instances may have been lost). */
    recheckAll: () => Promise<void>,
    /** Called as each revocation is applied, here or from another instance (the admission cache forgets). */
    private readonly applied: () => void = () => undefined,
    /** Called when another instance says a plan's document is gone for good (announceGone there). */
    private readonly gone: (workspaceId: string, reason: string) => void = () => undefined,
  ) {
    fanout.onControl(
      (payload) => this.receive(payload),
      () => {
        this.log.info("redis reconnected: checking the access of every open socket again");
        recheckAll().catch((error: Error) => this.log.error("could not check open sockets again", { error: error.message }));
      },
    );
  }

  /** Closes matching sockets here and asks every other instance to do the same; returns how many closed here. */
  close(filter: ConnectionFilter, reason: string, kind: CloseKind): number {
    if (!namesSomeone(filter)) return 0;
    const revocation: Revocation = { v: 1, filter, reason: closeReason(reason), kind };
    this.fanout.publishControl(JSON.stringify(revocation));
    return this.apply(revocation);
  }

  /** Tells every other instance that a plan's document is gone for good (this instance forgets it itself). */
  announceGone(workspaceId: string, reason: string): void {
    this.fanout.publishControl(JSON.stringify({ v: 1, gone: workspaceId, reason: closeReason(reason) }));
  }

  /**
   * The close to send a socket that has just passed its access check, when a revocation matching it arrived
   * after that check began (the check may have read the database before the change); null to admit it.
   */
  refusalFor(scope: Scope, checkStartedAt: number): { code: number; reason: string } | null {
    this.forgetOld();
    const hit = this.recent.find((r) => r.at >= checkStartedAt && matches(scope, r.filter));
    return hit ? { code: CLOSE_CODES[hit.kind], reason: hit.reason } : null;
  }

  private forgetOld(): void {
    const cutoff = Date.now() - REMEMBER_MS;
    if (this.recent[0] && this.recent[0].at <= cutoff) this.recent = this.recent.filter((r) => r.at > cutoff);
  }

  private apply(revocation: Revocation): number {
    this.forgetOld();
    this.recent.push({ ...revocation, at: Date.now() });
    this.applied();
    let closed = 0;
    for (const connection of [...this.connections()]) {
      if (!matches(connection, revocation.filter)) continue;
      connection.close(CLOSE_CODES[revocation.kind], revocation.reason);
      closed++;
    }
    if (closed) this.log.info("collab sockets closed: access changed", { kind: revocation.kind, closed });
    return closed;
  }

  private receive(payload: string): void {
    let message: z.infer<typeof messageSchema>;
    try {
      message = messageSchema.parse(JSON.parse(payload));
    } catch (error) {
      this.log.warn("ignored a malformed revocation message", { error: (error as Error).message });
      return;
    }
    if ("gone" in message) this.gone(message.gone, message.reason);
    else this.apply(message);
  }
}

type Recheckable = RevocableConnection & { readonly isOpen: boolean };

/**
 * Runs the access check again for each open socket, with the request it was opened with: closes those now
 * refused (with the refusal's code and reason) and those whose rights changed (to reconnect with the new ones).
 */
export async function recheckConnections(
  entries: Array<{ connection: Recheckable; request: http.IncomingMessage }>,
  authenticate: Authenticate,
  log: CollabLog,
): Promise<void> {
  let closed = 0;
  for (const { connection, request } of entries) {
    if (!connection.isOpen) continue;
    let result;
    try {
      result = await authenticate(request, connection.workspaceId);
    } catch (error) {
      log.warn("could not check a socket's access again; it stays open", { workspaceId: connection.workspaceId, error: (error as Error).message });
      continue;
    }
    const before = connection.principal;
    if (!result.ok) connection.close(result.code, result.reason);
    else if (result.principal.canEdit !== before.canEdit || Boolean(result.principal.canFacilitate) !== Boolean(before.canFacilitate)) {
      connection.close(CLOSE_CODES.recheck, "Your access has changed; reconnecting.");
    } else continue;
    closed++;
  }
  if (closed) log.info("collab sockets closed after checking access again", { closed });
}
