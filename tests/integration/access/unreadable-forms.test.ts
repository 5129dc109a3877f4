// A post whose body is not a form (JSON, plain text, no Content-Type) or is a broken multipart body (cut
// short, wrong boundary) gets a page that says what was wrong and what to do — 415 or 400 — on every kind of
// route: a council page, a plan, sign-in, joining, a survey answer, the uploads. The server keeps answering,
// and a signed-out post still goes to sign-in without learning anything from its body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { openTestCollection } from "../../support/collect";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

type Body = { name: string; body: string | Uint8Array; contentType: string | null; status: 400 | 415 };

const BODIES: Body[] = [
  { name: "a JSON body", body: JSON.stringify({ intent: "invite", email: "x@example.org" }), contentType: "application/json", status: 415 },
  { name: "a plain-text body", body: "intent=invite\nemail=x@example.org", contentType: "text/plain;charset=UTF-8", status: 415 },
  { name: "a body with no Content-Type", body: new TextEncoder().encode("intent=invite"), contentType: null, status: 415 },
  {
    name: "a multipart body cut short",
    body: '--XyZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\ninvi',
    contentType: "multipart/form-data; boundary=XyZ",
    status: 400,
  },
  {
    name: "a multipart body with the wrong boundary",
    body: '--other\r\nContent-Disposition: form-data; name="intent"\r\n\r\ninvite\r\n--other--\r\n',
    contentType: "multipart/form-data; boundary=XyZ",
    status: 400,
  },
  { name: "multipart with no boundary", body: "intent=invite", contentType: "multipart/form-data", status: 400 },
];

const FORM_MESSAGE = { heading: "We could not read what was sent", todo: "Reload the page and try again" };
const UPLOAD_MESSAGE = { heading: "We could not read the upload", todo: "Choose the file again and send the form once more" };

describe("a post that is not a readable form", () => {
  let running: RunningApp;
  let world: World;
  let owner: Visitor;
  let respondent: Visitor;
  let surveyCode: string;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    const collection = await openTestCollection(world.a.org.id);
    surveyCode = collection.openCode;
    respondent = new Visitor(running.baseUrl);
    const start = await respondent.post(`/survey/${surveyCode}`, { wording: "standard", layout: "one", website: "" });
    expect(location(start)).toBe(`/survey/${surveyCode}/1`);
  });
  afterAll(async () => running.close());

  const routes = () => [
    { name: "a council page (members)", path: `/orgs/${world.a.org.slug}/members`, as: owner, message: FORM_MESSAGE },
    { name: "a council page (settings)", path: `/orgs/${world.a.org.slug}/settings`, as: owner, message: FORM_MESSAGE },
    { name: "a plan page", path: `/w/${world.a.workspace.id}/plan`, as: owner, message: FORM_MESSAGE },
    { name: "sign-in", path: "/login", as: new Visitor(running.baseUrl), message: FORM_MESSAGE },
    { name: "joining a workshop", path: "/join", as: new Visitor(running.baseUrl), message: FORM_MESSAGE },
    { name: "a survey answer", path: `/survey/${surveyCode}/1`, as: respondent, message: FORM_MESSAGE },
    { name: "the logo upload", path: `/orgs/${world.a.org.slug}/settings?logo`, as: owner, message: FORM_MESSAGE },
    { name: "the question wording upload", path: `/orgs/${world.a.org.slug}/question-wording`, as: owner, message: FORM_MESSAGE },
    { name: "the round import", path: `/orgs/${world.a.org.slug}/rounds/new`, as: owner, message: UPLOAD_MESSAGE },
  ];

  for (const body of BODIES) {
    it(`${body.name}: every kind of route answers ${body.status} with what went wrong and what to do`, async () => {
      const rounds = await db().poetRound.count({ where: { orgId: world.a.org.id } });
      for (const route of routes()) {
        // The settings page tells a logo from a wording upload by the multipart type, so both are covered.
        const response = await route.as.postRaw(route.path, body.body, body.contentType);
        const html = await response.text();
        expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: body.status });
        const text = pageText(html);
        expect(text, route.name).toContain(route.message.heading);
        expect(text, route.name).toContain(route.message.todo);
        expect(text, route.name).not.toContain("something went wrong on our side");
        if (route.message === FORM_MESSAGE) {
          expect(html, route.name).toMatch(/<title>We could not read what was sent/);
          expect(html, route.name).toMatch(/<h1>We could not read what was sent<\/h1>/);
        }
      }
      expect(await db().poetRound.count({ where: { orgId: world.a.org.id } })).toBe(rounds);
    });
  }

  it("the server keeps answering: health, pages, and a real form post still work afterwards", async () => {
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    expect((await owner.get(`/orgs/${world.a.org.slug}/members`)).status).toBe(200);
    const again = await new Visitor(running.baseUrl).post("/login", { email: world.owner.email, password: PASSWORD, redirectTo: "/" });
    expect(again.status).toBe(302);
    const next = await respondent.post(`/survey/${surveyCode}/1`, { intent: "next" });
    expect(next.status).toBe(302);
  });

  it("a form far larger than any of ours is refused with 413 as it arrives, declared or not, and the connection serves the next request", async () => {
    const huge = `email=${"x".repeat(3 * 1024 * 1024)}&password=y`;
    const declared = await new Visitor(running.baseUrl).post("/login", { email: huge, password: "y" });
    expect(declared.status).toBe(413);
    expect(pageText(await declared.text())).toContain("larger than any of our forms accepts");
    // Sent in pieces with no Content-Length: the byte counter stops it, not the header.
    const chunks = new TextEncoder().encode(huge);
    const streamed = await fetch(`${running.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: running.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < chunks.byteLength; at += 64 * 1024) controller.enqueue(chunks.slice(at, at + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(pageText(await streamed.text())).toContain("Reload the page and try again");
    for (let i = 0; i < 3; i++) expect((await fetch(`${running.baseUrl}/login`)).status).toBe(200);
  });

  it("a signed-out post goes to sign-in as before, whatever its body: the body is never read", async () => {
    const stranger = new Visitor(running.baseUrl);
    for (const path of [`/orgs/${world.a.org.slug}/members`, `/orgs/${world.a.org.slug}/settings?logo`, `/w/${world.a.workspace.id}/plan`, `/orgs/${world.a.org.slug}/rounds/new`]) {
      for (const body of BODIES) {
        const response = await stranger.postRaw(path, body.body, body.contentType);
        expect({ path, body: body.name, status: response.status }).toEqual({ path, body: body.name, status: 302 });
        expect(location(response)).toMatch(/^\/login\?/);
      }
    }
  });

  it("a member of another council learns nothing from the body either: the same answer as for a form", async () => {
    const outsider = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
    const asForm = await outsider.post(`/orgs/${world.a.org.slug}/members`, { intent: "leave" });
    const asJson = await outsider.postRaw(`/orgs/${world.a.org.slug}/members`, "{}", "application/json");
    expect(asJson.status).toBe(asForm.status);
    expect(asJson.status).toBe(404);
  });
});
