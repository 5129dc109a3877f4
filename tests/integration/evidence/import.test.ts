// The import page through the real HTTP route, as a browser form posts it (multipart): good files become a
// round with its people and an audit event; every kind of bad file is listed by row and column and
// writes nothing at all.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { MAX_FILE_BYTES, MAX_LISTED_PROBLEMS } from "~/services/poetFile/index.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { demoCsv } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

type Upload = { name: string; content: string | Uint8Array<ArrayBuffer> };

describe("importing a POET round", () => {
  let running: RunningApp;
  let world: World;
  let facilitator: Visitor;
  let path: string;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
    path = `/orgs/${world.a.org.slug}/rounds/new`;
  });
  afterAll(async () => running.close());

  const form = (results: Upload | null, options: { roundName?: string; benchmark?: Upload } = {}) => {
    const data = new FormData();
    data.set("roundName", options.roundName ?? "POET round test");
    const file = (u: Upload | null | undefined) => (u ? new File([u.content], u.name, { type: u.name.endsWith(".xlsx") ? "application/octet-stream" : "text/csv" }) : new File([], ""));
    data.set("results", file(results));
    data.set("benchmark", file(options.benchmark));
    return data;
  };
  const upload = async (who: Visitor, results: Upload | null, options: { roundName?: string; benchmark?: Upload } = {}) => {
    const response = await who.postMultipart(path, form(results, options));
    return { status: response.status, text: pageText(await response.text()) };
  };
  const stored = async () => {
    const orgId = world.a.org.id;
    const [rounds, respondents, benchmarks, audits] = await Promise.all([
      db().poetRound.count({ where: { orgId } }),
      db().respondent.count({ where: { round: { orgId } } }),
      db().benchmark.count({ where: { orgId } }),
      db().auditEvent.count({ where: { orgId, action: "round-imported" } }),
    ]);
    return { rounds, respondents, benchmarks, audits };
  };
  /** Runs a bad upload and checks that nothing at all was written. */
  const rejected = async (results: Upload | null, options: { roundName?: string; benchmark?: Upload } = {}) => {
    const before = await stored();
    const answer = await upload(facilitator, results, options);
    expect(await stored()).toEqual(before);
    return answer;
  };

  it("a good CSV becomes a round with its people, visible to the council, with an audit event", async () => {
    const before = await stored();
    const { status, text } = await upload(facilitator, { name: "north-2026.csv", content: demoCsv(21, 120) }, { roundName: "Spring survey 2026" });
    expect(status).toBe(201);
    expect(text).toContain("Imported Spring survey 2026");
    expect(text).toMatch(/120 people: \d+ budget holders, \d+ carers/);
    expect(text).toContain("See the findings of Spring survey 2026");
    expect(await stored()).toEqual({ ...before, rounds: before.rounds + 1, respondents: before.respondents + 120, audits: before.audits + 1 });

    const round = await db().poetRound.findFirstOrThrow({ where: { orgId: world.a.org.id, name: "Spring survey 2026" } });
    expect(round.fileName).toBe("north-2026.csv");
    expect(round.importedById).toBe(world.facilitator.id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { orgId: world.a.org.id, action: "round-imported" }, orderBy: { at: "desc" } });
    expect(audit.actorLabel).toBe(world.facilitator.email);
    expect(pageText(await (await facilitator.get(`/orgs/${world.a.org.slug}`)).text())).toContain("Spring survey 2026");
    expect((await facilitator.get(`/orgs/${world.a.org.slug}/rounds/${round.id}`)).status).toBe(200);
  });

  it("the same file again is reported as already imported, with a link to that round, and no second round", async () => {
    const round = await db().poetRound.findFirstOrThrow({ where: { orgId: world.a.org.id, name: "Spring survey 2026" } });
    const before = await stored();
    const response = await facilitator.postMultipart(path, form({ name: "renamed.csv", content: demoCsv(21, 120) }, { roundName: "Another name" }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(pageText(html)).toContain("Already imported");
    expect(html).toContain(`/orgs/${world.a.org.slug}/rounds/${round.id}`);
    expect(await stored()).toEqual(before);
  });

  it("an answer the question does not allow is listed by row, column and value, and nothing is written", async () => {
    const csv = demoCsv(22, 40).replace(/,better(?=[,\r\n])/, ",betterish");
    const { status, text } = await rejected({ name: "typo.csv", content: csv });
    expect(status).toBe(400);
    expect(text).toContain("1 problem in the results file typo.csv: nothing was imported");
    expect(text).toMatch(/Problems in typo.csv Row Column Value What we expected \d+ [A-Z]_\w+ betterish 'betterish' is not an answer this question allows — expected one of: a lot better, better/);
  });

  it("many problems are capped in the list with a count of the rest", async () => {
    const csv = demoCsv(23, 300).replace(/,better(?=[,\r\n])/g, ",betterish");
    const total = csv.split(",betterish").length - 1;
    expect(total).toBeGreaterThan(MAX_LISTED_PROBLEMS);
    const { status, text } = await rejected({ name: "many.csv", content: csv });
    expect(status).toBe(400);
    expect(text).toContain(`${total.toLocaleString("en-GB")} problems in the results file many.csv`);
    expect(text).toContain(`…and ${(total - MAX_LISTED_PROBLEMS).toLocaleString("en-GB")} more problems`);
  });

  it("two people with the same id are both pointed at, and nothing is written", async () => {
    const lines = demoCsv(24, 30).split(/\r?\n/);
    const firstId = lines[1]!.split(",")[0]!;
    lines[3] = [firstId, ...lines[3]!.split(",").slice(1)].join(",");
    const { status, text } = await rejected({ name: "dupes.csv", content: lines.join("\n") });
    expect(status).toBe(400);
    expect(text).toContain(`4 respondent_id ${firstId} '${firstId}' is already used on row 2 — each person needs their own id.`);
  });

  it("an empty file, or no file at all, is a clear message and nothing is written", async () => {
    const empty = await rejected({ name: "empty.csv", content: "" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("The file is empty.");
    const none = await rejected(null);
    expect(none.status).toBe(400);
    expect(none.text).toContain("Choose the results file: a CSV or XLSX file");
  });

  it("a semicolon-separated Windows-1252 file from Excel imports with its accented ids intact", async () => {
    const parsed = Papa.parse<string[]>(demoCsv(25, 30), { skipEmptyLines: true }).data;
    parsed[1]![0] = "José-1";
    const bytes = iconv.encode(Papa.unparse(parsed, { delimiter: ";", newline: "\r\n" }), "win1252");
    expect(bytes.includes(0xe9)).toBe(true);
    const { status, text } = await upload(facilitator, { name: "excel-export.csv", content: new Uint8Array(bytes) }, { roundName: "Excel export" });
    expect(status).toBe(201);
    expect(text).toMatch(/30 people: \d+ budget holders/);
    const person = await db().respondent.findFirst({ where: { externalId: "José-1", round: { orgId: world.a.org.id } } });
    expect(person).not.toBeNull();
  });

  it("a file over the size limit is refused with a message, not a crash, and nothing is written", async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    const { status, text } = await rejected({ name: "huge.csv", content: big });
    expect(status).toBe(413);
    expect(text).toContain("The file is too large: nothing was imported");
    expect(text).toContain(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    // The server is still fine afterwards.
    expect((await facilitator.get(path)).status).toBe(200);
  });

  it("a good XLSX workbook imports like the CSV", async () => {
    const rows = Papa.parse<string[]>(demoCsv(26, 50), { skipEmptyLines: true }).data;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("POET").addRows(rows);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const before = await stored();
    const { status, text } = await upload(facilitator, { name: "results.xlsx", content: bytes }, { roundName: "Workbook round" });
    expect(status).toBe(201);
    expect(text).toMatch(/50 people: \d+ budget holders, \d+ carers/);
    expect(await stored()).toMatchObject({ rounds: before.rounds + 1, respondents: before.respondents + 50 });
  });

  it("a bad council benchmark file is listed by row and column, and even the good results file is not written", async () => {
    const benchmark = "question,group,percent,n\nO_SAFE,all,67,400\nO_NOPE,all,50,\nO_QOL,Carers,lots,12\n";
    const { status, text } = await rejected({ name: "fine.csv", content: demoCsv(27, 40) }, { benchmark: { name: "our-benchmark.csv", content: benchmark } });
    expect(status).toBe(400);
    expect(text).toContain("2 problems in the benchmark file our-benchmark.csv: nothing was imported");
    expect(text).toContain("3 question O_NOPE 'O_NOPE' is not a question code in adult-2014");
    expect(text).toContain("4 percent lots 'lots' is not a percentage");
  });

  it("a good council benchmark file is stored with the round and named on its findings", async () => {
    const benchmark = "question,group,percent,n\nO_SAFE,all,60,1200\nO_QOL,all,85,\n";
    const before = await stored();
    const response = await facilitator.postMultipart(path, form({ name: "with-benchmark.csv", content: demoCsv(28, 60) }, { roundName: "Benchmarked", benchmark: { name: "regional.csv", content: benchmark } }));
    expect(response.status).toBe(201);
    expect(await stored()).toMatchObject({ rounds: before.rounds + 1, benchmarks: before.benchmarks + 1 });
    const round = await db().poetRound.findFirstOrThrow({ where: { orgId: world.a.org.id, name: "Benchmarked" } });
    expect(pageText(await (await facilitator.get(`/orgs/${world.a.org.slug}/rounds/${round.id}`)).text())).toContain("Compared with: regional.csv");
  });

  it("the progress upload's route answers with the same outcome as JSON, and keeps the same rules", async () => {
    const upload = `/orgs/${world.a.org.slug}/rounds/upload`;
    const csv = demoCsv(29, 20).replace(/,better(?=[,\r\n])/, ",betterish");
    const response = await facilitator.postMultipart(upload, form({ name: "x.csv", content: csv }));
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ status: "invalid", source: "results", fileName: "x.csv", totalProblems: 1, problems: [{ value: "betterish" }] });

    const before = await stored();
    const good = await facilitator.postMultipart(upload, form({ name: "good.csv", content: demoCsv(32, 20) }, { roundName: "Uploaded with progress" }));
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ status: "imported", roundName: "Uploaded with progress" });
    expect(await stored()).toMatchObject({ rounds: before.rounds + 1 });
    const noName = await facilitator.postMultipart(upload, form({ name: "n.csv", content: demoCsv(33, 20) }, { roundName: "" }));
    expect(noName.status).toBe(400);
    expect(JSON.stringify(await noName.json())).toContain("Enter a name for the round");

    const viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    expect((await viewer.postMultipart(upload, form({ name: "v.csv", content: demoCsv(34, 20) }))).status).toBe(403);
    expect(await stored()).toMatchObject({ rounds: before.rounds + 1 });
  });

  it("a viewer is refused (403) and an outsider is told there is no such council (404); nothing is written", async () => {
    const viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    const outsider = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
    const before = await stored();
    expect((await viewer.postMultipart(path, form({ name: "v.csv", content: demoCsv(30, 20) }))).status).toBe(403);
    expect((await outsider.postMultipart(path, form({ name: "o.csv", content: demoCsv(31, 20) }))).status).toBe(404);
    expect(await stored()).toEqual(before);
  });
});
