// Milestones of an action. Every query names the plan (workspace) and action, so a milestone id from
// another plan or council matches nothing.
import type { MilestoneView } from "~/domain/tracking/milestones";
import { db } from "./db.server";

type Actor = { actorId: string | null; actorName: string };
type Where = { workspaceId: string; actionId: string };

const toView = (m: { id: string; title: string; due: string; doneAt: Date | null }): MilestoneView => ({ id: m.id, title: m.title, due: m.due, done: m.doneAt !== null });

/** One action's milestones, earliest due first. */
export async function listMilestones(where: Where): Promise<MilestoneView[]> {
  const rows = await db().milestone.findMany({ where, orderBy: [{ due: "asc" }, { createdAt: "asc" }] });
  return rows.map(toView);
}

/** Milestones of every action in these plans, keyed "workspaceId/actionId" (plan table, dashboard, board report). */
export async function milestonesOfPlans(workspaceIds: string[]): Promise<Map<string, MilestoneView[]>> {
  const rows = await db().milestone.findMany({ where: { workspaceId: { in: workspaceIds } }, orderBy: [{ due: "asc" }, { createdAt: "asc" }] });
  const byAction = new Map<string, MilestoneView[]>();
  for (const row of rows) {
    const key = `${row.workspaceId}/${row.actionId}`;
    byAction.set(key, [...(byAction.get(key) ?? []), toView(row)]);
  }
  return byAction;
}

function historyEvent(where: Where, actor: Actor, field: string, fromValue: string | null, toValue: string | null) {
  return db().actionEvent.create({ data: { ...where, field, fromValue, toValue, actorId: actor.actorId, actorName: actor.actorName } });
}

const label = (m: { title: string; due: string }) => `${m.title} (due ${m.due})`;

/** Adds a milestone and records it in the action's history. */
export async function addMilestone(where: Where, input: { title: string; due: string }, actor: Actor): Promise<void> {
  await db().$transaction([db().milestone.create({ data: { ...where, ...input } }), historyEvent(where, actor, "milestone-added", null, label(input))]);
}

/** Ticks a milestone done (or not done); false when it is not in this action. */
export async function setMilestoneDone(where: Where, milestoneId: string, done: boolean, actor: Actor): Promise<boolean> {
  const existing = await db().milestone.findFirst({ where: { ...where, id: milestoneId } });
  if (!existing) return false;
  if ((existing.doneAt !== null) === done) return true;
  await db().$transaction([
    db().milestone.update({ where: { id: existing.id }, data: { doneAt: done ? new Date() : null } }),
    historyEvent(where, actor, done ? "milestone-done" : "milestone-reopened", null, label(existing)),
  ]);
  return true;
}

/** Removes a milestone; false when it is not in this action. */
export async function removeMilestone(where: Where, milestoneId: string, actor: Actor): Promise<boolean> {
  const existing = await db().milestone.findFirst({ where: { ...where, id: milestoneId } });
  if (!existing) return false;
  await db().$transaction([db().milestone.delete({ where: { id: existing.id } }), historyEvent(where, actor, "milestone-removed", label(existing), null)]);
  return true;
}
