// ADR 033: a person the server closed for a breach (here, a presence flood) may not reconnect to that plan for
// a cool-down. They are told why and when to come back, nothing of the plan is sent to them meanwhile, and
// everyone else in the room — another guest on the same address included — carries on. The cool-down runs on
// an injected clock, so nothing here waits on time.
import { describe, expect, it } from "vitest";
import { awarenessFrame } from "../../../bench/stress/frames";
import { openRawSocket } from "../../support/collab/rawSocket";
import { rawUpgrade } from "../../support/collab/rawUpgrade";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();

const inventedIds = () => awarenessFrame(Array.from({ length: 3000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: `ghost ${i}` } } })));

/** Two people still editing together: a typed marker reaches the other. */
async function carryOn(from: ReturnType<typeof client>, to: ReturnType<typeof client>, marker: string) {
  from.type(marker);
  await waitFor(() => to.text().includes(marker), `"${marker}" arrives`);
  expect(from.closes).toEqual([]);
  expect(to.closes).toEqual([]);
}

describe("a breach earns a cool-down for that person, not for the room", () => {
  it("a guest closed for a presence flood is refused with the reason on reconnect, nothing sent; others, on the same address, carry on; back after the cool-down", async () => {
    let now = 1_000_000;
    const running = await start({ clock: () => now });
    const ws = "cooldown-person";
    const alice = client(running.url, ws, { as: "alice" });
    const gail = client(running.url, ws, { as: "gail", role: "guest" });
    await Promise.all([alice.synced(), gail.synced()]);

    const flood = openRawSocket(running.url, ws, "gus&role=guest");
    await flood.opened;
    flood.ws.send(inventedIds());
    expect(await flood.closed).toEqual({ code: 1008, reason: expect.stringMatching(/only describe your own session/) });

    // Straight back: refused before any of the plan is sent, told why and when.
    const again = openRawSocket(running.url, ws, "gus&role=guest");
    expect(await again.closed).toEqual({ code: 4429, reason: "Reconnecting in 10 s: Presence may only describe your own session." });
    expect(again.received).toEqual([]);

    // Everyone else carries on, and a guest who joins now from the same address is let in.
    await carryOn(alice, gail, "[after the flood]");
    const gwen = client(running.url, ws, { as: "gwen", role: "guest" });
    await gwen.synced();
    await carryOn(gwen, alice, "[gwen joined]");

    // Still refused a moment before the end; let in once it is over.
    now += 9_000;
    const early = openRawSocket(running.url, ws, "gus&role=guest");
    expect(await early.closed).toEqual({ code: 4429, reason: expect.stringMatching(/^Reconnecting in 1 s: /) });
    now += 1_000;
    const gus = client(running.url, ws, { as: "gus", role: "guest" });
    await gus.synced();
    await carryOn(gus, alice, "[gus is back]");
  });

  it("with the same cookies, later attempts are refused before the upgrade (HTTP 429), logged once; a repeat doubles the cool-down", async () => {
    let now = 1_000_000;
    // The app keys an access check by plan and Cookie header; the test authenticator's people are in the URL.
    // Answers to knocks in a cool-down are held until it ends, at most coolDownAnswerMs: 1 ms here.
    const running = await start({ clock: () => now, authenticationKey: (request, workspaceId) => `${workspaceId}\n${request.url}`, limits: { coolDownAnswerMs: 1 } });
    const ws = "cooldown-key";
    const target = `/collab/${ws}?as=gus&role=guest`;
    const alice = client(running.url, ws, { as: "alice" });
    await alice.synced();

    const big = openRawSocket(running.url, ws, "gus&role=guest");
    await big.opened;
    big.ws.send(awarenessFrame([{ clientId: 77, clock: 1, state: { editing: null, pad: "x".repeat(5000) } }]));
    expect(await big.closed).toEqual({ code: 1008, reason: expect.stringMatching(/larger than 2048 bytes/) });

    // Told once on a socket (what our page shows), then refused without an upgrade, however often they knock.
    expect((await openRawSocket(running.url, ws, "gus&role=guest").closed).code).toBe(4429);
    for (let i = 0; i < 5; i++) {
      const answer = await rawUpgrade(running.port, target);
      expect(answer).toEqual({ status: 429, body: "Reconnecting in 10 s: Presence state is larger than 2048 bytes.\n" });
    }
    expect(running.logs.filter((line) => line.includes("closed for a breach"))).toHaveLength(1);
    expect(running.logs.filter((line) => line.includes("cooling down"))).toHaveLength(1);
    expect(running.logs.filter((line) => line.includes("collab socket closed by server"))).toEqual([]);

    now += 10_000;
    const gus = client(running.url, ws, { as: "gus", role: "guest" });
    await gus.synced();
    await carryOn(gus, alice, "[gus is back]");
    gus.destroy();

    // Breaching again soon after: twice as long.
    const chatty = openRawSocket(running.url, ws, "gus&role=guest");
    await chatty.opened;
    for (let clock = 1; clock <= 60; clock++) chatty.ws.send(awarenessFrame([{ clientId: 88, clock, state: { editing: null } }]));
    expect(await chatty.closed).toEqual({ code: 1008, reason: expect.stringMatching(/too fast/) });
    expect(await openRawSocket(running.url, ws, "gus&role=guest").closed).toEqual({ code: 4429, reason: expect.stringMatching(/^Reconnecting in 20 s: Presence updates came too fast/) });
    expect(alice.closes).toEqual([]);
  });
});
