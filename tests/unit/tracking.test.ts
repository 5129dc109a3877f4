import { describe, expect, it } from "vitest";
import { filterActions, isOverdue, planCounts, PlanQuery, sortActions, themesOf } from "~/domain/tracking/filters";
import { compareRounds } from "~/domain/tracking/roundChange";
import { effectivePercent, statusSettings } from "~/domain/tracking/status";

const action = (over: Partial<Parameters<typeof filterActions>[0][number] & { order: string }>) => ({
  id: "a",
  title: "Action",
  status: "not-started",
  rag: "green",
  owner: "",
  ownerId: null as string | null,
  due: null as string | null,
  findingIds: [] as string[],
  mirIds: [] as string[],
  order: "a0",
  ...over,
});
const query = (over: Record<string, string>) => PlanQuery.parse(over);

describe("status percent rules", () => {
  it("uses the council's percent for a status unless a manual figure overrides it", () => {
    const settings = statusSettings([{ status: "in-progress", label: "Under way", percent: 40 }]);
    expect(settings.map((s) => s.label)).toEqual(["Not started", "Under way", "Blocked", "Complete"]);
    expect(effectivePercent(settings, "in-progress", null)).toBe(40);
    expect(effectivePercent(settings, "complete", undefined)).toBe(100);
    expect(effectivePercent(settings, "in-progress", 75)).toBe(75);
    expect(effectivePercent(settings, "in-progress", 140)).toBe(100);
    expect(effectivePercent(settings, "nonsense", null)).toBe(0);
  });
});

describe("plan filters", () => {
  const today = "2026-11-23";
  const actions = [
    action({ id: "late", due: "2026-11-01", owner: "Sam" }),
    action({ id: "late-but-done", due: "2026-11-01", status: "complete", owner: "Sam" }),
    action({ id: "soon", due: "2026-12-10", owner: "Priya", mirIds: ["WF-I2", "WF-I3", "IA-I1"] }),
    action({ id: "later", due: "2027-03-01", owner: "" , findingIds: ["O_SAFE~all"] }),
    action({ id: "no-date", owner: " sam " }),
    // Chosen from the council's members: belongs to that account whatever its name, and to no other Sam.
    action({ id: "chosen", owner: "Sam", ownerId: "user-sam-2" }),
    action({ id: "renamed", owner: "Sam (old name)", ownerId: "user-sam" }),
  ];
  const ids = (q: Record<string, string>, me: { id: string | null; name: string } = { id: "user-sam", name: "Sam" }) =>
    filterActions(actions, query(q), me, today).map((a) => a.id);

  it("overdue means a past due date and not complete", () => {
    expect(ids({ show: "overdue" })).toEqual(["late"]);
    expect(isOverdue({ due: "2026-11-22", status: "in-progress" }, today)).toBe(true);
    expect(isOverdue({ due: today, status: "in-progress" }, today)).toBe(false);
  });
  it("due in 30 days, mine (the chosen account, else the typed name ignoring case and spaces), unowned, theme and finding", () => {
    expect(ids({ show: "due-30" })).toEqual(["soon"]);
    expect(ids({ show: "mine" })).toEqual(["late", "late-but-done", "no-date", "renamed"]);
    expect(ids({ show: "mine" }, { id: "user-sam-2", name: "Sam" })).toEqual(["late", "late-but-done", "no-date", "chosen"]);
    expect(ids({ show: "mine" }, { id: null, name: "Sam" })).toEqual(["late", "late-but-done", "no-date"]);
    expect(ids({ show: "unowned" })).toEqual(["later"]);
    expect(ids({ theme: "IA" })).toEqual(["soon"]);
    expect(ids({ finding: "O_SAFE~all" })).toEqual(["later"]);
    expect(themesOf(actions[2]!)).toEqual(["WF", "IA"]);
  });
  it("falls back to showing everything for unknown filter values in the URL", () => {
    expect(query({ show: "<script>", sort: "nonsense" })).toMatchObject({ show: "all", sort: "order" });
  });
  it("sorts by due date with undated actions last, both ways", () => {
    const dated = actions.filter((a) => a.id !== "chosen" && a.id !== "renamed");
    expect(sortActions(dated, "due", "asc").map((a) => a.id)).toEqual(["late", "late-but-done", "soon", "later", "no-date"]);
    expect(sortActions(dated, "due", "desc").map((a) => a.id)).toEqual(["later", "soon", "late", "late-but-done", "no-date"]);
  });
  it("shows only the plan's priorities, and sorts them first in their order with the rest last, both ways", () => {
    const marked = [action({ id: "none", order: "a0" }), action({ id: "second", priority: 2, order: "a1" }), action({ id: "first", priority: 1, order: "a2" }), action({ id: "also-none", priority: null, order: "a3" })];
    expect(filterActions(marked, query({ show: "priorities" }), { id: null, name: "" }, today).map((a) => a.id)).toEqual(["second", "first"]);
    expect(sortActions(marked, "priority", "asc").map((a) => a.id)).toEqual(["first", "second", "none", "also-none"]);
    expect(sortActions(marked, "priority", "desc").map((a) => a.id)).toEqual(["second", "first", "none", "also-none"]);
  });
  it("counts what the top of the plan shows", () => {
    expect(planCounts(actions, today)).toEqual({ total: 7, overdue: 1, dueSoon: 1, unowned: 1, complete: 1 });
  });
});

describe("between-rounds change (hand-worked)", () => {
  it("48% → 61% with 200 people each time is a significant rise", () => {
    // p1 = 96/200 = 0.48, p2 = 122/200 = 0.61; pooled = 218/400 = 0.545
    // se = √(0.545 × 0.455 × (1/200 + 1/200)) = √(0.247975 × 0.01) = 0.049797
    // z = 0.13 / 0.049797 = 2.6106; two-sided p = 2 × (1 − Φ(2.6106)) = 0.00904
    const change = compareRounds("Knew their budget amount", { positive: 96, n: 200 }, { positive: 122, n: 200 });
    expect(change.p).toBeCloseTo(0.00904, 4);
    expect(change.verdict).toBe("significant-rise");
    expect(change.sentence).toBe("Knew their budget amount: 48% → 61%, a significant rise.");
  });
  it("a small move with few people is not called a change", () => {
    // p1 = 30/50 = 0.6, p2 = 33/50 = 0.66; pooled 0.63; se = √(0.63 × 0.37 × 0.04) = 0.096561; z = 0.6214; p = 0.534
    const change = compareRounds("Felt safe", { positive: 30, n: 50 }, { positive: 33, n: 50 });
    expect(change.p).toBeCloseTo(0.534, 3);
    expect(change.verdict).toBe("no-clear-change");
    expect(change.sentence).toContain("60% → 66%, no clear change");
  });
  it("a fall is reported as a fall, and fewer than 10 answers as too few", () => {
    expect(compareRounds("X", { positive: 160, n: 200 }, { positive: 120, n: 200 }).verdict).toBe("significant-fall");
    expect(compareRounds("X", { positive: 5, n: 9 }, { positive: 100, n: 120 }).verdict).toBe("too-few");
  });
});
