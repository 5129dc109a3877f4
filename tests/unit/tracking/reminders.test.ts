import { describe, expect, it } from "vitest";
import { digestDue, digestSections, reminderWeek } from "~/domain/tracking/reminders";
import { loadConfig } from "../../../server/config";

const monday8 = { day: 1, hour: 8 };

describe("when the weekly digest goes out", () => {
  it("weeks are ISO weeks by England's calendar, so a late Sunday evening in summer is still that week", () => {
    expect(reminderWeek(new Date("2026-12-07T09:00:00Z"))).toBe("2026-W50");
    expect(reminderWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    // 23:30 UTC on Sunday 5 July is 00:30 BST on Monday 6 July: the next week.
    expect(reminderWeek(new Date("2026-07-05T23:30:00Z"))).toBe("2026-W28");
    expect(reminderWeek(new Date("2026-07-05T22:30:00Z"))).toBe("2026-W27");
  });

  it("is due from the chosen day and hour in England until the week ends, never before", () => {
    expect(digestDue(new Date("2026-12-07T07:59:00Z"), monday8)).toBe(false);
    expect(digestDue(new Date("2026-12-07T08:00:00Z"), monday8)).toBe(true);
    expect(digestDue(new Date("2026-12-10T03:00:00Z"), monday8)).toBe(true);
    // 07:30 UTC in July is 08:30 BST.
    expect(digestDue(new Date("2026-07-06T07:30:00Z"), monday8)).toBe(true);
    expect(digestDue(new Date("2026-12-09T12:00:00Z"), { day: 5, hour: 8 })).toBe(false);
  });

  it("sorts an owner's actions into overdue, due in 14 days, stale and new; complete actions only count as new", () => {
    const base = { workspaceId: "w", plan: "Plan", status: "in-progress", lastUpdateAt: null };
    const sections = digestSections(
      [
        { ...base, id: "late", title: "Late", due: "2026-12-01", createdAt: "2026-10-01T10:00:00Z" },
        { ...base, id: "soon", title: "Soon", due: "2026-12-21", createdAt: "2026-12-01T10:00:00Z", lastUpdateAt: "2026-12-04T10:00:00Z" },
        { ...base, id: "later", title: "Later", due: "2026-12-22", createdAt: "2026-12-01T10:00:00Z", lastUpdateAt: "2026-12-04T10:00:00Z" },
        { ...base, id: "done", title: "Done", status: "complete", due: "2026-11-01", createdAt: "2026-12-06T10:00:00Z" },
      ],
      "2026-12-07",
      () => 30,
    );
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids(sections.overdue)).toEqual(["late"]);
    expect(ids(sections.dueSoon)).toEqual(["soon"]);
    expect(ids(sections.stale)).toEqual(["late"]);
    expect(ids(sections.new)).toEqual(["soon", "later", "done"]);
  });
});

describe("reminder configuration", () => {
  it("reads the day by name and refuses a bad day or hour with the variable named", () => {
    expect(loadConfig({ DATA_DIR: "/tmp/poet-config-test", REMINDERS_DAY: "Friday", REMINDERS_HOUR: "7", SESSION_SECRET: "x".repeat(32) }).reminders).toMatchObject({ enabled: true, day: 5, hour: 7 });
    expect(() => loadConfig({ REMINDERS_DAY: "someday", SESSION_SECRET: "x".repeat(32) })).toThrow('REMINDERS_DAY must be a day of the week like monday (got "someday")');
    expect(() => loadConfig({ REMINDERS_HOUR: "24", SESSION_SECRET: "x".repeat(32) })).toThrow("REMINDERS_HOUR must be an hour from 0 to 23");
    expect(loadConfig({ NODE_ENV: "production", REMINDERS_FAKE_NOW: "2026-12-07T09:00:00Z", SESSION_SECRET: "x".repeat(32) }).reminders.fakeNow).toBeNull();
  });
});
