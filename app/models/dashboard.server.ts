import { db } from "./db.server";
import { listActionsOfPlans, type PlanAction } from "./tracking.server";

export type CouncilAction = PlanAction & { workspaceId: string; workspaceName: string };

export type CouncilPlan = { id: string; name: string };

/** The council's plans, oldest first (the dashboard reads them once for all its figures). */
export function listCouncilPlans(orgId: string): Promise<CouncilPlan[]> {
  return db().workspace.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
}

/** Every action in every plan of the council (its plans from listCouncilPlans), with its plan. */
export async function listCouncilActions(workspaces: readonly CouncilPlan[]): Promise<CouncilAction[]> {
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const actions = await listActionsOfPlans(workspaces.map((w) => w.id));
  return actions.map((a) => ({ ...a, workspaceName: names.get(a.workspaceId)! }));
}

/** When actions became complete (from their history), as YYYY-MM month counts, oldest first. */
export async function completionsByMonth(workspaces: readonly CouncilPlan[]): Promise<{ month: string; completed: number }[]> {
  const events = await db().actionEvent.findMany({
    where: { field: "status", toValue: "complete", workspaceId: { in: workspaces.map((w) => w.id) } },
    select: { at: true },
    orderBy: { at: "asc" },
  });
  const counts = new Map<string, number>();
  for (const e of events) {
    const month = e.at.toISOString().slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].map(([month, completed]) => ({ month, completed }));
}
