import { describe, expect, it } from "vitest";
import { parseBenchmarkFile } from "~/domain/poet/benchmark";
import { adult2014 } from "~/domain/poet/adult2014";
import { parsePoetFile } from "~/services/poetFile/index.server";

// What councils' own survey exports write for "no real answer" (issue 19): each is read as "don't know",
// which leaves the denominator, instead of refusing the file.
describe("labels councils send", () => {
  const sent = ["N/A", "Not applicable", "Prefer not to say", "-", "No response", "Don't know / can't say", "n/a", "NOT APPLICABLE"];

  it("reads N/A, Not applicable, Prefer not to say, -, No response and Don't know / can't say as don't know", async () => {
    const rows = sent.map((label, i) => `R${i},Budget holder,${label},better,${label}`);
    const csv = ["respondent_id,survey,O_DIGNITY,O_SAFE,P_KNEW_AMOUNT", ...rows].join("\n");
    const result = await parsePoetFile({ fileName: "council.csv", bytes: new TextEncoder().encode(csv), questionSetVersion: "adult-2014" });
    if (!result.ok || result.kind !== "respondents") throw new Error(JSON.stringify(result).slice(0, 800));
    for (const person of result.respondents) expect(person.answers).toEqual({ O_DIGNITY: "don't know", O_SAFE: "better", P_KNEW_AMOUNT: "don't know" });
  });

  it("reads a benchmark percentage with a decimal comma (67,5 in a semicolon file) as 67.5, and 4.000 people as 4000", () => {
    const result = parseBenchmarkFile("question;group;percent;n\nO_SAFE;all;67,5;4.000\nO_DIGNITY;all;81 %;\n", adult2014, { name: "EU export" });
    expect(result.ok && result.benchmark.values.map((v) => [v.percent, v.n])).toEqual([
      [67.5, 4000],
      [81, null],
    ]);
  });
});

describe("messages about the person's details", () => {
  it("say 'an age band', not 'a age band'", async () => {
    const csv = "respondent_id,survey,age_band,O_SAFE\nR1,Budget holder,ancient,better\n";
    const result = await parsePoetFile({ fileName: "council.csv", bytes: new TextEncoder().encode(csv), questionSetVersion: "adult-2014" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/'ancient' is not an age band we know/);
  });
});
