// The one door into the collaboration core: who is asking (a Person), may they edit, and is the page theirs.
import type http from "node:http";
import { z } from "zod";
import { UpgradeRefusal } from "./upgradeBoundary";

/**
 * A person, the one identity type of the core and the app's collaboration hooks: a signed-in user or a guest
 * (exactly one id set; neither for the server itself), and the name others see. It is who wrote an update (its
 * stored row, action history) and who a socket belongs to.
 */
export type Person = { userId: string | null; guestId: string | null; displayName: string };

/** A person as admitted on a socket: who they are, what they may do, and the session that let them in. */
export type Principal = Person & {
  canEdit: boolean;
  /** May change the session controls (focus, timer, voting, lock) and edit while the board is locked. */
  canFacilitate?: boolean;
  /** The login session the socket was opened with, so ending that session closes it (revocation.ts). */
  sessionId?: string | null;
  /** When that session expires (ms since the epoch): the socket is closed then (sessionExpiry.ts). */
  sessionExpiresAt?: number | null;
};

export type AuthenticationResult = { ok: true; principal: Principal } | { ok: false; code: number; reason: string };

/** Decides from the upgrade request (cookie, join-code session) whether this person may open this workspace. */
export type Authenticate = (request: http.IncomingMessage, workspaceId: string) => Promise<AuthenticationResult>;

export const workspaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a workspace id");

/**
 * The workspace id in `/collab/<id>` (query string ignored). Throws UpgradeRefusal: 400 for a target that is
 * not a URL or holds a malformed escape (`/collab/%`), 404 for any other path or an id no workspace can have.
 */
export function workspaceIdFromUrl(url: string | undefined): string {
  if (!url || !URL.canParse(url, "http://localhost")) throw new UpgradeRefusal(400, "The request address is not a valid URL.");
  const path = new URL(url, "http://localhost").pathname;
  const match = /^\/collab\/([^/]+)$/.exec(path);
  if (!match) throw new UpgradeRefusal(404, "Live collaboration is at /collab/<plan id>.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]!);
  } catch {
    throw new UpgradeRefusal(400, "The plan id in the address has a malformed %-escape.");
  }
  const parsed = workspaceIdSchema.safeParse(decoded);
  if (!parsed.success) throw new UpgradeRefusal(404, "There is no plan with that id.");
  return parsed.data;
}

/**
 * Browsers always send Origin on WebSocket upgrades; a missing one means a non-browser client, which a
 * cross-site page cannot impersonate, so it passes and authentication alone decides.
 * An empty allow-list means "same origin as the Host header".
 */
export function originAllowed(request: http.IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin.replace(/\/$/, ""));
  const host = request.headers.host;
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/** A key that groups a person's sockets for the per-user limit and for closeConnections. */
export function personKey(principal: Principal): string | null {
  if (principal.userId) return `user:${principal.userId}`;
  if (principal.guestId) return `guest:${principal.guestId}`;
  return null;
}
