import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "poet-config-"));

describe("configuration", () => {
  it("defaults to port 3000 and a SQLite file under the data folder", () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.databaseUrl).toBe(`file:${path.join(dir, "poet.db")}`);
    expect(config.redisUrl).toBeNull();
    expect(config.seedDemo).toBe(true);
  });

  it("keeps a generated session secret under the data folder across restarts", () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first).toHaveLength(64);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8")).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it("picks PostgreSQL from a postgresql:// URL", () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: "postgresql://u@h/db" }).databaseProvider).toBe("postgresql");
  });

  it.each([
    [{ PORT: "abc" }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid configuration: DATABASE_URL must start with file: .* or postgresql:\/\//],
    [{ REDIS_URL: "localhost:6379" }, /^Invalid configuration: REDIS_URL must start with redis:\/\//],
    [{ ALLOWED_ORIGINS: "https://a.example, not a url" }, /^Invalid configuration: ALLOWED_ORIGINS "not a url"/],
    [{ ALLOWED_ORIGINS: "https://a.example/path" }, /must be an origin/],
    [{ NODE_ENV: "production" }, /^Invalid configuration: SESSION_SECRET is required when NODE_ENV=production/],
    [{ SESSION_SECRET: "short" }, /^Invalid configuration: SESSION_SECRET must be at least 32 characters/],
    [{ TRUST_PROXY: "yes" }, /^Invalid configuration: TRUST_PROXY "yes" is not a proxy address; use false, true, a hop count/],
    [{ TRUST_PROXY: "10.0.0.5, 10.0.0.0/33" }, /^Invalid configuration: TRUST_PROXY "10.0.0.0\/33" is not a proxy address/],
    [{ TRUST_PROXY: "0" }, /^Invalid configuration: TRUST_PROXY must be a hop count from 1 to 10/],
  ])("names the variable and what it should be: %o", (env, message) => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(message);
  });

  it("never seeds demo accounts in production", () => {
    const config = loadConfig({ DATA_DIR: tmp(), NODE_ENV: "production", SESSION_SECRET: "p".repeat(40), SEED_DEMO: "true" });
    expect(config.seedDemo).toBe(false);
    expect(config.allowedOrigins).toEqual([]);
  });

  it("trusts no forwarded headers unless TRUST_PROXY names the proxies", () => {
    expect(loadConfig({ DATA_DIR: tmp() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: "loopback, 10.0.0.0/8,::1" }).trustProxy).toEqual(["loopback", "10.0.0.0/8", "::1"]);
  });
});
