// The collaboration server's own PostgreSQL connections (node-postgres, not Prisma): the group commit's
// INSERT, and the reads of a document's stored rows. These run on every edit and every document load, and
// Prisma's engine and driver adapter spent more main-thread CPU per edit than the rest of the server
// (bench/collab.ts, ADR 017). Prisma keeps everything else, compaction's commit and the purge included.
import pg from "pg";
import type { UpdateRow } from "./core/storage";
import { sameBytes } from "./sqliteWrites";

export type StoredRows = { snapshot: { data: Uint8Array; stateVector: Uint8Array } | null; rows: Array<{ id: number; data: Uint8Array }> };

/**
 * One statement per group commit, whatever its size. Prepared once per connection (named), so PostgreSQL
 * parses and plans it once. Outside any transaction, it commits on its own: when it answers, the rows are
 * committed (and, with the default synchronous_commit, flushed), which is when the journal lets the edit be
 * broadcast.
 *
 * Up to VALUES_ROWS rows (the usual group commit: one edit, or the few that arrived in the same tick), one
 * statement per row count with a VALUES list, sent as one hand-written buffer (AppendStatement below, ADR 036):
 * the update bytes travel as binary parameters, as they are. A
 * larger group travels as five arrays that `unnest` turns back into rows: node-postgres writes an array
 * parameter as text, each update's bytes as hex, which cost main-thread CPU on every edit when it was used
 * for every group commit (bench/collab.ts, ADR 017).
 */
const VALUES_ROWS = 16;
const COLUMNS = `"workspaceId","data","authorId","authorName","createdAt"`;
const APPEND_UNNEST: Omit<pg.QueryConfig, "values"> = {
  name: "collab-append-updates",
  text: `INSERT INTO "DocUpdate" (${COLUMNS})
         SELECT w, d, a, n, $5::timestamp(3) FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[]) AS t(w, d, a, n)`,
};
/** APPEND_VALUES_TEXT[n]: the statement for n rows (parameters: four per row, then the time they share). */
const APPEND_VALUES_TEXT: string[] = Array.from({ length: VALUES_ROWS + 1 }, (_, n) => {
  const at = `$${4 * n + 1}::timestamp(3)`;
  const rows = Array.from({ length: n }, (_, i) => `($${4 * i + 1}, $${4 * i + 2}::bytea, $${4 * i + 3}, $${4 * i + 4}, ${at})`);
  return `INSERT INTO "DocUpdate" (${COLUMNS}) VALUES ${rows.join(", ")}`;
});

const bytesOf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The part of node-postgres's connection a custom query writes to (pg's `Submittable`; pg-cursor uses the same). */
type WireConnection = pg.Connection & { parsedStatements: Record<string, string | undefined> };

const SYNC_AND_EXECUTE = Buffer.from([
  // Execute: the unnamed portal, no row limit.
  0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0,
  // Sync: commit (the statement runs outside a transaction) and answer ReadyForQuery.
  0x53, 0, 0, 0, 4,
]);

/**
 * One group commit of up to VALUES_ROWS rows, written to PostgreSQL's socket as one buffer: Bind (the rows as
 * parameters, each update's bytes in binary format, as they are), Execute, Sync — plus Parse the first time
 * this connection sees the statement. A node-postgres `Submittable`: the client queues it, routes the server's
 * answers to the handlers below and keeps its own bookkeeping (a parsed statement is remembered per connection,
 * an error or a dropped connection reaches `handleError`). It skips what `client.query` builds for every
 * statement and an append never uses: a Query and Result object, parameter mapping through `prepareValue`,
 * a Describe message and its answer, one socket write per message, a rejection's stack capture. That was a
 * quarter of this process's CPU per commit (ADR 036).
 */
class AppendStatement implements pg.Submittable {
  readonly name: string;
  readonly text: string;
  private failure: Error | null = null;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  readonly done = new Promise<void>((resolve, reject) => {
    this.settle = { resolve, reject };
  });

  constructor(
    private readonly rows: UpdateRow[],
    private readonly at: string,
  ) {
    this.name = `collab-append-updates-${rows.length}`;
    this.text = APPEND_VALUES_TEXT[rows.length]!;
  }

  submit(connection: pg.Connection): void {
    const wire = connection as WireConnection;
    const bind = this.bindMessage();
    wire.stream.write(wire.parsedStatements[this.name] ? bind : Buffer.concat([parseMessage(this.name, this.text), bind]));
  }

  /** Bind: unnamed portal, this statement, a format code per parameter (1 = binary for the bytes), the values, no result formats. */
  private bindMessage(): Buffer {
    const rows = this.rows;
    const count = 4 * rows.length + 1;
    let size = 4 + 1 + Buffer.byteLength(this.name) + 1 + 2 + 2 * count + 2 + 4 * count + 2;
    for (const row of rows) size += Buffer.byteLength(row.workspaceId) + row.data.byteLength + textBytes(row.authorId) + textBytes(row.authorName);
    size += this.at.length;
    const out = Buffer.allocUnsafe(1 + size + SYNC_AND_EXECUTE.length);
    out[0] = 0x42;
    out.writeInt32BE(size, 1);
    let at = 5;
    out[at++] = 0;
    at += out.write(this.name, at);
    out[at++] = 0;
    at = out.writeInt16BE(count, at);
    for (let i = 0; i < rows.length; i++) {
      at = out.writeInt16BE(0, at);
      at = out.writeInt16BE(1, at);
      at = out.writeInt16BE(0, at);
      at = out.writeInt16BE(0, at);
    }
    at = out.writeInt16BE(0, at);
    at = out.writeInt16BE(count, at);
    for (const row of rows) {
      at = writeText(out, at, row.workspaceId);
      at = out.writeInt32BE(row.data.byteLength, at);
      out.set(row.data, at);
      at += row.data.byteLength;
      at = writeText(out, at, row.authorId);
      at = writeText(out, at, row.authorName);
    }
    at = writeText(out, at, this.at);
    at = out.writeInt16BE(0, at);
    SYNC_AND_EXECUTE.copy(out, at);
    return out;
  }

  handleError(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.failure) this.settle.resolve();
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  handleCopyInResponse(connection: { sendCopyFail(message: string): void }): void {
    connection.sendCopyFail("An append never copies");
  }
}

const textBytes = (value: string | null) => (value === null ? 0 : Buffer.byteLength(value));

/** A text parameter: its length and UTF-8 bytes, or -1 for NULL. */
function writeText(out: Buffer, at: number, value: string | null): number {
  if (value === null) return out.writeInt32BE(-1, at);
  const length = out.write(value, at + 4);
  out.writeInt32BE(length, at);
  return at + 4 + length;
}

/** Parse: a named statement, its text, no parameter types given (PostgreSQL infers them; the text casts). */
function parseMessage(name: string, text: string): Buffer {
  const size = 4 + Buffer.byteLength(name) + 1 + Buffer.byteLength(text) + 1 + 2;
  const out = Buffer.alloc(1 + size);
  out[0] = 0x50;
  out.writeInt32BE(size, 1);
  let at = 5 + out.write(name, 5);
  out[at++] = 0;
  at += out.write(text, at);
  out[at++] = 0;
  out.writeInt16BE(0, at);
  return out;
}

/** The statement and parameters that insert a larger group: five arrays that `unnest` turns back into rows. */
function appendUnnest(rows: UpdateRow[], at: string): pg.QueryConfig {
  const workspaceIds = new Array<string>(rows.length);
  const data = new Array<Buffer>(rows.length);
  const authorIds = new Array<string | null>(rows.length);
  const authorNames = new Array<string | null>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    workspaceIds[i] = row.workspaceId;
    data[i] = bytesOf(row.data);
    authorIds[i] = row.authorId;
    authorNames[i] = row.authorName;
  }
  return { ...APPEND_UNNEST, values: [workspaceIds, data, authorIds, authorNames, at] };
}

export class PostgresWrites {
  private readonly pool: pg.Pool;
  /** The connection appends run on: one write is in flight at a time (UpdateJournal), so one is enough. */
  private appender: Promise<pg.PoolClient> | null = null;

  constructor(readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000 });
    // An idle connection that drops (a restart, a test dropping its database) is replaced on next use.
    this.pool.on("error", () => undefined);
  }

  /** Inserts the rows in one committed statement. */
  async append(rows: UpdateRow[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    const client = await this.appendConnection();
    try {
      const when = at.toISOString();
      if (rows.length > VALUES_ROWS) await client.query(appendUnnest(rows, when));
      else {
        const statement = new AppendStatement(rows, when);
        client.query(statement);
        await statement.done;
      }
    } catch (error) {
      this.dropAppender(client, error as Error);
      throw error;
    }
  }

  /**
   * A document's snapshot and update rows, read in one REPEATABLE READ transaction so that a compaction
   * committing between the two reads cannot hide rows.
   */
  async read(workspaceId: string): Promise<StoredRows> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      // (Text results: node-postgres decodes binary results as UTF-8 text, which mangles bytea.)
      const snapshot = await client.query<{ data: Buffer; stateVector: Buffer }>({
        name: "collab-read-snapshot",
        text: `SELECT "data", "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = $1`,
        values: [workspaceId],
      });
      const rows = await client.query<{ id: number; data: Buffer }>({
        name: "collab-read-updates",
        text: `SELECT "id", "data" FROM "DocUpdate" WHERE "workspaceId" = $1 ORDER BY "id"`,
        values: [workspaceId],
      });
      await client.query("COMMIT");
      return { snapshot: snapshot.rows[0] ?? null, rows: rows.rows };
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      // A connection that failed mid-transaction is discarded rather than returned half-open.
      client.release(failure);
    }
  }

  /**
   * The end of a compaction (persistence.ts): if the stored snapshot is still the one that was read, replace
   * it and delete exactly the rows read, in one short transaction serialised per plan across instances by the
   * same advisory lock Prisma's purge takes; otherwise write nothing and answer false (another compaction
   * won). On a pool connection of its own, not the appender, so edits keep being committed meanwhile; and not
   * through Prisma, whose engine ran its five statements on the main thread, a stall every live edit of
   * every plan waited behind (bench/collab.ts: p99 on 50 plans x 4 people 41 ms with compaction, 9 without).
   */
  async commitCompaction(commit: { workspaceId: string; expectedStateVector: Uint8Array | null; data: Uint8Array; stateVector: Uint8Array; rowIds: number[] }, at: Date): Promise<boolean> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query("BEGIN");
      await client.query({ name: "collab-compaction-lock", text: "SELECT pg_advisory_xact_lock(hashtext($1))", values: [`compaction:${commit.workspaceId}`] });
      const current = await client.query<{ stateVector: Buffer }>({
        name: "collab-compaction-snapshot",
        text: `SELECT "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = $1`,
        values: [commit.workspaceId],
      });
      const stored = current.rows[0]?.stateVector ?? null;
      if (!sameBytes(stored, commit.expectedStateVector)) {
        await client.query("ROLLBACK");
        return false;
      }
      await client.query({
        name: "collab-compaction-upsert",
        text: `INSERT INTO "DocSnapshot" ("workspaceId", "data", "stateVector", "updatedAt") VALUES ($1, $2::bytea, $3::bytea, $4::timestamp(3))
               ON CONFLICT ("workspaceId") DO UPDATE SET "data" = EXCLUDED."data", "stateVector" = EXCLUDED."stateVector", "updatedAt" = EXCLUDED."updatedAt"`,
        values: [commit.workspaceId, bytesOf(commit.data), bytesOf(commit.stateVector), at.toISOString()],
      });
      await client.query({
        name: "collab-compaction-delete",
        text: `DELETE FROM "DocUpdate" WHERE "workspaceId" = $1 AND "id" = ANY($2::int[])`,
        values: [commit.workspaceId, commit.rowIds],
      });
      await client.query("COMMIT");
      return true;
    } catch (error) {
      failure = error as Error;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async close(): Promise<void> {
    const appender = this.appender;
    this.appender = null;
    if (appender) await appender.then((client) => client.release(), () => undefined);
    await this.pool.end();
  }

  private appendConnection(): Promise<pg.PoolClient> {
    if (!this.appender) {
      const connecting = this.pool.connect().then((client) => {
        client.on("error", (error) => this.dropAppender(client, error));
        return client;
      });
      connecting.catch(() => {
        if (this.appender === connecting) this.appender = null;
      });
      this.appender = connecting;
    }
    return this.appender;
  }

  private dropAppender(client: pg.PoolClient, error: Error): void {
    const current = this.appender;
    this.appender = null;
    void current?.then((held) => {
      if (held === client) client.release(error);
    }, () => undefined);
  }
}

let current: PostgresWrites | null = null;

/** The collaboration server's connections to the PostgreSQL database the process uses (reopened if that changes). */
export function postgresWritesFor(url: string): PostgresWrites {
  if (current?.url !== url) {
    void current?.close().catch(() => undefined);
    current = new PostgresWrites(url);
  }
  return current;
}

/** Closes them (graceful shutdown; the next use opens new ones). */
export async function closePostgresWrites(): Promise<void> {
  const closing = current;
  current = null;
  await closing?.close();
}
