// Hostile connections of one role: each opens a real socket with the person's session cookie, syncs like
// a client (so its crafted updates build on the real document), announces its own presence, then sends
// generated frames just under the message-rate limit until the server closes it; then it reconnects.
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Role } from "./craft";
import { awarenessFrame, nextFrame, ownPresence, syncFrame, type FrameContext } from "./frames";
import type { Credentials } from "./honestPeer";
import type { Rng } from "./prng";
import type { RuleWatch } from "./watch";

export type RoleStats = {
  role: Role;
  framesSent: number;
  byKind: Map<string, number>;
  connections: number;
  /** Sockets the server closed while they were attacking (offenders closed). */
  closedByServer: number;
  closeCodes: Map<string, number>;
  refusedConnects: number;
};

export function newRoleStats(role: Role): RoleStats {
  return { role, framesSent: 0, byKind: new Map(), connections: 0, closedByServer: 0, closeCodes: new Map(), refusedConnects: 0 };
}

export type HostileOptions = {
  role: Role;
  name: string;
  wsUrl: () => string;
  credentials: Credentials;
  rng: Rng;
  watch: RuleWatch;
  stats: RoleStats;
  /** Frames this role must send in all. */
  quota: number;
  concurrency: number;
  /** Frames per second per socket (the server's default limit is 100 with a burst of 200). */
  framesPerSecond: number;
  shouldStop: () => boolean;
  wellFormedOnly: boolean;
  honestClientIds: () => number[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** One socket's life; resolves when it is closed (by the server, or by us once the quota is met). */
async function attackOnce(options: HostileOptions, rng: Rng): Promise<void> {
  const { stats } = options;
  const ws = new WebSocket(options.wsUrl(), { headers: { Cookie: options.credentials.cookie, Origin: options.credentials.origin }, maxPayload: 256 * 1024 * 1024 });
  const base = new Y.Doc();
  let synced = false;
  let closed = false;
  let closingByUs = false;
  ws.binaryType = "nodebuffer";
  ws.on("error", () => undefined);
  ws.on("message", (data: Buffer) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const step = decoding.readVarUint(decoder);
      if (step === 1 || step === 2) {
        Y.applyUpdate(base, decoding.readVarUint8Array(decoder));
        if (step === 1) synced = true;
      }
    } catch {
      // What the server sends is not under test here.
    }
  });
  const opened = await new Promise<boolean>((resolve) => {
    ws.once("open", () => resolve(true));
    ws.once("close", () => resolve(false));
    ws.once("unexpected-response", () => resolve(false));
  });
  const closedPromise = new Promise<void>((resolve) => {
    ws.once("close", (code) => {
      closed = true;
      if (opened && !closingByUs) {
        stats.closedByServer += 1;
        bump(stats.closeCodes, String(code));
      }
      resolve();
    });
  });
  if (!opened) {
    stats.refusedConnects += 1;
    base.destroy();
    ws.terminate();
    return;
  }
  stats.connections += 1;
  ws.send(syncFrame(0, Y.encodeStateVector(base)));
  const syncStarted = Date.now();
  while (!synced && !closed && Date.now() - syncStarted < 5000) await sleep(5);
  const ownClientId = rng.clientId();
  let clock = 0;
  options.watch.ownIds.set(ownClientId, options.role);
  if (!closed) ws.send(awarenessFrame([{ clientId: ownClientId, clock: clock++, state: ownPresence(options.role, options.name) }]));
  const context: FrameContext = {
    role: options.role,
    rng,
    base,
    ownClientId,
    nextClock: () => clock++,
    invent: () => undefined,
    wellFormedOnly: options.wellFormedOnly,
    honestClientIds: options.honestClientIds,
  };
  const interval = 1000 / options.framesPerSecond;
  while (!closed && ws.readyState === WebSocket.OPEN && stats.framesSent < options.quota && !options.shouldStop()) {
    const frame = nextFrame(context);
    stats.framesSent += 1;
    bump(stats.byKind, frame.kind);
    ws.send(frame.data, { binary: typeof frame.data !== "string" });
    if (frame.followUp) ws.send(frame.followUp, { binary: true });
    await sleep(interval);
  }
  if (!closed) {
    closingByUs = true;
    ws.close(1000, "done");
    await Promise.race([closedPromise, sleep(2000)]);
    ws.terminate();
  }
  base.destroy();
}

/** Runs `concurrency` sockets for the role until it has sent its quota (or the run stops). */
export async function attackAsRole(options: HostileOptions): Promise<void> {
  const workers = Array.from({ length: options.concurrency }, async () => {
    const rng = options.rng.fork();
    while (options.stats.framesSent < options.quota && !options.shouldStop()) {
      const before = options.stats.refusedConnects;
      await attackOnce(options, rng);
      // Refused (the server is down or restarting): wait a little before knocking again.
      await sleep(options.stats.refusedConnects > before ? 250 : 10);
    }
  });
  await Promise.all(workers);
}
