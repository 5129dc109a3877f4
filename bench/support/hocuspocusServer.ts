// Hocuspocus 4 (@hocuspocus/server) with its storage extension, for side-by-side figures:
//   HOCUSPOCUS_STORAGE=sqlite      @hocuspocus/extension-sqlite on a file (HOCUSPOCUS_SQLITE_FILE)
//   HOCUSPOCUS_STORAGE=postgresql  @hocuspocus/extension-database on PostgreSQL through `pg` (HOCUSPOCUS_PG_URL)
// Configured as its documentation suggests for production: broadcast at once, store the whole document
// (Y.encodeStateAsUpdate) in one row per document, debounced (2 s after the last change, at most every 10 s).
// Prints {"port":N}; "memory" / "cpu" on stdin print memory and CPU use (tests/support/collab/childProtocol.ts).
import { Database } from "@hocuspocus/extension-database";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";
import pg from "pg";
import { serveToParent } from "../../tests/support/collab/childProtocol";

const storage = process.env.HOCUSPOCUS_STORAGE ?? "sqlite";

async function postgresExtension(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query(`CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) PRIMARY KEY, "data" bytea NOT NULL)`);
  return new Database({
    fetch: async ({ documentName }) => {
      const result = await pool.query<{ data: Buffer }>(`SELECT data FROM "documents" WHERE name = $1`, [documentName]);
      return result.rows[0]?.data ?? null;
    },
    store: async ({ documentName, state }) => {
      await pool.query(`INSERT INTO "documents" ("name", "data") VALUES ($1, $2) ON CONFLICT ("name") DO UPDATE SET data = EXCLUDED.data`, [documentName, state]);
    },
  });
}

const extension =
  storage === "postgresql"
    ? await postgresExtension(process.env.HOCUSPOCUS_PG_URL ?? "")
    : new SQLite({ database: process.env.HOCUSPOCUS_SQLITE_FILE ?? "" });

const server = new Server({ quiet: true, extensions: [extension], debounce: 2000, maxDebounce: 10_000 });
serveToParent(server.httpServer, () => server.hocuspocus.getDocumentsCount());
process.on("SIGTERM", async () => {
  await server.destroy();
  process.exit(0);
});
