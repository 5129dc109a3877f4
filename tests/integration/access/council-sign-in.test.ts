// Signing in with a council's own identity provider, end to end over HTTP against a real OpenID Connect
// provider run on this machine: the authorization code flow with PKCE, who gets an account and where, and
// what is refused (ADR 025).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { startOidcProvider, type RunningProvider } from "../../support/oidcProvider";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let idp: RunningProvider;
let world: World;
const DOMAIN = `westshire-${Date.now().toString(36)}.gov.uk`;

async function signedInAs(v: Visitor, email: string) {
  const response = await v.post("/login", { email, password: PASSWORD });
  expect(response.status).toBe(302);
  return v;
}

/** Follows the provider's redirects with its own cookies, answering its sign-in and consent pages, until it sends the browser back to the app. */
async function throughProvider(start: Response, login: string): Promise<string> {
  const browser = new Visitor(idp.issuer);
  let next = location(start);
  for (let step = 0; step < 12; step += 1) {
    if (!next.startsWith(idp.issuer) && !next.startsWith("/")) return next;
    const response = await browser.get(next.replace(idp.issuer, ""));
    if (response.status >= 300 && response.status < 400) {
      next = location(response);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    expect(action, `the provider's page should hold a form:\n${html.slice(0, 500)}`).toBeTruthy();
    const answer = await browser.post(action!.replace(idp.issuer, ""), prompt === "login" ? { prompt, login, password: "anything" } : { prompt: prompt ?? "consent" });
    next = location(answer);
  }
  throw new Error("the provider never sent the browser back");
}

async function councilSignIn(email: string, login = email) {
  const v = new Visitor(running.baseUrl);
  const start = await v.post("/auth/oidc/start", { email });
  expect(start.status, await start.clone().text()).toBe(302);
  expect(location(start).startsWith(idp.issuer)).toBe(true);
  const back = new URL(await throughProvider(start, login));
  expect(back.pathname).toBe("/auth/oidc/callback");
  const done = await v.get(back.pathname + back.search);
  return { v, done };
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  idp = await startOidcProvider([`${running.baseUrl}/auth/oidc/callback`], {
    "sam": { email: `sam@${DOMAIN}`, email_verified: true, name: "Sam Okafor" },
    "elsewhere": { email: `sam@not-${DOMAIN}`, email_verified: true },
    "unverified": { email: `unverified@${DOMAIN}`, email_verified: false },
  });
  const owner = await signedInAs(new Visitor(running.baseUrl), world.owner.email);
  const saved = await owner.post(`/orgs/${world.a.org.slug}/sign-in`, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: `@${DOMAIN.toUpperCase()}`, defaultRole: "member", enabled: "on" });
  expect(await saved.text()).toContain(`can now use “Sign in with your council account”`);
});
afterAll(async () => {
  await idp?.close();
  await running?.close();
});

describe("setting up the council's identity provider", () => {
  it("is the owner's alone: other roles are refused and another council's owner finds nothing", async () => {
    const facilitator = await signedInAs(new Visitor(running.baseUrl), world.facilitator.email);
    expect((await facilitator.get(`/orgs/${world.a.org.slug}/sign-in`)).status).toBe(403);
    const outsider = await signedInAs(new Visitor(running.baseUrl), world.outsider.email);
    expect((await outsider.get(`/orgs/${world.a.org.slug}/sign-in`)).status).toBe(404);
    const page = await (await (await signedInAs(new Visitor(running.baseUrl), world.owner.email)).get(`/orgs/${world.a.org.slug}/sign-in`)).text();
    expect(page).toContain(`${running.baseUrl}/auth/oidc/callback`);
    expect(page).toContain(DOMAIN);
    expect(page).not.toContain(idp.clientSecret);
  });

  it("refuses a domain another council already covers, an http issuer elsewhere, and an unreachable issuer, saying why", async () => {
    const outsider = await signedInAs(new Visitor(running.baseUrl), world.outsider.email);
    const clash = await (await outsider.post(`/orgs/${world.b.org.slug}/sign-in`, { issuer: idp.issuer, clientId: "x", clientSecret: "y", domains: DOMAIN, defaultRole: "viewer", enabled: "on" })).text();
    expect(clash).toContain(`Another council here already signs in @${DOMAIN}`);
    const insecure = await (await outsider.post(`/orgs/${world.b.org.slug}/sign-in`, { issuer: "http://login.example.com/tenant", clientId: "x", clientSecret: "y", domains: "eastvale.gov.uk", defaultRole: "viewer", enabled: "on" })).text();
    expect(insecure).toContain("must start with https://");
    const email = await (await outsider.post(`/orgs/${world.b.org.slug}/sign-in`, { issuer: idp.issuer, clientId: "x", clientSecret: "y", domains: "sam@eastvale.gov.uk", defaultRole: "viewer", enabled: "on" })).text();
    expect(email).toContain("looks like an email address");
    expect(await db().identityProvider.count({ where: { orgId: world.b.org.id } })).toBe(0);
    const dead = await (await outsider.post(`/orgs/${world.b.org.slug}/sign-in`, { issuer: "http://127.0.0.1:9/nothing-here", clientId: "x", clientSecret: "y", domains: "eastvale.gov.uk", defaultRole: "viewer", enabled: "on" })).text();
    expect(dead).toContain("Saved, but it will not work yet");
  });
});

describe("signing in through it", () => {
  it("creates the account in that council on first sign-in, with the chosen role, and signs the same person in again later", async () => {
    const first = await councilSignIn(`sam@${DOMAIN}`, "sam");
    expect(first.done.status).toBe(302);
    expect(location(first.done)).toBe(`/orgs/${world.a.org.slug}`);
    const user = await db().user.findUniqueOrThrow({ where: { email: `sam@${DOMAIN}` }, include: { memberships: true } });
    expect(user.name).toBe("Sam Okafor");
    expect(user.memberships.map((m) => [m.orgId, m.role])).toEqual([[world.a.org.id, "member"]]);
    expect(await (await first.v.get(`/orgs/${world.a.org.slug}`)).text()).toContain(world.a.org.name);
    // No password: the password form cannot be used to get in.
    expect((await new Visitor(running.baseUrl).post("/login", { email: `sam@${DOMAIN}`, password: "" })).status).not.toBe(302);
    const again = await councilSignIn(`sam@${DOMAIN}`, "sam");
    expect(again.done.status).toBe(302);
    expect(await db().user.count({ where: { email: `sam@${DOMAIN}` } })).toBe(1);
    expect(await db().externalIdentity.count({ where: { userId: user.id } })).toBe(1);
    // The first sign-up and sign-in are written in the same millisecond at times, so their order is not asserted.
    const audit = await db().auditEvent.findMany({ where: { actorId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action).sort()).toEqual(["sign-in", "sign-in", "sign-up"]);
    expect(audit.at(-1)!.action).toBe("sign-in");
  });

  it("links an existing account of this council alone, and refuses one another council relies on", async () => {
    const local = await db().user.create({ data: { email: `priya@${DOMAIN}`, name: "Priya", passwordHash: "" } });
    await db().membership.create({ data: { orgId: world.a.org.id, userId: local.id, role: "facilitator" } });
    const linked = await councilSignIn(`priya@${DOMAIN}`);
    expect(linked.done.status).toBe(302);
    expect(await db().externalIdentity.count({ where: { userId: local.id } })).toBe(1);
    expect((await db().membership.findFirstOrThrow({ where: { userId: local.id } })).role).toBe("facilitator");

    const shared = await db().user.create({ data: { email: `jo@${DOMAIN}`, name: "Jo", passwordHash: "" } });
    await db().membership.create({ data: { orgId: world.b.org.id, userId: shared.id, role: "owner" } });
    const refused = await councilSignIn(`jo@${DOMAIN}`);
    expect(refused.done.status).toBe(400);
    expect(await refused.done.text()).toContain("is used in another council too");
    expect(refused.v.sessionCookie).toBeUndefined();
    expect(await db().externalIdentity.count({ where: { userId: shared.id } })).toBe(0);
  });

  it("refuses an address outside the council's domains, an unverified address, and a removed member, and signs nobody in", async () => {
    const wrongDomain = await councilSignIn(`sam@${DOMAIN}`, "elsewhere");
    expect(wrongDomain.done.status).toBe(400);
    expect(await wrongDomain.done.text()).toContain(`uses it only for addresses ending @${DOMAIN}`);
    const unverified = await councilSignIn(`unverified@${DOMAIN}`, "unverified");
    expect(await unverified.done.text()).toContain("is not verified yet");
    const sam = await db().user.findUniqueOrThrow({ where: { email: `sam@${DOMAIN}` } });
    await db().membership.deleteMany({ where: { userId: sam.id } });
    const removed = await councilSignIn(`sam@${DOMAIN}`, "sam");
    expect(await removed.done.text()).toContain("no longer a member");
    for (const attempt of [wrongDomain, unverified, removed]) expect(attempt.v.sessionCookie).toBeUndefined();
  });

  it("says plainly when nobody covers a domain, and refuses a callback with a forged state or none started", async () => {
    const none = await new Visitor(running.baseUrl).post("/auth/oidc/start", { email: "someone@nowhere.example" });
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("No council here signs in people with @nowhere.example addresses");
    const stale = await new Visitor(running.baseUrl).get("/auth/oidc/callback?code=abc&state=xyz");
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain("took longer than 10 minutes, or was started in another browser");
    const v = new Visitor(running.baseUrl);
    const start = await v.post("/auth/oidc/start", { email: `sam@${DOMAIN}` });
    expect(start.status).toBe(302);
    const forged = await v.get("/auth/oidc/callback?code=abc&state=not-the-state");
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("could not be completed");
    expect(v.sessionCookie).toBeUndefined();
  });
});
