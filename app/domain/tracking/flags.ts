// Flags the app works out for itself, shown beside the RAG rating the owner chose: overdue and stale.
import { isOverdue } from "./filters";

export const DEFAULT_STALE_AFTER_DAYS = 30;

export type FlaggableAction = { status: string; due: string | null; createdAt: string; lastUpdateAt: string | null };
export type ActionFlags = { overdue: boolean; stale: boolean };

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Stale: not complete, and no progress update for at least `staleAfterDays` days (counted from when the
 * action was created if it never had one). Dates are compared as England's calendar days.
 */
export function isStale(action: FlaggableAction, today: string, staleAfterDays: number, dayOf: (iso: string) => string): boolean {
  if (action.status === "complete") return false;
  const since = dayOf(action.lastUpdateAt ?? action.createdAt);
  return daysBetween(since, today) >= staleAfterDays;
}

/** Both flags for one action; `dayOf` turns a stored moment into England's calendar day. */
export function flagsOf(action: FlaggableAction, today: string, staleAfterDays: number, dayOf: (iso: string) => string): ActionFlags {
  return { overdue: isOverdue(action, today), stale: isStale(action, today, staleAfterDays, dayOf) };
}

/** How many actions carry each flag (the dashboard's counts). */
export function flagCounts(flags: readonly ActionFlags[]): { overdue: number; stale: number } {
  return { overdue: flags.filter((f) => f.overdue).length, stale: flags.filter((f) => f.stale).length };
}
