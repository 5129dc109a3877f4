// On SQLite, live edits are first written to an append-only file beside the database: one `write` system
// call per group commit, on the main thread. Every ~100 ms that file is sealed and the compaction worker
// thread moves its rows into DocUpdate (one transaction, then a sync of the database's WAL) and deletes it.
// A committed SQLite insert on the main thread cost 12 system calls, 25-90 µs per edit, and was the whole
// difference between our slowest edits and the reference server's (ADR 003, ADR 008).
//
// A write that has returned is in the kernel's page cache: it survives kill -9 of this process. Rows reach
// the disk itself when the worker syncs DocUpdate's WAL after moving them (normally within a fraction of a
// second). Anything a crash leaves in this folder is moved into DocUpdate before the next start-up serves a
// document. Only one process may write a database's edit log; the second is refused with a clear message.
import { close, closeSync, fdatasync, fdatasyncSync, ftruncateSync, open, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import Database from "better-sqlite3";
import { log } from "../log";
import type { UpdateRow } from "./core/storage";

/** A row read back from a segment, with the time it was written. */
export type LoggedRow = UpdateRow & { createdAt: Date };

/** How long appended rows wait before their segment is sealed and moved into DocUpdate. */
export const MOVE_AFTER_MS = 100;

const HEADER_BYTES = 8; // u32 payload length, u32 CRC-32 of the payload
const SMALLEST_PAYLOAD = 3 * 2 + 8; // three empty texts and the time (an empty payload's CRC is 0: zeros pass it)
const NO_TEXT = 0xffff;
const SEGMENT = /^(\d{12})\.log$/;

/** The folder that holds a database file's edit log. */
export const editLogFolderOf = (databaseFile: string) => `${databaseFile}.edits`;

function textBytes(text: string | null): Buffer | null {
  if (text === null) return null;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.byteLength >= NO_TEXT) throw new Error("A workspace id or author in an edit is too long to store.");
  return bytes;
}

/** Encodes rows as records: [length][CRC-32][workspace id][author id][author name][time][update]. */
export function encodeRecords(rows: UpdateRow[], at: number): Buffer {
  const parts: Buffer[] = [];
  for (const row of rows) {
    const texts = [textBytes(row.workspaceId), textBytes(row.authorId), textBytes(row.authorName)];
    const payloadBytes = texts.reduce((sum, text) => sum + 2 + (text?.byteLength ?? 0), 0) + 8 + row.data.byteLength;
    const record = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes);
    let offset = HEADER_BYTES;
    for (const text of texts) {
      offset = record.writeUInt16LE(text?.byteLength ?? NO_TEXT, offset);
      if (text) offset += text.copy(record, offset);
    }
    offset = record.writeDoubleLE(at, offset);
    record.set(row.data, offset);
    record.writeUInt32LE(payloadBytes, 0);
    record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
    parts.push(record);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * The rows of a segment, in the order they were written, up to the first record that is incomplete or
 * fails its CRC (the tail of a write a power cut interrupted): `validBytes` says where that was.
 */
export function decodeRecords(bytes: Buffer): { rows: LoggedRow[]; validBytes: number } {
  const rows: LoggedRow[] = [];
  let offset = 0;
  for (;;) {
    const row = decodeRecordAt(bytes, offset);
    if (!row) return { rows, validBytes: offset };
    rows.push(row.row);
    offset = row.end;
  }
}

/** The record at `offset`, or null where there is none whole and intact; never reads past its own bytes. */
function decodeRecordAt(bytes: Buffer, offset: number): { row: LoggedRow; end: number } | null {
  if (offset + HEADER_BYTES > bytes.byteLength) return null;
  const length = bytes.readUInt32LE(offset);
  const end = offset + HEADER_BYTES + length;
  if (length < SMALLEST_PAYLOAD || end > bytes.byteLength) return null;
  if (crc32(bytes.subarray(offset + HEADER_BYTES, end)) !== bytes.readUInt32LE(offset + 4)) return null;
  let at = offset + HEADER_BYTES;
  const text = (): string | null | undefined => {
    if (at + 2 > end) return undefined;
    const size = bytes.readUInt16LE(at);
    at += 2;
    if (size === NO_TEXT) return null;
    if (at + size > end) return undefined;
    at += size;
    return bytes.toString("utf8", at - size, at);
  };
  const workspaceId = text();
  const authorId = text();
  const authorName = text();
  if (!workspaceId || authorId === undefined || authorName === undefined || at + 8 > end) return null;
  const createdAt = new Date(bytes.readDoubleLE(at));
  at += 8;
  return { row: { workspaceId, authorId, authorName, createdAt, data: new Uint8Array(bytes.subarray(at, end)) }, end };
}

/** Reads a sealed segment file (see decodeRecords for a damaged tail). */
export function readSegment(file: string): LoggedRow[] {
  try {
    return decodeRecords(readFileSync(file)).rows;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return []; // moved and deleted already
    throw error;
  }
}

/** Moves one sealed segment's rows into DocUpdate, durably, and deletes the segment (see mergeState.ts). */
export type MoveSegment = (segment: string) => Promise<number>;

export class EditLog {
  private readonly folder: string;
  private readonly lock: Database.Database;
  private nextNumber = 1;
  private fd: number | null = null;
  private segment = "";
  private size = 0;
  private moveTimer: NodeJS.Timeout | null = null;
  /** Sealed segments not yet moved (in order), and the move in progress. */
  private readonly waiting: string[] = [];
  private moving: Promise<void> | null = null;
  private lastFailure: Error | null = null;
  private closed = false;

  constructor(
    databaseFile: string,
    private readonly move: MoveSegment,
  ) {
    this.folder = editLogFolderOf(databaseFile);
    mkdirSync(this.folder, { recursive: true });
    this.lock = holdWriterLock(path.join(this.folder, "writer.lock"), databaseFile);
    // What an earlier process left (it crashed or was killed): moved before anything this one writes.
    let left: string[];
    try {
      left = readdirSync(this.folder).filter((name) => SEGMENT.test(name)).sort();
    } catch (error) {
      this.lock.close();
      throw error;
    }
    for (const name of left) this.waiting.push(path.join(this.folder, name));
    if (left.length > 0) this.nextNumber = Number(SEGMENT.exec(left.at(-1)!)![1]) + 1;
  }

  /** Writes the rows; when this returns they survive kill -9 of this process. Throws if the write failed. */
  append(rows: UpdateRow[]): void {
    if (this.closed) throw new Error("The edit log is closed (the server is shutting down).");
    const bytes = encodeRecords(rows, Date.now());
    if (this.fd === null) this.startSegment();
    try {
      for (let written = 0; written < bytes.byteLength; ) written += writeSync(this.fd!, bytes, written);
    } catch (error) {
      // Cut off whatever part of this write landed, so the segment stays readable, and start a new one.
      try {
        ftruncateSync(this.fd!, this.size);
      } catch {
        // the segment is still read only up to its last complete record
      }
      this.seal();
      throw error;
    }
    this.size += bytes.byteLength;
    if (!this.moveTimer) {
      this.moveTimer = setTimeout(() => this.seal(), MOVE_AFTER_MS);
      this.moveTimer.unref(); // shutdown moves what is left (close)
    }
  }

  /**
   * Resolves when every row appended so far is in DocUpdate (loads read DocUpdate). Rejects if a segment
   * could not be moved; it is tried again at the next flush or seal.
   */
  async flush(): Promise<void> {
    this.seal();
    // Segments sealed after this call do not hold it up: under steady edits there always is a newer one.
    const last = this.waiting.at(-1);
    if (last === undefined) return;
    this.startMoving(); // a segment whose move failed is tried again now
    while (this.waiting.includes(last)) {
      if (!this.moving) throw this.lastFailure ?? new Error("Saved edits could not be moved into the database.");
      await this.moving;
    }
  }

  /** Moves everything written and releases the folder to the next process (graceful shutdown). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      if (this.moveTimer) clearTimeout(this.moveTimer);
      this.lock.close();
    }
  }

  private startSegment(): void {
    this.segment = path.join(this.folder, `${String(this.nextNumber++).padStart(12, "0")}.log`);
    this.fd = openSync(this.segment, "wx");
    this.size = 0;
  }

  /** Closes the segment being written and queues it to be moved. */
  private seal(): void {
    if (this.moveTimer) clearTimeout(this.moveTimer);
    this.moveTimer = null;
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // its bytes are in the page cache whatever close says
    }
    this.waiting.push(this.segment);
    if (this.lastFailure) syncInBackground(this.segment); // it may wait a while: make it survive a power cut
    this.startMoving();
  }

  /** One move at a time, in the order the segments were written. */
  private startMoving(): void {
    if (this.moving || this.waiting.length === 0) return;
    const next = this.waiting[0]!;
    this.moving = this.move(next).then(
      () => {
        this.waiting.shift();
        this.lastFailure = null;
        this.moving = null;
        this.startMoving();
      },
      (error: Error) => {
        // Left in place: retried at the next seal or flush, and at the next start if this process stops.
        this.lastFailure = error;
        this.moving = null;
        log.error("collab: moving saved edits into the database failed; will retry", { segment: next, error: error.message });
        // While they wait, the segments must survive a power cut on their own.
        for (const segment of this.waiting) syncInBackground(segment);
      },
    );
  }
}

/**
 * A lock only one process can hold: SQLite's exclusive lock on a small file of its own, released by the
 * operating system however the process ends (kill -9 included).
 */
function holdWriterLock(file: string, databaseFile: string): Database.Database {
  const lock = new Database(file, { timeout: 0 }); // a held lock fails at once rather than stall the thread
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE; COMMIT;");
    return lock;
  } catch (error) {
    lock.close();
    const busy = String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");
    if (!busy) throw error;
    throw new Error(
      `Another server process is already saving live edits for ${databaseFile}. Stop it first; to run several app instances, use PostgreSQL (DATABASE_URL=postgresql://…) with REDIS_URL.`,
    );
  }
}

/** Syncs a file to disk on libuv's thread pool, off the main thread (best effort: the file stays either way). */
function syncInBackground(file: string): void {
  open(file, "r+", (error, fd) => {
    if (error) return;
    fdatasync(fd, () => close(fd, () => undefined));
  });
}

/** Syncs a file to disk by path (the database's WAL after a move). */
export function syncFileAt(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes a moved segment (a missing one was already deleted). */
export function deleteSegment(segment: string): void {
  try {
    unlinkSync(segment);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
