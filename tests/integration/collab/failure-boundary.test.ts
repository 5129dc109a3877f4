// No input from one connection stops the server or hurts another connection: hostile upgrades get an HTTP
// status, hostile frames close only their sender, and an honest pair keeps editing in the same process.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config";
import { createAppServer } from "../../../server/http";
import { openRawSocket } from "../../support/collab/rawSocket";
import { rawUpgrade } from "../../support/collab/rawUpgrade";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { spawn, start, client } = collabTestbed();

const HOSTILE_TARGETS: Array<[string, number]> = [
  ["/collab/%", 400],
  ["/collab/%E0%A4%A", 400],
  ["/collab/a%ZZb", 400],
  ["/collab/%00%ff", 400],
  ["/collab/not%20an%20id", 404],
  ["http://[bad/collab/x", 400],
  ["/collab/a/b", 404],
];

/** Frames a guest or facilitator might send: the crash bytes, garbage sync steps, truncated updates. */
const HOSTILE_FRAMES: number[][] = [
  [0x00, 0x02, 0x04, 0x05, 0xff, 0xff, 0xff],
  [0x00, 0x01, 0x06, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06],
  [0x00, 0x02, 0x03, 0x01, 0x80, 0x80],
  [0x00, 0x02, 0x05, 0x01, 0x01, 0xff, 0xff, 0x0f],
  [0x00, 0x00, 0x02, 0xff, 0xff],
  [0x01, 0x04, 0x01, 0x05, 0x01, 0x02],
];

describe("one failure boundary per connection", () => {
  it("hostile upgrades and frames from every role close only their sender; the server process keeps serving edits", async () => {
    const server = await spawn();
    for (const [target, status] of HOSTILE_TARGETS) {
      const answer = await rawUpgrade(server.port, target);
      expect(answer.status, target).toBe(status);
    }
    for (const role of ["guest", "participant", "editor", "viewer"]) {
      for (const [n, bytes] of HOSTILE_FRAMES.entries()) {
        // One person per frame: a person closed for a breach waits out a cool-down before reconnecting (ADR 033).
        const raw = openRawSocket(server.url, "ws-boundary", `hostile-${role}-${n}&role=${role}`);
        await raw.opened;
        raw.ws.send(Buffer.from(bytes));
        const closed = await raw.closed;
        expect([1007, 1008], `${role} ${bytes.join(",")}`).toContain(closed.code);
        expect(closed.reason).toMatch(/malformed/i);
      }
    }
    expect(server.child.exitCode).toBeNull();

    const alice = client(server.url, "ws-boundary", { as: "alice" });
    const bob = client(server.url, "ws-boundary", { as: "bob" });
    await Promise.all([alice.synced(), bob.synced()]);
    alice.type("still editing after the attack");
    await waitFor(() => bob.text() === "still editing after the attack", "bob sees alice's edit");
    expect(server.child.exitCode).toBeNull();
  });

  it("the app server answers a malformed collaboration address with 400 and keeps answering", async () => {
    const collab = await start();
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: process.env.TEST_DATABASE_URL, SESSION_SECRET: "x".repeat(32) });
    const app = createAppServer(config, () => Promise.reject(new Error("no pages in this test")), {
      ...collab.collab,
      closeConnections: () => 0,
    });
    const port = await app.listen();
    try {
      expect((await rawUpgrade(port, "/collab/%")).status).toBe(400);
      expect((await rawUpgrade(port, "/elsewhere")).status).toBe(404);
      expect((await rawUpgrade(port, "http://[bad/collab/x")).status).toBe(400);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
