// Starts the real HTTP server (real Remix build, real database) on a free port for a test file.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { configureApp } from "~/services/appSettings.server";
import { loadConfig } from "../../server/config";
import { createCollabServer, type CollabServer } from "../../server/collab";
import { authenticateSocket, socketAuthenticationKey } from "../../server/collabAuth";
import { createAppServer, type AppServer } from "../../server/http";
import { TEST_SURFACE } from "./collab/testSurface";

const buildFile = path.resolve(import.meta.dirname, "../../build/index.js");

export type RunningApp = { app: AppServer; collab: CollabServer; baseUrl: string; close: () => Promise<void> };

/** `collab` overrides the short test timings (benchmarks keep documents loaded as production does). */
export async function startTestApp(env: Record<string, string> = {}, collabOptions: { unloadGraceMs?: number } = {}): Promise<RunningApp> {
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: process.env.TEST_DATABASE_URL, SESSION_SECRET: "x".repeat(32), ...env });
  configureApp({ sessionSecret: config.sessionSecret, secureCookies: false, allowedOrigins: config.allowedOrigins, smtp: config.smtp });
  const collab = createCollabServer({ authenticate: authenticateSocket, authenticationKey: socketAuthenticationKey, allowedOrigins: config.allowedOrigins, redisUrl: null, unloadGraceMs: 200, projectionDebounceMs: 50, surface: TEST_SURFACE, ...collabOptions });
  await collab.open();
  const app = createAppServer(config, () => build, collab);
  const port = await app.listen();
  return { app, collab, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
