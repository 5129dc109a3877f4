// The board paper over real HTTP: the Word version read back from its XML, the printable page's charts and
// tables, and the council logo's upload checks and who may fetch it.
import JSZip from "jszip";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, setPriorities } from "~/domain/workspace";
import { mirStatements } from "~/domain/mir";
import { db } from "~/models/db.server";
import { addMilestone } from "~/models/milestone.server";
import { addProgressUpdate } from "~/models/tracking.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let owner: Visitor;
let member: Visitor;
let outsider: Visitor;
const ws = () => world.a.workspace.id;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const statementText = mirStatements.find((s) => s.id === "IA-I1")!.text;

async function docxXml(response: Response): Promise<{ document: string; files: string[] }> {
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  return { document: await zip.file("word/document.xml")!.async("string"), files: Object.keys(zip.files) };
}

function upload(bytes: Uint8Array, name: string, type: string): FormData {
  const form = new FormData();
  form.set("logo", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  outsider = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
  await running.collab.withDocument(
    ws(),
    (doc) => {
      createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member", due: "2020-01-31", mirIds: ["IA-I1"] });
      createAction(doc, { id: "buddies", title: "Peer support buddies", owner: "", due: "2099-12-31" });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
  for (const name of ["Ada Guest", "Bo Guest", "Cy Guest"]) await world.createGuest(world.codeA, name);
  await addMilestone({ workspaceId: ws(), actionId: "letters" }, { title: "Letters drafted with the co-production group", due: "2027-03-14" }, { actorId: world.member.id, actorName: "Member" });
  await addProgressUpdate({ workspaceId: ws(), actionId: "letters", note: "The first letters went out in plain English to every person with a budget", percent: null, authorId: world.member.id, authorName: "Member" });
});
afterAll(async () => {
  await running.close();
});

describe("the board paper", () => {
  it("the printable page has a title page with the co-produced line, charts with their figures, and each action's statements and update", async () => {
    const page = await text(await member.get(`/w/${ws()}/report`));
    expect(page).toContain("Co-produced with 3 workshop participants and 1 council co-producer.");
    expect(page).not.toContain("Ada Guest");
    expect(page).toMatch(/<svg role="img" aria-labelledby="chart-status-title"/);
    expect(page).toMatch(/Actions by RAG rating[\s\S]*<th scope="row">Green \(on track\)<\/th><td>2<\/td>/);
    expect(page).toMatch(/<th scope="row">Overdue<\/th><td>1<\/td>/);
    expect(page).toContain(statementText);
    expect(page).toContain("The first letters went out in plain English");
    expect(page).toMatch(/<h4>Milestones<\/h4><ul><li>Letters drafted with the co-production group, due 14 Mar 2027<\/li>/);
    expect(page).toContain("counter(page)");
  });

  it("the easy-read version uses short sentences", async () => {
    const page = await text(await member.get(`/w/${ws()}/report?view=easy`));
    expect(page).toContain("We said we would do 2 things.");
    expect(page).toContain("1 thing is late.");
    expect(page).toContain("Nobody has said they will do this yet.");
  });

  it("the Word version has the title page, the co-produced line, every action and its update, and is audited", async () => {
    const before = await db().auditEvent.count({ where: { orgId: world.a.org.id, action: "plan-exported", detail: { contains: "Word" } } });
    const response = await member.get(`/w/${ws()}/report.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="westshire-plan-report-\d{4}-\d{2}-\d{2}\.docx"$/);
    const { document, files } = await docxXml(response);
    expect(document).toContain("Westshire");
    expect(document).toContain("Co-produced with 3 workshop participants and 1 council co-producer.");
    expect(document).toContain("Plain-English budget letters");
    expect(document).toContain("Peer support buddies");
    expect(document).toContain(statementText);
    expect(document).toContain("The first letters went out in plain English");
    expect(document).toContain("Letters drafted with the co-production group, due 14 Mar 2027");
    expect(document).not.toContain("Ada Guest");
    expect(files.some((f) => f.startsWith("word/footer"))).toBe(true);
    expect(await db().auditEvent.count({ where: { orgId: world.a.org.id, action: "plan-exported", detail: { contains: "Word" } } })).toBe(before + 1);
  });

  it("another council cannot fetch the Word version", async () => {
    expect((await outsider.get(`/w/${ws()}/report.docx`)).status).toBe(404);
  });
});

describe("the council logo", () => {
  const settings = () => `/orgs/${world.a.org.slug}/settings?logo`;

  it("refuses a file that is not a PNG or JPEG, whatever its name says", async () => {
    const page = await text(await owner.postMultipart(settings(), upload(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>"), "logo.png", "image/png")));
    expect(page).toContain("That file is not a PNG or JPEG image.");
    expect((await db().organisation.findUniqueOrThrow({ where: { id: world.a.org.id } })).logoType).toBeNull();
  });

  it("refuses a logo over 200 kB", async () => {
    const big = new Uint8Array(250 * 1024);
    big.set(PNG_1X1);
    const page = await text(await owner.postMultipart(settings(), upload(big, "logo.png", "image/png")));
    expect(page).toContain("larger than 200 kB");
    expect((await db().organisation.findUniqueOrThrow({ where: { id: world.a.org.id } })).logoType).toBeNull();
  });

  it("a member who is not an owner cannot upload one", async () => {
    expect((await member.postMultipart(settings(), upload(PNG_1X1, "logo.png", "image/png"))).status).toBe(403);
  });

  it("an owner's PNG is stored, served as an image with nosniff to the council, shown in the report and the Word version, and hidden from another council", async () => {
    const page = await text(await owner.postMultipart(settings(), upload(PNG_1X1, "logo.png", "image/png")));
    expect(page).toContain("Logo saved.");
    const served = await member.get(`/w/${ws()}/logo`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    expect((await owner.get(`/orgs/${world.a.org.slug}/logo`)).status).toBe(200);
    expect(await text(await member.get(`/w/${ws()}/report`))).toContain(`src="/w/${ws()}/logo"`);
    const { files } = await docxXml(await member.get(`/w/${ws()}/report.docx`));
    expect(files.some((f) => f.startsWith("word/media/"))).toBe(true);

    expect((await outsider.get(`/w/${ws()}/logo`)).status).toBe(404);
    expect((await outsider.get(`/orgs/${world.a.org.slug}/logo`)).status).toBe(404);
  });
});

describe("the plan's priorities (marked on the board) in tracking and the board paper", () => {
  const mark = (ids: string[]) => running.collab.withDocument(ws(), (doc) => setPriorities(doc, ids), { source: "server", actorId: null, actorName: "Facilitator" });
  const priorityCells = (page: string) => [...page.matchAll(/<td data-testid="plan-priority">([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

  it("are projected into the Action table, and unmarking clears them", async () => {
    await mark(["buddies", "letters"]);
    const rows = await db().action.findMany({ where: { workspaceId: ws() }, select: { id: true, priority: true }, orderBy: { id: "asc" } });
    expect(rows).toEqual([
      { id: "buddies", priority: 1 },
      { id: "letters", priority: 2 },
    ]);
    await mark(["letters"]);
    expect(await db().action.findMany({ where: { workspaceId: ws() }, select: { id: true, priority: true }, orderBy: { id: "asc" } })).toEqual([
      { id: "buddies", priority: null },
      { id: "letters", priority: 1 },
    ]);
  });

  it("the plan table has a Priority column that sorts (priorities first, in order) and a filter showing only them", async () => {
    await mark(["buddies"]);
    const plan = await text(await member.get(`/w/${ws()}/plan`));
    expect(plan).toMatch(/<th scope="col" aria-sort="none"><a [^>]*href="[^"]*sort=priority[^"]*">Priority</);
    expect(priorityCells(plan)).toEqual(["No", "Priority 1"]); // board order: letters, then buddies
    const sorted = await text(await member.get(`/w/${ws()}/plan?sort=priority&dir=asc`));
    expect(priorityCells(sorted)).toEqual(["Priority 1", "No"]);
    expect(sorted.indexOf("Peer support buddies")).toBeLessThan(sorted.indexOf("Plain-English budget letters"));
    const only = await text(await member.get(`/w/${ws()}/plan?show=priorities`));
    expect(only).toContain('<option value="priorities" selected="">The plan&#x27;s priorities</option>');
    expect(only).toContain("Showing 1 of 2 actions.");
    expect(only).toContain("Peer support buddies");
    expect(only).not.toContain("Plain-English budget letters</a>");
  });

  it("the printable, easy-read and Word board papers list the priorities in order and mark each one", async () => {
    await mark(["buddies", "letters"]);
    const page = await text(await member.get(`/w/${ws()}/report`));
    expect(page).toMatch(/<h2 id="priorities-heading">The plan&#x27;s priorities<\/h2>[\s\S]*?<ol data-testid="report-priorities"><li>Peer support buddies<\/li><li>Plain-English budget letters<\/li><\/ol>/);
    expect(page).toMatch(/<h3 id="action-buddies">Peer support buddies<\/h3><dl class="report-facts"><div><dt>Priority<\/dt><dd><strong class="tag tag--priority">Priority 1<\/strong>/);
    expect(page).toMatch(/<h3 id="action-letters">Plain-English budget letters<\/h3><dl class="report-facts"><div><dt>Priority<\/dt><dd><strong class="tag tag--priority">Priority 2<\/strong>/);

    const easy = await text(await member.get(`/w/${ws()}/report?view=easy`));
    expect(easy).toMatch(/The most important things<\/h2><p>We chose these things to do first.<\/p><ol data-testid="easy-priorities"><li>Peer support buddies<\/li><li>Plain-English budget letters<\/li><\/ol>/);
    expect(easy).toContain("This is one of the most important things in our plan: number 1.");

    const { document } = await docxXml(await member.get(`/w/${ws()}/report.docx`));
    const words = document.replace(/<[^>]+>/g, "").replace(/&apos;/g, "'");
    expect(words).toContain("The plan's priorities");
    expect(words.indexOf("1. Peer support buddies")).toBeGreaterThan(-1);
    expect(words.indexOf("2. Plain-English budget letters")).toBeGreaterThan(words.indexOf("1. Peer support buddies"));
    expect(words).toMatch(/Peer support buddiesPriority: Priority 1Status:/);

    await mark([]);
    const none = await text(await member.get(`/w/${ws()}/report`));
    expect(none).not.toContain("priorities-heading");
    expect(none).not.toContain("<dt>Priority</dt>");
  });

  it("the CSV export has a Priority column", async () => {
    await mark(["letters"]);
    const csv = await (await member.get(`/w/${ws()}/plan.csv`)).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.Action, r.Priority])).toEqual([
      ["Plain-English budget letters", "1"],
      ["Peer support buddies", ""],
    ]);
  });
});
