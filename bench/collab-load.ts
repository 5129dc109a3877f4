// Opening a plan with 10,000 stored edits: the time from a person's socket opening to their copy being synced,
// when the plan is not loaded on the server (the first person in after a quiet spell or a restart). On our
// server as the edits were stored (10,000 DocUpdate rows) and after compaction (one DocSnapshot), on SQLite and
// on PostgreSQL, beside Hocuspocus on PostgreSQL, which always keeps a document as one row (its whole state,
// written on a debounce) and so loads the compacted shape. Target (issue 20): under 50 ms after compaction.
// BENCH_LOAD_COPIES (default 8): cold loads measured per server and shape, each of its own copy of the plan.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HocuspocusProvider } from "@hocuspocus/provider";
import pg from "pg";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../server/migrate";
import { DocumentStore, type UpdateRow } from "../server/collab/persistence";
import { spawnCollabServer, type ServerChild } from "../tests/support/collab/spawnServer";
import { createPgDatabase, dropPgDatabase, pgUrl } from "../tests/support/test-databases";
import { loadAverage, percentileOf } from "./support/serverChild";
import { runWhenEntryPoint } from "./support/runDirectly";

const EDITS = 10_000;
const AUTHORS = 5;
const COPIES = Number(process.env.BENCH_LOAD_COPIES ?? 8);
/** Loads per server before the measured ones, on copies of their own: the first pays for V8 compiling the load path. */
const WARM_UP = 2;
const hocuspocusEntry = path.resolve(import.meta.dirname, "support/hocuspocusServer.ts");

/**
 * 10,000 updates as people make them in a workshop: five authors each typing at a cursor of their own (a
 * character per update, now and then moving the cursor somewhere else in the text), deleting with backspace,
 * and setting entries of a shared map; each author's copy receives the others' edits, as over a socket.
 * (Typing at a cursor is what lets Yjs merge a person's characters into runs: ~23 KB as one state. Inserting
 * every character at a random place instead makes each its own item: ~140 KB, which loaded after compaction in
 * 59 ms on ours on PostgreSQL and 74 ms on Hocuspocus on a quiet machine.) Returns every update in order and the document.
 */
function buildEdits(): { updates: Uint8Array[]; text: string; state: Uint8Array } {
  const docs = Array.from({ length: AUTHORS }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  docs.forEach((doc, author) =>
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "peer") return;
      updates.push(update);
      docs.forEach((other, i) => i !== author && Y.applyUpdate(other, update, "peer"));
    }),
  );
  let seed = 20;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  // Each cursor is kept as Yjs keeps an editor's (a position relative to the text around it), so others' typing
  // elsewhere does not move it off the end of its own run.
  const cursors: Array<Y.RelativePosition | null> = docs.map(() => null);
  for (let i = 0; i < EDITS; i++) {
    const author = i % AUTHORS;
    const doc = docs[author]!;
    const text = doc.getText("body");
    const cursor = cursors[author];
    let at = cursor ? (Y.createAbsolutePositionFromRelativePosition(cursor, doc)?.index ?? text.length) : 0;
    if (random() < 0.02) at = Math.floor(random() * (text.length + 1));
    if (i % 10 === 9 && at > 0) {
      text.delete(at - 1, 1);
      at -= 1;
    } else if (i % 10 === 4) doc.getMap("clock").set(`person-${i % 40}`, i);
    else {
      text.insert(at, String.fromCharCode(97 + (i % 26)));
      at += 1;
    }
    cursors[author] = Y.createRelativePositionFromTypeIndex(text, at);
  }
  const text = docs[0]!.getText("body").toString();
  const state = Y.encodeStateAsUpdate(docs[0]!);
  for (const doc of docs) doc.destroy();
  return { updates, text, state };
}

/** Stores the edits as rows for every copy (rows as they arrive: 500 per group commit), then compacts the "compacted" copies. */
async function storeForOurs(url: string, names: { raw: string[]; compacted: string[] }, updates: Uint8Array[]): Promise<void> {
  await connectDatabase(url);
  const store = new DocumentStore();
  try {
    for (const workspaceId of [...names.raw, ...names.compacted]) {
      const rows: UpdateRow[] = updates.map((data) => ({ workspaceId, data: new Uint8Array(data), authorId: null, authorName: "bench" }));
      for (let i = 0; i < rows.length; i += 500) await store.append(rows.slice(i, i + 500));
    }
    for (const workspaceId of names.compacted) {
      const { rowsRead } = await store.compact(workspaceId);
      if (rowsRead !== EDITS) throw new Error(`compaction of ${workspaceId} read ${rowsRead} rows, not ${EDITS}`);
    }
  } finally {
    await store.close();
    await disconnectDatabase();
  }
}

/** Hocuspocus's extension-database table (bench/support/hocuspocusServer.ts), holding the state it would have stored. */
async function storeForHocuspocus(url: string, names: string[], state: Uint8Array): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) PRIMARY KEY, "data" bytea NOT NULL)`);
    for (const name of names) await client.query(`INSERT INTO "documents" ("name", "data") VALUES ($1, $2)`, [name, Buffer.from(state)]);
  } finally {
    await client.end();
  }
}

type Shape = "raw" | "compacted";
/** A server under test, the shapes of the plan it is measured on, and its cold-load times per shape (ms). */
type Server = { label: string; child: ServerChild; hocuspocus: boolean; shapes: Shape[]; times: Record<Shape, number[]> };

/** Opens a socket to the plan and resolves with the milliseconds until the copy is synced (checked against the expected text). */
function openAndSync(server: Server, name: string, expected: string): Promise<number> {
  const doc = new Y.Doc();
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${server.label}: ${name} did not sync within 30 s`)), 30_000);
    let close = () => undefined as void;
    const finish = (result: number | Error) => {
      clearTimeout(timer);
      close();
      doc.destroy();
      if (typeof result === "number") resolve(result);
      else reject(result);
    };
    const synced = () => {
      const elapsed = performance.now() - started;
      const text = doc.getText("body").toString();
      finish(text === expected ? elapsed : new Error(`${server.label}: ${name} synced with ${text.length} characters, not the ${expected.length} stored`));
    };
    if (server.hocuspocus) {
      const provider = new HocuspocusProvider({ url: server.child.url, name, document: doc, WebSocketPolyfill: WebSocket, onSynced: synced } as ConstructorParameters<typeof HocuspocusProvider>[0]);
      close = () => provider.destroy();
    } else {
      const provider = new WebsocketProvider(server.child.url, name, doc, {
        params: { as: "reader", role: "editor" },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.once("sync", (isSynced: boolean) => isSynced && synced());
      close = () => provider.destroy();
    }
  });
}

export async function run(): Promise<void> {
  process.setMaxListeners(0);
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-load-"));
  const sqliteUrl = `file:${path.join(dir, "bench.db")}`;
  const pgNames = { ours: await createPgDatabase(), hocuspocus: await createPgDatabase() };
  const servers: Server[] = [];
  try {
    const started = performance.now();
    const { updates, text, state } = buildEdits();
    const copies = COPIES + WARM_UP;
    const names = (shape: string) => Array.from({ length: copies }, (_, i) => `load-${shape}-${i}`);
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    console.log(`A plan of ${EDITS.toLocaleString("en-GB")} stored edits (${AUTHORS} people typing at their cursors, deleting and setting map entries): ${(bytes / 1024).toFixed(0)} KB as rows, ${(state.byteLength / 1024).toFixed(0)} KB as one state; ${text.length} characters of text.`);
    await migrateDatabase(sqliteUrl);
    await migrateDatabase(pgUrl(pgNames.ours));
    const stored = { raw: names("raw"), compacted: names("compacted") };
    await storeForOurs(sqliteUrl, stored, updates);
    await storeForOurs(pgUrl(pgNames.ours), stored, updates);
    await storeForHocuspocus(pgUrl(pgNames.hocuspocus), stored.compacted, state);
    console.log(`  (stored ${copies} copies of each shape per database in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

    const oursEnv = { COLLAB_UNLOAD_GRACE_MS: "60000" };
    servers.push({ label: "ours, SQLite", child: await spawnCollabServer({ DATABASE_URL: sqliteUrl, ...oursEnv }), hocuspocus: false, shapes: ["raw", "compacted"], times: { raw: [], compacted: [] } });
    servers.push({ label: "ours, PostgreSQL", child: await spawnCollabServer({ DATABASE_URL: pgUrl(pgNames.ours), ...oursEnv }), hocuspocus: false, shapes: ["raw", "compacted"], times: { raw: [], compacted: [] } });
    servers.push({
      label: "Hocuspocus, PostgreSQL",
      child: await spawnCollabServer({ HOCUSPOCUS_STORAGE: "postgresql", HOCUSPOCUS_PG_URL: pgUrl(pgNames.hocuspocus) }, hocuspocusEntry),
      hocuspocus: true,
      shapes: ["compacted"],
      times: { raw: [], compacted: [] },
    });

    const loadBefore = loadAverage();
    // Copy by copy, every server and shape in turn (rotating who goes first): drift on this machine is shared.
    for (let copy = 0; copy < copies; copy++) {
      const order = servers.map((_, i) => servers[(i + copy) % servers.length]!);
      for (const server of order) {
        for (const shape of server.shapes) {
          const ms = await openAndSync(server, `load-${shape}-${copy}`, text);
          if (copy >= WARM_UP) server.times[shape].push(ms);
        }
      }
    }
    console.log(`\nSocket open -> synced, the plan not loaded on the server; ${COPIES} cold loads each (after ${WARM_UP} unmeasured), p50 / max:`);
    console.log(`  (${loadBefore} before, ${loadAverage()} after)`);
    for (const server of servers) {
      const figures = server.shapes.map((shape) => {
        const times = server.times[shape];
        const what = shape === "raw" ? `as stored (${EDITS.toLocaleString("en-GB")} rows)` : server.hocuspocus ? "its one stored row" : "after compaction (one snapshot)";
        return `${what} ${percentileOf(times, 50).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms`;
      });
      console.log(`  ${server.label.padEnd(23)} ${figures.join(" | ")}`);
    }
    console.log("  (target: ours on PostgreSQL under 50 ms after compaction)");
  } finally {
    await Promise.all(servers.map((server) => server.child.kill()));
    rmSync(dir, { recursive: true, force: true });
    await dropPgDatabase(pgNames.ours);
    await dropPgDatabase(pgNames.hocuspocus);
  }
}

// Also runnable on its own: npx tsx bench/collab-load.ts
runWhenEntryPoint(import.meta.url, run);
