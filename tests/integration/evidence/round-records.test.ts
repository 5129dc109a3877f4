// Rounds as records a council manages, through the real round page: rename and fieldwork dates, archive
// (gone from the council's list, page still readable), delete (refused while a plan works from it unless
// archived, only with the name typed, audited), who may do it, and the same data in another format
// recognised as a round already imported. "Did it work?" follows fieldwork dates and the rounds chosen.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { comparableRounds } from "~/services/roundChanges.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { demoCsv, importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

describe("managing POET rounds", () => {
  let running: RunningApp;
  let world: World;
  let facilitator: Visitor;
  let member: Visitor;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
    member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  });
  afterAll(async () => running.close());

  const page = (roundId: string) => `/orgs/${world.a.org.slug}/rounds/${roundId}?index`;
  const send = async (who: Visitor, roundId: string, form: Record<string, string>) => {
    const response = await who.post(page(roundId), form);
    return { status: response.status, text: response.status === 200 ? pageText(await response.text()) : "" };
  };
  const councilList = async () => pageText(await (await facilitator.get(`/orgs/${world.a.org.slug}`)).text());

  it("renames a round and records its fieldwork period, refusing an end before the start", async () => {
    const roundId = await importDemoRound(world.a.org.id, { respondents: 60, seed: 31, name: "Spring survey" });
    const bad = await send(facilitator, roundId, { intent: "update", name: "Spring 2026 survey", fieldworkStart: "2026-04-30", fieldworkEnd: "2026-03-01" });
    expect(bad.text).toContain("Fieldwork cannot end before it starts");
    const notADate = await send(facilitator, roundId, { intent: "update", name: "Spring 2026 survey", fieldworkStart: "2026-02-30" });
    expect(notADate.text).toContain("“2026-02-30” is not a date");
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: roundId } })).name).toBe("Spring survey");

    const good = await send(facilitator, roundId, { intent: "update", name: "Spring 2026 survey", fieldworkStart: "2026-03-01", fieldworkEnd: "2026-04-30" });
    expect(good.text).toContain("Round details saved.");
    expect(good.text).toContain("fieldwork 01/03/2026 to 30/04/2026");
    expect(await councilList()).toContain("Spring 2026 survey");
    const audit = await db().auditEvent.findFirst({ where: { orgId: world.a.org.id, action: "round-updated" } });
    expect(audit?.detail).toContain("Spring survey → Spring 2026 survey");
  });

  it("lets only people who may manage rounds change them, and never another council's round", async () => {
    const roundId = await importDemoRound(world.a.org.id, { respondents: 60, seed: 32, name: "Member cannot rename" });
    expect((await member.post(page(roundId), { intent: "update", name: "Renamed by a member" })).status).toBe(403);
    expect((await member.post(page(roundId), { intent: "delete", confirmName: "Member cannot rename" })).status).toBe(403);
    // Sharing with other councils is an owner's decision.
    expect((await facilitator.post(page(roundId), { intent: "share", share: "yes" })).status).toBe(403);
    const theirs = await importDemoRound(world.b.org.id, { respondents: 60, seed: 33, name: "Eastvale round" });
    expect((await facilitator.post(page(theirs), { intent: "delete", confirmName: "Eastvale round" })).status).toBe(404);
    expect(await db().poetRound.count({ where: { id: { in: [roundId, theirs] } } })).toBe(2);
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: roundId } })).name).toBe("Member cannot rename");
  });

  it("archives a round out of the list while its page still reads, and refuses to delete one a plan uses until archived", async () => {
    const roundId = await importDemoRound(world.a.org.id, { respondents: 60, seed: 34, name: "Used by a plan" });
    await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId } });

    const wrongName = await send(facilitator, roundId, { intent: "delete", confirmName: "something else" });
    expect(wrongName.text).toContain("Type the round's name exactly (“Used by a plan”)");
    const refused = await send(facilitator, roundId, { intent: "delete", confirmName: "Used by a plan" });
    expect(refused.text).toContain("A plan works from this round, so it cannot be deleted. Archive it first");
    expect(await db().poetRound.count({ where: { id: roundId } })).toBe(1);

    const archived = await send(facilitator, roundId, { intent: "archive" });
    expect(archived.text).toContain("Round archived");
    const listHtml = await (await facilitator.get(`/orgs/${world.a.org.slug}`)).text();
    // Out of the list of rounds, into the folded "Archived rounds" list below it.
    const [current, archivedList] = listHtml.split("Archived rounds (");
    expect(current).not.toContain(`/rounds/${roundId}"`);
    expect(archivedList).toContain(`/rounds/${roundId}"`);
    const stillReadable = await facilitator.get(`/orgs/${world.a.org.slug}/rounds/${roundId}`);
    expect(stillReadable.status).toBe(200);
    expect(pageText(await stillReadable.text())).toContain("Archived");

    const deleted = await facilitator.post(page(roundId), { intent: "delete", confirmName: "Used by a plan" });
    expect(deleted.status).toBe(302);
    expect(await db().poetRound.count({ where: { id: roundId } })).toBe(0);
    expect(await db().respondent.count({ where: { roundId } })).toBe(0);
    expect((await facilitator.get(`/orgs/${world.a.org.slug}/rounds/${roundId}`)).status).toBe(404);
    const audit = await db().auditEvent.findFirst({ where: { orgId: world.a.org.id, action: "round-deleted" } });
    expect(audit?.detail).toBe("Used by a plan (used by 1 plan)");
  });

  it("recognises the same people re-saved as XLSX (columns reordered) as a round already imported", async () => {
    const csv = demoCsv(41, 80);
    const first = await importPoetRound({ orgId: world.a.org.id, importedBy: null, roundName: "Autumn survey", fileName: "autumn.csv", bytes: new TextEncoder().encode(csv) });
    expect(first.status).toBe("imported");
    const table = Papa.parse<string[]>(csv.trim()).data;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Results");
    // The columns in reverse order and the rows upside down: the same data all the same.
    const reversed = table.map((row) => [...row].reverse());
    sheet.addRow(reversed[0]!);
    for (const row of reversed.slice(1).reverse()) sheet.addRow(row);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const again = await importPoetRound({ orgId: world.a.org.id, importedBy: null, roundName: "Autumn again", fileName: "autumn.xlsx", bytes: xlsx });
    expect(again).toMatchObject({ status: "already-imported", roundName: "Autumn survey" });
    expect(await db().poetRound.count({ where: { orgId: world.a.org.id, name: "Autumn again" } })).toBe(0);

    // Through the page, the facilitator is told which round it already is.
    const data = new FormData();
    data.set("roundName", "Autumn third time");
    data.set("results", new File([xlsx], "autumn-copy.xlsx", { type: "application/octet-stream" }));
    data.set("benchmark", new File([], ""));
    const response = await facilitator.postMultipart(`/orgs/${world.a.org.slug}/rounds/new`, data);
    const text = pageText(await response.text());
    expect(text).toContain("Autumn survey");
    expect(text).toMatch(/already imported/i);
    // Another council importing the same data is not a duplicate of ours.
    expect((await importPoetRound({ orgId: world.b.org.id, importedBy: null, roundName: "Theirs", fileName: "autumn.xlsx", bytes: xlsx })).status).toBe("imported");
  });

  it("compares rounds by fieldwork date rather than import time, and the reader may choose which", async () => {
    const org = await db().organisation.create({ data: { slug: `order-${Date.now()}`, name: "Ordershire" } });
    const workspace = await db().workspace.create({ data: { orgId: org.id, name: "Plan" } });
    const base = await importDemoRound(org.id, { respondents: 60, seed: 51, name: "2024 survey" });
    // Imported in the order 2026, 2025: the 2026 one is still the latest survey.
    const r2026 = await importDemoRound(org.id, { respondents: 60, seed: 52, name: "2026 survey" });
    const r2025 = await importDemoRound(org.id, { respondents: 60, seed: 53, name: "2025 survey" });
    const date = (d: string) => new Date(`${d}T00:00:00Z`);
    await db().poetRound.update({ where: { id: base }, data: { fieldworkStart: date("2024-03-01"), fieldworkEnd: date("2024-04-01") } });
    await db().poetRound.update({ where: { id: r2026 }, data: { fieldworkStart: date("2026-03-01"), fieldworkEnd: date("2026-04-01") } });
    await db().poetRound.update({ where: { id: r2025 }, data: { fieldworkStart: date("2025-03-01"), fieldworkEnd: date("2025-04-01") } });
    await db().workspaceRound.create({ data: { workspaceId: workspace.id, roundId: base } });
    const rounds = await listWorkspaceRounds(workspace.id, org.id);

    const byDefault = await comparableRounds(org.id, rounds);
    expect(byDefault.later.map((r) => r.name)).toEqual(["2025 survey", "2026 survey"]);
    expect(byDefault.latest?.name).toBe("2026 survey");
    const chosen = await comparableRounds(org.id, rounds, { to: r2025 });
    expect(chosen.latest?.name).toBe("2025 survey");
    // Archived rounds are not offered.
    await db().poetRound.update({ where: { id: r2026 }, data: { archivedAt: new Date() } });
    expect((await comparableRounds(org.id, rounds)).latest?.name).toBe("2025 survey");
  });
});
