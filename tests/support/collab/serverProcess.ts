// A collaboration server in its own process, for tests that kill it or run two of them.
// Run: DATABASE_URL=… [REDIS_URL=… COLLAB_REDIS_CHANNEL_PREFIX=…] node --import tsx tests/support/collab/serverProcess.ts
// Prints one line {"port":N} when it listens; SIGTERM shuts down gracefully; "memory" on stdin prints memory use.
import http from "node:http";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { createCollabServer } from "../../../server/collab";
import { serveToParent } from "./childProtocol";
import { testAuthenticator } from "./testAuthenticator";
import { TEST_SURFACE } from "./testSurface";

const env = process.env;
const databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
await connectDatabase(databaseUrl);
const quiet = env.COLLAB_QUIET === "1";
const noop = () => undefined;
// stdout carries only JSON lines for the parent; logs go to stderr.
const toStderr = (level: string) => (message: string, fields?: Record<string, unknown>) =>
  console.error(`[collab ${process.pid}] ${level} ${message}${fields ? " " + JSON.stringify(fields) : ""}`);
const collab = createCollabServer({
  authenticate: testAuthenticator,
  allowedOrigins: [],
  surface: TEST_SURFACE,
  redisUrl: env.REDIS_URL || null,
  redisChannelPrefix: env.COLLAB_REDIS_CHANNEL_PREFIX,
  unloadGraceMs: Number(env.COLLAB_UNLOAD_GRACE_MS ?? 30_000),
  compactionThreshold: env.COLLAB_COMPACTION_THRESHOLD ? Number(env.COLLAB_COMPACTION_THRESHOLD) : undefined,
  limits: {
    ...(env.COLLAB_MESSAGES_PER_SECOND ? { messagesPerSecond: Number(env.COLLAB_MESSAGES_PER_SECOND) } : {}),
    ...(env.COLLAB_BREACH_COOLDOWN_MS ? { breachCooldownMs: Number(env.COLLAB_BREACH_COOLDOWN_MS) } : {}),
    ...(env.COLLAB_BREACH_COOLDOWN_MAX_MS ? { maxBreachCooldownMs: Number(env.COLLAB_BREACH_COOLDOWN_MAX_MS) } : {}),
  },
  log: quiet ? { info: noop, warn: noop, error: toStderr("error") } : { info: toStderr("info"), warn: toStderr("warn"), error: toStderr("error") },
});
try {
  await collab.open();
} catch (error) {
  console.log(JSON.stringify({ error: (error as Error).message }));
  process.exit(2);
}
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (request, socket, head) => collab.handleUpgrade(request, socket, head));
serveToParent(server, () => collab.loadedDocumentCount());
process.on("SIGTERM", async () => {
  await collab.shutdown();
  server.closeAllConnections();
  server.close();
  await disconnectDatabase();
  process.exit(0);
});
