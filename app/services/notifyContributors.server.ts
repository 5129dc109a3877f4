// "You said, we did": when an action's status changes, everyone who contributed to it (created it,
// voted for it, or was recorded as its source) and is still in the council gets an in-app message.
import { statusLabel, statusSettings } from "~/domain/tracking/status";
import type { ActionView } from "~/domain/workspace";
import type { Tx } from "~/models/db.server";
import { anonymousVoterKey } from "./voting.server";

export type StatusEvent = { id: string; actionId: string; toValue: string | null; actorId: string | null; actorName: string };

/**
 * The user id behind a vote's key: "u:<id>" in a named vote; in an anonymous vote, the member whose
 * opaque key it is (only the server can make those keys, and the message goes to that member alone).
 * Guests ("g:<id>") have no inbox.
 */
function voterUserId(key: string, anonymousKeys: ReadonlyMap<string, string>): string | null {
  return key.startsWith("u:") ? key.slice(2) : (anonymousKeys.get(key) ?? null);
}

/** Writes one notification per contributor per status event, inside the projection's transaction. */
export async function notifyContributors(tx: Tx, workspaceId: string, events: readonly StatusEvent[], actions: readonly ActionView[]): Promise<number> {
  if (events.length === 0) return 0;
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { orgId: true } });
  if (!workspace) return 0;
  const members = await tx.membership.findMany({ where: { orgId: workspace.orgId }, select: { user: { select: { id: true, name: true } } } });
  const memberIds = new Set(members.map((m) => m.user.id));
  const byName = new Map(members.map((m) => [m.user.name.trim().toLowerCase(), m.user.id]));
  const anonymousKeys = new Map(members.map((m) => [anonymousVoterKey(workspaceId, `u:${m.user.id}`), m.user.id]));
  const creators = await tx.actionEvent.findMany({
    where: { workspaceId, field: "created", actionId: { in: events.map((e) => e.actionId) }, actorId: { not: null } },
    select: { actionId: true, actorId: true },
  });
  const settings = statusSettings(await tx.statusSetting.findMany({ where: { orgId: workspace.orgId } }));
  const rows: { userId: string; workspaceId: string; actionId: string; eventId: string; message: string }[] = [];
  for (const event of events) {
    const action = actions.find((a) => a.id === event.actionId);
    if (!action) continue;
    const people = new Set<string>();
    for (const c of creators) if (c.actionId === event.actionId && c.actorId) people.add(c.actorId);
    for (const key of Object.keys(action.votes)) {
      const id = voterUserId(key, anonymousKeys);
      if (id) people.add(id);
    }
    const source = byName.get(action.createdBy.trim().toLowerCase());
    if (source) people.add(source);
    people.delete(event.actorId ?? "");
    const message = `“${action.title || "Untitled action"}” is now ${statusLabel(settings, event.toValue ?? "").toLowerCase()} (changed by ${event.actorName}). You said, we did.`;
    for (const userId of people) if (memberIds.has(userId)) rows.push({ userId, workspaceId, actionId: event.actionId, eventId: event.id, message });
  }
  if (rows.length) await tx.notification.createMany({ data: rows });
  return rows.length;
}
