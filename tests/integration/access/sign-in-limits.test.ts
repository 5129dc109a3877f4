// Sign-in from behind shared addresses and proxies: who counts as "the same address", and what happens when
// one address (an office) has used up its failed sign-ins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let plain: RunningApp;
let proxied: RunningApp;
let world: World;

beforeAll(async () => {
  plain = await startTestApp();
  proxied = await startTestApp({ TRUST_PROXY: "loopback" });
  world = await createWorld();
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
});

/** A browser behind the proxy at `address` as the proxy reports it. */
function from(app: RunningApp, address: string) {
  const visitor = new Visitor(app.baseUrl);
  return { visitor, signIn: (email: string, password: string, redirectTo = "/") => visitor.post("/login", { email, password, redirectTo }, { Origin: app.baseUrl, "X-Forwarded-For": address }) };
}

/** Thirty failed sign-ins from one address, spread over the last few minutes, by other people in the office. */
async function officeHasUsedItsBurst(ip: string, lastAt = new Date(Date.now() - 60_000)) {
  await db().auditEvent.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({ action: "sign-in-failed", actorLabel: `colleague-${i}@example.test`, ip, at: new Date(lastAt.getTime() - i * 5_000) })),
  });
}

describe("an office sharing one address", () => {
  it("is slowed down, not locked out, once its failed sign-ins pass the limit", async () => {
    const office = "203.0.113.10";
    await officeHasUsedItsBurst(office);
    const first = await from(proxied, office).signIn(world.member.email, PASSWORD);
    expect(first.status).toBe(302);

    const typo = await from(proxied, office).signIn(world.viewer.email, "not quite the password");
    expect(await typo.text()).toContain("That email and password do not match an account.");
    const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: "sign-in-failed", actorLabel: world.viewer.email }, orderBy: { at: "desc" } });
    expect(recorded.ip).toBe(office);

    const slowed = await from(proxied, office).signIn(world.owner.email, PASSWORD);
    expect(slowed.status).toBe(200);
    const message = /Too many sign-in attempts from your network; try again in (\d+) seconds?\./.exec(await slowed.text());
    expect(message).not.toBeNull();
    expect(Number(message![1])).toBeGreaterThanOrEqual(1);
    expect(Number(message![1])).toBeLessThanOrEqual(10);

    const elsewhere = await from(proxied, "203.0.113.11").signIn(world.owner.email, PASSWORD);
    expect(elsewhere.status).toBe(302);

    // Ten seconds later (moved back in the log rather than waited for) the office may try again.
    await db().auditEvent.update({ where: { id: recorded.id }, data: { at: new Date(Date.now() - 11_000) } });
    const later = await from(proxied, office).signIn(world.owner.email, PASSWORD);
    expect(later.status).toBe(302);
  });

  it("still stops guessing one account's password from many addresses", async () => {
    const target = world.facilitator.email;
    for (let i = 0; i < 5; i++) await from(proxied, `198.51.100.${i + 1}`).signIn(target, `wrong guess ${i}`);
    const blocked = await from(proxied, "198.51.100.99").signIn(target, PASSWORD);
    expect(blocked.status).toBe(200);
    expect(await blocked.text()).toMatch(/Too many attempts. Please try again in 1[45] minutes/);
  });
});

describe("forwarded addresses", () => {
  it("are ignored unless TRUST_PROXY is set, so a slowed address cannot sign in by claiming another", async () => {
    await from(plain, "192.0.2.78").signIn("nobody-here@example.test", "a wrong password");
    const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: "sign-in-failed", actorLabel: "nobody-here@example.test" } });
    expect(recorded.ip).toBe("127.0.0.1");

    await officeHasUsedItsBurst("127.0.0.1", new Date());
    const claimed = await from(plain, "192.0.2.77").signIn(world.member.email, PASSWORD);
    expect(claimed.status).toBe(200);
    expect(await claimed.text()).toMatch(/Too many sign-in attempts from your network; try again in \d+ seconds?\./);
  });
});

describe("coming back after sign-in", () => {
  const target = "/w/plan-é→日本?tab=acções#notes";

  it("shows the sign-in page for any same-site redirectTo, whatever characters it holds", async () => {
    const page = await new Visitor(proxied.baseUrl).get(`/login?${new URLSearchParams({ redirectTo: target })}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sign in");
  });

  it("sends a signed-in person on to it, percent-encoded", async () => {
    const { visitor, signIn } = from(proxied, "203.0.113.40");
    const response = await signIn(world.member.email, PASSWORD, target);
    expect(response.status).toBe(302);
    expect(decodeURIComponent(location(response))).toBe(target);
    const again = await visitor.get(`/login?${new URLSearchParams({ redirectTo: target })}`);
    expect(again.status).toBe(302);
    expect(location(again)).toBe(location(response));
  });

  it("still refuses other sites however they are spelled", async () => {
    for (const away of ["//evil.example/x", "/\\evil.example", "/\t/evil.example", "https://evil.example/"]) {
      const response = await from(proxied, "203.0.113.41").signIn(world.member.email, PASSWORD, away);
      expect(location(response)).toBe("/");
    }
  });
});
