import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fileSha256, MAX_FILE_BYTES, parsePoetFile, type ParsePoetFileResult } from "~/services/poetFile/index.server";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../fixtures/poet", name)));
const parse = (fileName: string, bytes: Uint8Array = fixture(fileName), onProgress?: (f: number) => void) =>
  parsePoetFile({ fileName, bytes, questionSetVersion: "adult-2014", onProgress });
const messages = (result: ParsePoetFileResult) => (result.ok ? [] : result.problems.map((p) => p.message));

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("POET");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading a respondent file", () => {
  it("reads people, matching headings and answers whatever their case and punctuation", async () => {
    const result = await parse("good-respondents.csv");
    if (!result.ok || result.kind !== "respondents") throw new Error(messages(result).join("\n"));
    expect(result.summary.text).toBe("5 people: 3 budget holders, 2 carers");
    expect(result.respondents[0]).toEqual({
      id: "R001",
      survey: "holder",
      ageBand: "65-plus",
      supportReason: "physical",
      budgetManagement: "direct-payment",
      answers: { O_DIGNITY: "a lot better", O_SAFE: "better", P_KNEW_AMOUNT: "yes" },
    });
    expect(result.respondents[3]).toMatchObject({ survey: "carer", ageBand: "18-64", answers: { P_KNEW_AMOUNT: "don't know", C_WELL: "a lot better" } });
    expect(result.warnings).toEqual(["This column is not part of the survey and was ignored: `Comments`."]);
  });

  it("reads the same people from UTF-8 with a byte-order mark and semicolons", async () => {
    const plain = await parse("good-respondents.csv");
    const bom = await parse("bom-semicolon.csv");
    expect(bom).toEqual(plain);
  });

  it("reads Windows-1252 text from Excel, curly apostrophes included", async () => {
    const result = await parse("windows-1252.csv");
    if (!result.ok || result.kind !== "respondents") throw new Error(messages(result).join("\n"));
    expect(result.respondents[4].answers.O_SAFE).toBe("don't know");
  });

  it("lists every problem at once with row, column, value and what was expected", async () => {
    const result = await parse("bad-respondents.csv");
    expect(result.ok).toBe(false);
    expect(messages(result)).toEqual([
      "Row 2, column `O_DIGNITY`: 'betterish' is not an answer this question allows — expected one of: a lot better, better, no change, worse, a lot worse, don't know.",
      "Row 3, column `survey`: 'staff' is not a survey we know — expected one of: Budget holder, Carer.",
      "Row 4, column `age_band`: '18/01/1964' looks like a date. Excel may have turned what was typed into a date: format the column as Text, type the answer again and save — expected one of: 18-64, 65+.",
      "Row 5, column `respondent_id`: 'R001' is already used on row 2 — each person needs their own id.",
      "Row 6, column `respondent_id`: this cell is empty — every person needs an id.",
    ]);
    expect(result.ok === false && result.problems[0]).toMatchObject({ row: 2, column: "O_DIGNITY", value: "betterish" });
    expect(result.ok === false && result.totalProblems).toBe(5);
  });

  it("lists the first 200 problems and counts the rest", async () => {
    const lines = ["respondent_id,survey,O_QOL", ...Array.from({ length: 450 }, (_, i) => `R${i},Budget holder,great`)];
    const result = await parse("many.csv", new TextEncoder().encode(lines.join("\n")));
    expect(result.ok === false && result.problems.length).toBe(200);
    expect(result.ok === false && result.totalProblems).toBe(450);
  });

  it("says so when the file is empty or has headings only", async () => {
    expect(messages(await parse("empty.csv"))).toEqual(["The file is empty."]);
    expect(messages(await parse("headings-only.csv"))).toEqual(["The file has column headings but no rows of answers."]);
  });

  it("refuses more than 100,000 rows and more than 20 MB with a clear message", async () => {
    const many = "respondent_id,survey,O_QOL\n" + "x,carer,better\n".repeat(100_001);
    expect(messages(await parse("big.csv", new TextEncoder().encode(many)))).toEqual([
      "The file has more than 100,000 rows. Split it into smaller files (for example one per survey) and import each one.",
    ]);
    expect(messages(await parse("huge.csv", new Uint8Array(MAX_FILE_BYTES + 1)))[0]).toMatch(/^The file is 20\.0 MB; the most we accept is 20 MB/);
  });

  it("needs a survey column and at least one question", async () => {
    const result = await parse("x.csv", new TextEncoder().encode("respondent_id,age\nR1,70\n"));
    expect(messages(result)).toEqual([
      "The file needs a column headed `survey` saying which form each row answered: Budget holder or Carer.",
      "The file has no question columns — expected columns headed with question codes such as O_DIGNITY, O_QOL, O_INDEPENDENCE.",
    ]);
  });

  it("reports progress from 0 to 1", async () => {
    const seen: number[] = [];
    await parse("good-respondents.csv", undefined, (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });
});

describe("reading an Excel workbook", () => {
  it("reads an .xlsx sheet built in Excel's format", async () => {
    const bytes = await workbook([
      ["respondent_id", "survey", "age_band", "O_QOL", "P_INFO"],
      ["A1", "Budget holder", "65+", "Better", "Very easy"],
      [42, "Carer", "18-64", null, { richText: [{ text: "Eas" }, { text: "y" }] }],
    ]);
    const result = await parse("round.xlsx", bytes);
    if (!result.ok || result.kind !== "respondents") throw new Error(messages(result).join("\n"));
    expect(result.respondents.map((r) => [r.id, r.survey, r.answers])).toEqual([
      ["A1", "holder", { O_QOL: "better", P_INFO: "very easy" }],
      ["42", "carer", { P_INFO: "easy" }],
    ]);
  });

  it("explains a cell Excel turned into a date", async () => {
    const bytes = await workbook([
      ["respondent_id", "survey", "age_band", "O_QOL"],
      ["A1", "Budget holder", new Date(Date.UTC(1964, 0, 18)), "better"],
    ]);
    expect(messages(await parse("round.xlsx", bytes))).toEqual([
      "Row 2, column `age_band`: '1964-01-18' looks like a date. Excel may have turned what was typed into a date: format the column as Text, type the answer again and save — expected one of: 18-64, 65+.",
    ]);
  });

  it("says what to do with a file that is not a workbook", async () => {
    expect(messages(await parse("round.xlsx", new TextEncoder().encode("PK not really a zip")))[0]).toMatch(/could not open this file as an Excel workbook/);
    expect(messages(await parse("round.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])))[0]).toMatch(/old Excel \.xls file/);
  });
});

describe("reading a report table", () => {
  it("recognises question, group, positive, total and reads thousands separators", async () => {
    const result = await parse("aggregate.csv");
    if (!result.ok || result.kind !== "aggregate") throw new Error(messages(result).join("\n"));
    expect(result.rows).toEqual([
      { question: "O_SAFE", group: "all", positive: 58, total: 100 },
      { question: "O_SAFE", group: "age:65-plus", positive: 30, total: 52 },
      { question: "C_WELL", group: "survey:carer", positive: 1010, total: 1200 },
    ]);
    expect(result.summary.text).toBe("3 rows: 2 questions in 3 groups");
  });

  it("lists bad rows", async () => {
    expect(messages(await parse("bad-aggregate.csv"))).toEqual([
      "Row 2, column `positive`: '120' is more than the total of 100 — positive answers are part of the total.",
      "Row 3, column `question`: 'O_NOPE' is not a question code in adult-2014 — expected one of: O_DIGNITY, O_QOL, O_INDEPENDENCE, O_ARRANGE_SUPPORT, ….",
      "Row 4, column `group`: 'martians' is not a group of adult-2014 — expected one of: all, Budget holders, Carers, 18-64, 65+, a primary support reason or how the budget is managed.",
      "Row 4, column `total`: 'ten' is not a whole number of people — expected a number such as 0, 12 or 431.",
    ]);
  });
});

describe("file fingerprint", () => {
  it("is the SHA-256 of the bytes", () => {
    // Well-known digest of the three bytes "abc".
    expect(fileSha256(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
