// When the weekly digest is due, which week it belongs to, and what goes in it. Pure: the clock is passed in.
import { isOverdue } from "./filters";
import { daysBetween, isStale } from "./flags";
import { dayInEngland, todayInEngland } from "./today";

const WEEKDAY_NUMBER: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** England's weekday (1 = Monday) and hour at a moment. */
export function englandClock(now: Date): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(now);
  return { weekday: WEEKDAY_NUMBER[parts.find((p) => p.type === "weekday")!.value]!, hour: Number(parts.find((p) => p.type === "hour")!.value) };
}

/** The ISO week (e.g. "2026-W50") that a moment falls in, by England's calendar: the key of that week's digest. */
export function reminderWeek(now: Date): string {
  const day = new Date(`${todayInEngland(now)}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** True once this week's sending moment (day and hour in England) has come; it stays true for the rest of the week. */
export function digestDue(now: Date, schedule: { day: number; hour: number }): boolean {
  const { weekday, hour } = englandClock(now);
  return weekday > schedule.day || (weekday === schedule.day && hour >= schedule.hour);
}

export const DUE_SOON_DAYS = 14;
export const NEW_WITHIN_DAYS = 7;

export type DigestAction = { id: string; workspaceId: string; plan: string; title: string; status: string; due: string | null; createdAt: string; lastUpdateAt: string | null };
export type DigestSections = { overdue: DigestAction[]; dueSoon: DigestAction[]; stale: DigestAction[]; new: DigestAction[] };

/** Sorts actions into the digest's sections; an action can be in more than one (new and due soon, say). */
export function digestSections(actions: readonly DigestAction[], today: string, staleAfterDays: (a: DigestAction) => number): DigestSections {
  const open = actions.filter((a) => a.status !== "complete");
  return {
    overdue: open.filter((a) => isOverdue(a, today)),
    dueSoon: open.filter((a) => a.due !== null && a.due >= today && daysBetween(today, a.due) <= DUE_SOON_DAYS),
    stale: open.filter((a) => isStale(a, today, staleAfterDays(a), dayInEngland)),
    new: actions.filter((a) => daysBetween(dayInEngland(a.createdAt), today) < NEW_WITHIN_DAYS),
  };
}

export const isEmptyDigest = (s: DigestSections) => s.overdue.length + s.dueSoon.length + s.stale.length + s.new.length === 0;
