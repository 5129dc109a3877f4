// Real server processes: kill -9 loses nothing anyone saw; two instances sharing PostgreSQL and Redis keep
// people on different instances in sync; on SQLite, a second instance is refused and says why.
import { randomBytes } from "node:crypto";
import { spawn as spawnProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { db } from "~/models/db.server";
import { migrateDatabase } from "../../../server/migrate";
import { sqliteTestUrl } from "../../support/test-databases";
import { storedText } from "../../support/collab/storedDocument";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const REDIS_URL = "redis://127.0.0.1:6379";
const postgres = process.env.TEST_DB_PROVIDER === "postgresql";
const { spawn, client } = collabTestbed();

describe("server processes", () => {
  it("kill -9 mid-edit loses no update that another person had received", async () => {
    // The writer sends far more updates a second than the rate limit allows: it is closed and reconnects at
    // once, as this test needs, rather than waiting out the cool-down for a breach (ADR 033, tested on its own).
    const first = await spawn({ COLLAB_BREACH_COOLDOWN_MS: "1", COLLAB_BREACH_COOLDOWN_MAX_MS: "1" });
    const writer = client(first.url, "ws-kill", { as: "writer" });
    const watcher = client(first.url, "ws-kill", { as: "watcher" });
    await Promise.all([writer.synced(), watcher.synced()]);
    // The writer types without pause; once the watcher has seen a good part of it, the server is killed.
    let typing = true;
    let n = 0;
    const typer = setInterval(() => {
      if (!typing) return;
      for (let i = 0; i < 5; i++) writer.type(`${n++ % 10}`);
    }, 1);
    await waitFor(() => watcher.text().length >= 400, "the watcher has received a lot of typing");
    await first.kill();
    const seen = watcher.text();
    typing = false;
    clearInterval(typer);
    writer.destroy();
    watcher.destroy();

    const second = await spawn();
    const reader = client(second.url, "ws-kill", { as: "reader" });
    await reader.synced();
    expect(reader.text().startsWith(seen)).toBe(true);
    expect(await storedText("ws-kill")).toBe(reader.text());
  });

  it.runIf(!postgres)("on SQLite, a second server process refuses to start and says why; the first keeps serving", async () => {
    const one = await spawn();
    await expect(spawn()).rejects.toThrow(/Another server process is already saving live edits .*use PostgreSQL/);
    const alice = client(one.url, "ws-single", { as: "alice" });
    await alice.synced();
    alice.type("still saved");
    await waitFor(async () => (await storedText("ws-single")) === "still saved", "the first server still saves edits");
  });

  it.runIf(!postgres)("on SQLite, a process whose last work is closing the storage waits for the writer thread to finish", async () => {
    // The writer thread idles unreferenced. Its close (sync, release the lock) must still keep the process
    // alive: it once exited silently half-way, before the close had finished.
    const sqlite = sqliteTestUrl();
    try {
      await migrateDatabase(sqlite.url);
      const script = path.resolve(import.meta.dirname, "../../support/collab/appendThenClose.ts");
      const child = spawnProcess(process.execPath, ["--import", "tsx", script], { env: { ...process.env, DATABASE_URL: sqlite.url, WORKSPACE_ID: "ws-closing" }, stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      expect({ code, output: output.trim() }).toEqual({ code: 0, output: "closed" });
      const file = new Database(sqlite.url.slice("file:".length), { readonly: true });
      try {
        expect(file.prepare(`SELECT "authorName" FROM "DocUpdate" WHERE "workspaceId" = ?`).all("ws-closing")).toEqual([{ authorName: "closing" }]);
      } finally {
        file.close();
      }
    } finally {
      sqlite.cleanup();
    }
  });

  it.runIf(!postgres)("an upgrade from a version with the SQLite edit log loses no edit: what it left in <database>.edits/ is served", async () => {
    // Segments written by that version's own code (commit 4f5365e, ADR 008) as a server killed before its
    // mover ran leaves them: two plans, three group commits, the last in a second segment.
    const fixture = path.resolve(import.meta.dirname, "../../fixtures/edit-log-adr-008");
    const folder = `${process.env.TEST_DATABASE_URL!.slice("file:".length)}.edits`;
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(fixture).filter((n) => n.endsWith(".log"))) copyFileSync(path.join(fixture, name), path.join(folder, name));

    const server = await spawn();
    const zoe = client(server.url, "ws-old", { as: "zoe" });
    const other = client(server.url, "ws-other", { as: "other" });
    await Promise.all([zoe.synced(), other.synced()]);
    expect(zoe.text()).toBe("Carers told us they wait too long for a reply.");
    expect(other.text()).toBe("Zoë's plan");
    const rows = await db().docUpdate.findMany({ where: { workspaceId: "ws-old" }, orderBy: { id: "asc" }, select: { authorId: true, authorName: true } });
    expect(rows).toEqual([
      { authorId: "u-zoe", authorName: "Zoë Ó Briain" },
      { authorId: "u-zoe", authorName: "Zoë Ó Briain" },
      { authorId: "u-ada", authorName: "Ada" },
    ]);
    expect(readdirSync(folder).filter((n) => n.endsWith(".log"))).toEqual([]); // moved once, not again at the next start
    expect(existsSync(path.join(folder, "writer.lock"))).toBe(true);

    zoe.type(" Noted.");
    await waitFor(async () => (await storedText("ws-old")) === "Carers told us they wait too long for a reply. Noted.", "a new edit is stored after the old ones");
  });

  it.runIf(postgres)("people on two instances sharing PostgreSQL and Redis edit together", async () => {
    const prefix = `test:${randomBytes(4).toString("hex")}:`;
    const env = { REDIS_URL, COLLAB_REDIS_CHANNEL_PREFIX: prefix };
    const [one, two] = await Promise.all([spawn(env), spawn(env)]);
    const alice = client(one.url, "ws-two", { as: "alice" });
    const bob = client(two.url, "ws-two", { as: "bob" });
    await Promise.all([alice.synced(), bob.synced()]);
    alice.type("from one. ");
    await waitFor(() => bob.text() === "from one. ", "bob on instance two sees alice's edit");
    bob.type("from two.");
    await waitFor(() => alice.text() === "from one. from two.", "alice on instance one sees bob's edit");
    alice.provider.awareness.setLocalStateField("user", { name: "Alice" });
    // Peers see the name the server knows alice by, whatever her browser claims.
    await waitFor(() => (bob.provider.awareness.getStates().get(alice.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === "alice", "presence crosses instances");
    for (let i = 0; i < 30; i++) {
      alice.type("a");
      bob.type("b");
    }
    await waitFor(() => alice.text().length === 79 && alice.text() === bob.text(), "both converge under concurrent typing");
    expect(await storedText("ws-two")).toBe(alice.text());
    const late = client(two.url, "ws-two", { as: "late" });
    await late.synced();
    await waitFor(() => late.text() === alice.text(), "a late joiner on instance two gets everything");
  });

  it("graceful stop writes everything and tells people the server is restarting", async () => {
    const server = await spawn();
    const alice = client(server.url, "ws-graceful", { as: "alice" });
    await alice.synced();
    alice.type("typed just before the restart");
    await waitFor(async () => (await storedText("ws-graceful")) === "typed just before the restart", "stored");
    await server.stop();
    await waitFor(() => alice.closes.length > 0, "alice was told");
    expect(alice.closes[0]).toEqual({ code: 1012, reason: "The server is restarting; you will be reconnected." });
  });
});
