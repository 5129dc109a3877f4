// Every route file has a rule here: each kind of visitor's GET answer. A new route without a rule
// fails the first test, so nobody can add a page without deciding who may see it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "~/domain/access/permissions";
import { createAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { openTestCollection } from "../../support/collect";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD } from "../../support/world";

type Who = "anonymous" | "outsider" | "viewer" | "member" | "facilitator" | "owner" | "guest" | "guestElsewhere";
const EVERYONE: Who[] = ["anonymous", "outsider", "viewer", "member", "facilitator", "owner", "guest", "guestElsewhere"];
type Expect = Record<Who, number>;
// roundA is the round workspace A's plan is built on; otherRoundA is another round of the same council.
type World = Awaited<ReturnType<typeof createWorld>> & { roundA: string; otherRoundA: string; collectionA: { id: string; openCode: string } };
type Rule = { path: (w: World) => string; expect: Expect };

const all = (status: number): Expect => Object.fromEntries(EVERYONE.map((w) => [w, status])) as Expect;
const users = (status: number, others: Partial<Expect> = {}): Expect => ({ ...all(status), anonymous: 302, guest: 302, guestElsewhere: 302, ...others });
const councilPage = (overrides: Partial<Expect> = {}): Expect => users(200, { outsider: 404, ...overrides });
// The findings of the rounds a guest's plan is built on: members of the council and that plan's guests.
const planEvidencePage = (): Expect => councilPage({ guest: 200 });
const workspacePage = (overrides: Partial<Expect> = {}): Expect => ({ ...all(200), anonymous: 302, outsider: 404, guestElsewhere: 404, ...overrides });

const ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

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
  "orgs.$org.rounds.$round._index.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/${w.roundA}`, expect: planEvidencePage() },
  "orgs.$org.rounds.$round.findings.$finding.tsx": { path: (w) => `/orgs/${w.a.org.slug}/rounds/${w.roundA}/findings/O_SAFE~all`, expect: planEvidencePage() },
  "w.$workspace._index.tsx": { path: (w) => `/w/${w.a.workspace.id}`, expect: workspacePage() },
  "w.$workspace.access.tsx": { path: (w) => `/w/${w.a.workspace.id}/access`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  "w.$workspace.settings.tsx": { path: (w) => `/w/${w.a.workspace.id}/settings`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  "w.$workspace.plan.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan`, expect: workspacePage() },
  "w.$workspace.plan[.]csv.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan.csv`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.plan[.]xlsx.tsx": { path: (w) => `/w/${w.a.workspace.id}/plan.xlsx`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.report[.]docx.tsx": { path: (w) => `/w/${w.a.workspace.id}/report.docx`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.logo.tsx": { path: (w) => `/w/${w.a.workspace.id}/logo`, expect: workspacePage() },
  "orgs.$org.logo.tsx": { path: (w) => `/orgs/${w.a.org.slug}/logo`, expect: councilPage() },
  "w.$workspace.report.tsx": { path: (w) => `/w/${w.a.workspace.id}/report`, expect: workspacePage({ viewer: 403, guest: 403 }) },
  "w.$workspace.actions.$action.tsx": { path: (w) => `/w/${w.a.workspace.id}/actions/${MATRIX_ACTION}`, expect: workspacePage() },
  "orgs.$org.dashboard.tsx": { path: (w) => `/orgs/${w.a.org.slug}/dashboard`, expect: councilPage() },
  "notifications.tsx": { path: () => "/notifications", expect: users(200) },
  "orgs.$org.collections._index.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections`, expect: councilPage() },
  "orgs.$org.collections.$collection._index.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}`, expect: councilPage() },
  "orgs.$org.collections.$collection.letters.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}/letters`, expect: councilPage({ viewer: 403, member: 403 }) },
  "orgs.$org.collections.$collection.hear-back.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}/hear-back`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
  "orgs.$org.collections.$collection.paper.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}/paper`, expect: councilPage({ viewer: 403, member: 403 }) },
  "orgs.$org.collections.$collection.enter.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}/enter`, expect: councilPage({ viewer: 403, member: 403 }) },
  "survey._index.tsx": { path: () => "/survey", expect: all(200) },
  "survey.withdraw.tsx": { path: () => "/survey/withdraw", expect: all(200) },
  "survey.$code._index.tsx": { path: (w) => `/survey/${w.collectionA.openCode}`, expect: all(200) },
  "survey.$code.$step.tsx": { path: (w) => `/survey/${w.collectionA.openCode}/1`, expect: all(302) },
  "survey.$code.all.tsx": { path: (w) => `/survey/${w.collectionA.openCode}/all`, expect: all(302) },
  "survey.$code.saved.tsx": { path: (w) => `/survey/${w.collectionA.openCode}/saved`, expect: all(302) },
  "survey.$code.sent.tsx": { path: (w) => `/survey/${w.collectionA.openCode}/sent`, expect: all(200) },
  "w.$workspace.publish.tsx": { path: (w) => `/w/${w.a.workspace.id}/publish`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  // Workspace A's page is public (set up below): anyone may read it and its feed, signed in or not.
  "you-said-we-did.$key.tsx": { path: (w) => `/you-said-we-did/${w.a.workspace.id}`, expect: all(200) },
  "you-said-we-did.$key.feed[.]xml.tsx": { path: (w) => `/you-said-we-did/${w.a.workspace.id}/feed.xml`, expect: all(200) },
  "unsubscribe.$token.tsx": { path: () => "/unsubscribe/not-a-real-token-at-all", expect: all(404) },
  "orgs.$org.settings.tsx": { path: (w) => `/orgs/${w.a.org.slug}/settings`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
  "orgs.$org.question-wording.tsx": { path: (w) => `/orgs/${w.a.org.slug}/question-wording`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
  "orgs.$org.sign-in.tsx": { path: (w) => `/orgs/${w.a.org.slug}/sign-in`, expect: councilPage({ viewer: 403, member: 403, facilitator: 403 }) },
  "auth.oidc.start.tsx": { path: () => "/auth/oidc/start", expect: users(302, { anonymous: 200, guest: 200, guestElsewhere: 200 }) },
  // No sign-in was started in this browser: everyone is told so.
  "auth.oidc.callback.tsx": { path: () => "/auth/oidc/callback?code=x&state=y", expect: all(400) },
  "assist.$org.$collection.tsx": { path: (w) => `/assist/${w.a.org.slug}/${w.collectionA.id}`, expect: councilPage({ viewer: 403, member: 403 }) },
  "assist.$org.$collection.send.tsx": { path: (w) => `/assist/${w.a.org.slug}/${w.collectionA.id}/send`, expect: all(405) },
  "orgs.$org.collections.$collection.check.tsx": { path: (w) => `/orgs/${w.a.org.slug}/collections/${w.collectionA.id}/check`, expect: councilPage({ viewer: 403, member: 403 }) },
  "w.$workspace.ideas.tsx": { path: (w) => `/w/${w.a.workspace.id}/ideas`, expect: workspacePage() },
  // Votes are only posted (access is checked then: tests/integration/workshop/voting.test.ts); there is nothing to GET.
  "w.$workspace.votes.tsx": { path: (w) => `/w/${w.a.workspace.id}/votes`, expect: all(405) },
  "w.$workspace.present.tsx": { path: (w) => `/w/${w.a.workspace.id}/present`, expect: workspacePage({ viewer: 403, member: 403, guest: 403 }) },
  "w.$workspace.self-assessment.tsx": { path: (w) => `/w/${w.a.workspace.id}/self-assessment`, expect: workspacePage() },
};
const MATRIX_ACTION = "matrix-action";

describe("permission matrix", () => {
  let running: RunningApp;
  let world: World;
  const visitors = {} as Record<Who, Visitor>;

  beforeAll(async () => {
    running = await startTestApp();
    const base = await createWorld();
    const roundA = await importDemoRound(base.a.org.id, { respondents: 120 });
    const otherRoundA = await importDemoRound(base.a.org.id, { respondents: 120, seed: 12, name: "Another round" });
    await db().workspaceRound.create({ data: { workspaceId: base.a.workspace.id, roundId: roundA } });
    world = { ...base, roundA, otherRoundA, collectionA: await openTestCollection(base.a.org.id) };
    await db().workspace.update({ where: { id: base.a.workspace.id }, data: { publicPage: "public" } });
    // A logo for council A, so its logo addresses answer 200 to those who may see them and 404 only to others.
    await db().organisation.update({ where: { id: base.a.org.id }, data: { logo: Buffer.from(ONE_PIXEL_PNG, "base64"), logoType: "image/png" } });
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
    for (const target of [`/orgs/${world.a.org.slug}/members`, `/orgs/${world.a.org.id}`, `/w/${world.a.workspace.id}`, `/w/${world.a.workspace.id}/access`, `/orgs/${world.b.org.slug}/collections/${world.collectionA.id}`]) {
      expect((await outsider.get(target)).status, target).toBe(404);
    }
    const post = await outsider.post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "owner" });
    expect(post.status).toBe(404);
    const guestPost = await visitors.guestElsewhere.post(`/w/${world.a.workspace.id}/access`, { intent: "create-code", hours: "4" });
    expect(guestPost.status).toBe(404);
  });

  it("a guest reads the findings of their plan's rounds and nothing else of the council", async () => {
    expect(can("guest", "read:plan-evidence")).toBe(true);
    expect(can("guest", "read:round")).toBe(false);
    expect(can("guest", "read:council")).toBe(false);
    const finding = await visitors.guest.get(`/orgs/${world.a.org.slug}/rounds/${world.roundA}/findings/O_SAFE~all`);
    const page = await finding.text();
    expect(page).toContain("Back to the workshop");
    // No council navigation: a guest is not offered pages they may not open.
    expect(page).not.toContain(`/orgs/${world.a.org.slug}/members`);
    expect(page).not.toContain(`/orgs/${world.a.org.slug}/dashboard`);
    // Another round of the same council: as if it did not exist.
    for (const target of [`/orgs/${world.a.org.slug}/rounds/${world.otherRoundA}`, `/orgs/${world.a.org.slug}/rounds/${world.otherRoundA}/findings/O_SAFE~all`]) {
      expect((await visitors.guest.get(target)).status, target).toBe(404);
    }
    // Everything else of the council, or the round under another address: sign in first, like anyone without an account.
    const signInFirst = [
      `/orgs/${world.a.org.slug}`,
      `/orgs/${world.a.org.slug}/dashboard`,
      `/orgs/${world.a.org.slug}/members`,
      `/orgs/${world.a.org.slug}/rounds/new`,
      `/orgs/${world.a.org.id}/rounds/${world.roundA}`,
      `/orgs/${world.b.org.slug}/rounds/${world.roundA}`,
    ];
    for (const target of signInFirst) {
      const response = await visitors.guest.get(target);
      expect(response.status, target).toBe(302);
      expect(response.headers.get("Location"), target).toMatch(/^\/login/);
    }
    expect((await visitors.guest.get(`/w/${world.b.workspace.id}`)).status).toBe(404);
  });

  it("a plan's page that is off, or another plan's id, answers 404 to everyone", async () => {
    for (const who of EVERYONE) {
      expect((await visitors[who].get(`/you-said-we-did/${world.b.workspace.id}`)).status, who).toBe(404);
      expect((await visitors[who].get(`/you-said-we-did/${world.b.workspace.id}/feed.xml`)).status, who).toBe(404);
    }
    for (const who of ["viewer", "member", "guest"] as const) {
      expect((await visitors[who].post(`/w/${world.a.workspace.id}/publish`, { mode: "public" })).status, who).toBe(403);
    }
    expect((await visitors.outsider.post(`/w/${world.a.workspace.id}/publish`, { mode: "off" })).status).toBe(404);
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
