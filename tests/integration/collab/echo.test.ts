// An edit goes to everyone else on the plan. The person who made it is not sent it back (they have it), unless
// the server added something of its own to it (the votes a removed action held), which they must get too.
import { afterEach, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { castVote, createAction, deleteAction, readActions, removedVotesOf, updateSession, readSession } from "~/domain/workspace";
import { startCollab, type RunningCollab } from "../../support/collab/collabHarness";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";

let running: RunningCollab | null = null;
let clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await running?.stop();
  running = null;
});

/** A client that keeps every update frame the server sends it. */
function recordingClient(url: string, workspaceId: string, as: string, role: "editor" | "participant") {
  const c = connectClient(url, workspaceId, { as, role });
  clients.push(c);
  const updates: Uint8Array[] = [];
  const handleSync = c.provider.messageHandlers[0]!;
  c.provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsUpdate) updates.push(decoding.readVarUint8Array(peek));
    handleSync(encoder, decoder, ...rest);
  };
  const sent: Uint8Array[] = [];
  c.doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== c.provider) sent.push(update);
  });
  return { client: c, updates, sent };
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

describe("who is sent an edit", () => {
  it("everyone else on the plan gets the edit; its author is not sent it back", async () => {
    running = await startCollab();
    const pat = recordingClient(running.url, "echo-plain", "pat", "participant");
    const sam = recordingClient(running.url, "echo-plain", "sam", "participant");
    await Promise.all([pat.client.synced(), sam.client.synced()]);
    createAction(pat.client.doc, { id: "a1", title: "Easy read letters" });
    await waitFor(() => readActions(sam.client.doc).some((a) => a.id === "a1"), "sam sees pat's action");
    expect(pat.sent.length).toBeGreaterThan(0);
    expect(sam.updates.some((u) => pat.sent.some((s) => same(u, s)))).toBe(true);
    // Barrier: sam's later edit reaches pat after anything the server sent pat about pat's own edit.
    createAction(sam.client.doc, { id: "a2", title: "Phone before visits" });
    await waitFor(() => readActions(pat.client.doc).some((a) => a.id === "a2"), "pat sees sam's later action");
    expect(pat.updates.length).toBeGreaterThan(0);
    expect(pat.updates.filter((u) => pat.sent.some((s) => same(u, s)))).toEqual([]);
  });

  it("a facilitator who removes an action with votes is sent the votes the server recorded, so undo can bring them back", async () => {
    running = await startCollab();
    const fran = recordingClient(running.url, "echo-votes", "fran", "editor");
    const pat = recordingClient(running.url, "echo-votes", "pat", "participant");
    await Promise.all([fran.client.synced(), pat.client.synced()]);
    createAction(fran.client.doc, { id: "v1", title: "Budget letters" });
    updateSession(fran.client.doc, { voting: { open: true, votesPerPerson: 3, anonymous: false, revealed: false } });
    await waitFor(() => readActions(pat.client.doc).some((a) => a.id === "v1") && readSession(pat.client.doc).voting?.open === true, "pat sees the action and the vote open");
    await running.collab.withDocument("echo-votes", (doc) => void castVote(doc, "v1", "u:pat", 1), { source: "server", actorId: null, actorName: "Dot voting" });
    await waitFor(() => readActions(fran.client.doc).find((a) => a.id === "v1")?.votes["u:pat"] === 1, "fran sees the votes");
    deleteAction(fran.client.doc, "v1");
    await waitFor(() => removedVotesOf(fran.client.doc, "v1")["u:pat"] === 1, "fran's copy holds the votes the server recorded");
    expect(removedVotesOf(pat.client.doc, "v1")).toEqual({ "u:pat": 1 });
    expect(readActions(fran.client.doc).some((a) => a.id === "v1")).toBe(false);
  });
});
