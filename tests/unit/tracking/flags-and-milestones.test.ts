import { describe, expect, it } from "vitest";
import { flagCounts, flagsOf, isStale } from "~/domain/tracking/flags";
import { milestoneSentence, NewMilestone, summariseMilestones } from "~/domain/tracking/milestones";
import { dayInEngland } from "~/domain/tracking/today";

const open = { status: "in-progress", due: "2027-03-01", createdAt: "2026-09-01T10:00:00.000Z", lastUpdateAt: null };

describe("overdue and stale flags", () => {
  it("an action past its due date and not complete is overdue; complete or undated never is", () => {
    expect(flagsOf(open, "2027-03-02", 30, dayInEngland).overdue).toBe(true);
    expect(flagsOf(open, "2027-03-01", 30, dayInEngland).overdue).toBe(false);
    expect(flagsOf({ ...open, status: "complete" }, "2027-03-02", 30, dayInEngland).overdue).toBe(false);
    expect(flagsOf({ ...open, due: null }, "2030-01-01", 30, dayInEngland).overdue).toBe(false);
  });

  it("stale counts from the latest progress update, or from creation when there was none, in the council's days", () => {
    const updated = { ...open, lastUpdateAt: "2026-11-01T09:00:00.000Z" };
    expect(isStale(updated, "2026-11-30", 30, dayInEngland)).toBe(false);
    expect(isStale(updated, "2026-12-01", 30, dayInEngland)).toBe(true);
    expect(isStale(updated, "2026-11-15", 14, dayInEngland)).toBe(true);
    expect(isStale(open, "2026-10-01", 30, dayInEngland)).toBe(true);
    expect(isStale({ ...updated, status: "complete" }, "2027-12-01", 30, dayInEngland)).toBe(false);
  });

  it("an update written just before midnight in England counts on England's day, not UTC's", () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July: 30 days run from 1 July.
    const lateNight = { ...open, lastUpdateAt: "2026-06-30T23:30:00.000Z" };
    expect(isStale(lateNight, "2026-07-30", 30, dayInEngland)).toBe(false);
    expect(isStale(lateNight, "2026-07-31", 30, dayInEngland)).toBe(true);
  });

  it("counts each flag across actions", () => {
    expect(flagCounts([{ overdue: true, stale: true }, { overdue: false, stale: true }, { overdue: false, stale: false }])).toEqual({ overdue: 1, stale: 2 });
  });
});

describe("milestones", () => {
  it("summarises done steps and the earliest step still to do", () => {
    const summary = summariseMilestones([
      { due: "2027-05-01", done: false },
      { due: "2027-01-10", done: true },
      { due: "2027-03-14", done: false },
    ]);
    expect(summary).toEqual({ done: 1, total: 3, nextDue: "2027-03-14" });
    expect(milestoneSentence(summary)).toBe("1 of 3 milestones done, next 14 Mar 2027");
    expect(milestoneSentence(summariseMilestones([{ due: "2027-01-10", done: true }]))).toBe("1 of 1 milestone done");
    expect(milestoneSentence(summariseMilestones([]))).toBeNull();
  });

  it("the form refuses a missing step and an impossible date with a message saying how to fix it", () => {
    const result = NewMilestone.safeParse({ intent: "add-milestone", title: "  ", due: "2027-02-30" });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors;
    expect(errors.title?.[0]).toMatch(/Say what the step is/);
    expect(errors.due?.[0]).toBe("Enter a real date as year-month-day, like 2027-03-14");
    expect(NewMilestone.safeParse({ intent: "add-milestone", title: "Letter drafted", due: "2027-02-28" }).success).toBe(true);
  });
});
