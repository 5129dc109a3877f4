// The collaboration server's side of revocation: a socket whose access check was under way when the
// person's access was withdrawn is refused, not admitted; revocations arrive from other instances over the
// Redis control channel, and a malformed control message is ignored; after a lost Redis connection every
// open socket's access is checked again (what was published meanwhile never arrives).
import http from "node:http";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import type { Authenticate } from "../../../server/collab";
import { controlChannel } from "../../../server/collab/core/fanout";
import { collabTestbed } from "../../support/collab/testbed";
import { db } from "~/models/db.server";
import { createWorkspaceRow, rowCount, storedText } from "../../support/collab/storedDocument";
import { testAuthenticator } from "../../support/collab/testAuthenticator";
import { waitFor } from "../../support/collab/waitFor";

const REDIS_URL = "redis://127.0.0.1:6379";
const { start, client } = collabTestbed();
let redis: Redis | null = null;
afterEach(() => {
  redis?.disconnect();
  redis = null;
});

/** Publishes payloads on the control channel as another instance would (its own instance key, then the payload). */
function anotherInstance(prefix: string): (payload: string) => Promise<number> {
  redis ??= new Redis(REDIS_URL);
  const key = randomBytes(16).toString("hex");
  return (payload) => redis!.publish(controlChannel(prefix), `${key}:${payload}`);
}

/** An authenticator that holds every check until `release` is called, and says when one is waiting. */
function gatedAuthenticator() {
  let waiting = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const authenticate: Authenticate = async (request: http.IncomingMessage, workspaceId: string) => {
    waiting++;
    await gate;
    return testAuthenticator(request, workspaceId);
  };
  return { authenticate, waiting: () => waiting, release: () => open() };
}

describe("revocation in the collaboration server", () => {
  it("a guest removed while their socket's access check is under way is refused when the check ends", async () => {
    const gated = gatedAuthenticator();
    const server = await start({ authenticate: gated.authenticate });
    const guest = client(server.url, "ws-race", { as: "Robin", role: "guest" });
    await waitFor(() => gated.waiting() === 1, "the guest's access check has started");
    server.collab.closeConnections({ guestId: "g-Robin" }, "You have been removed from this workshop.", "removed");
    gated.release();
    await waitFor(() => guest.closes.length > 0 && !guest.provider.shouldConnect, "the guest was refused for good");
    expect(guest.closes).toEqual([{ code: 4410, reason: "You have been removed from this workshop." }]);
    expect(guest.provider.synced).toBe(false);
  });

  it("a socket whose check starts after a role change is admitted (no reconnect loop)", async () => {
    const server = await start();
    const alice = client(server.url, "ws-recheck", { as: "alice" });
    await alice.synced();
    expect(server.collab.closeConnections({ userId: "u-alice" }, "Your role has changed.", "recheck")).toBe(1);
    await waitFor(() => alice.closes.length === 1, "alice's socket closed");
    await waitFor(() => alice.provider.wsconnected && alice.provider.synced, "alice reconnected and was admitted");
    expect(alice.closes).toEqual([{ code: 4000, reason: "Your role has changed." }]);
  });

  it("never closes a whole room: a filter must name a person or a session", async () => {
    const server = await start();
    const alice = client(server.url, "ws-room", { as: "alice" });
    await alice.synced();
    expect(server.collab.closeConnections({ workspaceId: "ws-room" }, "Everyone out.", "removed")).toBe(0);
    expect(server.collab.closeConnections({ userId: "u-alice", workspaceIds: ["ws-other"] }, "Not here.", "removed")).toBe(0);
    expect(server.collab.closeConnections({ userId: "u-alice", workspaceIds: ["ws-room"] }, "Here.", "removed")).toBe(1);
    await waitFor(() => alice.closes.length === 1, "closed by the matching filter only");
    expect(alice.closes[0]).toEqual({ code: 4410, reason: "Here." });
  });

  it("with Redis, a revocation published by another instance closes the socket here; malformed ones are ignored", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    const server = await start({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const sam = client(server.url, "ws-remote", { as: "Sam", role: "guest" });
    const kim = client(server.url, "ws-remote", { as: "Kim", role: "guest" });
    await Promise.all([sam.synced(), kim.synced()]);
    const send = anotherInstance(prefix);
    await send("not json");
    await send(JSON.stringify({ v: 1, filter: {}, reason: "x", kind: "exploded" }));
    await send(JSON.stringify({ v: 1, filter: { guestId: "g-Sam" }, reason: "You have been removed from this workshop.", kind: "removed" }));
    await waitFor(() => sam.closes.length > 0, "sam was closed by the other instance's revocation");
    expect(sam.closes).toEqual([{ code: 4410, reason: "You have been removed from this workshop." }]);
    expect(kim.closes).toEqual([]);
    expect(server.logs.filter((line) => line.includes("ignored a malformed revocation message"))).toHaveLength(2);
  });

  it("with Redis, a plan deleted on another instance is dropped here: its boards close and what was stored for it is purged; malformed notices are ignored", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    const server = await start({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const bob = client(server.url, "ws-deleted-elsewhere", { as: "bob" });
    const kim = client(server.url, "ws-kept", { as: "kim" });
    await Promise.all([bob.synced(), kim.synced()]);
    bob.type("typed on this instance");
    await waitFor(async () => (await rowCount("ws-deleted-elsewhere")) > 0, "bob's typing is stored");

    const send = anotherInstance(prefix);
    await send(JSON.stringify({ v: 1, gone: "", reason: "No plan named." }));
    await send(JSON.stringify({ v: 1, gone: "ws-kept", reason: "An unknown field.", by: "someone" }));
    await send(JSON.stringify({ v: 1, gone: "ws-deleted-elsewhere", reason: "This plan has been deleted." }));
    await waitFor(() => bob.closes.length > 0, "bob's board was closed by the other instance's notice");
    expect(bob.closes).toEqual([{ code: 4404, reason: "This plan has been deleted." }]);

    // Kim's plan is untouched: her later edit is stored, and by then the deleted plan's rows are gone for good.
    kim.type("still here");
    await waitFor(async () => (await storedText("ws-kept")) === "still here", "kim's later edit is stored");
    await waitFor(async () => (await rowCount("ws-deleted-elsewhere")) === 0, "what this instance stored for the deleted plan is purged");
    expect(await db().docSnapshot.count({ where: { workspaceId: "ws-deleted-elsewhere" } })).toBe(0);
    expect(kim.closes).toEqual([]);
    expect(server.collab.connectedTo("ws-deleted-elsewhere")).toBe(0);
    expect(server.logs.filter((line) => line.includes("ignored a malformed revocation message"))).toHaveLength(2);
  });

  it("a deletion notice for a plan that still exists purges nothing", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    await createWorkspaceRow("ws-not-deleted");
    const server = await start({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const ann = client(server.url, "ws-not-deleted", { as: "ann" });
    await ann.synced();
    ann.type("still wanted");
    await waitFor(async () => (await storedText("ws-not-deleted")) === "still wanted", "ann's typing is stored");
    await anotherInstance(prefix)(JSON.stringify({ v: 1, gone: "ws-not-deleted", reason: "This plan has been deleted." }));
    await waitFor(() => ann.closes.length > 0, "ann's board was closed by the notice");
    // The board reloads from what is stored; the purge left it alone because the plan exists.
    await waitFor(() => server.collab.connectedTo("ws-not-deleted") === 0 && server.collab.loadedDocumentCount() === 0, "the document was dropped here");
    const again = client(server.url, "ws-not-deleted", { as: "ann-again" });
    await again.synced();
    expect(again.text()).toBe("still wanted");
    expect(await storedText("ws-not-deleted")).toBe("still wanted");
  });

  it("with Redis, deleting a plan here tells the other instances", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    const server = await start({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    redis = new Redis(REDIS_URL);
    const heard: string[] = [];
    redis.on("message", (_channel: string, message: string) => heard.push(message.slice(message.indexOf(":") + 1)));
    await redis.subscribe(controlChannel(prefix));
    await server.collab.forgetDocument("ws-deleted-here", "This plan has been deleted.");
    await waitFor(() => heard.length > 0, "the other instances were told");
    expect(heard.map((m) => JSON.parse(m))).toEqual([{ v: 1, gone: "ws-deleted-here", reason: "This plan has been deleted." }]);
  });

  it("after its Redis connection drops, an instance checks every open socket again and closes those whose access ended", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    const refused = new Set<string>();
    const demoted = new Set<string>();
    const authenticate: Authenticate = async (request, workspaceId) => {
      const name = new URL(request.url ?? "/", "http://localhost").searchParams.get("as") ?? "";
      if (refused.has(name)) return { ok: false, code: 4401, reason: "Your session has ended." };
      const result = await testAuthenticator(request, workspaceId);
      return result.ok && demoted.has(name) ? { ok: true, principal: { ...result.principal, canEdit: false, canFacilitate: false } } : result;
    };
    const server = await start({ authenticate, redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const gone = client(server.url, "ws-outage", { as: "gone" });
    const demotedEditor = client(server.url, "ws-outage", { as: "demoted" });
    const unchanged = client(server.url, "ws-outage", { as: "unchanged" });
    await Promise.all([gone.synced(), demotedEditor.synced(), unchanged.synced()]);
    // Changed elsewhere while this instance could not hear about it.
    refused.add("gone");
    demoted.add("demoted");
    redis = new Redis(REDIS_URL);
    const list = (await redis.call("CLIENT", "LIST")) as string;
    const line = list.split("\n").find((l) => l.includes(`name=${prefix}subscriber`));
    await redis.call("CLIENT", "KILL", "ID", /id=(\d+)/.exec(line!)![1]!);
    await waitFor(() => gone.closes.length > 0 && demotedEditor.closes.length > 0, "both changed people were closed");
    expect(gone.closes[0]).toEqual({ code: 4401, reason: "Your session has ended." });
    expect(demotedEditor.closes[0]).toEqual({ code: 4000, reason: "Your access has changed; reconnecting." });
    await waitFor(() => server.logs.some((l) => l.includes("collab sockets closed after checking access again")), "every socket was checked");
    expect(unchanged.closes).toEqual([]);
    expect(gone.provider.shouldConnect).toBe(false);
  });
});
