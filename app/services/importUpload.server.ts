// Reads the import form (multipart) within our size limits and runs the import: what the route's action
// returns, as plain data. An oversize file is a message for the person, never a crash.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { DEFAULT_QUESTION_SET, questionSets, type FileProblem } from "~/domain/poet";
import { requireCouncil } from "./auth.server";
import { importPoetRound } from "./importPoetRound.server";
import { MAX_FILE_BYTES } from "./poetFile/index.server";
import { tryReadForm } from "./readForm.server";

export type ImportOutcome =
  | { status: "imported"; roundId: string; roundName: string; summary: string; warnings: string[] }
  | { status: "already-imported"; roundId: string; roundName: string; importedAt: string }
  | { status: "invalid"; source: "results" | "benchmark"; fileName: string; problems: FileProblem[]; totalProblems: number; warnings: string[] }
  | { status: "too-large"; message: string };

const MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;
// The two files plus the form's own fields and multipart framing.
const MAX_REQUEST_BYTES = 2 * MAX_FILE_BYTES + 64 * 1024;

export const tooLargeMessage = (what: string) =>
  `${what} is larger than ${MEGABYTES} MB, the most we accept. Nothing was imported. Remove columns you do not need, or split the file, then try again.`;

/** Reads the multipart form, or says which part was too large. Files arrive as File objects, fields as strings. */
export async function readImportForm(request: Request): Promise<{ ok: true; form: FormData } | { ok: false; outcome: ImportOutcome; status?: number }> {
  const read = await tryReadForm(request, { maxBytes: MAX_REQUEST_BYTES });
  if (!read.ok && read.problem === "too-large") return { ok: false, outcome: { status: "too-large", message: tooLargeMessage("The upload") } };
  if (!read.ok) {
    const message = "We could not read the upload: it was cut short or is not a form. Choose the file again and send the form once more.";
    const outcome: ImportOutcome = { status: "invalid", source: "results", fileName: "", problems: [{ row: null, column: null, value: null, message }], totalProblems: 1, warnings: [] };
    return { ok: false, outcome, status: read.problem === "not-a-form" ? 415 : 400 };
  }
  for (const [field, value] of read.form) {
    if (value instanceof File && value.size > MAX_FILE_BYTES) {
      return { ok: false, outcome: { status: "too-large", message: tooLargeMessage(field === "benchmark" ? "The benchmark file" : "The results file") } };
    }
  }
  return { ok: true, form: read.form };
}

type Upload = { name: string; bytes: Uint8Array };

/** Imports one round through the service and shapes its answer for the page. */
export async function runImport(input: {
  orgId: string;
  importedBy: { id: string; email: string };
  roundName: string;
  questionSetVersion: string;
  results: Upload;
  benchmark: Upload | null;
  ip: string;
}): Promise<ImportOutcome> {
  const result = await importPoetRound({
    orgId: input.orgId,
    importedBy: input.importedBy,
    roundName: input.roundName,
    questionSetVersion: input.questionSetVersion,
    fileName: input.results.name,
    bytes: input.results.bytes,
    benchmarkFile: input.benchmark ? { fileName: input.benchmark.name, bytes: input.benchmark.bytes } : null,
    ip: input.ip,
  });
  switch (result.status) {
    case "imported":
      return { status: "imported", roundId: result.roundId, roundName: input.roundName, summary: result.summary.text, warnings: result.warnings };
    case "already-imported":
      return { status: "already-imported", roundId: result.roundId, roundName: result.roundName, importedAt: result.importedAt.toISOString() };
    case "invalid":
      return {
        status: "invalid",
        source: result.source,
        fileName: result.source === "benchmark" ? (input.benchmark?.name ?? "") : input.results.name,
        problems: result.problems,
        totalProblems: result.totalProblems,
        warnings: result.warnings,
      };
  }
}

export const ImportSchema = z.object({
  roundName: z
    .string({ required_error: "Enter a name for the round" })
    .trim()
    .min(3, "Use at least 3 characters")
    .max(100, "Use at most 100 characters"),
  questionSetVersion: z
    .string()
    .default(DEFAULT_QUESTION_SET)
    .refine((v) => Object.prototype.hasOwnProperty.call(questionSets, v), (v) => ({ message: `'${v}' is not a question set we know — choose one of: ${Object.values(questionSets).map((s) => s.title).join("; ")}` })),
  results: z.instanceof(File, { message: "Choose the results file: a CSV or XLSX file" }),
  benchmark: z.instanceof(File).optional(),
});

/** What an import post answers: the import's outcome, or the form's field errors. */
export type ImportAnswer = ImportOutcome | { status: "form"; reply: SubmissionResult<string[]> };

const STATUS: Record<ImportOutcome["status"], number> = { imported: 201, "already-imported": 200, invalid: 400, "too-large": 413 };

/**
 * The whole import post, for both ways of sending it (the page's plain form and the progress upload):
 * checks the person may create rounds in this council, reads the form, imports, and says what happened.
 */
export async function importFromRequest(request: Request, orgSlug: string | undefined, ip: string): Promise<{ answer: ImportAnswer; status: number }> {
  const { org, user } = await requireCouncil(request, orgSlug, "create:round");
  const read = await readImportForm(request);
  if (!read.ok) return { answer: read.outcome, status: read.status ?? STATUS[read.outcome.status] };
  const submission = parseWithZod(read.form, { schema: ImportSchema });
  if (submission.status !== "success") return { answer: { status: "form", reply: submission.reply({ hideFields: ["results", "benchmark"] }) }, status: 400 };
  const { roundName, questionSetVersion, results, benchmark } = submission.value;
  const outcome = await runImport({
    orgId: org.id,
    importedBy: { id: user.id, email: user.email },
    roundName,
    questionSetVersion,
    results: { name: results.name, bytes: new Uint8Array(await results.arrayBuffer()) },
    benchmark: benchmark ? { name: benchmark.name, bytes: new Uint8Array(await benchmark.arrayBuffer()) } : null,
    ip,
  });
  return { answer: outcome, status: STATUS[outcome.status] };
}
