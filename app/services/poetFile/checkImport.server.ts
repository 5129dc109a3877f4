// What an import checks before anything is written, as one job a worker thread can run: the results
// file's hash and its people or report rows, and the council's benchmark file if one came with it.
import { getQuestionSet, parseBenchmarkFile, type FileProblem } from "~/domain/poet";
import type { BenchmarkValue } from "~/domain/poet";
import { decodeText } from "./decodeText.server";
import { parsePoetFile, type ParsePoetFileResult } from "./parsePoetFile.server";
import { contentSha256 } from "./contentSha256.server";
import { fileSha256 } from "./sha256.server";

export type ImportCheckJob = {
  fileName: string;
  bytes: Uint8Array;
  questionSetVersion: string;
  /** The council's own "don't know" labels. */
  dontKnowAliases?: readonly string[];
  benchmark: { fileName: string; bytes: Uint8Array } | null;
};

export type BenchmarkCheck = { ok: true; values: BenchmarkValue[] } | { ok: false; problems: FileProblem[] };

/** contentSha256 is "" when the file could not be read. */
export type ImportCheck = { sha256: string; contentSha256?: string; parsed: ParsePoetFileResult; benchmark: BenchmarkCheck | null };

/** Hashes and checks the results file, then (only when it is good) the benchmark file. */
export async function checkImport(job: ImportCheckJob, onProgress?: (fraction: number) => void): Promise<ImportCheck> {
  const sha256 = fileSha256(job.bytes);
  const parsed = await parsePoetFile({ fileName: job.fileName, bytes: job.bytes, questionSetVersion: job.questionSetVersion, dontKnowAliases: job.dontKnowAliases, onProgress });
  const content = parsed.ok ? contentSha256(parsed, job.questionSetVersion) : "";
  const questionSet = getQuestionSet(job.questionSetVersion);
  if (!parsed.ok || !job.benchmark || !questionSet) return { sha256, contentSha256: content, parsed, benchmark: null };
  const { text } = decodeText(job.benchmark.bytes);
  const read = parseBenchmarkFile(text, questionSet, { name: job.benchmark.fileName, source: "Supplied by the council" });
  return { sha256, contentSha256: content, parsed, benchmark: read.ok ? { ok: true, values: read.benchmark.values } : { ok: false, problems: read.problems } };
}
