// The SQLite edit log: an edit is in a file as soon as it is appended (it survives the server being
// killed), then moved into DocUpdate in order; a damaged tail, a failed move and a second server process
// each end in a clear, safe state.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../server/migrate";
import { decodeRecords, EditLog, editLogFolderOf, encodeRecords, MOVE_AFTER_MS, readSegment, type MoveSegment } from "../../../server/collab/editLog";
import { moveSegmentIntoDatabase } from "../../../server/collab/sqliteCompaction";

let dir: string;
let file: string;
const opened: EditLog[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "poet-edit-log-"));
  file = path.join(dir, "test.db");
  await migrateDatabase(`file:${file}`);
});

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const row = (text: string, workspaceId = "ws-1") => ({ workspaceId, data: new TextEncoder().encode(text), authorId: "u1", authorName: "Ada" });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storedRows(): Array<{ workspaceId: string; text: string; authorName: string | null; createdAt: string }> {
  const reader = new Database(file, { readonly: true });
  try {
    const rows = reader.prepare(`SELECT "workspaceId", "data", "authorName", "createdAt" FROM "DocUpdate" ORDER BY "id"`).all() as Array<{ workspaceId: string; data: Buffer; authorName: string | null; createdAt: string }>;
    return rows.map(({ data, ...rest }) => ({ ...rest, text: data.toString() }));
  } finally {
    reader.close();
  }
}
const storedTexts = () => storedRows().map((stored) => stored.text);
const segments = () => readdirSync(editLogFolderOf(file)).filter((name) => name.endsWith(".log"));

function openLog(move: MoveSegment = (segment) => Promise.resolve(moveSegmentIntoDatabase(file, segment))): EditLog {
  const log = new EditLog(file, move);
  opened.push(log);
  return log;
}

describe("edit-log records", () => {
  it("read back exactly what was written, authors and time included", () => {
    const at = Date.parse("2026-12-01T10:00:00.000Z");
    const rows = [row("Café notes ✓", "ws-é"), { workspaceId: "ws-2", data: new Uint8Array([0, 255, 7]), authorId: null, authorName: null }];
    const decoded = decodeRecords(encodeRecords(rows, at));
    expect(decoded.rows).toEqual(rows.map((written) => ({ ...written, data: new Uint8Array(written.data), createdAt: new Date(at) })));
  });

  it("stop at a record cut short or damaged (a power cut mid-write), keeping every complete one before it", () => {
    const whole = encodeRecords([row("one"), row("two"), row("three")], Date.now());
    const oneRecord = encodeRecords([row("one")], Date.now()).byteLength;
    const cut = decodeRecords(whole.subarray(0, whole.byteLength - 3));
    expect(cut.rows.map((read) => Buffer.from(read.data).toString())).toEqual(["one", "two"]);
    expect(cut.validBytes).toBe(2 * oneRecord);

    const damaged = Buffer.from(whole);
    damaged[oneRecord + 12] ^= 0xff; // a byte inside the second record
    expect(decodeRecords(damaged).rows.map((read) => Buffer.from(read.data).toString())).toEqual(["one"]);
  });

  it("stop, without throwing, at zeros a power cut left at the end, at records too short to be ours, and in random bytes", () => {
    const good = encodeRecords([row("kept")], Date.now());
    for (let zeros = 1; zeros <= 64; zeros++) {
      const read = decodeRecords(Buffer.concat([good, Buffer.alloc(zeros)]));
      expect(read.rows.map((kept) => Buffer.from(kept.data).toString())).toEqual(["kept"]);
      expect(read.validBytes).toBe(good.byteLength);
    }
    // A record whose CRC is right but whose fields run past its end (length 4, payload four 0xff bytes).
    const short = Buffer.from([4, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    short.writeUInt32LE(crc32(short.subarray(8)), 4);
    expect(decodeRecords(Buffer.concat([good, short])).validBytes).toBe(good.byteLength);

    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    for (let i = 0; i < 500; i++) {
      const noise = Buffer.from(Array.from({ length: 1 + (i % 97) }, random));
      expect(decodeRecords(Buffer.concat([good, noise])).rows.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("the edit log", () => {
  it("has an edit in a file the moment append returns, and moves it into DocUpdate shortly after, in order", async () => {
    const log = openLog();
    log.append([row("first")]);
    log.append([row("second"), row("third")]);
    // Written, not yet moved: the file holds it (so kill -9 now loses nothing), DocUpdate does not yet.
    expect(segments()).toHaveLength(1);
    expect(readSegment(path.join(editLogFolderOf(file), segments()[0]!)).map((read) => Buffer.from(read.data).toString())).toEqual(["first", "second", "third"]);
    expect(storedTexts()).toEqual([]);

    await wait(MOVE_AFTER_MS * 3);
    expect(storedTexts()).toEqual(["first", "second", "third"]);
    expect(storedRows()[0]).toMatchObject({ workspaceId: "ws-1", authorName: "Ada", createdAt: expect.stringMatching(/^2\d{3}-\d\d-\d\dT.*\+00:00$/) });
    expect(segments()).toEqual([]); // moved, then deleted

    log.append([row("fourth")]);
    await log.flush(); // what a load waits for: no timer needed
    expect(storedTexts()).toEqual(["first", "second", "third", "fourth"]);
  });

  it("keeps a segment whose move failed, retries it at the next flush, and loses nothing", async () => {
    let failures = 1;
    const log = openLog((segment) => (failures-- > 0 ? Promise.reject(new Error("database is locked")) : Promise.resolve(moveSegmentIntoDatabase(file, segment))));
    log.append([row("typed while the database was locked")]);
    await expect(log.flush()).rejects.toThrow("database is locked");
    expect(segments()).toHaveLength(1);
    expect(storedTexts()).toEqual([]);

    log.append([row("typed after")]);
    await log.flush();
    expect(storedTexts()).toEqual(["typed while the database was locked", "typed after"]);
    expect(segments()).toEqual([]);
  });

  it("lets a flush (a load) wait only for what was written before it, not for edits that keep arriving", async () => {
    const release: Array<() => void> = [];
    const log = openLog((segment) => new Promise((resolve) => release.push(() => resolve(moveSegmentIntoDatabase(file, segment)))));
    log.append([row("before the plan was opened")]);
    const flushed = log.flush();
    log.append([row("typed while it opened")]);
    await wait(MOVE_AFTER_MS * 2); // that second segment is sealed and queued behind the first
    release.shift()!();
    await flushed; // resolves although the second segment's move has not finished
    expect(storedTexts()).toEqual(["before the plan was opened"]);
    await wait(10);
    release.shift()!();
    await log.flush();
    expect(storedTexts()).toEqual(["before the plan was opened", "typed while it opened"]);
  });

  it("refuses a second writer for the same database with a message saying what to do", () => {
    openLog();
    expect(() => new EditLog(file, () => Promise.resolve(0))).toThrow(/Another server process is already saving live edits .* use PostgreSQL/);
  });

  it("moves what an earlier process left (a damaged tail cut off) before anything it writes itself", async () => {
    const folder = editLogFolderOf(file);
    mkdirSync(folder, { recursive: true });
    const left = encodeRecords([row("left by a crashed server"), row("cut short by a power cut")], Date.now());
    writeFileSync(path.join(folder, "000000000007.log"), left.subarray(0, left.byteLength - 5));

    const log = openLog();
    log.append([row("typed after the restart")]);
    await log.flush();
    expect(storedTexts()).toEqual(["left by a crashed server", "typed after the restart"]);
    expect(segments()).toEqual([]);
  });

  it("after close, the next process takes over; close moved everything first", async () => {
    const first = openLog();
    first.append([row("before the restart")]);
    await first.close();
    expect(storedTexts()).toEqual(["before the restart"]);
    expect(() => first.append([row("too late")])).toThrow(/closed/);

    const second = openLog();
    second.append([row("after the restart")]);
    await second.flush();
    expect(storedTexts()).toEqual(["before the restart", "after the restart"]);
  });
});
