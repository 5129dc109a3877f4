// Which actions a tracking view shows: overdue, due soon, mine, unowned, by theme, by finding.
import { z } from "zod";

export type TrackedAction = {
  id: string;
  title: string;
  status: string;
  rag: string;
  owner: string;
  /** The council member chosen as owner (null: the owner is a free-text name). */
  ownerId: string | null;
  due: string | null;
  findingIds: string[];
  mirIds: string[];
  /** The plan's priority this action is (1 = first), as facilitators marked it on the board; null when not one. */
  priority?: number | null;
};

export const PLAN_FILTERS = ["all", "priorities", "overdue", "due-30", "mine", "unowned"] as const;
export const SORT_KEYS = ["order", "priority", "title", "status", "rag", "owner", "due"] as const;

export const PlanQuery = z.object({
  show: z.enum(PLAN_FILTERS).catch("all"),
  theme: z.string().max(10).catch(""),
  finding: z.string().max(200).catch(""),
  sort: z.enum(SORT_KEYS).catch("order"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type PlanQuery = z.infer<typeof PlanQuery>;

/** True when the action has a due date before today and is not complete. */
export function isOverdue(action: Pick<TrackedAction, "due" | "status">, today: string): boolean {
  return action.due !== null && action.due < today && action.status !== "complete";
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Who is looking: their user id (null for a guest) and display name. */
export type Person = { id: string | null; name: string };

/**
 * Whether an action belongs to this person: by account when the owner was chosen from the council's
 * members; by name (ignoring case and spaces around it) when the owner was typed in as free text.
 */
export function isOwnedBy(action: Pick<TrackedAction, "owner" | "ownerId">, me: Person): boolean {
  if (action.ownerId) return action.ownerId === me.id;
  return me.name.trim() !== "" && action.owner.trim().toLowerCase() === me.name.trim().toLowerCase();
}

/** The Making it Real themes an action answers, from its statement ids (e.g. "WF-I2" → "WF"). */
export function themesOf(action: Pick<TrackedAction, "mirIds">): string[] {
  return [...new Set(action.mirIds.map((id) => id.split("-")[0]!).filter(Boolean))];
}

/** Applies one plan view's filters; today is YYYY-MM-DD in the council's time. */
export function filterActions<T extends TrackedAction>(actions: readonly T[], query: PlanQuery, me: Person, today: string): T[] {
  const soon = addDays(today, 30);
  return actions.filter((a) => {
    if (query.show === "priorities" && !a.priority) return false;
    if (query.show === "overdue" && !isOverdue(a, today)) return false;
    if (query.show === "due-30" && !(a.due !== null && a.due >= today && a.due <= soon && a.status !== "complete")) return false;
    if (query.show === "mine" && !isOwnedBy(a, me)) return false;
    if (query.show === "unowned" && a.owner.trim() !== "") return false;
    if (query.theme && !themesOf(a).includes(query.theme)) return false;
    if (query.finding && !a.findingIds.includes(query.finding)) return false;
    return true;
  });
}

const STATUS_RANK: Record<string, number> = { "not-started": 0, "in-progress": 1, blocked: 2, complete: 3 };
const RAG_RANK: Record<string, number> = { red: 0, amber: 1, green: 2 };

/** Sorts a copy by one column; blanks (no owner, no due date, not a priority) go last either way. */
export function sortActions<T extends TrackedAction & { order: string }>(actions: readonly T[], sort: PlanQuery["sort"], dir: PlanQuery["dir"]): T[] {
  const key = (a: T): string | number | null => {
    switch (sort) {
      case "priority":
        return a.priority ?? null;
      case "title":
        return a.title.toLowerCase();
      case "status":
        return STATUS_RANK[a.status] ?? 9;
      case "rag":
        return RAG_RANK[a.rag] ?? 9;
      case "owner":
        return a.owner.trim() ? a.owner.toLowerCase() : null;
      case "due":
        return a.due;
      case "order":
        return a.order;
    }
  };
  const sign = dir === "asc" ? 1 : -1;
  return [...actions].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return a < b ? -sign : a > b ? sign : 0;
  });
}

/** Counts shown at the top of the plan: everything, overdue, due soon, unowned, complete. */
export function planCounts(actions: readonly TrackedAction[], today: string) {
  const soon = addDays(today, 30);
  return {
    total: actions.length,
    overdue: actions.filter((a) => isOverdue(a, today)).length,
    dueSoon: actions.filter((a) => a.due !== null && a.due >= today && a.due <= soon && a.status !== "complete").length,
    unowned: actions.filter((a) => a.owner.trim() === "").length,
    complete: actions.filter((a) => a.status === "complete").length,
  };
}
