// Exports opened in a spreadsheet: nothing anyone typed runs as a formula, nothing shows a stray
// apostrophe in Excel, and due dates are dates Excel can sort and filter.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let member: Visitor;
const ws = () => world.a.workspace.id;

const hostile = {
  "leading-space": " =HYPERLINK(\"http://evil.example\",\"Click\")",
  "leading-tab": "\t=1+1",
  "full-width-equals": "＝HYPERLINK(\"http://evil.example\")",
  "full-width-plus": "＋1",
  "full-width-minus": "－1",
  "full-width-at": "＠SUM(A1)",
  "no-break-space": "\u00a0=1+1",
  plain: "=HYPERLINK(\"http://evil.example\")",
} as const;

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  await running.collab.withDocument(
    ws(),
    (doc) => {
      for (const [id, title] of Object.entries(hostile)) createAction(doc, { id, title });
      createAction(doc, { id: "dated", title: "Plain-English budget letters", owner: "Member", due: "2027-03-31" });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
});
afterAll(async () => running.close());

async function actionsSheet() {
  const response = await member.get(`/w/${ws()}/plan.xlsx`);
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const sheet = book.getWorksheet("Actions")!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const column = (name: string) => header.indexOf(name);
  const rowFor = (id: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column("Action id")).value === id) return sheet.getRow(r);
    throw new Error(`no row for ${id}`);
  };
  return { book, sheet, column, rowFor };
}

describe("the CSV export", () => {
  it("neutralises formulas behind leading whitespace and full-width signs", async () => {
    const csv = (await (await member.get(`/w/${ws()}/plan.csv`)).text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    for (const [id, title] of Object.entries(hostile)) {
      expect(rows.find((r) => r["Action id"] === id)?.Action, id).toBe(`'${title}`);
    }
    expect(rows.find((r) => r["Action id"] === "dated")?.Action).toBe("Plain-English budget letters");
  });
});

describe("the Excel export", () => {
  it("keeps formula-like titles as text cells with no visible apostrophe", async () => {
    const { rowFor, column } = await actionsSheet();
    for (const [id, title] of Object.entries(hostile)) {
      const cell = rowFor(id).getCell(column("Action"));
      expect(cell.type, id).toBe(ExcelJS.ValueType.String);
      expect(cell.value, id).toBe(title);
      expect(cell.numFmt, id).toBe("@");
    }
  });

  it("stores due dates as dates with a date format", async () => {
    const { rowFor, column, book } = await actionsSheet();
    const due = rowFor("dated").getCell(column("Due"));
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(due.numFmt).toBe("d mmm yyyy");
    expect(rowFor("plain").getCell(column("Due")).type).toBe(ExcelJS.ValueType.Null);
    const exported = book.getWorksheet("About")!.getCell("B3");
    expect(exported.type).toBe(ExcelJS.ValueType.Date);
  });
});
