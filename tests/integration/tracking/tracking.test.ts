import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, readActions, setVotes } from "~/domain/workspace";
import { anonymousVoterKey } from "~/services/voting.server";
import { db } from "~/models/db.server";
import { saveStatusSettings } from "~/models/tracking.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { statusSettings } from "~/domain/tracking/status";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

// On a busy machine SQLite's write lock can hold a projection back through a few retries (each waits up to 10 s).
const PROJECTION_WAIT_MS = 60_000;

let running: RunningApp;
let world: World;
let owner: Visitor;
let member: Visitor;
const clients: TestClient[] = [];
const ws = () => world.a.workspace.id;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
const serverWrite = (fn: Parameters<RunningApp["collab"]["withDocument"]>[1]) => running.collab.withDocument(ws(), fn, { source: "server", actorId: null, actorName: "Set-up" });

async function aggregateRound(name: string, positive: number, total: number, importedAt: Date) {
  const csv = `question,group,positive,total\nP_KNEW_AMOUNT,all,${positive},${total}\nO_SAFE,all,150,200\n`;
  const result = await importPoetRound({ orgId: world.a.org.id, importedBy: null, roundName: name, fileName: `${name}.csv`, bytes: new TextEncoder().encode(csv) });
  if (result.status !== "imported") throw new Error(JSON.stringify(result));
  await db().poetRound.update({ where: { id: result.roundId }, data: { importedAt } });
  return result.roundId;
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  const first = await aggregateRound("POET 2025", 96, 200, new Date("2025-10-01T10:00:00Z"));
  await db().workspaceRound.create({ data: { workspaceId: ws(), roundId: first } });
  await serverWrite((doc) => {
    createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member", due: "2020-01-31", findingIds: ["P_KNEW_AMOUNT~all"], mirIds: ["IA-I1"] });
    createAction(doc, { id: "buddies", title: "Peer support buddies", owner: "", due: "2099-12-31", mirIds: ["AC-I2"] });
    createAction(doc, { id: "done", title: "Easy-read guide", owner: "Member", due: "2020-01-01", status: "complete" });
  });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
});

describe("the plan view", () => {
  it("shows counts, and filters to overdue, mine, unowned and by theme", async () => {
    const plan = await text(await member.get(`/w/${ws()}/plan`));
    expect(plan).toContain("3 actions");
    expect(plan).toContain("1 overdue");
    expect(plan).toContain("1 without an owner");
    const titles = async (query: string) => {
      const html = await text(await member.get(`/w/${ws()}/plan?${query}`));
      return ["Plain-English budget letters", "Peer support buddies", "Easy-read guide"].filter((t) => html.includes(`>${t}<`));
    };
    expect(await titles("show=overdue")).toEqual(["Plain-English budget letters"]);
    expect(await titles("show=mine")).toEqual(["Plain-English budget letters", "Easy-read guide"]);
    expect(await titles("show=unowned")).toEqual(["Peer support buddies"]);
    expect(await titles("theme=AC")).toEqual(["Peer support buddies"]);
  });

  it("uses the council's status percents unless a progress update overrides them", async () => {
    await saveStatusSettings(world.a.org.id, statusSettings([{ status: "complete", label: "Done and dusted", percent: 100 }, { status: "not-started", label: "Not yet", percent: 5 }]));
    const plan = await text(await member.get(`/w/${ws()}/plan`));
    expect(plan).toMatch(/Peer support buddies[\s\S]*?Not yet[\s\S]*?5%/);
    // The live workshop uses the council's names too (here its server-rendered cards).
    expect(await text(await member.get(`/w/${ws()}`))).toMatch(/Peer support buddies[\s\S]*?<dt>Status<\/dt><dd>Not yet<\/dd>/);
    await member.post(`/w/${ws()}/actions/buddies`, { note: "Volunteers found", status: "keep", rag: "keep", percent: "30" });
    expect(await text(await member.get(`/w/${ws()}/plan`))).toMatch(/Peer support buddies[\s\S]*?Not yet[\s\S]*?30%/);
  });

  it("a bulk change reaches a live workshop socket and is recorded in history with who did it", async () => {
    const live = connectClient(running.baseUrl.replace("http", "ws") + "/collab", ws(), { as: "owner", headers: { Cookie: `poet_session=${owner.sessionCookie}`, Origin: running.baseUrl } });
    clients.push(live);
    await live.synced();
    const response = await member.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "letters", status: "in-progress", owner: "", due: "" });
    expect(await text(response)).toContain("Changed 1 action.");
    await waitFor(() => readActions(live.doc).find((a) => a.id === "letters")?.status === "in-progress", "the live client sees the new status");
    const page = await text(await member.get(`/w/${ws()}/actions/letters`));
    expect(page).toContain("Member changed the status from “Not yet” to “In progress”");
    const event = await db().actionEvent.findFirstOrThrow({ where: { workspaceId: ws(), actionId: "letters", field: "status" } });
    expect(event).toMatchObject({ fromValue: "not-started", toValue: "in-progress", actorId: world.member.id, actorName: "Member" });
  });

  it("a viewer cannot change anything, and an empty bulk change is explained", async () => {
    const viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    expect((await viewer.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "letters", status: "complete", owner: "", due: "" })).status).toBe(403);
    expect((await viewer.post(`/w/${ws()}/actions/letters`, { note: "sneaky", status: "complete", rag: "keep" })).status).toBe(403);
    expect(await text(await member.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "letters", status: "", owner: "", due: "" }))).toContain("Choose a status, an owner or a due date");
    expect(await text(await member.post(`/w/${ws()}/plan`, { intent: "bulk", status: "complete", owner: "", due: "" }))).toContain("Tick at least one action");
    const letters = await db().action.findFirstOrThrow({ where: { workspaceId: ws(), id: "letters" } });
    expect(letters.status).toBe("in-progress");
  });
});

describe("progress updates and notifications", () => {
  it("tells the person who created an action when someone else changes its status, and not the one who changed it", async () => {
    const creator = connectClient(running.baseUrl.replace("http", "ws") + "/collab", ws(), { as: "creator", headers: { Cookie: `poet_session=${member.sessionCookie}`, Origin: running.baseUrl } });
    clients.push(creator);
    await creator.synced();
    createAction(creator.doc, { id: "transport", title: "Community transport map", createdBy: "Member" });
    await waitFor(async () => (await db().actionEvent.count({ where: { actionId: "transport", field: "created", actorId: world.member.id } })) === 1, "creation recorded with its author");
    const update = await owner.post(`/w/${ws()}/actions/transport`, { note: "Map drafted with the transport group", status: "complete", rag: "green", percent: "" });
    expect(update.status).toBe(302);
    const inbox = await text(await member.get("/notifications"));
    expect(inbox).toContain("“Community transport map” is now done and dusted (changed by Owner). You said, we did.");
    expect(await text(await member.get("/"))).toContain("Notifications (1 new)");
    expect(await db().notification.count({ where: { userId: world.owner.id } })).toBe(0);
    expect(await db().notification.count({ where: { userId: world.outsider.id } })).toBe(0);
    const note = await db().notification.findFirstOrThrow({ where: { userId: world.member.id } });
    await member.post("/notifications", { intent: "read", id: note.id });
    expect(await text(await member.get("/"))).not.toContain("Notifications (1 new)");
    expect(await text(await owner.get(`/w/${ws()}/actions/transport`))).toContain("Owner added a progress update:");
  });

  it("tells people who voted for an action, but not guests or people outside the council", async () => {
    await serverWrite((doc) => {
      createAction(doc, { id: "voted", title: "Drop-in budget clinics" });
      setVotes(doc, "voted", `u:${world.viewer.id}`, 2);
      setVotes(doc, "voted", `u:${world.outsider.id}`, 1);
      setVotes(doc, "voted", "g:some-guest", 1);
      setVotes(doc, "voted", anonymousVoterKey(ws(), `u:${world.member.id}`), 1);
      setVotes(doc, "voted", anonymousVoterKey(ws(), `u:${world.facilitator.id}`), 1);
    });
    await member.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "voted", status: "in-progress", owner: "", due: "" });
    const forViewer = await db().notification.findMany({ where: { userId: world.viewer.id, actionId: "voted" } });
    expect(forViewer.map((n) => n.message)).toEqual(["“Drop-in budget clinics” is now in progress (changed by Member). You said, we did."]);
    // An anonymous vote's key leads the server (and only the server) back to the member who cast it.
    expect(await db().notification.count({ where: { userId: world.facilitator.id, actionId: "voted" } })).toBe(1);
    expect(await db().notification.count({ where: { userId: world.member.id, actionId: "voted" } })).toBe(0); // made the change
    expect(await db().notification.count({ where: { userId: world.outsider.id } })).toBe(0);
  });

  it("shows owners their overdue actions first when they sign in", async () => {
    const home = await text(await member.get("/"));
    expect(home).toContain("You own 1 overdue action");
    expect(home.indexOf("overdue action")).toBeLessThan(home.indexOf("<h1>Your councils</h1>"));
  });
});

describe("did it work? (a later round)", () => {
  it("shows the change in each linked finding with its own test, on the action page, the plan and the dashboard", async () => {
    await aggregateRound("POET 2026", 122, 200, new Date("2026-10-01T10:00:00Z"));
    const sentence = "Knew their budget amount when planning: 48% → 61%, a significant rise.";
    expect(await text(await member.get(`/w/${ws()}/actions/letters`))).toContain(sentence);
    expect(await text(await member.get(`/w/${ws()}/plan`))).toContain(sentence);
    expect(await text(await member.get(`/orgs/${world.a.org.slug}/dashboard`))).toContain(sentence);
  });

  it("with a round in between, the test stays first round against latest, and the action page shows every round's figure", async () => {
    await aggregateRound("POET spring 2026", 110, 200, new Date("2026-04-01T10:00:00Z"));
    const page = await text(await member.get(`/w/${ws()}/actions/letters`));
    expect(page).toContain("Knew their budget amount when planning: 48% → 61%, a significant rise.");
    expect(page).toContain("Round by round: 48% in POET 2025, 55% in POET spring 2026, 61% in POET 2026.");
  });
});

describe("exports", () => {
  it("CSV and Excel files parse back to one row per action with links and latest update, and are audit-logged", async () => {
    const csvResponse = await member.get(`/w/${ws()}/plan.csv`);
    expect(csvResponse.headers.get("Content-Disposition")).toMatch(/attachment; filename=".*\.csv"/);
    const parsed = Papa.parse<Record<string, string>>((await csvResponse.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    const letters = parsed.data.find((r) => r["Action id"] === "letters")!;
    expect(parsed.data).toHaveLength(5);
    expect(letters).toMatchObject({ Action: "Plain-English budget letters", Status: "In progress", Owner: "Member", Due: "2020-01-31", Overdue: "yes" });
    expect(letters.Findings).toBe("Knew their budget amount when planning");
    expect(letters["Making it Real statements"]).toMatch(/^IA-I1 /);
    expect(parsed.data.find((r) => r["Action id"] === "buddies")!["Latest update"]).toBe("Volunteers found");

    const xlsx = await member.get(`/w/${ws()}/plan.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet("Actions")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Action");
    const titles = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(1).value);
    expect(titles).toContain("Community transport map");
    expect(await db().auditEvent.count({ where: { orgId: world.a.org.id, action: "plan-exported" } })).toBe(2);
  });

  it("neutralises spreadsheet formulas typed into an action title", async () => {
    await serverWrite((doc) => createAction(doc, { id: "formula", title: "=HYPERLINK(\"http://evil.example\")" }));
    const csv = await (await member.get(`/w/${ws()}/plan.csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it("the printable report names the council and lists every action with its status", async () => {
    const report = await text(await member.get(`/w/${ws()}/report`));
    expect(report).toContain("Westshire");
    expect(report).toContain("progress report");
    expect(report).toMatch(/Plain-English budget letters[\s\S]*?In progress/);
  });
});

describe("Making it Real wording", () => {
  it("an owner loads the council's official wording from a CSV; plans and exports use it; a bad file changes nothing", async () => {
    const upload = async (csv: string) => {
      const form = new FormData();
      form.append("wording", new Blob([csv], { type: "text/csv" }), "wording.csv");
      const response = await fetch(`${running.baseUrl}/orgs/${world.a.org.slug}/settings`, { method: "POST", body: form, headers: { Cookie: `poet_session=${owner.sessionCookie}`, Origin: running.baseUrl } });
      return text(response);
    };
    const bad = await upload("id,theme,kind,text\nIA-I1,IA,I,\nXX-I9,XX,I,Something\n");
    expect(bad).toContain("Nothing was changed");
    expect(bad).toContain("Row 2, column `text`");
    expect(await db().mirStatement.count({ where: { orgId: world.a.org.id } })).toBe(0);
    const good = await upload("id,theme,kind,text\nIA-I1,IA,I,I have the information and advice I need to plan my life (official wording).\n");
    expect(good).toContain("Loaded the official wording of 1 statements");
    expect(await text(await member.get(`/w/${ws()}/actions/letters`))).toContain("I have the information and advice I need to plan my life (official wording).");
    expect(await text(await member.get(`/w/${ws()}`))).toContain("IA-I1: I have the information and advice I need to plan my life (official wording).");
    const csv = await (await member.get(`/w/${ws()}/plan.csv`)).text();
    expect(csv).toContain("IA-I1 I have the information and advice I need to plan my life (official wording).");
    const memberTry = await fetch(`${running.baseUrl}/orgs/${world.a.org.slug}/settings`, { method: "POST", body: new URLSearchParams({ intent: "clear-wording" }), headers: { Cookie: `poet_session=${member.sessionCookie}`, Origin: running.baseUrl, "Content-Type": "application/x-www-form-urlencoded" } });
    expect(memberTry.status).toBe(403);
  });
});

describe("owners chosen from the council's members", () => {
  it("records the member's account, so 'mine' follows the person after a change of name; other names stay free text", { timeout: 240_000 }, async () => {
    await serverWrite((doc) => void createAction(doc, { id: "chosen", title: "Carers' breaks directory", due: "2020-02-01" }));
    const plan = await text(await member.get(`/w/${ws()}/plan`));
    expect(plan).toContain('<datalist id="bulk-owner-choices">');
    expect(plan).toContain(`value="${world.facilitator.name}"`);
    const viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    expect(await text(await viewer.get(`/w/${ws()}/plan`))).not.toContain("bulk-owner-choices");

    // Typed with other capitals and spaces, the name still picks out exactly one member.
    await member.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "chosen", status: "", owner: `  ${world.facilitator.name.toUpperCase()} `, due: "" });
    await waitFor(async () => (await db().action.findFirst({ where: { workspaceId: ws(), id: "chosen" } }))?.ownerId === world.facilitator.id, "the Action row names the member", PROJECTION_WAIT_MS);
    expect((await db().action.findFirstOrThrow({ where: { workspaceId: ws(), id: "chosen" } })).owner).toBe(world.facilitator.name);

    await db().user.update({ where: { id: world.facilitator.id }, data: { name: "Fran Okafor" } });
    const facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
    expect(await text(await facilitator.get(`/w/${ws()}/plan?show=mine`))).toContain(">Carers&#x27; breaks directory<");
    expect(await text(await facilitator.get("/"))).toContain("You own 1 overdue action");

    // A partner outside the council: a free-text owner with no account, and the old account link is gone.
    await member.post(`/w/${ws()}/plan`, { intent: "bulk", ids: "chosen", status: "", owner: "Jo at the Carers Centre", due: "" });
    await waitFor(async () => (await db().action.findFirst({ where: { workspaceId: ws(), id: "chosen" } }))?.owner === "Jo at the Carers Centre", "the new owner is projected", PROJECTION_WAIT_MS);
    expect((await db().action.findFirstOrThrow({ where: { workspaceId: ws(), id: "chosen" } })).ownerId).toBeNull();
    expect(await text(await facilitator.get(`/w/${ws()}/plan?show=mine`))).not.toContain("Carers&#x27; breaks directory");

    // A browser cannot make someone outside the council an owner by writing their id into the document.
    await serverWrite((doc) => void createAction(doc, { id: "forged-owner", title: "Forged owner", owner: world.outsider.name, ownerId: world.outsider.id }));
    await waitFor(async () => (await db().action.findFirst({ where: { workspaceId: ws(), id: "forged-owner" } })) !== null, "the action is projected", PROJECTION_WAIT_MS);
    expect((await db().action.findFirstOrThrow({ where: { workspaceId: ws(), id: "forged-owner" } })).ownerId).toBeNull();
  });

  it("offers the council's members as owners in the workshop to members, never to guests", async () => {
    expect(await text(await member.get(`/w/${ws()}`))).toContain('<datalist id="owner-choices">');
    const guest = new Visitor(running.baseUrl);
    expect((await guest.post("/join", { code: world.codeA.code, displayName: "Sam" })).status).toBe(302);
    const page = await text(await guest.get(`/w/${ws()}`));
    expect(page).toContain("Peer support buddies");
    expect(page).not.toContain("owner-choices");
    expect(page).not.toContain(world.viewer.email);
  });
});
