// One Prisma client per process, shared by the Remix build and the Node server (which load this
// module separately) through a global slot. DATABASE_URL's scheme picks the provider.
import type { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client";

export type Db = SqliteClient;
export type DatabaseProvider = "sqlite" | "postgresql";

type Connection = { db: Db; provider: DatabaseProvider; url: string };
const slot = Symbol.for("poet-action-planner.database");
type GlobalWithDb = typeof globalThis & { [slot]?: Connection };

export function providerOf(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Opens the database named by url and makes it the process-wide client. */
export async function connectDatabase(url: string): Promise<Db> {
  const holder = globalThis as GlobalWithDb;
  if (holder[slot]) {
    if (holder[slot].url === url) return holder[slot].db;
    await holder[slot].db.$disconnect();
  }
  const provider = providerOf(url);
  let client: Db;
  if (provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import("~/generated/prisma-sqlite/client"),
      import("@prisma/adapter-better-sqlite3"),
    ]);
    client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  } else {
    const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
      import("~/generated/prisma-postgresql/client"),
      import("@prisma/adapter-pg"),
    ]);
    // The two generated clients share one model API; the SQLite type stands for both.
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  holder[slot] = { db: client, provider, url };
  return client;
}

/** The process-wide client; connectDatabase must have run first. */
export function db(): Db {
  const connection = (globalThis as GlobalWithDb)[slot];
  if (!connection) throw new Error("The database is not connected yet (connectDatabase was not called).");
  return connection.db;
}

export function databaseProvider(): DatabaseProvider {
  const connection = (globalThis as GlobalWithDb)[slot];
  if (!connection) throw new Error("The database is not connected yet.");
  return connection.provider;
}

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type TxOptions = Parameters<Db["$transaction"]>[1];

/**
 * An interactive transaction that writes. On SQLite a transaction starts as a reader, and one that reads and
 * then writes fails at once with "database is locked" if another connection (the live-edit writer) committed
 * in between: SQLite cannot upgrade a stale snapshot, and the busy timeout does not apply. So on SQLite the
 * first statement takes the write lock (a write that changes nothing), which waits its turn under the busy
 * timeout instead. On PostgreSQL it is a plain transaction.
 */
export function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
  const sqlite = databaseProvider() === "sqlite";
  return db().$transaction(async (tx) => {
    if (sqlite) await tx.$executeRawUnsafe('UPDATE "Organisation" SET "id" = "id" WHERE 0');
    return fn(tx);
  }, options);
}

export async function disconnectDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  const connection = holder[slot];
  delete holder[slot];
  await connection?.db.$disconnect();
}

/** A real round trip to the database, for /healthz. */
export async function pingDatabase(): Promise<void> {
  await db().$queryRawUnsafe("SELECT 1");
}

/** The URL the process-wide client was opened with (the collaboration server's fast SQLite appender uses it). */
export function databaseUrl(): string {
  const connection = (globalThis as GlobalWithDb)[slot];
  if (!connection) throw new Error("The database is not connected yet.");
  return connection.url;
}
