// The Making it Real self-assessment over real HTTP and a live socket: ratings are cast by the server (one per
// person), only a facilitator sets the agreed rating or finishes, the result is saved per plan and year and
// compared with last year's, it reaches the board paper (page and Word), and another council's plan is 404.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mirStatements } from "~/domain/mir";
import { readSelfAssessment } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { findSelfAssessment, saveSelfAssessment } from "~/models/selfAssessment.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let watcher: TestClient;
let facilitator: Visitor;
let member: Visitor;
let guest: Visitor;
const ids = mirStatements.map((s) => s.id);
const ws = () => world.a.workspace.id;
const page = (id = ws()) => `/w/${id}/self-assessment?_data=${encodeURIComponent("routes/w.$workspace.self-assessment")}`;
const live = () => readSelfAssessment(watcher.doc, ids);
const textOf = (id: string) => mirStatements.find((s) => s.id === id)!.text;

async function post(visitor: Visitor, form: Record<string, string>, id = ws()) {
  const response = await visitor.post(page(id), form);
  return { status: response.status, body: (await response.json().catch(() => null)) as { ok: boolean; message: string; actionId?: string } | null };
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  guest = new Visitor(running.baseUrl);
  expect((await guest.post("/join", { code: world.codeA.code, displayName: "Sam" })).status).toBe(302);
  const owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
  watcher = connectClient(running.baseUrl.replace("http", "ws") + "/collab", ws(), { as: "owner", headers: { Cookie: `poet_session=${owner.sessionCookie ?? ""}`, Origin: running.baseUrl } });
  await watcher.synced();
  // Last year's result for this plan: WF-I2 "not yet", WC-I6 "doing well", AC-I1 "getting there".
  const counts = { "not-yet": 0, "getting-there": 0, "doing-well": 0 };
  await saveSelfAssessment({
    workspaceId: ws(),
    orgId: world.a.org.id,
    year: 2025,
    finishedAt: new Date("2025-11-20T10:00:00Z"),
    finishedById: world.facilitator.id,
    ratings: [
      { statementId: "WF-I2", rating: "not-yet", decidedBy: "votes", counts: { ...counts, "not-yet": 3 }, evidence: [], comments: [] },
      { statementId: "WC-I6", rating: "doing-well", decidedBy: "consensus", counts, evidence: [], comments: [] },
      { statementId: "AC-I1", rating: "getting-there", decidedBy: "votes", counts: { ...counts, "getting-there": 2 }, evidence: [], comments: [] },
    ],
  });
});
afterAll(async () => {
  watcher.destroy();
  await running.close();
});

describe("the Making it Real self-assessment stage", () => {
  it("nobody rates before the facilitator opens it, and only a facilitator can open it", async () => {
    expect(await post(guest, { intent: "rate", statementId: "WF-I2", rating: "doing-well" })).toMatchObject({ status: 409, body: { ok: false, message: expect.stringMatching(/not open/) } });
    expect((await post(member, { intent: "open", year: "2026" })).status).toBe(403);
    expect(await post(facilitator, { intent: "open", year: "twenty" })).toMatchObject({ status: 400, body: { message: "The year must be a year such as 2026." } });
    expect((await post(facilitator, { intent: "open", year: "2026" })).status).toBe(200);
    await waitFor(() => live().stage?.open === true && live().stage?.year === 2026, "everyone's copy shows the stage open");
  });

  it("counts a guest's rating once: a second rating replaces the first", async () => {
    expect((await post(guest, { intent: "rate", statementId: "WF-I2", rating: "not-yet" })).status).toBe(200);
    expect((await post(guest, { intent: "rate", statementId: "WF-I2", rating: "getting-there" })).status).toBe(200);
    expect((await post(guest, { intent: "rate", statementId: "WF-I2", rating: "getting-there" })).status).toBe(200);
    await waitFor(() => live().statements["WF-I2"]!.counts["getting-there"] === 1, "the guest's rating arrives");
    expect(live().statements["WF-I2"]).toMatchObject({ total: 1, counts: { "not-yet": 0, "getting-there": 1, "doing-well": 0 } });
    // The key the rating is stored under names nobody.
    const stored = JSON.stringify((watcher.doc.getMap("selfAssessment").get("ratings") as { toJSON(): unknown }).toJSON());
    const guestRow = await db().guest.findFirstOrThrow({ where: { workspaceId: ws(), displayName: "Sam" } });
    expect(stored).not.toContain(guestRow.id);
    expect(stored).not.toContain("Sam");
  });

  it("a guest cannot set the group's agreed rating or finish; a viewer cannot rate; bad input is explained", async () => {
    expect(await post(guest, { intent: "consensus", statementId: "WF-I2", rating: "doing-well" })).toMatchObject({ status: 403, body: { message: expect.stringMatching(/Only a facilitator/) } });
    expect((await post(guest, { intent: "finish" })).status).toBe(403);
    expect((await post(member, { intent: "consensus", statementId: "WF-I2", rating: "doing-well" })).status).toBe(403);
    const viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    expect((await post(viewer, { intent: "rate", statementId: "WF-I2", rating: "doing-well" })).status).toBe(403);
    expect(await post(member, { intent: "rate", statementId: "WF-I9", rating: "doing-well" })).toMatchObject({ status: 404, body: { message: expect.stringMatching(/not in this self-assessment/) } });
    expect((await post(member, { intent: "rate", statementId: "WF-I2", rating: "excellent" })).status).toBe(400);
    expect(await post(member, { intent: "comment", statementId: "WF-I2", text: "   " })).toMatchObject({ status: 400, body: { message: "Write a comment before adding it." } });
    expect(live().statements["WF-I2"]!.consensus).toBeNull();
  });

  it("another council's plan is 404, and its people cannot reach this one", async () => {
    const outsider = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
    expect((await post(outsider, { intent: "rate", statementId: "WF-I2", rating: "doing-well" })).status).toBe(404);
    expect((await outsider.get(`/w/${ws()}/self-assessment`)).status).toBe(404);
    expect((await post(guest, { intent: "rate", statementId: "WF-I2", rating: "doing-well" }, world.b.workspace.id)).status).toBe(404);
    expect((await guest.get(`/w/${world.b.workspace.id}/self-assessment`)).status).toBe(404);
  });

  it("the facilitator's agreed rating decides; the result is saved for the plan and year and compared with last year's", async () => {
    await post(member, { intent: "rate", statementId: "WF-I2", rating: "doing-well" });
    await post(facilitator, { intent: "rate", statementId: "WF-I2", rating: "getting-there" });
    await post(member, { intent: "rate", statementId: "WC-I6", rating: "not-yet" });
    await post(guest, { intent: "rate", statementId: "AC-I1", rating: "doing-well" });
    expect((await post(facilitator, { intent: "consensus", statementId: "AC-I1", rating: "getting-there" })).status).toBe(200);
    expect((await post(guest, { intent: "comment", statementId: "WC-I6", text: "Nobody answers the phone after 5" })).status).toBe(200);
    await waitFor(() => live().statements["AC-I1"]!.consensus === "getting-there" && live().statements["WC-I6"]!.comments.length === 1, "the agreed rating and comment arrive");

    const finished = await post(facilitator, { intent: "finish" });
    expect(finished).toMatchObject({ status: 200, body: { ok: true, message: expect.stringMatching(/2026 is finished and saved: 3 of \d+ statements rated/) } });
    await waitFor(() => live().result?.year === 2026 && live().stage?.open === false, "everyone's copy shows the saved result");
    expect(live().result!.ratings).toEqual({
      "AC-I1": { rating: "getting-there", decidedBy: "consensus" },
      "WC-I6": { rating: "not-yet", decidedBy: "votes" },
      "WF-I2": { rating: "getting-there", decidedBy: "votes" },
    });
    const saved = await findSelfAssessment(ws(), 2026);
    expect(saved?.ratings.map((r) => [r.statementId, r.rating, r.decidedBy]).sort()).toEqual([
      ["AC-I1", "getting-there", "consensus"],
      ["WC-I6", "not-yet", "votes"],
      ["WF-I2", "getting-there", "votes"],
    ]);
    expect(saved?.ratings.find((r) => r.statementId === "WF-I2")?.counts).toEqual({ "not-yet": 0, "getting-there": 2, "doing-well": 1 });
    expect(saved?.ratings.find((r) => r.statementId === "WC-I6")?.comments.map((c) => c.text)).toEqual(["Nobody answers the phone after 5"]);
    // Rating is closed once finished.
    expect((await post(guest, { intent: "rate", statementId: "WF-I2", rating: "not-yet" })).status).toBe(409);

    // The board paper: WF-I2 moved up (not yet → getting there), WC-I6 down, AC-I1 the same.
    const html = (await (await facilitator.get(`/w/${ws()}/report`)).text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Making it Real self-assessment 2026");
    expect(html).toContain("Compared with 2025: 1 moved up, 1 moved down, 1 the same.");
    expect(html).toContain(`${textOf("WF-I2")} <strong>Getting there</strong> (most common rating) · Moved up (2025: Not yet)`);
    const docx = await JSZip.loadAsync(await (await facilitator.get(`/w/${ws()}/report.docx`)).arrayBuffer());
    const xml = await docx.file("word/document.xml")!.async("string");
    expect(xml).toContain("Making it Real self-assessment 2026");
    expect(xml).toContain("Compared with 2025: 1 moved up, 1 moved down, 1 the same.");
    expect(xml).toContain("Moved down (2025: Doing well)");
    const easy = (await (await facilitator.get(`/w/${ws()}/report?view=easy`)).text()).replace(/<!-- -->/g, "");
    expect(easy).toContain(`${textOf("WC-I6")} We are not doing this yet. This is worse than last time.`);
  });

  it("a statement rated “not yet” suggests an action: one click creates it, linked to the statement, once", async () => {
    expect((await post(guest, { intent: "suggest-action", statementId: "WF-I2" })).status).toBe(409);
    const made = await post(guest, { intent: "suggest-action", statementId: "WC-I6" });
    expect(made).toMatchObject({ status: 200, body: { ok: true, actionId: expect.any(String) } });
    const again = await post(member, { intent: "suggest-action", statementId: "WC-I6" });
    expect(again.body?.actionId).toBe(made.body?.actionId);
    await waitFor(() => watcher.doc.getMap("actions").has(made.body!.actionId!), "the new action reaches the board");
    const action = (watcher.doc.getMap("actions").get(made.body!.actionId!) as { toJSON(): Record<string, unknown> }).toJSON();
    expect(action).toMatchObject({ title: `Work towards: ${textOf("WC-I6").replace(/\.$/, "")}`, mirIds: ["WC-I6"], createdBy: "Sam" });
  });

  it("opening another year starts afresh, and keeps the saved years apart", async () => {
    expect((await post(facilitator, { intent: "open", year: "2027" })).status).toBe(200);
    await waitFor(() => live().stage?.year === 2027, "the new year opens");
    expect(live().statements["WF-I2"]!.total).toBe(0);
    expect((await findSelfAssessment(ws(), 2026))?.ratings).toHaveLength(3);
    expect((await findSelfAssessment(ws(), 2025))?.ratings).toHaveLength(3);
  });
});
