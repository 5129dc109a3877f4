import { adult2014 } from "~/domain/poet/adult2014";
import { analyseRound } from "~/domain/poet/analyseRound";
import { generateDemoRound } from "~/domain/poet/demo/generateDemoRound";
import { respondentsToCsv } from "~/domain/poet/demo/respondentsToCsv";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { parsePoetFile } from "~/services/poetFile/index.server";
import { median } from "./support/figures";

const RESPONDENTS = 10_000;
const RUNS = 7;


/** Prints how long it takes to parse and analyse a 10,000-person POET file (median of several runs). */
export async function run(): Promise<void> {
  const { respondents } = generateDemoRound({ seed: 1, respondents: RESPONDENTS });
  const bytes = new TextEncoder().encode(respondentsToCsv(adult2014, respondents));
  const parseTimes: number[] = [];
  const analyseTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const parsed = await parsePoetFile({ fileName: "bench.csv", bytes, questionSetVersion: "adult-2014" });
    const t1 = performance.now();
    if (!parsed.ok || parsed.kind !== "respondents") throw new Error("bench file did not parse");
    const analysis = analyseRound(adult2014, { kind: "respondents", respondents: parsed.respondents }, approximateNationalAdult2014);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    analyseTimes.push(t2 - t1);
    findings = analysis.findings.length + analysis.links.length;
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`POET analysis: ${RESPONDENTS.toLocaleString("en-GB")} respondents, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB CSV, median of ${RUNS} runs`);
  console.log(`  parse + check file: ${ms(median(parseTimes))}`);
  console.log(`  analyse:            ${ms(median(analyseTimes))} (${findings} findings and links)`);
  console.log(`  total:              ${ms(median(parseTimes.map((p, i) => p + analyseTimes[i])))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
