import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };
const integration = (provider: "sqlite" | "postgresql") => ({
  extends: true as const,
  test: {
    name: `integration-${provider}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB_PROVIDER: provider },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/database-per-file.ts"],
    // Generous: the suite must pass on a busy 2-core machine; a timeout is a hang detector, not a speed check.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    projects: [
      // Pure code: no processes, threads, files, sockets or databases.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"], testTimeout: 30_000 } },
      // The CLI in a child process, import checks in a worker thread, configuration files on disk.
      { extends: true, test: { name: "system", include: ["tests/system/**/*.test.ts"], testTimeout: 120_000 } },
      integration("sqlite"),
      integration("postgresql"),
    ],
  },
});
