// The plan as rows for CSV and Excel: one row per action with its links and latest update.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { isOverdue } from "~/domain/tracking/filters";
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
  "Idea from",
  "Latest update",
  "Action id",
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

/** Spreadsheet programs run cells that start with = + - @ as formulas; a leading apostrophe keeps them as text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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

export async function toXlsx(rows: ExportRow[], meta: { council: string; plan: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "POET Action Planner";
  const sheet = book.addWorksheet("Actions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === "Action" || c === "Description" || c === "Findings" ? 40 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? neutraliseFormula(v) : v])));
  const about = book.addWorksheet("About");
  about.addRows([["Council", meta.council], ["Plan", meta.plan], ["Exported", new Date().toISOString()], ["Actions", rows.length]]);
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
