import { createHash } from "node:crypto";
import type { ParsePoetFileResult } from "./parsePoetFile.server";

type Parsed = Extract<ParsePoetFileResult, { ok: true }>;

// Keys sorted at every level so the hash depends on the data, never on column or row order in the file.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== "");
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A SHA-256 over the parsed, normalised people or report rows: the same data saved as CSV or XLSX hashes alike. */
export function contentSha256(parsed: Parsed, questionSetVersion: string): string {
  const rows =
    parsed.kind === "respondents"
      ? parsed.respondents.map((r) => canonical({ id: r.id, survey: r.survey, ageBand: r.ageBand, supportReason: r.supportReason, budgetManagement: r.budgetManagement, answers: r.answers }))
      : parsed.rows.map((r) => canonical({ question: r.question, group: r.group, positive: r.positive, total: r.total }));
  rows.sort();
  return createHash("sha256").update(`${questionSetVersion}\n${parsed.kind}\n${rows.join("\n")}`).digest("hex");
}
