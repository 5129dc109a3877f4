import { z } from "zod";
import { DEFAULT_STALE_AFTER_DAYS } from "~/domain/tracking/flags";
import { statusSettings, type StatusSetting } from "~/domain/tracking/status";
import { db } from "./db.server";

const List = z.array(z.string()).catch([]);
const parseList = (json: string) => List.parse(safeJson(json));
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

export type PlanAction = {
  id: string;
  title: string;
  description: string;
  status: string;
  rag: string;
  owner: string;
  ownerId: string | null;
  partners: string[];
  due: string | null;
  findingIds: string[];
  mirIds: string[];
  votes: number;
  /** The plan's priority this action is (1 = first), as marked on the board; null when it is not one. */
  priority: number | null;
  order: string;
  createdBy: string;
  createdAt: string;
  valid: boolean;
  problems: string;
  manualPercent: number | null;
  latestNote: string | null;
  /** When the latest progress update was written (ISO), or null if there has been none. */
  lastUpdateAt: string | null;
};

type ActionScope = { workspaceId: string | { in: string[] }; id?: string };

/** Projected actions in board order, each with its latest progress note and manual percent (one query each). */
async function planActions(scope: ActionScope): Promise<(PlanAction & { workspaceId: string })[]> {
  const [rows, updates] = await Promise.all([
    db().action.findMany({ where: scope, orderBy: [{ order: "asc" }, { createdAt: "asc" }] }),
    db().progressUpdate.findMany({
      where: { workspaceId: scope.workspaceId, ...(scope.id ? { actionId: scope.id } : {}) },
      orderBy: { at: "desc" },
      select: { workspaceId: true, actionId: true, note: true, percent: true, at: true },
    }),
  ]);
  const latest = new Map<string, { note: string; percent: number | null; at: Date }>();
  for (const u of updates) if (!latest.has(`${u.workspaceId}/${u.actionId}`)) latest.set(`${u.workspaceId}/${u.actionId}`, u);
  return rows.map((r) => ({
    workspaceId: r.workspaceId,
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    rag: r.rag,
    owner: r.owner,
    ownerId: r.ownerId,
    partners: parseList(r.partners),
    due: r.due,
    findingIds: parseList(r.findingIds),
    mirIds: parseList(r.mirIds),
    votes: r.votes,
    priority: r.priority,
    order: r.order,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    valid: r.valid,
    problems: r.problems,
    manualPercent: latest.get(`${r.workspaceId}/${r.id}`)?.percent ?? null,
    latestNote: latest.get(`${r.workspaceId}/${r.id}`)?.note ?? null,
    lastUpdateAt: latest.get(`${r.workspaceId}/${r.id}`)?.at.toISOString() ?? null,
  }));
}

/** Every projected action of one plan. */
export function listPlanActions(workspaceId: string): Promise<PlanAction[]> {
  return planActions({ workspaceId });
}

/** Every projected action of several plans (the council dashboard), in one pass. */
export function listActionsOfPlans(workspaceIds: string[]) {
  return planActions({ workspaceId: { in: workspaceIds } });
}

/** One action of a plan, or null. */
export async function findPlanAction(workspaceId: string, actionId: string): Promise<PlanAction | null> {
  return (await planActions({ workspaceId, id: actionId }))[0] ?? null;
}

/** After how many days without a progress update the council counts an open action as stale. */
export async function staleAfterDaysFor(orgId: string): Promise<number> {
  const org = await db().organisation.findUnique({ where: { id: orgId }, select: { staleAfterDays: true } });
  return org?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
}

export async function saveStaleAfterDays(orgId: string, days: number): Promise<void> {
  await db().organisation.update({ where: { id: orgId }, data: { staleAfterDays: days } });
}

/** The council's status wording and percents, merged over the defaults. */
export async function statusSettingsFor(orgId: string): Promise<StatusSetting[]> {
  return statusSettings(await db().statusSetting.findMany({ where: { orgId } }));
}

export async function saveStatusSettings(orgId: string, settings: readonly StatusSetting[]): Promise<void> {
  await db().$transaction(
    settings.map((s) =>
      db().statusSetting.upsert({
        where: { orgId_status: { orgId, status: s.status } },
        update: { label: s.label, percent: s.percent },
        create: { orgId, status: s.status, label: s.label, percent: s.percent },
      }),
    ),
  );
}

export async function addProgressUpdate(input: { workspaceId: string; actionId: string; note: string; percent: number | null; authorId: string | null; authorName: string }) {
  return db().progressUpdate.create({ data: input });
}

/** Everything that happened to an action, oldest first: field changes and progress notes. */
export async function actionHistory(workspaceId: string, actionId: string) {
  const [events, notes] = await Promise.all([
    db().actionEvent.findMany({ where: { workspaceId, actionId }, orderBy: { at: "asc" } }),
    db().progressUpdate.findMany({ where: { workspaceId, actionId }, orderBy: { at: "asc" }, include: { revisions: { orderBy: { replacedAt: "asc" } } } }),
  ]);
  return { events, notes };
}
