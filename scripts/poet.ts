import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyseRound, type RoundData } from "~/domain/poet/analyseRound";
import { parseBenchmarkFile, type Benchmark } from "~/domain/poet/benchmark";
import { nationalBenchmarks } from "~/domain/poet/nationalBenchmark";
import { getQuestionSet } from "~/domain/poet/questionSets";
import type { FileProblem } from "~/domain/poet/csvText";
import { parsePoetFile } from "~/services/poetFile/index.server";
import { decodeText } from "~/services/poetFile/decodeText.server";
import { analysisText } from "~/domain/poet/analysisText";

const USAGE = "Usage: npm run poet -- analyse <file.csv|file.xlsx> [--benchmark <benchmark.csv>] [--question-set adult-2014] [--disclosure <n>] [--json]\n  --disclosure <n>: hide the figures of groups with fewer than n answers, as the council's pages do (default 0: the analyst sees everything).";

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function listProblems(title: string, problems: readonly FileProblem[], total: number): never {
  const more = total > problems.length ? [`…and ${total - problems.length} more problems.`] : [];
  fail(2, [title, ...problems.map((p) => `  ${p.message}`), ...more].join("\n"));
}

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return fail(1, `Cannot read ${file}: check the path.`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      benchmark: { type: "string" },
      "question-set": { type: "string", default: "adult-2014" },
      disclosure: { type: "string", default: "0" },
      json: { type: "boolean", default: false },
    },
  });
  const [command, file] = positionals;
  if (command !== "analyse" || !file) fail(1, USAGE);
  const disclosureThreshold = Number(values.disclosure);
  if (!Number.isInteger(disclosureThreshold) || disclosureThreshold < 0) fail(1, `--disclosure '${values.disclosure}' is not a whole number of people (0 or more).\n${USAGE}`);
  const version = values["question-set"] ?? "adult-2014";
  const questionSet = getQuestionSet(version);
  if (!questionSet) fail(1, `Unknown question set '${version}'.`);

  let benchmark: Benchmark | undefined = nationalBenchmarks[version];
  if (values.benchmark) {
    const parsed = parseBenchmarkFile(decodeText(readBytes(values.benchmark)).text, questionSet, { name: path.basename(values.benchmark) });
    if (!parsed.ok) listProblems(`The benchmark file ${values.benchmark} cannot be used:`, parsed.problems, parsed.problems.length);
    benchmark = parsed.benchmark;
  }
  if (!benchmark) fail(1, `There is no national benchmark for ${version}; give one with --benchmark.`);

  const result = await parsePoetFile({ fileName: path.basename(file), bytes: readBytes(file), questionSetVersion: version });
  if (!result.ok) listProblems(`${file} cannot be imported:`, result.problems, result.totalProblems);
  const data: RoundData =
    result.kind === "respondents" ? { kind: "respondents", respondents: result.respondents, questionsInFile: result.summary.questionsInFile } : { kind: "aggregate", rows: result.rows };
  const { findings, links, notInFile = [] } = analyseRound(questionSet, data, benchmark, { disclosureThreshold });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ findings, links }, null, 2)}\n`);
    return;
  }
  const header = [
    `POET findings for ${path.basename(file)} — ${result.summary.text}`,
    `Compared with: ${benchmark.name}`,
    ...(benchmark.approximate ? [`Note: ${benchmark.source}`] : []),
    ...result.warnings.map((w) => `Note: ${w}`),
    ...(notInFile.length > 0 ? [`Not in this file (not compared): ${notInFile.join(", ")}`] : []),
  ];
  process.stdout.write(`${header.join("\n")}\n${analysisText(findings, links, questionSet)}\n`);
}

main().catch((error: unknown) => fail(1, `Something went wrong: ${error instanceof Error ? error.stack : String(error)}`));
