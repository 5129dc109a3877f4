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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    projects: [
      // Pure code: no processes, threads, files, sockets or databases.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"] } },
      // The CLI in a child process, import checks in a worker thread, configuration files on disk.
      { extends: true, test: { name: "system", include: ["tests/system/**/*.test.ts"], testTimeout: 60_000 } },
      integration("sqlite"),
      integration("postgresql"),
    ],
  },
});
