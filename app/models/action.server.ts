import { z } from "zod";
import { db } from "./db.server";

/** The projected actions of a workspace in board order (derived from the workspace document). */
export async function listActions(workspaceId: string) {
  return db().action.findMany({ where: { workspaceId }, orderBy: [{ order: "asc" }, { createdAt: "asc" }] });
}

const FindingIds = z.array(z.string()).catch([]);

/** Where an answering action may come from: the council, the round it must be built on, and optionally one plan. */
export type AnsweringScope = { orgId: string; roundId: string; workspaceId?: string };

/**
 * The projected actions, in plans of this council built on this round (and only the given plan when one
 * is named), that are linked to the finding; each with its plan's name, plans newest first.
 */
export async function listActionsAnsweringFinding(scope: AnsweringScope, findingId: string) {
  const rows = await db().action.findMany({
    where: {
      findingIds: { contains: JSON.stringify(findingId) },
      workspace: { orgId: scope.orgId, rounds: { some: { roundId: scope.roundId } }, ...(scope.workspaceId ? { id: scope.workspaceId } : {}) },
    },
    select: { workspaceId: true, id: true, title: true, status: true, rag: true, findingIds: true, workspace: { select: { name: true, createdAt: true } } },
    orderBy: [{ workspace: { createdAt: "desc" } }, { order: "asc" }, { createdAt: "asc" }],
  });
  // The text match narrows the query; the parsed list decides (a title cannot make an action "linked").
  return rows
    .filter((r) => FindingIds.parse(safeJson(r.findingIds)).includes(findingId))
    .map((r) => ({ workspaceId: r.workspaceId, workspaceName: r.workspace.name, id: r.id, title: r.title, status: r.status, rag: r.rag }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

/** When each projected action of a plan last changed (for feeds). */
export async function actionChangeTimes(workspaceId: string): Promise<Map<string, Date>> {
  const rows = await db().action.findMany({ where: { workspaceId }, select: { id: true, updatedAt: true } });
  return new Map(rows.map((r) => [r.id, r.updatedAt]));
}
