// "You said, we did" by email: when an action's status moves, the people who shaped it and asked to hear
// back (and only they) get an email, each with a link to stop them that works without signing in.
// Sent after the projection's transaction commits, never inside it: a slow mail server delays nobody.
import { parseFindingId } from "~/domain/poet";
import { easyStatus } from "~/domain/tracking/publicPlan";
import { statusLabel } from "~/domain/tracking/status";
import type { ActionView } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { consentingGuests } from "~/models/guestFollowUp.server";
import { statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { listHearBackRecipients } from "./collect/hearBack.server";
import { mailConfigured, sendMail } from "./mail.server";
import { anonymousVoterKey } from "./voting.server";

/** A status change the projection recorded (actorId: a user id, or "guest:<id>"). */
export type StatusMove = { id: string; actionId: string; toValue: string | null; actorId: string | null };

/** Someone who consented to hear about an action, with the address their links start from. */
export type FollowUpRecipient = { key: string; email: string; name: string; linkOrigin: string; unsubscribeToken: string; why: string };

/** For each moved action, who (of one kind of person) should hear about it. */
type Audience = (workspaceId: string, moves: readonly StatusMove[], actions: readonly ActionView[]) => Promise<Map<string, FollowUpRecipient[]>>;

/** Guests who consented and shaped the action: added it, changed its status, owner, date or RAG, or voted for it. */
const guestsWhoShaped: Audience = async (workspaceId, moves, actions) => {
  const byAction = new Map<string, FollowUpRecipient[]>();
  const guests = (await consentingGuests(workspaceId)).filter((g) => g.linkOrigin);
  if (guests.length === 0) return byAction;
  const actionIds = [...new Set(moves.map((m) => m.actionId))];
  const events = await db().actionEvent.findMany({
    where: { workspaceId, actionId: { in: actionIds }, actorId: { in: guests.map((g) => `guest:${g.id}`) } },
    select: { actionId: true, actorId: true },
  });
  for (const actionId of actionIds) {
    const action = actions.find((a) => a.id === actionId);
    const voters = new Set(Object.entries(action?.votes ?? {}).flatMap(([key, count]) => (count > 0 ? [key] : [])));
    const shaped = guests.filter(
      (g) => events.some((e) => e.actionId === actionId && e.actorId === `guest:${g.id}`) || voters.has(`g:${g.id}`) || voters.has(anonymousVoterKey(workspaceId, `g:${g.id}`)),
    );
    byAction.set(
      actionId,
      shaped.map((g) => ({ key: `guest:${g.id}`, email: g.email, name: g.displayName, linkOrigin: g.linkOrigin!, unsubscribeToken: g.unsubscribeToken, why: "you helped shape it at the workshop" })),
    );
  }
  return byAction;
};

/**
 * People who answered a round this plan is built on and left contact details to hear back, for moves of
 * actions that answer a finding. Contacts are never joined to answers (docs/decisions/012), so who was
 * counted in which finding is unknown by design: only the round they answered is, and every finding of a
 * plan is read from its rounds. Leaving contact details "to hear back" is the consent.
 */
const peopleWhoAnswered: Audience = async (workspaceId, moves, actions) => {
  const byAction = new Map<string, FollowUpRecipient[]>();
  const answering = moves.filter((m) => actions.find((a) => a.id === m.actionId)?.findingIds.some((id) => parseFindingId(id) !== null));
  if (answering.length === 0) return byAction;
  const plan = await db().workspace.findUnique({ where: { id: workspaceId }, select: { orgId: true } });
  if (!plan) return byAction;
  const rounds = await listWorkspaceRounds(workspaceId, plan.orgId);
  const contacts = await listHearBackRecipients(plan.orgId, rounds.map((r) => r.id));
  const recipients = contacts.map((c) => ({
    key: `contact:${c.id}`,
    email: c.email,
    name: c.name || "there",
    linkOrigin: c.linkOrigin,
    unsubscribeToken: c.unsubscribeToken,
    why: "you answered the survey this plan is built on and asked to hear back",
  }));
  for (const move of answering) byAction.set(move.actionId, recipients);
  return byAction;
};

/** Everyone who hears about a moved action: one Audience per kind of person, each with their own unsubscribe token. */
const AUDIENCES: readonly Audience[] = [guestsWhoShaped, peopleWhoAnswered];

/** Emails each consenting person who shaped a moved action, once per move; returns how many were sent. */
export async function emailFollowUps(workspaceId: string, moves: readonly StatusMove[], actions: readonly ActionView[]): Promise<number> {
  if (moves.length === 0 || !mailConfigured()) return 0;
  const plan = await db().workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true, orgId: true, publicPage: true, publicToken: true, org: { select: { name: true } } } });
  if (!plan) return 0;
  const statuses = await statusSettingsFor(plan.orgId);
  const audiences = await Promise.all(AUDIENCES.map((audience) => audience(workspaceId, moves, actions)));
  const pagePath = plan.publicPage === "public" ? `/you-said-we-did/${plan.id}` : plan.publicPage === "unlisted" && plan.publicToken ? `/you-said-we-did/${plan.publicToken}` : null;
  let sent = 0;
  for (const move of moves) {
    const action = actions.find((a) => a.id === move.actionId);
    if (!action || !move.toValue) continue;
    const recipients = new Map<string, FollowUpRecipient>();
    for (const audience of audiences) for (const r of audience.get(move.actionId) ?? []) if (r.key !== move.actorId) recipients.set(r.email.toLowerCase(), r);
    const title = action.title.trim() || "An action";
    const status = statusLabel(statuses, move.toValue);
    for (const r of recipients.values()) {
      const unsubscribeUrl = `${r.linkOrigin}/unsubscribe/${r.unsubscribeToken}`;
      const text = [
        `Hello ${r.name},`,
        "",
        `“${title}” is now: ${status}.`,
        `${easyStatus(move.toValue)}.`,
        "",
        `You are hearing about it because ${r.why} (${plan.name}, ${plan.org.name}).`,
        ...(pagePath ? ["", `See what people told us and what we are doing about it:`, `${r.linkOrigin}${pagePath}`] : []),
        "",
        "You said, we did.",
        "",
        "To stop these emails, open this link (you do not need to sign in):",
        unsubscribeUrl,
        "",
      ].join("\n");
      const outcome = await sendMail({ to: r.email, subject: `“${title}” is now ${status.toLowerCase()}`, text, unsubscribeUrl });
      if (outcome.sent) sent++;
    }
  }
  return sent;
}
