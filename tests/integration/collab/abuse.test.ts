// A broken or hostile client is closed with a reason; everyone else carries on and the process survives.
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCollab, type RunningCollab } from "../../support/collab/collabHarness";
import { openRawSocket } from "../../support/collab/rawSocket";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";

const WORKSPACE = "ws-abuse";
let server: RunningCollab;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  server = await startCollab({ limits: { messagesPerSecond: 50 } });
  alice = connectClient(server.url, WORKSPACE, { as: "alice" });
  bob = connectClient(server.url, WORKSPACE, { as: "bob" });
  await Promise.all([alice.synced(), bob.synced()]);
});

afterAll(async () => {
  alice.destroy();
  bob.destroy();
  await server.stop();
});

/** After each attack, the two honest people can still edit together. */
async function honestPeopleCarryOn(marker: string) {
  alice.type(marker);
  await waitFor(() => bob.text().includes(marker), `bob receives "${marker}"`);
  expect(alice.closes).toEqual([]);
  expect(bob.closes).toEqual([]);
}

function frame(build: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  build(encoder);
  return encoding.toUint8Array(encoder);
}

describe("bad messages", () => {
  it("random bytes close only the sender, with a reason that is logged", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "fuzzer");
    await raw.opened;
    raw.ws.send(Buffer.from([0xff, 0xfe, 0x07, 0x13, 0x99, 0x42]));
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/malformed message/i);
    expect(server.logs.some((line) => line.includes("malformed collab message"))).toBe(true);
    await honestPeopleCarryOn("[after random bytes]");
  });

  it("a truncated update closes only the sender", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "truncator");
    await raw.opened;
    // sync / update / a length of 200 bytes followed by only three.
    raw.ws.send(frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 200);
      encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]));
    }));
    expect((await raw.closed).code).toBe(1007);
    await honestPeopleCarryOn("[after truncation]");
  });

  it("an update that parses but is not a Yjs update closes only the sender", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "garbler");
    await raw.opened;
    raw.ws.send(frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([9, 200, 17, 3, 250, 250, 250, 1]));
    }));
    const closed = await raw.closed;
    expect([1007]).toContain(closed.code);
    await honestPeopleCarryOn("[after garbage update]");
  });

  it("a frame over 1 MiB closes only the sender", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "flooder");
    await raw.opened;
    raw.ws.send(new Uint8Array(1024 * 1024 + 10));
    expect((await raw.closed).code).toBe(1009);
    await honestPeopleCarryOn("[after oversized frame]");
  });

  it("awareness claiming someone else's client id closes only the sender", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "impostor");
    await raw.opened;
    alice.provider.awareness.setLocalStateField("user", { name: "Alice" });
    await waitFor(() => bob.provider.awareness.getStates().get(alice.doc.clientID) !== undefined, "bob sees alice's presence");
    raw.ws.send(frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, frame((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, alice.doc.clientID);
        encoding.writeVarUint(inner, 999);
        encoding.writeVarString(inner, JSON.stringify({ user: { name: "Not Alice" } }));
      }));
    }));
    const closed = await raw.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toBe("Presence may only describe your own session.");
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: { name: "alice", key: "u:u-alice" } });
    await honestPeopleCarryOn("[after impostor]");
  });

  it("a socket sending faster than the rate limit is closed", async () => {
    const raw = openRawSocket(server.url, WORKSPACE, "spammer");
    await raw.opened;
    const queryAwareness = new Uint8Array([3]);
    for (let i = 0; i < 500; i++) raw.ws.send(queryAwareness);
    const closed = await raw.closed;
    expect(closed.code).toBe(4008);
    await honestPeopleCarryOn("[after spam]");
  });

  it("text frames and unknown message types close only the sender", async () => {
    const text = openRawSocket(server.url, WORKSPACE, "texter");
    await text.opened;
    text.ws.send("hello");
    expect((await text.closed).code).toBe(1003);
    const unknown = openRawSocket(server.url, WORKSPACE, "stranger");
    await unknown.opened;
    unknown.ws.send(new Uint8Array([42]));
    expect((await unknown.closed).code).toBe(1007);
    await honestPeopleCarryOn("[after unknown types]");
  });
});
