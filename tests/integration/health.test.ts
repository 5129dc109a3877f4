import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, databaseProvider } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../support/app-server";

describe("health check", () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running.close());

  it("answers 200 with the database provider after a real round trip", async () => {
    const response = await fetch(`${running.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: process.env.TEST_DB_PROVIDER });
    expect(databaseProvider()).toBe(process.env.TEST_DB_PROVIDER);
  });

  it("serves the home page and a real 404 for unknown pages", async () => {
    const home = await fetch(running.baseUrl + "/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Turn what people told you into better lives");
    const missing = await fetch(running.baseUrl + "/no/such/page");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });

  it("answers 503 with the reason when the database is unreachable", async () => {
    await connectDatabase("postgresql://postgres@127.0.0.1:1/unreachable");
    const response = await fetch(`${running.baseUrl}/healthz`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.reason).toMatch(/database did not answer/i);
  });
});
