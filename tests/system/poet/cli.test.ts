import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { generateDemoRound } from "~/domain/poet/demo/generateDemoRound";
import { respondentsToCsv } from "~/domain/poet/demo/respondentsToCsv";

const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(root, "tests/fixtures/poet");
const poet = (...args: string[]) => spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/poet.ts", ...args], { cwd: root, encoding: "utf8" });
// The same without blocking the test worker while it runs (a long block starves vitest's own messages).
const poetAsync = (...args: string[]) =>
  new Promise<{ status: number; stdout: string }>((resolve) =>
    execFile(path.join(root, "node_modules/.bin/tsx"), ["scripts/poet.ts", ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout }),
    ),
  );

describe("npm run poet -- analyse", { timeout: 30_000 }, () => {
  it("exits with code 2 and lists the problems of a bad file", () => {
    const run = poet("analyse", path.join(fixtures, "bad-respondents.csv"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Row 2, column `O_DIGNITY`: 'betterish' is not an answer this question allows");
    expect(run.stderr).toContain("Row 5, column `respondent_id`: 'R001' is already used on row 2");
    expect(run.stdout).toBe("");
  });

  it("prints findings and links as JSON with the documented fields (issue 19 added fields, renamed none)", () => {
    const run = poet("analyse", path.join(fixtures, "good-respondents.csv"), "--json");
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as { findings: Record<string, unknown>[]; links: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(["findings", "links"]);
    expect(Object.keys(output.findings[0]).sort()).toEqual(
      [
        ...["id", "question", "group", "n", "positive", "percent", "ciLow", "ciHigh", "national", "nationalN", "difference", "p", "q", "classification", "sentence", "easyRead"],
        ...["nationalText", "nationalLow", "nationalHigh", "test", "withheld"],
      ].sort(),
    );
    expect(output.findings.find((f) => f.id === "O_DIGNITY~all")).toMatchObject({ n: 3, positive: 2, classification: "too-few" });
  });

  it("prints links as JSON with the fields they had before issue 19, and the added ones", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-cli-"));
    const file = path.join(dir, "demo.csv");
    writeFileSync(file, respondentsToCsv(adult2014, generateDemoRound({ seed: 3, respondents: 300 }).respondents));
    const run = await poetAsync("analyse", file, "--json");
    expect(run.status).toBe(0);
    const { links } = JSON.parse(run.stdout) as { links: Record<string, unknown>[] };
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(Object.keys(link).sort()).toEqual(
        [
          ...["process", "outcome", "oddsRatio", "ciLow", "ciHigh", "n", "sentence"],
          ...["withCondition", "withoutCondition", "riskRatio", "oddsRatioCorrected", "p", "q", "claimed", "detail"],
        ].sort(),
      );
      expect(typeof link.oddsRatio).toBe("number");
      expect(typeof link.n).toBe("number");
    }
  });

  it("prints strengths and weaknesses first, then in line, too few to say, then links", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-cli-"));
    const file = path.join(dir, "demo.csv");
    writeFileSync(file, respondentsToCsv(adult2014, generateDemoRound({ seed: 3, respondents: 300 }).respondents));
    const run = poet("analyse", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^POET findings for demo\.csv — 300 people: \d+ budget holders, \d+ carers/);
    const at = (heading: string) => run.stdout.indexOf(`\n${heading} (`);
    const order = ["Strengths", "Weaknesses", "In line with England", "Too few to say", "How the process links to outcomes"].map(at);
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.stdout).toContain("Fewer people here than across England said their budget helped them feel safe");
  });

  it("uses a council's benchmark file when given one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-cli-"));
    const benchmark = path.join(dir, "benchmark.csv");
    writeFileSync(benchmark, "question,group,percent,n\nO_SAFE,all,40,2000\n");
    const run = poet("analyse", path.join(fixtures, "aggregate.csv"), "--benchmark", benchmark, "--json");
    const output = JSON.parse(run.stdout) as { findings: { id: string; national: number; nationalN: number; classification: string }[] };
    expect(output.findings.find((f) => f.id === "O_SAFE~all")).toMatchObject({ national: 40, nationalN: 2000, classification: "strength" });
    expect(output.findings.find((f) => f.id === "C_WELL~survey:carer")).toMatchObject({ classification: "no-benchmark" });
  });
});
