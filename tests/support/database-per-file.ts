// Gives every integration test file its own migrated database, connected as the app's client.
// TEST_DATABASE_URL names it for tests that start server processes of their own.
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../../server/migrate";
import { createPgDatabase, dropPgDatabase, pgUrl, sqliteTestUrl } from "./test-databases";

let cleanup: () => Promise<void> | void = () => undefined;

beforeAll(async () => {
  let url: string;
  if (process.env.TEST_DB_PROVIDER === "postgresql") {
    const name = await createPgDatabase(inject("pgTemplate") ?? undefined);
    url = pgUrl(name);
    cleanup = () => dropPgDatabase(name);
  } else {
    const sqlite = sqliteTestUrl();
    url = sqlite.url;
    await migrateDatabase(url);
    cleanup = sqlite.cleanup;
  }
  process.env.TEST_DATABASE_URL = url;
  await connectDatabase(url);
});

afterAll(async () => {
  await disconnectDatabase();
  await cleanup();
});
