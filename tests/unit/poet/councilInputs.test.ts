// Inputs councils actually send (issue 19), each worked by hand: the council's own "don't know" labels,
// a title above the headings, report tables of percentages, a heading given twice, and the demo script's help.
import { spawnSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDontKnowAliases } from "~/domain/poet/dontKnowAliases";
import { parsePoetFile, type ParsePoetFileResult } from "~/services/poetFile/index.server";

const text = (s: string) => new TextEncoder().encode(s);
const parse = (fileName: string, bytes: Uint8Array, dontKnowAliases?: string[]) => parsePoetFile({ fileName, bytes, questionSetVersion: "adult-2014", dontKnowAliases });
const messages = (result: ParsePoetFileResult) => (result.ok ? [] : result.problems.map((p) => p.message));

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("POET");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("a council's own labels for don't know", () => {
  const csv = text("respondent_id,survey,O_SAFE,P_KNEW_AMOUNT\nR1,Budget holder,Not known,yes\nR2,Budget holder,better,NOT KNOWN\n");

  it("are read as don't know (left out of the count) once the council lists them", async () => {
    const result = await parse("council.csv", csv, ["Not known"]);
    if (!result.ok || result.kind !== "respondents") throw new Error(messages(result).join("\n"));
    expect(result.respondents.map((r) => r.answers)).toEqual([
      { O_SAFE: "don't know", P_KNEW_AMOUNT: "yes" },
      { O_SAFE: "better", P_KNEW_AMOUNT: "don't know" },
    ]);
  });

  it("are refused without the list, with a message naming the cell and the labels allowed", async () => {
    expect(messages(await parse("council.csv", csv))[0]).toBe(
      "Row 2, column `O_SAFE`: 'Not known' is not an answer this question allows — expected one of: a lot better, better, no change, worse, a lot worse, don't know.",
    );
  });

  it("are checked when the owner saves them: a real answer is refused, repeats dropped", () => {
    expect(parseDontKnowAliases("Not known\n  not known \n\nUnknown")).toEqual({ ok: true, aliases: ["Not known", "Unknown"] });
    expect(parseDontKnowAliases("Not known\nNo")).toEqual({ ok: false, message: `'No' is already an answer to some questions (read as "not at all"), so it cannot also mean don't know. Remove it from the list.` });
    expect(parseDontKnowAliases("???")).toMatchObject({ ok: false, message: expect.stringContaining("'???' has no letters or digits") });
    expect(parseDontKnowAliases(Array.from({ length: 31 }, (_, i) => `Unknown ${i}`).join("\n"))).toMatchObject({ ok: false, message: expect.stringContaining("The list has 31 labels; the most we keep is 30") });
  });
});

describe("a title above the headings", () => {
  it("in an XLSX is skipped, and the warning says which row was taken as the title and where the headings are", async () => {
    const bytes = await workbook([["POET survey results 2026"], [], ["respondent_id", "survey", "O_SAFE"], ["R1", "Budget holder", "better"]]);
    const result = await parse("titled.xlsx", bytes);
    if (!result.ok || result.kind !== "respondents") throw new Error(messages(result).join("\n"));
    expect(result.respondents).toHaveLength(1);
    expect(result.warnings[0]).toBe(
      "Row 1 above the headings was skipped as a title ('POET survey results 2026'); the headings were read from row 3. If those rows held answers, move the headings to the top row and import the file again.",
    );
  });

  it("of two rows in a CSV is skipped too, and problems give the spreadsheet's own row numbers", async () => {
    const result = await parse("titled.csv", text("Survey results\nExported 1 Dec\nrespondent_id,survey,O_SAFE\nR1,Budget holder,betterish\n"));
    expect(result.warnings[0]).toContain("Rows 1 to 2 above the headings were skipped as a title ('Survey results'); the headings were read from row 3.");
    expect(messages(result)).toEqual(["Row 4, column `O_SAFE`: 'betterish' is not an answer this question allows — expected one of: a lot better, better, no change, worse, a lot worse, don't know."]);
  });
});

describe("a report table of percentages (question, group, percent, n)", () => {
  it("is read with the count of good answers worked back: 55% of 100 is 55; 87,5% of 100 is 87.5, so 88", async () => {
    const result = await parse("report.csv", text('question;group;percent;n\nO_SAFE;all;55%;100\nO_DIGNITY;Carers;87,5;100\n'));
    if (!result.ok || result.kind !== "aggregate") throw new Error(messages(result).join("\n"));
    expect(result.rows).toEqual([
      { question: "O_SAFE", group: "all", positive: 55, total: 100 },
      { question: "O_DIGNITY", group: "survey:carer", positive: 88, total: 100 },
    ]);
    expect(result.warnings[0]).toContain("The counts of good answers were worked out from column `percent` and column `n` (percent × n ÷ 100, to the nearest person).");
  });

  it("of proportions (0.55) is refused, saying what 0.55 would be as a percentage", async () => {
    expect(messages(await parse("report.csv", text("question,group,percent,n\nO_SAFE,all,0.55,100\nO_QOL,all,0.8,100\n")))).toEqual([
      "Every figure in column `percent` is between 0 and 1 (row 2 has 0.55): they look like proportions, not percentages. Write them as percentages (55 for 55%) and import the file again.",
    ]);
  });

  it("without n is refused with what to add, instead of being read as people", async () => {
    expect(messages(await parse("report.csv", text("question,group,percent\nO_SAFE,all,55\n")))[0]).toContain(
      "This looks like a report table with columns `question`, `group` and `percent`, but it has no column `n`",
    );
  });
});

describe("a heading given twice", () => {
  it("is named by both headings as written and both column letters", async () => {
    expect(messages(await parse("twice.csv", text("respondent_id,Survey,O_SAFE,SURVEY \nR1,Budget holder,better,Carer\n")))).toContain(
      "Columns B and D are headed `Survey` and `SURVEY`, which both mean `survey`. Delete or rename one of them, then import the file again.",
    );
  });
});

describe("npm run demo:data", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  const run = (...args: string[]) => spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/demo-data.ts", ...args], { cwd: root, encoding: "utf8" });

  it("-- --help prints how to call it and exits 0; an unknown option says which and exits 1", { timeout: 30_000 }, () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run demo:data -- --seed <number> --respondents <number> --out <file.csv>");
    const bad = run("--colour", "red");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Unknown option '--colour'");
  });
});
