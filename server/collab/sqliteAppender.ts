// The hot path on SQLite: one synchronous INSERT transaction per group commit through a prepared
// better-sqlite3 statement on a connection of its own, instead of an async round trip through Prisma's
// query engine (edit-to-peer p50 2.6 → 2.1 ms in bench/collab.ts). Same table and durability (WAL, SQLite's
// default synchronous=FULL); readers and compaction keep using Prisma, and SQLite serialises the two
// writers with its busy timeout.
import Database from "better-sqlite3";
import { databaseUrl } from "~/models/db.server";
import type { UpdateRow } from "./persistence";

type Appender = { url: string; append(rows: UpdateRow[]): void; close(): void };

let current: Appender | null = null;

function open(url: string): Appender {
  const sqlite = new Database(url.slice("file:".length));
  sqlite.pragma("busy_timeout = 10000");
  const insert = sqlite.prepare(`INSERT INTO "DocUpdate" ("workspaceId","data","authorId","authorName","createdAt") VALUES (?, ?, ?, ?, ?)`);
  const appendAll = sqlite.transaction((rows: UpdateRow[], at: string) => {
    for (const row of rows) insert.run(row.workspaceId, Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength), row.authorId, row.authorName, at);
  });
  // Prisma stores SQLite DateTime as ISO text with an explicit offset; keep the rows readable by it.
  return { url, append: (rows) => appendAll(rows, new Date().toISOString().replace("Z", "+00:00")), close: () => sqlite.close() };
}

/** The appender for the database the process is connected to (reopened if that changes, as in tests). */
export function sqliteAppender(): { append(rows: UpdateRow[]): Promise<void> } {
  const url = databaseUrl();
  if (current?.url !== url) {
    current?.close();
    current = open(url);
  }
  const appender = current;
  return { append: async (rows) => appender.append(rows) };
}
