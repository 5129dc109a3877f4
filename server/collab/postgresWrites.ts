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
 * statement per row count with a VALUES list: the update bytes travel as binary parameters, as they are. A
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
/** APPEND_VALUES[n]: the statement for n rows (parameters: four per row, then the time they share). */
const APPEND_VALUES: Array<Omit<pg.QueryConfig, "values">> = Array.from({ length: VALUES_ROWS + 1 }, (_, n) => {
  const at = `$${4 * n + 1}::timestamp(3)`;
  const rows = Array.from({ length: n }, (_, i) => `($${4 * i + 1}, $${4 * i + 2}::bytea, $${4 * i + 3}, $${4 * i + 4}, ${at})`);
  return { name: `collab-append-updates-${n}`, text: `INSERT INTO "DocUpdate" (${COLUMNS}) VALUES ${rows.join(", ")}` };
});

const bytesOf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The statement and parameters that insert these rows. */
function appendQuery(rows: UpdateRow[], at: Date): pg.QueryConfig {
  if (rows.length <= VALUES_ROWS) {
    const values: unknown[] = new Array(4 * rows.length + 1);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      values[4 * i] = row.workspaceId;
      values[4 * i + 1] = bytesOf(row.data);
      values[4 * i + 2] = row.authorId;
      values[4 * i + 3] = row.authorName;
    }
    values[4 * rows.length] = at.toISOString();
    return { ...APPEND_VALUES[rows.length]!, values };
  }
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
  return { ...APPEND_UNNEST, values: [workspaceIds, data, authorIds, authorNames, at.toISOString()] };
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
      await client.query(appendQuery(rows, at));
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
