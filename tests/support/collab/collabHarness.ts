// A real HTTP server on port 0 with the collaboration server behind its upgrade handler.
import http from "node:http";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "../../../server/collab";
import type { CollabLog } from "../../../server/collab/core/log";
import { testAuthenticator } from "./testAuthenticator";
import { TEST_SURFACE } from "./testSurface";

export type RunningCollab = { collab: CollabServer; server: http.Server; port: number; url: string; logs: string[]; stop(): Promise<void> };

/** Collects log lines (so tests can check reasons were logged) without printing them. */
export function memoryLog(lines: string[]): CollabLog {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ""}`);
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}

export async function startCollab(options: Partial<CollabServerOptions> = {}): Promise<RunningCollab> {
  const logs: string[] = [];
  const collab = createCollabServer({
    authenticate: testAuthenticator,
    allowedOrigins: [],
    unloadGraceMs: 100,
    projectionDebounceMs: 50,
    log: memoryLog(logs),
    surface: TEST_SURFACE,
    ...options,
  });
  await collab.open();
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (request, socket, head) => collab.handleUpgrade(request, socket, head));
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });
  let stopped = false;
  return {
    collab,
    server,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await collab.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
