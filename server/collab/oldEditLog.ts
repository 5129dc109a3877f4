// What ADR 008's edit log may have left beside a SQLite database: segment files in `<database>.edits/` that
// a server of that version wrote but had not yet moved into DocUpdate when it stopped (killed, crashed, or
// upgraded mid-move). Nothing writes them any more (ADR 032); at start-up, before any document is served,
// their rows are moved into DocUpdate in the order they were written, and the segments deleted.
//
// A record is [u32 payload length][u32 CRC-32 of the payload][workspace id][author id][author name][time]
// [update], texts as u16 byte length (0xffff: none) + UTF-8, time as a float64 of milliseconds. A segment
// whose tail a power cut damaged (torn, or zeros) is read up to its last complete record: each record's
// length, fields and CRC-32 are checked, and decoding never reads past a record's own bytes.
import { closeSync, fdatasyncSync, openSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { openSqliteWrites, type DatedRow } from "./sqliteWrites";

const HEADER_BYTES = 8;
const SMALLEST_PAYLOAD = 3 * 2 + 8; // three empty texts and the time (an empty payload's CRC is 0: zeros pass it)
const NO_TEXT = 0xffff;
const SEGMENT = /^\d{12}\.log$/;

/**
 * The rows of a segment, in the order they were written, up to the first record that is incomplete or
 * fails its CRC: `validBytes` says where that was.
 */
export function decodeRecords(bytes: Buffer): { rows: DatedRow[]; validBytes: number } {
  const rows: DatedRow[] = [];
  let offset = 0;
  for (;;) {
    const record = decodeRecordAt(bytes, offset);
    if (!record) return { rows, validBytes: offset };
    rows.push(record.row);
    offset = record.end;
  }
}

/** The record at `offset`, or null where there is none whole and intact; never reads past its own bytes. */
function decodeRecordAt(bytes: Buffer, offset: number): { row: DatedRow; end: number } | null {
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

/**
 * Moves every segment in `folder` into the database's DocUpdate, oldest first: a segment's rows in one
 * transaction, the WAL synced (they survive a power cut), then the segment deleted. A crash before the
 * delete moves those rows again at the next start; applying a Yjs update twice changes nothing, and
 * compaction folds the duplicate away. Synchronous: it runs once, before anything is served. Returns how
 * many rows moved.
 */
export function moveOldEditLog(databaseFile: string, folder: string): number {
  const segments = readdirSync(folder).filter((name) => SEGMENT.test(name)).sort();
  if (segments.length === 0) return 0;
  const writes = openSqliteWrites(databaseFile);
  let moved = 0;
  try {
    for (const name of segments) {
      const segment = path.join(folder, name);
      const { rows } = decodeRecords(readFileSync(segment));
      if (rows.length > 0) {
        writes.append(rows);
        syncFile(`${databaseFile}-wal`);
      }
      unlinkSync(segment);
      moved += rows.length;
    }
  } finally {
    writes.close();
  }
  return moved;
}

function syncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
