// The SQLite writer: an append resolves only once its rows are committed, waits for another connection's
// write lock without stopping the event loop, admits one process per database, and first moves into
// DocUpdate what ADR 008's edit log left behind (segments that version's own code wrote: tests/fixtures).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { migrateDatabase } from "../../../server/migrate";
import { decodeRecords } from "../../../server/collab/oldEditLog";
import { ROWS_PER_CHECKPOINT, SqliteWriter, writerFolderOf } from "../../../server/collab/sqliteWriter";

const fixture = path.resolve(import.meta.dirname, "../../fixtures/edit-log-adr-008");
const segment = (name: string) => readFileSync(path.join(fixture, name));

let dir: string;
let file: string;
const opened: SqliteWriter[] = [];
let checkpoints = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "poet-sqlite-writer-"));
  file = path.join(dir, "test.db");
  checkpoints = 0;
  await migrateDatabase(`file:${file}`);
});

afterEach(async () => {
  for (const writer of opened.splice(0)) await writer.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function openWriter(): SqliteWriter {
  const writer = new SqliteWriter(file, () => checkpoints++);
  opened.push(writer);
  return writer;
}

const row = (text: string, workspaceId = "ws-1") => ({ workspaceId, data: new TextEncoder().encode(text), authorId: "u1", authorName: "Ada" });

type Stored = { workspaceId: string; data: Buffer; authorId: string | null; authorName: string | null; createdAt: string };
function storedRows(): Stored[] {
  const reader = new Database(file, { readonly: true });
  try {
    return reader.prepare(`SELECT "workspaceId", "data", "authorId", "authorName", "createdAt" FROM "DocUpdate" ORDER BY "id"`).all() as Stored[];
  } finally {
    reader.close();
  }
}
const storedTexts = () => storedRows().map((stored) => stored.data.toString());

function textOf(rows: Array<{ data: Uint8Array }>): string {
  const doc = new Y.Doc();
  for (const stored of rows) Y.applyUpdate(doc, stored.data);
  return doc.getText("body").toString();
}

describe("the SQLite writer", () => {
  it("resolves an append once its rows are committed, with authors and time as Prisma reads them", async () => {
    const writer = openWriter();
    await writer.append([row("first")]);
    expect(storedTexts()).toEqual(["first"]); // another connection sees it: committed
    await writer.append([row("second"), row("third", "ws-2")]);
    expect(storedTexts()).toEqual(["first", "second", "third"]);
    expect(storedRows()[2]).toMatchObject({ workspaceId: "ws-2", authorId: "u1", authorName: "Ada", createdAt: expect.stringMatching(/^2\d{3}-\d\d-\d\dT.*\+00:00$/) });
  });

  it("waits for another connection's write lock on its own thread: this thread keeps running, and the rows land when the lock goes", async () => {
    const writer = openWriter();
    await writer.append([row("warm-up")]);
    // Held on this very thread: an INSERT waiting here, synchronously, could never see it released.
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    let stored = false;
    const appended = writer.append([row("typed while the app was writing")]).then(() => {
      stored = true;
    });
    // This thread takes turns of its event loop while the lock is held (a synchronous INSERT here would
    // block inside append() and never get one); the rows cannot land before COMMIT whatever the timing.
    let ticks = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      ticks++;
    }
    expect(ticks).toBe(5);
    expect(stored).toBe(false);
    holder.exec("COMMIT");
    holder.close();
    await appended;
    expect(storedTexts()).toEqual(["warm-up", "typed while the app was writing"]);
  });

  it("refuses a second writer for the same database with a message saying what to do", () => {
    openWriter();
    expect(() => new SqliteWriter(file, () => undefined)).toThrow(/Another server process is already saving live edits .* use PostgreSQL/);
  });

  it("on close, finishes the appends under way and lets the next process take over", async () => {
    const first = openWriter();
    const underWay = first.append([row("before the restart")]);
    await first.close();
    await underWay;
    await expect(first.append([row("too late")])).rejects.toThrow(/shutting down/);
    const second = openWriter();
    await second.append([row("after the restart")]);
    expect(storedTexts()).toEqual(["before the restart", "after the restart"]);
  });

  it(`asks for a WAL checkpoint every ${ROWS_PER_CHECKPOINT} rows (its own commits never checkpoint)`, async () => {
    const writer = openWriter();
    const batch = Array.from({ length: ROWS_PER_CHECKPOINT / 10 }, (_, i) => row(`row ${i}`));
    for (let i = 0; i < 9; i++) await writer.append(batch);
    expect(checkpoints).toBe(0);
    await writer.append(batch);
    expect(checkpoints).toBe(1);
  });
});

describe("what the edit log of an earlier version left (ADR 008)", () => {
  it("reads back the segments that version wrote: plans, authors, times and updates", () => {
    const first = decodeRecords(segment("000000000001.log"));
    const second = decodeRecords(segment("000000000002.log"));
    expect(first.validBytes).toBe(segment("000000000001.log").byteLength);
    expect(first.rows.map(({ workspaceId, authorId, authorName }) => ({ workspaceId, authorId, authorName }))).toEqual([
      { workspaceId: "ws-old", authorId: "u-zoe", authorName: "Zoë Ó Briain" },
      { workspaceId: "ws-old", authorId: "u-zoe", authorName: "Zoë Ó Briain" },
      { workspaceId: "ws-other", authorId: null, authorName: "System" },
    ]);
    expect(first.rows.every((read) => read.createdAt.getUTCFullYear() >= 2026)).toBe(true);
    const old = [...first.rows, ...second.rows].filter((read) => read.workspaceId === "ws-old");
    expect(textOf(old)).toBe("Carers told us they wait too long for a reply.");
  });

  it("stops, without throwing, at a record a power cut tore or damaged, at trailing zeros and at random bytes, keeping every whole record before it", () => {
    const whole = segment("000000000001.log");
    const firstRecord = 8 + whole.readUInt32LE(0);
    const torn = decodeRecords(whole.subarray(0, whole.byteLength - 3));
    expect(torn.rows).toHaveLength(2);
    const damaged = Buffer.from(whole);
    damaged[firstRecord + 12] ^= 0xff; // a byte inside the second record
    expect(decodeRecords(damaged).rows).toHaveLength(1);
    for (let zeros = 1; zeros <= 64; zeros++) expect(decodeRecords(Buffer.concat([whole, Buffer.alloc(zeros)])).validBytes).toBe(whole.byteLength);
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    for (let i = 0; i < 500; i++) {
      const noise = Buffer.from(Array.from({ length: 1 + (i % 97) }, random));
      expect(decodeRecords(Buffer.concat([whole, noise])).rows.length).toBe(3);
    }
  });

  it("is moved into DocUpdate, oldest first, before anything the new writer appends, and the segments deleted", async () => {
    const folder = writerFolderOf(file);
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(fixture, "000000000001.log"), path.join(folder, "000000000001.log"));
    const last = segment("000000000002.log");
    writeFileSync(path.join(folder, "000000000002.log"), Buffer.concat([last, Buffer.alloc(16)])); // zeros after it: a power cut

    const writer = openWriter();
    expect(readdirSync(folder).filter((name) => name.endsWith(".log"))).toEqual([]);
    await writer.append([row("typed after the upgrade", "ws-new")]);
    const rows = storedRows();
    expect(rows.map((stored) => [stored.workspaceId, stored.authorName])).toEqual([
      ["ws-old", "Zoë Ó Briain"],
      ["ws-old", "Zoë Ó Briain"],
      ["ws-other", "System"],
      ["ws-old", "Ada"],
      ["ws-new", "Ada"],
    ]);
    expect(textOf(rows.filter((stored) => stored.workspaceId === "ws-old"))).toBe("Carers told us they wait too long for a reply.");
    expect(textOf(rows.filter((stored) => stored.workspaceId === "ws-other"))).toBe("Zoë's plan");
    expect(rows[0]!.createdAt).toMatch(/^2\d{3}-\d\d-\d\dT.*\+00:00$/);
  });
});
