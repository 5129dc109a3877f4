// When a whole plan changes what people may do in it (archived, restored), its open boards reconnect
// and are checked again. The collaboration server closes sockets only for a named person, never a
// whole room by plan alone, so each member of the council and each guest of the plan is named.
import { listGuests } from "~/models/joinCode.server";
import { listMembers } from "~/models/organisation.server";
import type { CollabControl } from "./collabControl";

/** Reconnects everyone's open boards on this plan (on every instance); returns how many closed here. */
export async function reconnectEveryoneIn(collab: CollabControl, workspace: { id: string; orgId: string }, reason: string): Promise<number> {
  const [members, guests] = await Promise.all([listMembers(workspace.orgId), listGuests(workspace.id)]);
  let closed = 0;
  for (const m of members) closed += collab.closeConnections({ userId: m.user.id, workspaceId: workspace.id }, reason);
  for (const g of guests) closed += collab.closeConnections({ guestId: g.id, workspaceId: workspace.id }, reason);
  return closed;
}
