// The real authenticator for collaboration sockets: the same session cookie and workspace rules as the pages.
import type http from "node:http";
import { displayNameOf, mayInPlan, socketAccessFromCookieHeader } from "~/services/auth.server";
import type { Authenticate } from "./collab";
import { CloseCode } from "./collab";
import { SESSION_ENDED_REASON } from "./collab/core/sessionExpiry";

/**
 * Authenticates an upgrade by its session cookie; members and guests of the workspace get in, edit rights by
 * role. One database round trip (socketAccessFromCookieHeader); the collaboration server shares the result
 * among sockets with the same cookies for a few seconds (socketAuthenticationKey).
 */
export const authenticateSocket: Authenticate = async (request: http.IncomingMessage, workspaceId: string) => {
  const { principal, access } = await socketAccessFromCookieHeader(request.headers.cookie, workspaceId);
  if (!principal) return { ok: false, code: CloseCode.unauthorized, reason: SESSION_ENDED_REASON };
  if (!access) return { ok: false, code: CloseCode.notFound, reason: "This plan does not exist, or you do not have access to it." };
  return {
    ok: true,
    principal: {
      userId: principal.kind === "user" ? principal.user.id : null,
      guestId: principal.kind === "guest" ? principal.guest.id : null,
      displayName: displayNameOf(principal),
      canEdit: mayInPlan(access, "edit:workspace"),
      canFacilitate: mayInPlan(access, "facilitate:workspace"),
      sessionId: principal.sessionId,
      sessionExpiresAt: principal.sessionExpiresAt.getTime(),
    },
  };
};

/**
 * Two upgrades with the same cookies to the same plan are the same access check: the collaboration server
 * shares one result between them for a few seconds (server/collab/admissionCache.ts). No cookie: no sharing.
 */
export function socketAuthenticationKey(request: http.IncomingMessage, workspaceId: string): string | null {
  const cookie = request.headers.cookie;
  return cookie ? `${workspaceId}\n${cookie}` : null;
}
