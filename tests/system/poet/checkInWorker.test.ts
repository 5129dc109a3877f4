// The caps on the worker thread that checks an import: a file that needs too much time or memory is
// refused with a message the person can act on, and good files come back whole, people and all.
import { describe, expect, it } from "vitest";
import { checkImportInWorker } from "~/services/poetFile/checkInWorker.server";
import type { ImportCheck } from "~/services/poetFile/checkImport.server";
import { demoCsv } from "../../support/evidence";
import { xlsxOfRows } from "../../support/hostileWorkbooks";

const job = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes, questionSetVersion: "adult-2014", benchmark: null });
const messages = (check: ImportCheck) => (check.parsed.ok ? [] : check.parsed.problems.map((p) => p.message));
const rows = (n: number) => [["respondent_id", "survey", "O_QOL"], ...Array.from({ length: n }, (_, i) => [`person-${i}-${"x".repeat(40)}`, "Carer", "better"])];

describe("checking an import in a worker thread", () => {
  it("brings back every person of a good file, in order, across the batches the worker sends", async () => {
    const csv = demoCsv(51, 4_500);
    const ids = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[0]);
    const check = await checkImportInWorker(job("people.csv", new TextEncoder().encode(csv)));
    if (!check.parsed.ok || check.parsed.kind !== "respondents") throw new Error(messages(check).join("\n"));
    expect(check.parsed.respondents).toHaveLength(4_500);
    expect(check.parsed.summary.people).toBe(4_500);
    expect(check.parsed.respondents.map((r) => r.id)).toEqual(ids);
    expect(check.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("refuses a file that takes longer than the time cap, saying how long it was given", async () => {
    const check = await checkImportInWorker(job("slow.xlsx", xlsxOfRows(rows(20_000))), { timeLimitMs: 1 });
    expect(messages(check)).toEqual([
      "Reading this file took longer than 0.001 seconds, so we stopped. Split it into smaller files (for example one per survey), or save it as CSV, and import each one.",
    ]);
  }, 60_000);

  it("refuses a file that needs more memory than the worker's cap, and the next file is read as usual", async () => {
    const check = await checkImportInWorker(job("heavy.xlsx", xlsxOfRows(rows(60_000))), { heapMb: 16 });
    expect(messages(check)).toEqual([
      "Reading this file needed more than 16 MB of memory, far more than a survey needs, so we stopped. Remove sheets and columns you do not need, or save it as CSV, then import that.",
    ]);
    const next = await checkImportInWorker(job("small.xlsx", xlsxOfRows(rows(10))));
    expect(next.parsed.ok).toBe(true);
  }, 60_000);
});
