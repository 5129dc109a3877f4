// Every route file has a rule here: each kind of visitor's GET answer. A new route without a rule
// fails the first test, so nobody can add a page without deciding who may see it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD } from "../../support/world";

type Who = "anonymous" | "outsider" | "viewer" | "member" | "facilitator" | "owner" | "guest" | "guestElsewhere";
const EVERYONE: Who[] = ["anonymous", "outsider", "viewer", "member", "facilitator", "owner", "guest", "guestElsewhere"];
type Expect = Record<Who, number>;
type World = Awaited<ReturnType<typeof createWorld>> & { roundA: string };
type Rule = { path: (w: World) => string; expect: Expect };

const all = (status: number): Expect => Object.fromEntries(EVERYONE.map((w) => [w, status])) as Expect;
const users = (status: number, others: Partial<Expect> = {}): Expect => ({ ...all(status), anonymous: 302, guest: 302, guestElsewhere: 302, ...others });
const councilPage = (overrides: Partial<Expect> = {}): Expect => users(200, { outsider: 404, ...overrides });
const workspacePage = (overrides: Partial<Expect> = {}): Expect => ({ ...all(200), anonymous: 302, outsider: 404, guestElsewhere: 404, ...overrides });

const RULES: Record<string, Rule> = {
  "_index.tsx": { path: () => "/", expect: { ...all(200), guest: 302, guestElsewhere: 302 } },
  "$.tsx": { path: () => "/no/such/page", expect: all(404) },
  "login.tsx": { path: () => "/login", expect: users(302, { anonymous: 200, guest: 200, guestElsewhere: 200 }) },
  "signup.tsx": { path: () => "/signup", expect: users(302, { anonymous: 200, guest: 200, guestElsewhere: 200 }) },
  "logout.tsx": { path: () => "/logout", expect: all(302) },
  "join.tsx": { path: () => "/join", expect: all(200) },
  "account.tsx": { path: () => "/account", expect: users(200) },
  "reset.$token.tsx": { path: () => "/reset/not-a-real-token", expect: all(200) },
  "invite.$token.tsx": { path: () => "/invite/not-a-real-token", expect: all(200) },
  "orgs.new.tsx": { path: () => "/orgs/new", expect: users(200) },
  "orgs.$org.tsx": { path: (w) => `/orgs/${w.a.org.slug}`, expect: councilPage() },
  "orgs.$org._index.tsx": { path: (w) => `/orgs/${w.a.org.slug}`, expect: councilPage() },
  "orgs.$org.members.tsx": { path: (w) => `/orgs/${w.a.org.slug}/members`, expect: councilPage() },
  "orgs.$org.audit.tsx": { path: (w) => `/orgs/${w.a.org.slug}/audit`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
  "orgs.$org.rounds.new.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/new`, expect: councilPage({ viewer: 403, member: 403 }) },
  "orgs.$org.rounds.upload.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/upload`, expect: users(302, { outsider: 404, viewer: 403, member: 403 }) },
  "orgs.$org.rounds.$round._index.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/${w.roundA}`, expect: councilPage() },
  "orgs.$org.rounds.$round.findings.$finding.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/${w.roundA}/findings/O_SAFE~all`, expect: councilPage() },
  "w.$workspace._index.tsx": { path: (w) => `/w/${w.a.workspace.id}`, expect: workspacePage() },
  "w.$workspace.access.tsx": { path: (w) => `/w/${w.a.workspace.id}/access`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  "w.$workspace.settings.tsx": { path: (w) => `/w/${w.a.workspace.id}/settings`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  "w.$workspace.plan.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan`, expect: workspacePage() },
  "w.$workspace.plan[.]csv.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan.csv`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.plan[.]xlsx.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan.xlsx`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.report.tsx": { path: (w) => `/w/${w.a.workspace.id}/report`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.actions.$action.tsx": { path: (w) => `/w/${w.a.workspace.id}/actions/${MATRIX_ACTION}`, expect: workspacePage() },
  "orgs.$org.dashboard.tsx": { path: (w) => `/orgs/${w.a.org.slug}/dashboard`, expect: councilPage() },
  "notifications.tsx": { path: () => "/notifications", expect: users(200) },
  "orgs.$org.settings.tsx": { path: (w) => `/orgs/${w.a.org.slug}/settings`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
};
const MATRIX_ACTION = "matrix-action";

describe("permission matrix", () => {
  let running: RunningApp;
  let world: World;
  const visitors = {} as Record<Who, Visitor>;

  beforeAll(async () => {
    running = await startTestApp();
    const base = await createWorld();
    world = { ...base, roundA: await importDemoRound(base.a.org.id, { respondents: 120 }) };
    await running.collab.withDocument(world.a.workspace.id, (doc) => createAction(doc, { id: MATRIX_ACTION, title: "Plain-English budget letters" }), { source: "server", actorId: null, actorName: "Test" });
    const as = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);
    visitors.anonymous = new Visitor(running.baseUrl);
    [visitors.outsider, visitors.viewer, visitors.member, visitors.facilitator, visitors.owner] = await Promise.all(
      [world.outsider, world.viewer, world.member, world.facilitator, world.owner].map((p) => as(p.email)),
    );
    visitors.guest = new Visitor(running.baseUrl);
    visitors.guestElsewhere = new Visitor(running.baseUrl);
    expect((await visitors.guest.post("/join", { code: world.codeA.code, displayName: "Sam" })).status).toBe(302);
    expect((await visitors.guestElsewhere.post("/join", { code: world.codeB.code, displayName: "Lee" })).status).toBe(302);
  });
  afterAll(async () => running.close());

  it("has a rule for every route file", () => {
    const routeFiles = readdirSync(path.resolve(import.meta.dirname, "../../../app/routes")).filter((f) => /\.tsx?$/.test(f));
    const missing = routeFiles.filter((f) => !(f in RULES));
    expect(missing, `add these routes to the permission matrix: ${missing.join(", ")}`).toEqual([]);
  });

  for (const [file, rule] of Object.entries(RULES)) {
    it(`${file}: each visitor gets the answer their access allows`, async () => {
      const target = rule.path(world);
      const answers = Object.fromEntries(await Promise.all(EVERYONE.map(async (who) => [who, (await visitors[who].get(target)).status])));
      expect(answers).toEqual(rule.expect);
    });
  }

  it("another council's pages answer 404, never 403, whatever id or slug is tried", async () => {
    const outsider = visitors.outsider;
    for (const target of [`/orgs/${world.a.org.slug}/members`, `/orgs/${world.a.org.id}`, `/w/${world.a.workspace.id}`, `/w/${world.a.workspace.id}/access`]) {
      expect((await outsider.get(target)).status, target).toBe(404);
    }
    const post = await outsider.post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "owner" });
    expect(post.status).toBe(404);
    const guestPost = await visitors.guestElsewhere.post(`/w/${world.a.workspace.id}/access`, { intent: "create-code", hours: "4" });
    expect(guestPost.status).toBe(404);
  });

  it("roles without the permission cannot change members or codes (403), and nothing changes", async () => {
    for (const who of ["viewer", "member", "facilitator"] as const) {
      const response = await visitors[who].post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "owner" });
      expect(response.status, who).toBe(403);
    }
    for (const who of ["viewer", "member", "guest"] as const) {
      const response = await visitors[who].post(`/w/${world.a.workspace.id}/access`, { intent: "create-code", hours: "4" });
      expect(response.status, who).toBe(403);
    }
    const members = await visitors.owner.get(`/orgs/${world.a.org.slug}/members`);
    expect(await members.text()).not.toContain("expires");
  });
});
