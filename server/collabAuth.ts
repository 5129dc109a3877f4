// The real authenticator for collaboration sockets: the same session cookie and workspace rules as the pages.
import type http from "node:http";
import { displayNameOf, mayInPlan, principalFromCookieHeader, workspaceAccessFor } from "~/services/auth.server";
import type { Authenticate } from "./collab";
import { CloseCode } from "./collab";
import { SESSION_ENDED_REASON } from "./collab/sessionExpiry";

/** Authenticates an upgrade by its session cookie; members and guests of the workspace get in, edit rights by role. */
export const authenticateSocket: Authenticate = async (request: http.IncomingMessage, workspaceId: string) => {
  const principal = await principalFromCookieHeader(request.headers.cookie);
  if (!principal) return { ok: false, code: CloseCode.unauthorized, reason: SESSION_ENDED_REASON };
  const access = await workspaceAccessFor(principal, workspaceId);
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
