// The board paper over real HTTP: the Word version read back from its XML, the printable page's charts and
// tables, and the council logo's upload checks and who may fetch it.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
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
