// Imports one POET file for a council, all or nothing: parse and check every row first (off the main
// thread), then write the round and all its people in one transaction. The same code serves the web page, the demo seed and tests.
import { DEFAULT_QUESTION_SET, type FileProblem } from "~/domain/poet";
import { recordAudit } from "~/models/audit.server";
import { db, writeTransaction } from "~/models/db.server";
import { dontKnowAliasesFor } from "~/models/organisation.server";
import { checkImportInWorker } from "./poetFile/checkInWorker.server";
import type { AggregateSummary, RespondentSummary } from "./poetFile/index.server";

export type ImportInput = {
  orgId: string;
  importedBy: { id: string; email: string } | null;
  roundName: string;
  fileName: string;
  bytes: Uint8Array;
  benchmarkFile?: { fileName: string; bytes: Uint8Array } | null;
  questionSetVersion?: string;
  isSynthetic?: boolean;
  /** The survey's fieldwork period, when known. */
  fieldwork?: { start: Date | null; end: Date | null };
  ip?: string;
  onProgress?: (fraction: number) => void;
};

export type ImportResult =
  | { status: "imported"; roundId: string; summary: RespondentSummary | AggregateSummary; kind: "respondents" | "aggregate"; warnings: string[] }
  | { status: "already-imported"; roundId: string; roundName: string; importedAt: Date }
  | { status: "invalid"; problems: FileProblem[]; totalProblems: number; warnings: string[]; source: "results" | "benchmark" };

const CHUNK = 500;

/** Checks the whole file and writes the round only if every row is good; a file already imported is reported, not duplicated. */
export async function importPoetRound(input: ImportInput): Promise<ImportResult> {
  const questionSetVersion = input.questionSetVersion ?? DEFAULT_QUESTION_SET;
  // Reading and checking the files is the heavy part, and the part a hostile file attacks: it runs in a
  // worker thread with caps, so the thread serving live editing only waits for the answer.
  const check = await checkImportInWorker(
    { fileName: input.fileName, bytes: input.bytes, questionSetVersion, dontKnowAliases: await dontKnowAliasesFor(input.orgId), benchmark: input.benchmarkFile ?? null },
    { onProgress: input.onProgress },
  );
  const { parsed, sha256 } = check;
  if (sha256) {
    const existing = await db().poetRound.findUnique({ where: { orgId_fileSha256: { orgId: input.orgId, fileSha256: sha256 } } });
    if (existing) return { status: "already-imported", roundId: existing.id, roundName: existing.name, importedAt: existing.importedAt };
  }
  if (!parsed.ok) return { status: "invalid", problems: parsed.problems, totalProblems: parsed.totalProblems, warnings: parsed.warnings, source: "results" };
  // The same people re-saved in another format (XLSX instead of CSV, columns reordered) is the same round.
  if (check.contentSha256) {
    const same = await db().poetRound.findFirst({ where: { orgId: input.orgId, contentSha256: check.contentSha256 }, orderBy: { importedAt: "asc" } });
    if (same) return { status: "already-imported", roundId: same.id, roundName: same.name, importedAt: same.importedAt };
  }
  if (check.benchmark && !check.benchmark.ok) return { status: "invalid", problems: check.benchmark.problems, totalProblems: check.benchmark.problems.length, warnings: [], source: "benchmark" };
  const benchmarkValues = check.benchmark?.ok ? JSON.stringify(check.benchmark.values) : null;
  const benchmarkName = input.benchmarkFile?.fileName ?? "";

  // Report tables give no people count; the largest "everyone" total is the best stand-in.
  const count = parsed.kind === "respondents" ? parsed.respondents.length : Math.max(0, ...parsed.rows.filter((r) => r.group === "all").map((r) => r.total));
  const round = await writeTransaction(
    async (tx) => {
      const benchmark = benchmarkValues
        ? await tx.benchmark.create({ data: { orgId: input.orgId, name: benchmarkName, questionSetVersion, source: "Supplied by the council", values: benchmarkValues } })
        : null;
      const created = await tx.poetRound.create({
        data: {
          orgId: input.orgId,
          name: input.roundName,
          questionSetVersion,
          kind: parsed.kind,
          fileName: input.fileName,
          fileSha256: sha256,
          contentSha256: check.contentSha256 ?? "",
          fieldworkStart: input.fieldwork?.start ?? null,
          fieldworkEnd: input.fieldwork?.end ?? null,
          respondentCount: count,
          isSynthetic: input.isSynthetic ?? false,
          questionsInFile: parsed.kind === "respondents" ? parsed.summary.questionsInFile.join(",") : "",
          benchmarkId: benchmark?.id ?? null,
          importedById: input.importedBy?.id ?? null,
        },
      });
      if (parsed.kind === "respondents") {
        for (let i = 0; i < parsed.respondents.length; i += CHUNK) {
          await tx.respondent.createMany({
            data: parsed.respondents.slice(i, i + CHUNK).map((r) => ({
              roundId: created.id,
              externalId: r.id,
              survey: r.survey,
              ageBand: r.ageBand ?? "",
              supportReason: r.supportReason ?? "",
              budgetManagement: r.budgetManagement ?? "",
              answers: JSON.stringify(r.answers),
            })),
          });
        }
      } else {
        await tx.aggregateRow.createMany({ data: parsed.rows.map((row) => ({ roundId: created.id, ...row })) });
      }
      return created;
    },
    { timeout: 60_000 },
  );
  await recordAudit({
    orgId: input.orgId,
    action: "round-imported",
    actorId: input.importedBy?.id ?? null,
    actorLabel: input.importedBy?.email ?? "system",
    detail: `${input.roundName}: ${input.fileName} (${count} people, sha256 ${sha256.slice(0, 12)}…)`,
    ip: input.ip ?? "",
  });
  return { status: "imported", roundId: round.id, summary: parsed.summary, kind: parsed.kind, warnings: parsed.warnings };
}
