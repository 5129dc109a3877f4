import { describe, expect, it } from "vitest";
import { isFormulaLike, neutraliseFormula } from "~/domain/tracking/spreadsheetText";

describe("formula-like text in exports", () => {
  it.each([
    "=1+1",
    "+1",
    "-1+2",
    "@SUM(A1)",
    " =HYPERLINK(\"http://evil.example\")",
    "  \t=1",
    "\u00a0=1",
    "\u3000=1",
    "\u200b=1",
    "＝HYPERLINK(\"http://evil.example\")",
    "＋1",
    "－1",
    "＠SUM(A1)",
    " ＝1",
    "\tanything",
    "\ranything",
  ])("neutralises %j", (value) => {
    expect(isFormulaLike(value)).toBe(true);
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(["Plain-English budget letters", "2020-01-31", "a = b", "", "  Tidy the hall", "email me@example.test"])("leaves %j alone", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});
