import { describe, expect, it } from "vitest";
import { findMirStatement, mirStatements, mirThemes, parseMirWordingCsv, withOfficialWording } from "~/domain/mir";

describe("Making it Real statements", () => {
  it("has the six 2018 themes, each with at least one I statement", () => {
    expect(mirThemes.map((t) => t.id)).toEqual(["WI", "IA", "AC", "FI", "WC", "WF"]);
    for (const theme of mirThemes) expect(mirStatements.some((s) => s.theme === theme.id && s.kind === "I")).toBe(true);
  });

  it("matches the statement counts we verified: AC 6 I, WC 6 I, WF 4 I and 5 We", () => {
    const count = (theme: string, kind: string) => mirStatements.filter((s) => s.theme === theme && s.kind === kind).length;
    expect([count("AC", "I"), count("WC", "I"), count("WF", "I"), count("WF", "We")]).toEqual([6, 6, 4, 5]);
  });

  it("gives every statement a unique stable id and marks them all as our summaries", () => {
    expect(new Set(mirStatements.map((s) => s.id)).size).toBe(mirStatements.length);
    expect(findMirStatement("WF-I2")?.text).toBe("I am listened to.");
    expect(mirStatements.every((s) => s.isSummary)).toBe(true);
    expect(mirStatements.filter((s) => s.theme === "WI").every((s) => !s.verified)).toBe(true);
  });
});

describe("a council's official wording", () => {
  it("is read from id, theme, kind, text and replaces our summary", () => {
    const result = parseMirWordingCsv('ID,Theme,Kind,Text\nwf-i2,WF,I,"The official wording, with a comma."\nWF-WE1,wf,we,Official we statement\n');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
    expect(result.statements.map((s) => [s.id, s.kind, s.isSummary])).toEqual([["WF-I2", "I", false], ["WF-We1", "We", false]]);
    const merged = withOfficialWording(mirStatements, result.statements);
    expect(merged.find((s) => s.id === "WF-I2")?.text).toBe("The official wording, with a comma.");
    expect(merged).toHaveLength(mirStatements.length);
  });

  it("lists every bad row", () => {
    const result = parseMirWordingCsv("id,theme,kind,text\nXX-I1,XX,I,Something\nWF-I1,WF,They,Something\nWF-I1,AC,I,Mismatch\nAC-I1,AC,I,\n");
    expect(result.ok === false && result.problems.map((p) => p.message)).toEqual([
      "Row 2, column `id`: 'XX-I1' is not a statement id — expected a theme, I or We and a number, such as WF-I2 or WF-We1.",
      "Row 2, column `theme`: 'XX' is not a theme — expected one of: WI, IA, AC, FI, WC, WF.",
      "Row 3, column `kind`: 'They' is not a kind of statement — expected I or We.",
      "Row 4, column `id`: 'WF-I1' does not match theme AC and kind I — the id starts with the theme and kind, such as AC-I1.",
      "Row 5, column `text`: '' is empty — expected the statement's wording.",
    ]);
  });

  it("names a missing column", () => {
    const result = parseMirWordingCsv("id,text\nWF-I1,x\n");
    expect(result.ok === false && result.problems.map((p) => p.message)).toEqual([
      "The file needs a column headed `theme` (found: id, text).",
      "The file needs a column headed `kind` (found: id, text).",
    ]);
  });
});
