// People editing one plan see each other's changes, and what they typed is on disk.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { storedText } from "../../support/collab/storedDocument";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();

describe("live editing", () => {
  it("two people typing at once end up with the same text", async () => {
    const server = await start();
    const alice = client(server.url, "ws-converge", { as: "alice" });
    const bob = client(server.url, "ws-converge", { as: "bob" });
    await Promise.all([alice.synced(), bob.synced()]);
    for (let i = 0; i < 20; i++) {
      alice.type("a");
      bob.type("b");
    }
    await waitFor(() => alice.text().length === 40 && alice.text() === bob.text(), "both see all 40 letters in the same order");
    expect(alice.text().replace(/b/g, "")).toBe("a".repeat(20));
    await waitFor(async () => (await storedText("ws-converge")) === alice.text(), "the database holds the same text");
  });

  it("someone joining late gets everything typed before", async () => {
    const server = await start();
    const alice = client(server.url, "ws-late", { as: "alice" });
    await alice.synced();
    alice.type("Agenda: review findings");
    await waitFor(async () => (await storedText("ws-late")) === "Agenda: review findings", "stored");
    const carol = client(server.url, "ws-late", { as: "carol" });
    await carol.synced();
    await waitFor(() => carol.text() === "Agenda: review findings", "carol sees the agenda");
  });

  it("the author and their name are stored with each update", async () => {
    const server = await start();
    const guest = client(server.url, "ws-author", { as: "Sam", role: "guest" });
    await guest.synced();
    guest.type("hello");
    await waitFor(async () => (await storedText("ws-author")) === "hello", "the update was stored");
    const row = await db().docUpdate.findFirstOrThrow({ where: { workspaceId: "ws-author" } });
    expect(row.authorId).toBe("guest:g-Sam");
    expect(row.authorName).toBe("Sam");
  });

  it("a viewer's edits never reach anyone else nor the database", async () => {
    const server = await start();
    const editor = client(server.url, "ws-viewer", { as: "ed" });
    const viewer = client(server.url, "ws-viewer", { as: "vi", role: "viewer" });
    await Promise.all([editor.synced(), viewer.synced()]);
    viewer.type("SHOULD NOT APPEAR");
    // The barrier: the server answers the viewer's next sync only after it has handled what the viewer sent.
    await viewer.roundTrip();
    editor.type("real edit");
    await waitFor(() => viewer.text().includes("real edit"), "the viewer still receives the editor's changes");
    await waitFor(async () => (await storedText("ws-viewer")) === "real edit", "the editor's change is stored");
    // A third person joining now sees only the editor's text.
    const late = client(server.url, "ws-viewer", { as: "late" });
    await late.synced();
    await waitFor(() => late.text() === "real edit", "late joiner synced");
    expect(editor.text()).toBe("real edit");
    expect(await storedText("ws-viewer")).toBe("real edit");
  });

  it("refuses a page from another site and a person who may not join, saying why", async () => {
    const server = await start();
    const foreign = client(server.url, "ws-refuse", { as: "mallory", headers: { Origin: "https://evil.example" } });
    const refused = client(server.url, "ws-refuse", { as: "nobody", role: "refused" });
    await waitFor(() => foreign.closes.length > 0 && refused.closes.length > 0, "both were closed");
    expect(foreign.closes[0]).toEqual({ code: 4403, reason: "Connections from https://evil.example are not allowed." });
    expect(refused.closes[0]).toEqual({ code: 4401, reason: "Sign in to join this workshop." });
    // 44xx tells the y-websocket client not to retry.
    expect(foreign.provider.shouldConnect).toBe(false);
    const sameOrigin = client(server.url, "ws-refuse", { as: "friend", headers: { Origin: `http://127.0.0.1:${server.port}` } });
    await sameOrigin.synced();
  });

  it("accepts an origin on the allowed list", async () => {
    const server = await start({ allowedOrigins: ["https://plans.example.gov.uk"] });
    const ok = client(server.url, "ws-allowed", { as: "a", headers: { Origin: "https://plans.example.gov.uk" } });
    const notOk = client(server.url, "ws-allowed", { as: "b", headers: { Origin: `http://127.0.0.1:${server.port}` } });
    await ok.synced();
    await waitFor(() => notOk.closes.length > 0, "unlisted origin closed");
    expect(notOk.closes[0]!.code).toBe(4403);
  });

  it("a server restarted between edits loses nothing", async () => {
    const first = await start();
    const alice = client(first.url, "ws-restart", { as: "alice" });
    await alice.synced();
    alice.type("before restart. ");
    await waitFor(async () => (await storedText("ws-restart")) === "before restart. ", "stored before restart");
    await first.stop();
    await waitFor(() => alice.closes.some((c) => c.code === 1012), "alice was told the server is restarting");
    alice.destroy();

    const second = await start();
    const bob = client(second.url, "ws-restart", { as: "bob" });
    await bob.synced();
    await waitFor(() => bob.text() === "before restart. ", "bob sees what alice typed");
    bob.type("after restart.");
    await waitFor(async () => (await storedText("ws-restart")) === "before restart. after restart.", "both edits stored");
  });

  it("closeConnections closes a person's sockets so they reconnect and are checked again", async () => {
    const server = await start();
    const alice = client(server.url, "ws-access", { as: "alice" });
    const bob = client(server.url, "ws-access", { as: "bob" });
    await Promise.all([alice.synced(), bob.synced()]);
    expect(server.collab.closeConnections({ userId: "u-alice" }, "Your role changed.")).toBe(1);
    await waitFor(() => alice.closes.length === 1, "alice closed");
    expect(alice.closes[0]).toEqual({ code: 4000, reason: "Your role changed." });
    await waitFor(() => alice.provider.synced, "alice reconnected");
    expect(bob.closes).toEqual([]);
  });
});
