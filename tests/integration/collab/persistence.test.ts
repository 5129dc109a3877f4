// Compaction, unloading, server-side writes and failed writes: the document people see is the one on disk.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, readActions, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { commitCompaction, DocumentStore, type UpdateRow } from "../../../server/collab/persistence";
import { rowCount, storedDoc, storedText } from "../../support/collab/storedDocument";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();

/** A document whose every change is kept as a row for `workspaceId`, ready to hand to DocumentStore.append. */
function recordedUpdates(workspaceId: string): { source: Y.Doc; rows: UpdateRow[] } {
  const source = new Y.Doc();
  const rows: UpdateRow[] = [];
  source.on("update", (update: Uint8Array) => rows.push({ workspaceId, data: new Uint8Array(update), authorId: null, authorName: "test" }));
  return { source, rows };
}

describe("compaction", () => {
  it("past the threshold, rows fold into one snapshot and the document stays identical", async () => {
    const server = await start({ compactionThreshold: 20, unloadGraceMs: 60_000 });
    const alice = client(server.url, "ws-compact", { as: "alice" });
    await alice.synced();
    for (let i = 0; i < 75; i++) alice.type(String(i % 10));
    const expected = alice.text();
    await waitFor(async () => (await storedText("ws-compact")) === expected, "all typing stored");
    await waitFor(async () => (await db().docSnapshot.count({ where: { workspaceId: "ws-compact" } })) === 1, "a snapshot was written");
    await waitFor(async () => (await rowCount("ws-compact")) < 20, "rows were folded in");
    const late = client(server.url, "ws-compact", { as: "late" });
    await late.synced();
    await waitFor(() => late.text() === expected, "a late joiner sees the same text");
    const snapshot = await db().docSnapshot.findUniqueOrThrow({ where: { workspaceId: "ws-compact" } });
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, snapshot.data);
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(new Uint8Array(snapshot.stateVector));
  });

  it("concurrent compactions and appends lose nothing", async () => {
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-race");
    const text = source.getText("body");
    for (let i = 0; i < 300; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < rows.length; i += 30) {
      work.push(store.append(rows.slice(i, i + 30)));
      work.push(store.compact("ws-race").catch(() => undefined)); // a loser may roll back; it must not lose rows
    }
    await Promise.all(work);
    await store.compact("ws-race");
    expect(await rowCount("ws-race")).toBe(0);
    expect(await storedText("ws-race")).toBe(text.toString());
  });
});

describe("group commits", () => {
  it("of every size store each update byte for byte, in order, with its author", async () => {
    // On PostgreSQL a group commit of up to 16 rows is one VALUES statement with binary parameters and a
    // larger one is one unnest of arrays (server/collab/postgresWrites.ts): both must store the same thing.
    // Names outside ASCII (the small groups' Bind message is written by hand, in UTF-8 bytes) and no author.
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-group-sizes");
    const text = source.getText("body");
    for (let i = 0; i < 76; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    rows.forEach((row, i) =>
      Object.assign(row, i % 3 === 0 ? { authorId: `user-${i}`, authorName: i % 2 ? `Siân Ó Dálaigh ${i} 🌱` : `Person ${i}` } : { authorId: null, authorName: null }),
    );
    let at = 0;
    for (const size of [1, 2, 16, 17, 40]) {
      await store.append(rows.slice(at, at + size));
      at += size;
    }
    expect(at).toBe(rows.length);
    const stored = await db().docUpdate.findMany({ where: { workspaceId: "ws-group-sizes" }, orderBy: { id: "asc" } });
    expect(stored.map((row) => [Buffer.from(row.data).toString("hex"), row.authorId, row.authorName])).toEqual(
      rows.map((row) => [Buffer.from(row.data).toString("hex"), row.authorId, row.authorName]),
    );
    expect(await storedText("ws-group-sizes")).toBe(text.toString());
  });
});

describe("an append the database refuses", () => {
  it("fails that group commit only: the next one is stored and nothing stored before is lost", async () => {
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-refused");
    const text = source.getText("body");
    text.insert(0, "kept ");
    await store.append(rows.splice(0));
    text.insert(text.length, "refused ");
    // PostgreSQL text cannot hold a NUL character; SQLite stores it. Either way the store must go on working.
    const refused = rows.splice(0).map((row) => ({ ...row, authorName: "nul\u0000name" }));
    const outcome = await store.append(refused).then(
      () => "stored",
      (error: Error) => error.message,
    );
    if (process.env.TEST_DB_PROVIDER === "postgresql") expect(outcome).toMatch(/invalid byte sequence|0x00/);
    else expect(outcome).toBe("stored");
    text.insert(text.length, "and more");
    await store.append(rows.splice(0));
    const stored = await db().docUpdate.findMany({ where: { workspaceId: "ws-refused" }, orderBy: { id: "asc" } });
    expect(stored.length).toBe(process.env.TEST_DB_PROVIDER === "postgresql" ? 2 : 3);
    expect(stored[0]!.authorName).toBe("test");
  });

  it.skipIf(process.env.TEST_DB_PROVIDER !== "postgresql")("on PostgreSQL, a dropped connection costs at most the append in flight: the next one reconnects", async () => {
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-dropped");
    const text = source.getText("body");
    text.insert(0, "before ");
    await store.append(rows.splice(0));
    const ended = await db().$queryRawUnsafe<Array<{ ended: boolean }>>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO "DocUpdate"%'`,
    );
    expect(ended.map((row) => row.ended)).toEqual([true]);
    text.insert(text.length, "during ");
    const during = rows.splice(0);
    // The append written as the connection dies may fail (it is refused to its sender, ADR 009); it may not hang.
    const first = await store.append(during).then(
      () => true,
      () => false,
    );
    if (!first) await store.append(during);
    text.insert(text.length, "after");
    await store.append(rows.splice(0));
    expect(await storedText("ws-dropped")).toBe("before during after");
  });
});

describe("an edit arriving while the app holds a write transaction", () => {
  it("is stored once the transaction ends, and the server keeps serving everyone meanwhile", async () => {
    // A Prisma interactive transaction holds the database's write lock until it commits, and may await
    // anything but the database meanwhile (here, timers). On SQLite the edit's INSERT waits for that lock on
    // the writer thread. When the main thread itself waited in SQLite's busy handler, the transaction could
    // never finish and after 10 s the edit failed to save.
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-during-tx");
    source.getText("body").insert(0, "typed while the action table was being written");

    // The writer (on SQLite, its thread and connection) is started first, so the append below is certain
    // to meet the transaction's lock.
    await store.append([{ workspaceId: "ws-warm-up", data: new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())), authorId: null, authorName: "test" }]);

    let appended: Promise<void> | null = null;
    let storedDuringTransaction = false;
    let ticks = 0;
    await db().$transaction(
      async (tx) => {
        await tx.docSnapshot.create({ data: { workspaceId: "ws-other-plan", data: new Uint8Array([0, 0]), stateVector: new Uint8Array([0]) } });
        appended = store.append(rows.splice(0)).then(() => {
          storedDuringTransaction = ticks < 5;
        });
        // Other sockets keep being served: timers fire while the edit waits for the lock.
        for (let i = 0; i < 5; i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          ticks++;
        }
      },
      { timeout: 5_000 },
    );
    await appended;
    expect(ticks).toBe(5);
    // On SQLite the transaction's lock held the edit back; on PostgreSQL nothing did (rows of other tables).
    if (process.env.TEST_DB_PROVIDER !== "postgresql") expect(storedDuringTransaction).toBe(false);
    expect(await storedText("ws-during-tx")).toBe("typed while the action table was being written");
    expect(await db().docSnapshot.count({ where: { workspaceId: "ws-other-plan" } })).toBe(1); // the transaction committed too
  });
});

describe("unloading", () => {
  it("a document nobody uses is persisted and unloaded after the grace period", async () => {
    const server = await start({ unloadGraceMs: 100 });
    const alice = client(server.url, "ws-unload", { as: "alice" });
    await alice.synced();
    alice.type("keep me");
    await waitFor(async () => (await storedText("ws-unload")) === "keep me", "stored");
    expect(server.collab.loadedDocumentCount()).toBe(1);
    alice.destroy();
    await waitFor(() => server.collab.loadedDocumentCount() === 0, "unloaded after the grace period");
    expect(await rowCount("ws-unload")).toBe(0); // compacted on unload
    expect(await storedText("ws-unload")).toBe("keep me");
    const bob = client(server.url, "ws-unload", { as: "bob" });
    await bob.synced();
    await waitFor(() => bob.text() === "keep me", "reloaded from the snapshot");
  });

  it("concurrent first connections load the document once", async () => {
    const server = await start();
    const people = ["a", "b", "c", "d", "e"].map((as) => client(server.url, "ws-once", { as }));
    await Promise.all(people.map((p) => p.synced()));
    expect(server.collab.loadedDocumentCount()).toBe(1);
    people[0]!.type("x");
    await waitFor(() => people.every((p) => p.text() === "x"), "all five share one document");
  });
});

describe("server-side writes", () => {
  it("withDocument changes reach connected people and are stored with the server actor", async () => {
    const server = await start();
    const alice = client(server.url, "ws-server-write", { as: "alice" });
    await alice.synced();
    let actionId = "";
    await server.collab.withDocument(
      "ws-server-write",
      (doc) => {
        actionId = createAction(doc, { title: "Ring every budget holder", createdBy: "Admin" });
      },
      { source: "server", actorId: "u-admin", actorName: "Admin" },
    );
    await waitFor(() => readActions(alice.doc).some((a) => a.id === actionId), "alice sees the new action");
    const row = await db().docUpdate.findFirstOrThrow({ where: { workspaceId: "ws-server-write" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ authorId: "u-admin", authorName: "Admin" });
    const stored = await storedDoc("ws-server-write");
    expect(readActions(stored).map((a) => a.title)).toEqual(["Ring every budget holder"]);

    await server.collab.withDocument("ws-server-write", (doc) => updateAction(doc, actionId, { status: "in-progress" }), {
      source: "server",
      actorId: "u-admin",
      actorName: "Admin",
    });
    await waitFor(() => readActions(alice.doc)[0]?.status === "in-progress", "alice sees the status change live");
  });

  it("withDocument works on a document nobody has open, and it unloads again", async () => {
    const server = await start({ unloadGraceMs: 50 });
    await server.collab.withDocument("ws-cold", (doc) => doc.getText("body").insert(0, "from a form"), { source: "server", actorId: null, actorName: "System" });
    expect(await storedText("ws-cold")).toBe("from a form");
    await waitFor(() => server.collab.loadedDocumentCount() === 0, "unloaded");
  });
});

describe("a failed write", () => {
  it("is never broadcast: the sender is closed with a reason, and their change is saved on retry", async () => {
    let failing = false;
    const real = new DocumentStore();
    const storage = {
      append: (rows: UpdateRow[]) => (failing ? Promise.reject(new Error("disk full")) : real.append(rows)),
      loadInto: real.loadInto.bind(real),
      compact: real.compact.bind(real),
      missingSince: real.missingSince.bind(real),
    };
    const server = await start({ storage });
    const alice = client(server.url, "ws-fail", { as: "alice" });
    const bob = client(server.url, "ws-fail", { as: "bob" });
    await Promise.all([alice.synced(), bob.synced()]);
    alice.type("saved. ");
    await waitFor(() => bob.text() === "saved. ", "bob sees the first edit");
    failing = true;
    alice.type("unsaved");
    await waitFor(() => alice.closes.length > 0, "alice is told");
    expect(alice.closes[0]).toEqual({ code: 4500, reason: "Your latest change could not be saved. Reconnecting to try again." });
    expect(bob.text()).toBe("saved. ");
    expect(await storedText("ws-fail")).toBe("saved. ");
    failing = false;
    // Alice's client reconnects to a reloaded document and re-sends what the server lacks.
    await waitFor(() => bob.text() === "saved. unsaved", "once the database works again, bob gets it", 15_000);
    expect(await storedText("ws-fail")).toBe("saved. unsaved");
    expect(server.logs.some((line) => line.includes("could not save a document update"))).toBe(true);
  });
});

describe("a compaction that lost a race", () => {
  it("writes nothing when the snapshot changed after it read, so the newer snapshot and every row survive", async () => {
    const store = new DocumentStore();
    const { source, rows } = recordedUpdates("ws-stale");
    source.getText("body").insert(0, "first words");
    await store.append(rows.splice(0));
    await store.compact("ws-stale"); // a snapshot now exists
    source.getText("body").insert(11, ", then more");
    await store.append(rows.splice(0));

    // Another instance read the document before that snapshot existed; its compaction must not land.
    const storedRowIds = (await db().docUpdate.findMany({ where: { workspaceId: "ws-stale" }, select: { id: true } })).map((row) => row.id);
    const stale = new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc()));
    const written = await commitCompaction({ workspaceId: "ws-stale", expectedStateVector: null, data: stale, stateVector: new Uint8Array(Y.encodeStateVector(new Y.Doc())), rowIds: storedRowIds });

    expect(written).toBe(false);
    expect(await rowCount("ws-stale")).toBe(storedRowIds.length);
    expect(await storedText("ws-stale")).toBe("first words, then more");
  });
});
