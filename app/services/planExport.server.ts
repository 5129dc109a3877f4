// The plan as rows for CSV and Excel: one row per action with its links and latest update.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { isOverdue } from "~/domain/tracking/filters";
import { isFormulaLike, neutraliseFormula } from "~/domain/tracking/spreadsheetText";
import { effectivePercent, statusLabel } from "~/domain/tracking/status";
import { todayInEngland } from "~/domain/tracking/today";
import { recordAudit } from "~/models/audit.server";
import { mirStatementsFor } from "~/models/mirWording.server";
import { listPlanActions, statusSettingsFor, type PlanAction } from "~/models/tracking.server";
import { listWorkspaceRounds, type WorkspaceRound } from "~/models/workspaceRound.server";
import type { WorkspaceAccess } from "./auth.server";
import { displayNameOf } from "./auth.server";
import { findingChanges, findingLabel, planQuestionSet } from "./roundChanges.server";

export const EXPORT_COLUMNS = [
  "Action",
  "Description",
  "Status",
  "RAG",
  "Percent done",
  "Owner",
  "Partners",
  "Due",
  "Overdue",
  "Findings",
  "Change since the plan's round",
  "Making it Real statements",
  "Votes",
  "Priority",
  "Idea from",
  "Latest update",
  "Action id",
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

export type PlanExport = { actions: PlanAction[]; rounds: WorkspaceRound[]; rows: ExportRow[] };

/** The plan's actions, the rounds it works from, and one export row per action in board order. */
export async function planExport(access: WorkspaceAccess): Promise<PlanExport> {
  const { workspace } = access;
  const [actions, statuses, mir, rounds] = await Promise.all([
    listPlanActions(workspace.id),
    statusSettingsFor(workspace.orgId),
    mirStatementsFor(workspace.orgId),
    listWorkspaceRounds(workspace.id, workspace.orgId),
  ]);
  const changes = await findingChanges(workspace.orgId, rounds, actions.flatMap((a) => a.findingIds));
  const questionSet = planQuestionSet(rounds);
  const today = todayInEngland();
  const rows = actions.map((a) => ({
    Action: a.title,
    Description: a.description,
    Status: statusLabel(statuses, a.status),
    RAG: a.rag,
    "Percent done": effectivePercent(statuses, a.status, a.manualPercent),
    Owner: a.owner,
    Partners: a.partners.join("; "),
    Due: a.due ?? "",
    Overdue: isOverdue(a, today) ? "yes" : "no",
    Findings: a.findingIds.map((id) => findingLabel(id, questionSet)).join("; "),
    "Change since the plan's round": a.findingIds.map((id) => changes.get(id)?.sentence).filter(Boolean).join(" "),
    "Making it Real statements": a.mirIds.map((id) => `${id} ${mir.find((m) => m.id === id)?.text ?? ""}`.trim()).join("; "),
    Votes: a.votes,
    Priority: a.priority ?? "",
    "Idea from": a.createdBy,
    "Latest update": a.latestNote ?? "",
    "Action id": a.id,
  }));
  return { actions, rounds, rows };
}

export function toCsv(rows: ExportRow[]): string {
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? neutraliseFormula(v) : v])));
  return "\uFEFF" + Papa.unparse({ fields: [...EXPORT_COLUMNS], data: safe.map((r) => EXPORT_COLUMNS.map((c) => r[c])) });
}

// Columns holding a calendar date (YYYY-MM-DD in the plan), written to Excel as real dates.
const DATE_COLUMNS = new Set<string>(["Due"]);
const EXCEL_DATE = "d mmm yyyy";
const EXCEL_TEXT = "@";

/** A calendar date as Excel stores it: midnight UTC of that day, so no time zone moves it. */
function excelDate(isoDay: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/** Now as the wall clock in England reads, for a spreadsheet that has no time zones. */
function englandWallClock(now = new Date()): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!));
}

export async function toXlsx(rows: ExportRow[], meta: { council: string; plan: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "POET Action Planner";
  const sheet = book.addWorksheet("Actions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === "Action" || c === "Description" || c === "Findings" ? 40 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow({});
    EXPORT_COLUMNS.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      const value = row[column];
      const date = DATE_COLUMNS.has(column) && typeof value === "string" ? excelDate(value) : null;
      if (date) {
        cell.value = date;
        cell.numFmt = EXCEL_DATE;
        return;
      }
      // An empty cell, not an empty string, so Excel's filters and sorting treat it as blank.
      cell.value = value === "" ? null : value;
      // An Excel string cell is never run as a formula when the file opens; the Text format keeps it
      // text when someone edits the cell too, without the visible apostrophe CSV needs.
      if (typeof value === "string" && isFormulaLike(value)) cell.numFmt = EXCEL_TEXT;
    });
  }
  const about = book.addWorksheet("About");
  about.addRows([["Council", meta.council], ["Plan", meta.plan], ["Exported (UK time)", englandWallClock()], ["Actions", rows.length]]);
  about.getCell("B3").numFmt = "d mmm yyyy hh:mm";
  for (const cell of [about.getCell("B1"), about.getCell("B2")]) if (typeof cell.value === "string" && isFormulaLike(cell.value)) cell.numFmt = EXCEL_TEXT;
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Records an export in the council's audit log. */
export async function auditExport(access: WorkspaceAccess, format: string, ip: string): Promise<void> {
  const { principal, workspace } = access;
  await recordAudit({
    orgId: workspace.orgId,
    action: "plan-exported",
    actorId: principal.kind === "user" ? principal.user.id : null,
    actorLabel: principal.kind === "user" ? principal.user.email : `guest: ${displayNameOf(principal)}`,
    detail: `${workspace.name} as ${format}`,
    ip,
  });
}

export function exportFileName(plan: string, extension: string): string {
  return `${plan.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "plan"}-${todayInEngland()}.${extension}`;
}
