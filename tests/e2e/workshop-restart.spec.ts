// A server restart mid-session loses nothing: this test runs its own app process (the shared e2e server
// cannot be restarted), stops it while people are editing, starts it again on the same data, and checks
// that both browsers reconnect by themselves and every character typed, online or not, is there.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./support";
import { card, expectLive, pinned } from "./workshopSupport";

const root = path.resolve(import.meta.dirname, "../..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function startApp(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "test", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "restart.db")}` },
    stdio: "ignore",
  });
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
  return child;
}

async function stopApp(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function openWorkshop(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`${base}/orgs/demo`);
  await page.getByRole("link", { name: "Action plan 2026 (demo)" }).click();
  await expectLive(page);
  return page.url();
}

test("the server restarted mid-session loses nothing and everyone reconnects by themselves", async ({ browser }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "poet-restart-"));
  let app = await startApp(port, dataDir);
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const [alex, bo] = await Promise.all(contexts.map((c) => c.newPage()));
    const workshopUrl = await openWorkshop(alex!, base);
    await openWorkshop(bo!, base);
    const title = "Ask about feeling safe at every review";
    const mine = (await pinned(alex!, card(alex!, title))).getByLabel("Action title");
    const theirs = (await pinned(bo!, card(bo!, title))).getByLabel("Action title");

    await mine.click();
    await mine.press("End");
    await mine.pressSequentially(" and visit", { delay: 10 });
    await expect(theirs).toHaveValue(`${title} and visit`);

    await stopApp(app);
    await expect(alex!.getByTestId("connection")).not.toContainText("Live");
    await mine.pressSequentially(" while the server is down", { delay: 10 });

    app = await startApp(port, dataDir);
    await expectLive(alex!);
    await expectLive(bo!);
    const expected = `${title} and visit while the server is down`;
    await expect(theirs).toHaveValue(expected, { timeout: 20_000 });

    // It is on disk, not only in the browsers: a fresh page load shows it.
    await bo!.goto(workshopUrl);
    await expect((await pinned(bo!, card(bo!, expected))).getByLabel("Action title")).toHaveValue(expected);
  } finally {
    for (const c of contexts) await c.close();
    await stopApp(app);
  }
});
