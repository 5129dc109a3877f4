// A council's official wording of a question set (docs/decisions/028): the file is checked row by row
// with messages naming the row, the column and what to do; the wording replaces ours, never the codes.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formQuestions, questionWording } from "~/domain/collect";
import { adult2014, children, healthBudgets } from "~/domain/poet";
import { approximateCodes, MAX_WORDING_CHARACTERS, withCouncilWording } from "~/domain/poet/questionWording";
import { readQuestionWordingFile } from "~/services/questionWordingFile.server";

const csv = (text: string) => new TextEncoder().encode(text);
const read = (text: string, set = children) => readQuestionWordingFile(set, csv(text), "wording.csv");
const messages = (result: Awaited<ReturnType<typeof read>>) => (result.ok ? [] : result.problems.map((p) => p.message));

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Wording");
  rows.forEach((r) => sheet.addRow(r));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading a question wording file", () => {
  it("reads code, standard and easy_read, in any case and with other spellings of the headings", async () => {
    const result = await read('Question code,Standard wording,Easy Read\ny_safe,"Has your support helped you feel safe?",Do you feel safe?\nK_INFO,How easy was it to find information?,Was it easy to find things out?\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: "Y_SAFE", standard: "Has your support helped you feel safe?", easyRead: "Do you feel safe?" },
        { code: "K_INFO", standard: "How easy was it to find information?", easyRead: "Was it easy to find things out?" },
      ],
    });
  });

  it("reads an .xlsx workbook the same way", async () => {
    const bytes = await workbook([
      ["code", "standard", "easy_read"],
      ["H_QOL", "What difference has your health budget made to your quality of life?", "Is your life better?"],
    ]);
    expect(await readQuestionWordingFile(healthBudgets, bytes, "wording.xlsx")).toEqual({
      ok: true,
      rows: [{ code: "H_QOL", standard: "What difference has your health budget made to your quality of life?", easyRead: "Is your life better?" }],
    });
  });

  it("names every missing column and what it found", async () => {
    expect(messages(await read("question,text\nY_SAFE,Do you feel safe?\n"))).toEqual([
      "The file needs a column headed `easy_read` (found: question, text). The columns are code, standard, easy_read.",
    ]);
    expect(messages(await read("id,wording\n"))).toHaveLength(1);
    expect(messages(await read("respondent,answer\nP1,yes\n"))).toEqual([
      "The file needs a column headed `code` (found: respondent, answer). The columns are code, standard, easy_read.",
      "The file needs a column headed `standard` (found: respondent, answer). The columns are code, standard, easy_read.",
      "The file needs a column headed `easy_read` (found: respondent, answer). The columns are code, standard, easy_read.",
    ]);
  });

  it("refuses an unknown code, naming the row, the set and its codes", async () => {
    const [message] = messages(await read("code,standard,easy_read\nY_SAFE,Safe?,Safe?\nO_SAFE,Do you feel safe?,Safe?\n"));
    expect(message).toBe(
      "Row 3, column `code`: 'O_SAFE' is not a question of Children's services (children-v1) — use one of its codes: Y_HEALTH, Y_LEARNING, Y_FRIENDS, Y_FAMILY, Y_SAFE, Y_CHOICE, Y_INDEPENDENCE, Y_ADULT_LIFE … (21 in all, listed on this page). Check the file is for this question set.",
    );
  });

  it("refuses a code given twice, a blank code, blank wording and wording too long, each by row and column", async () => {
    const long = "x".repeat(MAX_WORDING_CHARACTERS + 1);
    expect(messages(await read(`code,standard,easy_read\nY_SAFE,Safe?,Safe?\ny_safe,Safe again?,Safe?\n,Orphan wording,Orphan\nY_HAPPY,,Happy?\nY_HEALTH,Healthier?,\nY_FRIENDS,${long},Friends?\n`))).toEqual([
      "Row 3, column `code`: Y_SAFE is already given on row 2 — keep one row per question.",
      "Row 4, column `code`: the question code is blank — give the code of the question this wording is for, such as Y_HEALTH.",
      "Row 5, column `standard` (Y_HAPPY): is blank — give the question's standard wording.",
      "Row 6, column `easy_read` (Y_HEALTH): is blank — give the easy-read wording (if your council has none, repeat the standard wording).",
      `Row 7, column \`standard\` (Y_FRIENDS): 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is longer than ${MAX_WORDING_CHARACTERS} characters — a question's wording should fit on a line or two; check the cell holds only the question.`,
    ]);
  });

  it("refuses an empty file, headings with no questions, and files that are not spreadsheets", async () => {
    expect(messages(await read(""))).toEqual(["The file is empty. It needs a heading row (code, standard, easy_read) and one row per question."]);
    expect(messages(await read("code,standard,easy_read\n\n"))).toEqual(["The file has headings but no questions under them. Add one row per question: its code, standard wording and easy-read wording."]);
    expect(messages(await readQuestionWordingFile(children, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "wording.xls"))[0]).toMatch(/old Excel \.xls file/);
    expect(messages(await readQuestionWordingFile(children, csv("PK not a zip"), "wording.xlsx"))[0]).toMatch(/could not open this file as an Excel workbook/);
  });
});

describe("a question set in a council's wording", () => {
  const official = [
    { code: "Y_SAFE", standard: "Official: has your support helped you feel safe?", easyRead: "Official easy: do you feel safe?" },
    { code: "K_INFO", standard: "Official: information", easyRead: "Official easy: information" },
  ];

  it("puts the council's wording in place of ours on the forms, keeping codes, answers and phrases", () => {
    const own = withCouncilWording(children, official);
    const safe = formQuestions(own, "young-person").find((q) => q.code === "Y_SAFE")!;
    const ours = children.questions.find((q) => q.code === "Y_SAFE")!;
    expect(questionWording(safe, "standard")).toBe("Official: has your support helped you feel safe?");
    expect(questionWording(safe, "easy")).toBe("Official easy: do you feel safe?");
    expect({ ...safe, text: ours.text, easyRead: ours.easyRead }).toEqual(ours);
    expect(own.questions.map((q) => q.code)).toEqual(children.questions.map((q) => q.code));
    // Our set is not changed: another council still reads ours.
    expect(children.questions.find((q) => q.code === "Y_SAFE")!.text).toBe("What difference has your support made to feeling safe?");
  });

  it("stays approximate while any question keeps our wording, and lists those questions", () => {
    expect(withCouncilWording(children, official).wordingApproximate).toBe(true);
    expect(approximateCodes(children, official)).toHaveLength(children.questions.length - 2);
    expect(approximateCodes(children, official)).not.toContain("Y_SAFE");
    const all = children.questions.map((q) => ({ code: q.code, standard: `Official ${q.code}`, easyRead: `Easy ${q.code}` }));
    expect(withCouncilWording(children, all).wordingApproximate).toBe(false);
    expect(approximateCodes(children, all)).toEqual([]);
    expect(withCouncilWording(children, []).wordingApproximate).toBe(true);
    // The adult set's wording is not marked approximate, with or without a council's own.
    expect(approximateCodes(adult2014, [])).toEqual([]);
    expect(withCouncilWording(adult2014, [{ code: "O_SAFE", standard: "Own", easyRead: "Own easy" }]).wordingApproximate).toBe(false);
  });
});
