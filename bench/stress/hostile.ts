// Hostile connections of one role: each opens a real socket with the person's session cookie, syncs like
// a client (so its crafted updates build on the real document), announces its own presence, then sends
// generated frames just under the message-rate limit until the server closes it; then it reconnects.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Role } from "./craft";
import { awarenessFrame, nextFrame, ownClientIdFor, ownPresence, type FrameContext } from "./frames";
import type { Credentials } from "./honestPeer";
import type { Rng } from "./prng";

export type RoleStats = {
  role: Role;
  framesSent: number;
  byKind: Map<string, number>;
  connections: number;
  /** Sockets the server closed while they were attacking (offenders closed). */
  closedByServer: number;
  closeCodes: Map<string, number>;
  refusedConnects: number;
  /** Why each socket's attack ended: closed by the server (code), the quota met, the phase stopped. */
  socketEnds: Map<string, number>;
  /** Time spent crafting frames and waiting for sockets to open (where a slow phase went). */
  craftMs: number;
  connectMs: number;
};

export function newRoleStats(role: Role): RoleStats {
  return { role, framesSent: 0, byKind: new Map(), connections: 0, closedByServer: 0, closeCodes: new Map(), refusedConnects: 0, socketEnds: new Map(), craftMs: 0, connectMs: 0 };
}

export type HostileOptions = {
  role: Role;
  name: string;
  wsUrl: () => string;
  credentials: Credentials;
  rng: Rng;
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
async function attackOnce(options: HostileOptions, rng: Rng, base: Y.Doc): Promise<void> {
  const { stats } = options;
  const ws = new WebSocket(options.wsUrl(), { headers: { Cookie: options.credentials.cookie, Origin: options.credentials.origin }, maxPayload: 256 * 1024 * 1024 });
  const connectStarted = performance.now();
  let closed = false;
  let closingByUs = false;
  ws.on("error", () => undefined);
  const opened = await new Promise<boolean>((resolve) => {
    ws.once("open", () => resolve(true));
    ws.once("close", () => resolve(false));
    ws.once("unexpected-response", () => resolve(false));
  });
  const closedPromise = new Promise<void>((resolve) => {
    ws.once("close", (code, reason) => {
      closed = true;
      if (opened && !closingByUs) {
        stats.closedByServer += 1;
        bump(stats.closeCodes, String(code));
        bump(stats.socketEnds, `${code} ${reason.toString().slice(0, 70)}`);
      }
      resolve();
    });
  });
  if (!opened) {
    stats.refusedConnects += 1;
    ws.terminate();
    return;
  }
  stats.connections += 1;
  stats.connectMs += performance.now() - connectStarted;
  const ownClientId = ownClientIdFor(options.role, rng);
  let clock = 0;
  if (!closed) ws.send(awarenessFrame([{ clientId: ownClientId, clock: clock++, state: ownPresence(options.role, options.name) }]));
  const context: FrameContext = {
    role: options.role,
    rng,
    base,
    ownClientId,
    nextClock: () => clock++,
    wellFormedOnly: options.wellFormedOnly,
    honestClientIds: options.honestClientIds,
  };
  const interval = 1000 / options.framesPerSecond;
  while (!closed && ws.readyState === WebSocket.OPEN && stats.framesSent < options.quota && !options.shouldStop()) {
    const craftStarted = performance.now();
    const frame = nextFrame(context);
    stats.craftMs += performance.now() - craftStarted;
    stats.framesSent += 1;
    bump(stats.byKind, frame.kind);
    ws.send(frame.data, { binary: typeof frame.data !== "string" });
    if (frame.followUp) ws.send(frame.followUp, { binary: true });
    await sleep(interval);
  }
  if (!closed) {
    // CLOSING here means the server sent its close frame: the close event will count it as an offender closed.
    if (ws.readyState === WebSocket.OPEN) {
      bump(stats.socketEnds, stats.framesSent >= options.quota ? "quota met" : "phase stopped");
      closingByUs = true;
      ws.close(1000, "done");
    }
    await Promise.race([closedPromise, sleep(5000)]);
    ws.terminate();
  }
}

/** Runs `concurrency` sockets for the role until it has sent its quota (or the run stops). */
export async function attackAsRole(options: HostileOptions): Promise<void> {
  // One well-behaved client of the same person keeps a copy of the document that crafted updates build
  // on, so hostile sockets start attacking as soon as they open (no sync per socket). It announces no
  // presence, and its client id lies in the role's own range anyway.
  const base = new Y.Doc();
  base.clientID = ownClientIdFor(options.role, options.rng);
  const tracker = new WebsocketProvider(options.wsUrl().replace(/\/[^/]*$/, ""), options.wsUrl().replace(/^.*\//, ""), base, {
    WebSocketPolyfill: socketWithHeaders({ Cookie: options.credentials.cookie, Origin: options.credentials.origin }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  tracker.awareness.setLocalState(null);
  const syncStarted = Date.now();
  while (!tracker.synced && !options.shouldStop() && Date.now() - syncStarted < 30_000) await sleep(20);
  const workers = Array.from({ length: options.concurrency }, async () => {
    const rng = options.rng.fork();
    while (options.stats.framesSent < options.quota && !options.shouldStop()) {
      const before = options.stats.refusedConnects;
      await attackOnce(options, rng, base);
      // Refused (the server is down or restarting): wait a little before knocking again.
      await sleep(options.stats.refusedConnects > before ? 250 : 10);
    }
  });
  await Promise.all(workers);
  tracker.destroy();
  base.destroy();
}

function socketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}
