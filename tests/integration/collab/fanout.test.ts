// With Redis, an instance that missed messages (a gap, a reconnect) catches up from the database.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeFanoutMessage, fanoutChannel } from "../../../server/collab/core/fanout";
import { DocumentStore } from "../../../server/collab/persistence";
import { encodeUpdate } from "../../../server/collab/core/protocol";
import { startCollab, type RunningCollab } from "../../support/collab/collabHarness";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";

const REDIS_URL = "redis://127.0.0.1:6379";
let server: RunningCollab | null = null;
let clients: TestClient[] = [];
let redis: Redis | null = null;
afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await server?.stop();
  server = null;
  redis?.disconnect();
  redis = null;
});

/** Writes an edit straight to the database, as another instance would, without publishing it. */
async function writtenElsewhere(workspaceId: string, base: Y.Doc, text: string): Promise<void> {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(other);
  other.getText("body").insert(other.getText("body").length, text);
  const update = Y.encodeStateAsUpdate(other, before);
  await new DocumentStore().append([{ workspaceId, data: new Uint8Array(update), authorId: "u-elsewhere", authorName: "Elsewhere" }]);
}

describe("fan-out recovery", () => {
  it("a gap in another instance's sequence makes this one catch up from the database", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    server = await startCollab({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const bob = connectClient(server.url, "ws-gap", { as: "bob" });
    clients.push(bob);
    await bob.synced();
    await writtenElsewhere("ws-gap", bob.doc, "missed by redis");
    redis = new Redis(REDIS_URL);
    const instance = randomBytes(16);
    const channel = fanoutChannel(prefix, "ws-gap");
    // Two messages from a fake instance: seq 1 then seq 5 (2–4 were lost).
    const empty = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    await redis.publish(channel, encodeFanoutMessage(instance, 1, "update", empty, null));
    await redis.publish(channel, encodeFanoutMessage(instance, 5, "update", empty, null));
    await waitFor(() => bob.text() === "missed by redis", "bob gets the edit that was never published");
    expect(server.logs.some((line) => line.includes("redis gap detected"))).toBe(true);
  });

  it("after its Redis connection drops, an instance resynchronises from the database", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    server = await startCollab({ redisUrl: REDIS_URL, redisChannelPrefix: prefix });
    const bob = connectClient(server.url, "ws-reconnect", { as: "bob" });
    clients.push(bob);
    await bob.synced();
    await writtenElsewhere("ws-reconnect", bob.doc, "written while we were away");
    redis = new Redis(REDIS_URL);
    const list = (await redis.call("CLIENT", "LIST")) as string;
    const line = list.split("\n").find((l) => l.includes(`name=${prefix}subscriber`));
    expect(line).toBeDefined();
    const id = /id=(\d+)/.exec(line!)![1]!;
    await redis.call("CLIENT", "KILL", "ID", id);
    await waitFor(() => bob.text() === "written while we were away", "bob gets the edit after the reconnect");
    expect(server.logs.some((l) => l.includes("redis reconnected"))).toBe(true);
  });
});
