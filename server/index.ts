// Process entry: configuration, database, demo seed, HTTP + WebSocket server, graceful shutdown.
import { existsSync, watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { setRoundPeopleKept } from "~/models/roundPeople.server";
import { configureApp } from "~/services/appSettings.server";
import { createCollabServer } from "./collab";
import { authenticateSocket, socketAuthenticationKey } from "./collabAuth";
import { ConfigError, loadConfig, type Config } from "./config";
import { createAppServer } from "./http";
import { log, setJsonLogs } from "./log";
import { MigrationError, migrateDatabase } from "./migrate";
import { startReminderTimer } from "./reminders";
import { seedDemo } from "./seed";
import { deleteExpiredContacts } from "~/services/collect/hearBack.server";
import { prepareImportWorker } from "~/services/poetFile/checkInWorker.server";

const root = path.resolve(import.meta.dirname, "..");
const buildPath = path.join(root, "build/index.js");

async function importBuild(): Promise<ServerBuild> {
  return import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  setJsonLogs(config.env === "production");
  if (!existsSync(buildPath)) fail(`The app is not built yet (${path.relative(root, buildPath)} is missing). Run: npm run build`);

  try {
    const applied = await migrateDatabase(config.databaseUrl);
    if (applied.length) log.info(`Database migrated: ${applied.join(", ")}`);
  } catch (error) {
    if (error instanceof MigrationError) fail(error.message);
    fail(`Could not open the database (${config.databaseProvider}): ${(error as Error).message}`);
  }
  await connectDatabase(config.databaseUrl);
  const { unloadGraceMs, compactionThreshold, redisChannelPrefix, ...limits } = config.collab;
  const collab = createCollabServer({
    authenticate: authenticateSocket,
    authenticationKey: socketAuthenticationKey,
    allowedOrigins: config.allowedOrigins,
    redisUrl: config.redisUrl,
    redisChannelPrefix,
    unloadGraceMs,
    compactionThreshold,
    limits,
  });
  // Before seeding: on SQLite this refuses to go on if another process is serving the same database.
  try {
    await collab.open();
  } catch (error) {
    fail(`Could not start live editing: ${(error as Error).message}`);
  }
  setRoundPeopleKept(config.roundPeopleKept);
  configureApp({ sessionSecret: config.sessionSecret, secureCookies: config.env === "production", allowedOrigins: config.allowedOrigins, smtp: config.smtp });
  const demo = config.seedDemo ? await seedDemo() : null;

  let build = await importBuild();
  const app = createAppServer(config, () => build, collab);
  const port = await app.listen();

  if (config.remixDevOrigin) {
    broadcastDevReady(build);
    // `npm run dev` rebuilds app/ in place: re-import it instead of restarting, so sockets survive.
    watch(path.join(root, "build/version.txt"), async () => {
      build = await importBuild();
      broadcastDevReady(build);
    });
  }

  // Contact details left to hear back are deleted on their retention date; checked hourly and at start.
  const retention = setInterval(() => void deleteExpiredContacts().catch((error) => log.error("deleting expired contact details failed", { error: String(error) })), 3_600_000);
  retention.unref();
  void deleteExpiredContacts().catch((error) => log.error("deleting expired contact details failed", { error: String(error) }));

  const stopReminders = startReminderTimer(config);
  // The import worker's bundle is checked (or built) now, not during someone's first import.
  void prepareImportWorker();

  const url = `http://localhost:${port}`;
  log.info(`POET Action Planner is running at ${url} (database: ${config.databaseProvider})`);
  if (demo) log.info(`Demo council "${demo.orgName}": sign in at ${url}/login as ${demo.email} with password ${demo.password}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: closing connections and saving work`);
    stopReminders();
    await app.close();
    await disconnectDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

process.on("unhandledRejection", (reason) => log.error("unhandled promise rejection", { reason: String(reason) }));
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
