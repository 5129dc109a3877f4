// Presence belongs to the server: who a presence entry says it is comes from the authenticated person, and a
// socket that floods presence (invented client ids, oversized or too-frequent states) is closed, not the room.
import { describe, expect, it } from "vitest";
import { awarenessFrame } from "../../../bench/stress/frames";
import { openRawSocket } from "../../support/collab/rawSocket";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();

/** An honest pair still editing: a typed marker reaches the other person. */
async function pairCarriesOn(alice: ReturnType<typeof client>, bob: ReturnType<typeof client>, marker: string) {
  alice.type(marker);
  await waitFor(() => bob.text().includes(marker), `bob receives "${marker}"`);
  expect(alice.closes).toEqual([]);
  expect(bob.closes).toEqual([]);
}

describe("presence belongs to the server", () => {
  it("a guest claiming to be the facilitator appears under their own name and role, and cannot be followed", async () => {
    const running = await start();
    const fran = client(running.url, "ws-presence", { as: "Demo Facilitator", role: "editor" });
    const gus = client(running.url, "ws-presence", { as: "Gus", role: "guest" });
    await Promise.all([fran.synced(), gus.synced()]);
    fran.provider.awareness.setLocalState({ user: { key: "u:u-Demo Facilitator", name: "Demo Facilitator", colour: "#0b5394", guest: false, facilitator: true }, at: "action:a1" });
    gus.provider.awareness.setLocalState({
      user: { key: "u:u-Demo Facilitator", name: "Demo Facilitator", colour: "#0b5394", guest: false, facilitator: true },
      at: "action:trap",
      editing: { actionId: "a1", field: "title" },
      extra: "x".repeat(500),
    });
    await waitFor(() => fran.provider.awareness.getStates().get(gus.doc.clientID)?.editing !== undefined, "fran sees gus");
    expect(fran.provider.awareness.getStates().get(gus.doc.clientID)).toEqual({
      user: { key: "g:g-Gus", name: "Gus", colour: expect.stringMatching(/^#/), guest: true, facilitator: false },
      editing: { actionId: "a1", field: "title" },
      at: null,
    });
    await waitFor(() => gus.provider.awareness.getStates().get(fran.doc.clientID)?.at === "action:a1", "gus sees the real facilitator's place");
    expect(gus.provider.awareness.getStates().get(fran.doc.clientID)!.user).toMatchObject({ name: "Demo Facilitator", facilitator: true, guest: false });
  });

  it("thousands of invented client ids, an oversized state or a flood of states close the sender; the pair keeps editing", async () => {
    const running = await start();
    const alice = client(running.url, "ws-flood", { as: "alice" });
    const bob = client(running.url, "ws-flood", { as: "bob", role: "participant" });
    await Promise.all([alice.synced(), bob.synced()]);

    const inventor = openRawSocket(running.url, "ws-flood", "inventor&role=guest");
    await inventor.opened;
    inventor.ws.send(awarenessFrame(Array.from({ length: 3000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: `ghost ${i}` } } }))));
    expect(await inventor.closed).toEqual({ code: 1008, reason: expect.stringMatching(/only describe your own session/) });

    const spreader = openRawSocket(running.url, "ws-flood", "spreader&role=guest");
    await spreader.opened;
    spreader.ws.send(awarenessFrame([{ clientId: 42, clock: 1, state: { editing: null } }]));
    spreader.ws.send(awarenessFrame([{ clientId: 43, clock: 1, state: { editing: null } }]));
    expect(await spreader.closed).toEqual({ code: 1008, reason: expect.stringMatching(/one client id per connection/) });

    const big = openRawSocket(running.url, "ws-flood", "big&role=guest");
    await big.opened;
    big.ws.send(awarenessFrame([{ clientId: 77, clock: 1, state: { editing: null, pad: "x".repeat(5000) } }]));
    expect(await big.closed).toEqual({ code: 1008, reason: expect.stringMatching(/larger than 2048 bytes/) });

    const chatty = openRawSocket(running.url, "ws-flood", "chatty&role=guest");
    await chatty.opened;
    for (let clock = 1; clock <= 60; clock++) chatty.ws.send(awarenessFrame([{ clientId: 88, clock, state: { editing: null } }]));
    expect(await chatty.closed).toEqual({ code: 1008, reason: expect.stringMatching(/too fast/) });

    await pairCarriesOn(alice, bob, "[after the presence flood]");
    // None of the invented ids reached the others.
    const ids = [...bob.provider.awareness.getStates().keys()];
    expect(ids.filter((id) => id >= 1_000_000 && id < 1_003_000)).toEqual([]);
    await waitFor(() => [...bob.provider.awareness.getStates().keys()].every((id) => ![42, 43, 77, 88].includes(id)), "closed senders' presence is gone");
  });
});
