// Servers and clients a collaboration test file starts, all closed after each test.
import { afterEach } from "vitest";
import { startCollab } from "./collabHarness";
import { spawnCollabServer } from "./spawnServer";
import { connectClient, type TestClient } from "./testClient";

type Closable = { close(): Promise<void> | void };

/** Registers the clean-up hook and returns starters whose results are torn down after every test. */
export function collabTestbed() {
  let clients: TestClient[] = [];
  let closables: Closable[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    clients = [];
    await Promise.all(closables.map((c) => c.close()));
    closables = [];
  });
  return {
    /** An in-process collaboration server. */
    start: async (...args: Parameters<typeof startCollab>) => {
      const server = await startCollab(...args);
      closables.push({ close: () => server.stop() });
      return server;
    },
    /** A collaboration server in a child process on this test file's database (killed after the test). */
    spawn: async (env: Record<string, string> = {}) => {
      const child = await spawnCollabServer({ DATABASE_URL: process.env.TEST_DATABASE_URL!, ...env });
      closables.push({ close: () => child.kill() });
      return child;
    },
    client: (...args: Parameters<typeof connectClient>) => {
      const c = connectClient(...args);
      clients.push(c);
      return c;
    },
  };
}
