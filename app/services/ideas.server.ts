// The silent ideas round, server side (ADR 019). An idea is kept in the WorkshopIdea table, not in the shared
// document, so no other browser receives it: the server answers a person with their own hidden ideas only.
// When a facilitator reveals the round, the server writes every hidden idea into the document at once (as a
// server edit with no actor: the document does not say whose idea is whose) and marks them revealed.
// Everyone sees only how many ideas are waiting (session.hiddenIdeas), which the server keeps up to date.
import { MAX_HIDDEN_IDEAS_EACH, ideaTextSchema, writeHiddenIdeaCount, writeRevealedIdeas } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { displayNameOf, type WorkspaceAccess } from "./auth.server";
import type { CollabControl } from "./collabControl";
import { participantKeyOf } from "./voting.server";

export type HiddenIdea = { id: string; text: string; createdAt: string };
export type IdeaOutcome = { ok: true } | { ok: false; error: string };

const ROUND = { source: "server", actorId: null, actorName: "Silent ideas round" } as const;

/** This person's ideas that are still hidden, oldest first. Nobody else's, whatever their role. */
export async function myHiddenIdeas(access: WorkspaceAccess): Promise<HiddenIdea[]> {
  const rows = await db().workshopIdea.findMany({
    where: { workspaceId: access.workspace.id, authorKey: participantKeyOf(access), revealedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true, createdAt: true },
  });
  return rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() }));
}

async function publishHiddenCount(workspaceId: string, collab: CollabControl): Promise<void> {
  // Two changes at once may publish out of order; the next change (or reveal) puts the count right.
  const count = await db().workshopIdea.count({ where: { workspaceId, revealedAt: null } });
  await collab.withDocument(workspaceId, (doc) => writeHiddenIdeaCount(doc, count), ROUND);
}

/** Keeps a new hidden idea for this person (anyone who may edit the plan: co-producers, guests, facilitators). */
export async function addIdea(access: WorkspaceAccess, collab: CollabControl, raw: unknown): Promise<IdeaOutcome> {
  const text = ideaTextSchema.safeParse(raw);
  if (!text.success) return { ok: false, error: text.error.issues[0]?.message ?? "Write your idea first." };
  const authorKey = participantKeyOf(access);
  const waiting = await db().workshopIdea.count({ where: { workspaceId: access.workspace.id, authorKey, revealedAt: null } });
  if (waiting >= MAX_HIDDEN_IDEAS_EACH) return { ok: false, error: `You have ${MAX_HIDDEN_IDEAS_EACH} ideas waiting to be revealed. Take one back, or wait for the facilitator to reveal them.` };
  await db().workshopIdea.create({ data: { workspaceId: access.workspace.id, authorKey, authorName: displayNameOf(access.principal), text: text.data } });
  await publishHiddenCount(access.workspace.id, collab);
  return { ok: true };
}

/** Takes back one of this person's own hidden ideas; someone else's, or a revealed one, is "not found". */
export async function withdrawIdea(access: WorkspaceAccess, collab: CollabControl, ideaId: string): Promise<IdeaOutcome> {
  const { count } = await db().workshopIdea.deleteMany({ where: { id: ideaId, workspaceId: access.workspace.id, authorKey: participantKeyOf(access), revealedAt: null } });
  if (count === 0) return { ok: false, error: "That idea is not one of your hidden ideas any more: it may have been revealed already." };
  await publishHiddenCount(access.workspace.id, collab);
  return { ok: true };
}

/** Reveals every hidden idea of the plan at once (the route lets only facilitators call this). */
export async function revealIdeas(access: WorkspaceAccess, collab: CollabControl): Promise<{ revealed: number }> {
  const workspaceId = access.workspace.id;
  const hidden = await db().workshopIdea.findMany({ where: { workspaceId, revealedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, text: true } });
  if (hidden.length > 0) {
    // Into the document first: if the server stopped between the two steps, revealing again writes the same
    // ideas under the same ids, so nothing is lost or doubled.
    await collab.withDocument(workspaceId, (doc) => writeRevealedIdeas(doc, hidden), ROUND);
    await db().workshopIdea.updateMany({ where: { workspaceId, id: { in: hidden.map((h) => h.id) } }, data: { revealedAt: new Date() } });
  }
  await publishHiddenCount(workspaceId, collab);
  return { revealed: hidden.length };
}
