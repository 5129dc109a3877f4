// Derives the Action table of a workspace from its document and records who changed status, owner,
// due date or RAG. The table is a projection: re-running this on the same document changes nothing.
import { randomUUID } from "node:crypto";
import type * as Y from "yjs";
import { priorityOrder, readActions, readPriorities, totalVotes, type ActionView } from "~/domain/workspace";
import { databaseProvider, type Tx, writeTransaction } from "~/models/db.server";
import { emailFollowUps } from "./followUpEmails.server";
import { notifyContributors } from "./notifyContributors.server";

export const TRACKED_FIELDS = ["status", "owner", "due", "rag"] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export type Actor = { actorId: string | null; actorName: string; at: Date };
/** Who made a change ("created" / "deleted" for the action itself), when the caller knows. */
export type ActorLookup = (actionId: string, field: TrackedField | "created" | "deleted") => Actor | null;

export type ProjectionResult = { upserted: number; deleted: number; events: number };

type Row = {
  id: string;
  title: string;
  description: string;
  status: string;
  rag: string;
  owner: string;
  ownerId: string | null;
  partners: string;
  due: string | null;
  findingIds: string;
  mirIds: string;
  votes: number;
  priority: number | null;
  order: string;
  createdBy: string;
  createdAt: Date;
  valid: boolean;
  problems: string;
};

const UNKNOWN_ACTOR = "Someone (not recorded)";

function toRow(view: ActionView, priority: number | null): Row {
  const createdAt = new Date(view.createdAt);
  return {
    id: view.id,
    title: view.title,
    description: view.description,
    status: view.status,
    rag: view.rag,
    owner: view.owner,
    ownerId: view.ownerId,
    partners: JSON.stringify(view.partners),
    due: view.due,
    findingIds: JSON.stringify(view.findingIds),
    mirIds: JSON.stringify(view.mirIds),
    votes: totalVotes(view),
    priority,
    order: view.order,
    createdBy: view.createdBy,
    createdAt: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt,
    valid: view.valid,
    problems: view.problems.join("\n"),
  };
}

function sameRow(a: Row, b: Row): boolean {
  return (Object.keys(a) as (keyof Row)[]).every((key) => {
    const x = a[key];
    const y = b[key];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/** Brings the Action rows in line with the document and appends one ActionEvent per tracked change. */
export async function projectWorkspace(workspaceId: string, doc: Y.Doc, actorFor: ActorLookup = () => null): Promise<ProjectionResult> {
  const views = readActions(doc);
  // The priorities as the board shows them: actions still on it, numbered 1, 2, 3 without gaps.
  const priorities = priorityOrder(readPriorities(doc), views.map((v) => v.id));
  const rows = views.map((view) => toRow(view, priorities.includes(view.id) ? priorities.indexOf(view.id) + 1 : null));
  const outcome = await writeTransaction(
    async (tx) => {
      await lockProjection(tx, workspaceId);
      const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, orgId: true } });
      if (!workspace) return { upserted: 0, deleted: 0, events: 0, moves: [] };
      // The document is written by browsers: an owner account counts only if it is a member of this council.
      const ownerIds = [...new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
      if (ownerIds.length) {
        const members = new Set((await tx.membership.findMany({ where: { orgId: workspace.orgId, userId: { in: ownerIds } }, select: { userId: true } })).map((m) => m.userId));
        for (const row of rows) if (row.ownerId && !members.has(row.ownerId)) row.ownerId = null;
      }
      const existing = new Map<string, Row>(
        (await tx.action.findMany({ where: { workspaceId }, omit: { workspaceId: true, updatedAt: true } })).map((row) => [row.id, row]),
      );
      const events: Array<{ id: string; actionId: string; field: string; fromValue: string | null; toValue: string | null; actorId: string | null; actorName: string; at: Date }> = [];
      const event = (actionId: string, field: TrackedField | "created" | "deleted", fromValue: string | null, toValue: string | null) => {
        const actor = actorFor(actionId, field);
        events.push({ id: randomUUID(), actionId, field, fromValue, toValue, actorId: actor?.actorId ?? null, actorName: actor?.actorName ?? UNKNOWN_ACTOR, at: actor?.at ?? new Date() });
      };
      let upserted = 0;
      for (const row of rows) {
        const before = existing.get(row.id);
        existing.delete(row.id);
        if (before && sameRow(before, row)) continue;
        if (!before) event(row.id, "created", null, row.title);
        else for (const field of TRACKED_FIELDS) if (before[field] !== row[field]) event(row.id, field, before[field], row[field]);
        await tx.action.upsert({ where: { workspaceId_id: { workspaceId, id: row.id } }, create: { workspaceId, ...row }, update: row });
        upserted++;
      }
      const gone = [...existing.keys()];
      for (const id of gone) event(id, "deleted", existing.get(id)!.title, null);
      if (gone.length) await tx.action.deleteMany({ where: { workspaceId, id: { in: gone } } });
      if (events.length) await tx.actionEvent.createMany({ data: events.map((e) => ({ workspaceId, ...e })) });
      const moves = events.filter((e) => e.field === "status");
      await notifyContributors(tx, workspaceId, moves, views);
      return { upserted, deleted: gone.length, events: events.length, moves };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  // Emails go once the events are committed, and the projection does not wait for the mail server.
  if (outcome.moves.length) {
    void emailFollowUps(workspaceId, outcome.moves, views).catch((error: Error) => console.error(`WARN follow-up emails for workspace ${workspaceId} failed: ${error.message}`));
  }
  return { upserted: outcome.upserted, deleted: outcome.deleted, events: outcome.events };
}

/** Two instances projecting one workspace take turns, so an event is never recorded twice (SQLite has one writer anyway). */
async function lockProjection(tx: Tx, workspaceId: string): Promise<void> {
  if (databaseProvider() !== "postgresql") return;
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `projection:${workspaceId}`);
}
