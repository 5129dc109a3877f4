// The collaboration server's SQLite appends: committed at once (an edit survives the server process being
// killed), and the write-ahead log holding them synced to disk soon after, off the edit's path, so a power
// cut can undo at most the last moment of work.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../server/migrate";
import { openSqliteWrites, type SqliteWrites, type SyncFile } from "../../../server/collab/sqliteWrites";

let dir: string;
let file: string;
const opened: SqliteWrites[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "poet-sqlite-writes-"));
  file = path.join(dir, "test.db");
  await migrateDatabase(`file:${file}`);
});

afterEach(() => {
  for (const writes of opened.splice(0)) writes.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (text: string) => ({ workspaceId: "ws-1", data: new TextEncoder().encode(text), authorId: "u1", authorName: "Ada" });
function storedRows(): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return (reader.prepare(`SELECT "data" FROM "DocUpdate" ORDER BY "id"`).pluck().all() as Buffer[]).map((data) => data.toString());
  } finally {
    reader.close();
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SQLite appends on the main thread", () => {
  it("commits an append at once and syncs the write-ahead log within the window, once for a burst", async () => {
    const held: Array<() => void> = [];
    const syncFile: SyncFile = (_fd, done) => held.push(() => done(null));
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true, syncWalWithinMs: 30, syncFile });
    opened.push(writes);

    writes.append([row("first edit")]);
    writes.append([row("second edit")]);
    expect(storedRows()).toEqual(["first edit", "second edit"]); // committed: another connection reads them
    expect(held).toHaveLength(0); // no fsync on the edit's path
    await wait(80);
    expect(held).toHaveLength(1); // one sync for both, within the window
    held[0]!();

    writes.append([row("third edit")]);
    await wait(80);
    expect(held).toHaveLength(2); // a later edit gets a sync of its own
  });

  it("reports a failed sync and tries again after the next append", async () => {
    const errors: string[] = [];
    let calls = 0;
    const syncFile: SyncFile = (_fd, done) => (++calls === 1 ? done(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" })) : done(null));
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true, syncWalWithinMs: 10, syncFile, onSyncError: (error) => errors.push(error.message) });
    opened.push(writes);
    writes.append([row("one")]);
    await wait(50);
    expect(errors).toEqual(["EIO: i/o error, fdatasync"]);
    writes.append([row("two")]);
    await wait(50);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(storedRows()).toEqual(["one", "two"]); // nothing stored was lost to the failed sync
  });

  it("closing with appends still waiting for their sync syncs them at once; with none waiting, it does not", async () => {
    const synced: number[] = [];
    const options = { checkpointsElsewhere: true, syncWalWithinMs: 60_000, syncFile: () => undefined, syncFileNow: (fd: number) => synced.push(fd) };
    const idle = openSqliteWrites(file, options);
    idle.close();
    expect(synced).toHaveLength(0);

    const writes = openSqliteWrites(file, options);
    writes.append([row("typed just before the server stopped")]);
    writes.close();
    expect(synced).toHaveLength(1);
    expect(storedRows()).toEqual(["typed just before the server stopped"]);
  });

  it("with the real fdatasync, every append is stored in order", async () => {
    const errors: string[] = [];
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true, syncWalWithinMs: 5, onSyncError: (error) => errors.push(error.message) });
    opened.push(writes);
    for (const text of ["one", "two", "three"]) {
      writes.append([row(text)]);
      await wait(15);
    }
    writes.append([row("four"), row("five")]);
    await wait(15);
    expect(storedRows()).toEqual(["one", "two", "three", "four", "five"]);
    expect(errors).toEqual([]);
  });
});

describe("an append that finds the write lock taken", () => {
  /** Another connection (the compaction worker's, or Prisma's) holding the write lock until `release`. */
  function holdWriteLock(): { release: () => void } {
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "DocUpdate" ("workspaceId","data","createdAt") VALUES ('ws-1', x'00', '2026-12-01T00:00:00.000+00:00')`).run();
    return {
      release: () => {
        other.exec("ROLLBACK");
        other.close();
      },
    };
  }

  it("waits off the main thread, so other sockets are served meanwhile, and lands once the lock is free", async () => {
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true, retryWhenLocked: true });
    opened.push(writes);
    const lock = holdWriteLock();
    let landed = false;
    const appended = writes.append([row("typed while a compaction committed")]).then(() => (landed = true));

    // The thread is free: timers run while the append waits (SQLite's own busy wait would sleep right here).
    await wait(20);
    expect(landed).toBe(false);
    expect(storedRows()).toEqual([]);

    lock.release();
    await appended;
    expect(storedRows()).toEqual(["typed while a compaction committed"]);
  });

  it("fails with SQLite's own error when the lock is held past the wait, and stores nothing half-done", async () => {
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true, retryWhenLocked: true, lockWaitMs: 60 });
    opened.push(writes);
    const lock = holdWriteLock();
    try {
      await expect(writes.append([row("a"), row("b")])).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    } finally {
      lock.release();
    }
    expect(storedRows()).toEqual([]);
    await writes.append([row("after the lock was released")]);
    expect(storedRows()).toEqual(["after the lock was released"]);
  });
});
