// Milestones: dated steps towards an action, and the one-line summary the plan table shows.
import { z } from "zod";

export type MilestoneView = { id: string; title: string; due: string; done: boolean };
/** What was wrong with a milestone form, with what was typed so it is not lost. */
export type MilestoneProblem = { errors: { title?: string; due?: string; form?: string }; values: { title: string; due: string } };
export type MilestoneSummary = { done: number; total: number; nextDue: string | null };

/** Counts done steps and finds the earliest step still to do. */
export function summariseMilestones(milestones: readonly Pick<MilestoneView, "due" | "done">[]): MilestoneSummary {
  const open = milestones.filter((m) => !m.done).map((m) => m.due).sort();
  return { done: milestones.length - open.length, total: milestones.length, nextDue: open[0] ?? null };
}

/** "14 Mar 2027" for a YYYY-MM-DD date (the year is kept: plans run for years). */
export function shortDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "2 of 3 milestones done, next 14 Mar 2027", or null when there are none. */
export function milestoneSentence(summary: MilestoneSummary): string | null {
  if (summary.total === 0) return null;
  const head = `${summary.done} of ${summary.total} milestone${summary.total === 1 ? "" : "s"} done`;
  return summary.nextDue ? `${head}, next ${shortDate(summary.nextDue)}` : head;
}

const realDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** The add-a-milestone form. */
export const NewMilestone = z.object({
  intent: z.literal("add-milestone"),
  title: z
    .string({ required_error: "Say what the step is, for example “Draft letter agreed with the co-production group”" })
    .trim()
    .min(1, "Say what the step is, for example “Draft letter agreed with the co-production group”")
    .max(200, "Keep the step to 200 characters or fewer"),
  due: z
    .string({ required_error: "Enter the date this step is due, like 2027-03-14" })
    .trim()
    .refine(realDate, "Enter a real date as year-month-day, like 2027-03-14"),
});

/** Ticking, unticking or removing one milestone. */
export const MilestoneChange = z.object({
  intent: z.enum(["milestone-done", "milestone-reopen", "milestone-remove"]),
  milestoneId: z.string({ required_error: "Choose a milestone" }).min(1).max(64),
});
