// When someone's access ends or changes, their open workshop pages stop being live at once, on every
// server instance, with a reason they can read (docs/decisions/011-revocation-across-instances.md).
import { listWorkspaceIds } from "~/models/workspace.server";
import type { CollabControl } from "./collabControl";

// Close reasons travel in a WebSocket close frame: at most 123 bytes, so keep them short and plain.
export const REVOCATION_REASONS = {
  guestRemoved: "You have been removed from this workshop. Ask the facilitator if you think this is a mistake.",
  memberRemoved: "You have been removed from this council. Ask one of its owners if you need access again.",
  memberLeft: "You left this council, so its plans are no longer open to you.",
  roleChanged: "Your role has changed; reconnecting with your new access.",
  signedOut: "You signed out. Sign in again to keep working on this plan.",
  signedOutElsewhere: "This device was signed out from another one. Sign in again to keep working.",
  passwordChanged: "Your password was changed, so this device was signed out. Sign in with the new password.",
} as const;

/** Closes a removed guest's sockets everywhere; their browser says why and does not reconnect. */
export function disconnectRemovedGuest(collab: CollabControl, guestId: string): void {
  collab.closeConnections({ guestId }, REVOCATION_REASONS.guestRemoved, "removed");
}

/**
 * Closes a member's sockets in this council's plans only (they may belong to other councils too): final
 * when they were removed or left, a reconnect with the new role checked when their role changed.
 */
export async function disconnectMember(collab: CollabControl, orgId: string, userId: string, change: "removed" | "left" | "roleChanged"): Promise<void> {
  const workspaceIds = await listWorkspaceIds(orgId);
  if (workspaceIds.length === 0) return;
  if (change === "roleChanged") collab.closeConnections({ userId, workspaceIds }, REVOCATION_REASONS.roleChanged, "recheck");
  else collab.closeConnections({ userId, workspaceIds }, REVOCATION_REASONS[change === "left" ? "memberLeft" : "memberRemoved"], "removed");
}

/** Closes the sockets opened with sessions that have just been ended; those pages say why and stop. */
export function disconnectEndedSessions(
  collab: CollabControl,
  sessionIds: string[],
  why: "signedOut" | "signedOutElsewhere" | "passwordChanged",
): void {
  for (const sessionId of sessionIds) collab.closeConnections({ sessionId }, REVOCATION_REASONS[why], "signedOut");
}

/** Closes every socket of a user whose sessions were all ended (a password reset by link). */
export function disconnectUser(collab: CollabControl, userId: string): void {
  collab.closeConnections({ userId }, REVOCATION_REASONS.passwordChanged, "signedOut");
}
