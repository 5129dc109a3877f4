// The presence flood of issue 16, in a worker thread (so building and sending it never delays the honest
// clients on the main thread): guests who joined with the workshop code send awareness frames as the original
// attack did — thousands of invented client ids per frame, each claiming to be the facilitator, well under the
// message-rate limit — mixed with the guest's own presence spoofing the facilitator's name and badge, and
// oversize states. A closed socket reconnects at once; a guest whose session is refused joins again with the code.
import { parentPort, Worker, workerData } from "node:worker_threads";
import WebSocket from "ws";
import { awarenessFrame, inventedClientId, ownClientIdFor, SPOOF_NAME, type AwarenessEntry } from "./frames";
import type { Credentials } from "./honestPeer";
import { createRng, type Rng } from "./prng";
import { joinAsGuest } from "./world";

export type FloodPlan = {
  baseUrl: string;
  workspaceId: string;
  joinCode: string;
  /** The real facilitator's name, spoofed alongside SPOOF_NAME. */
  facilitatorName: string;
  guests: number;
  socketsPerGuest: number;
  /** Frames per second per socket (the server allows 100 messages and 10 presence changes a second). */
  framesPerSecond: number;
  idsPerFrame: number;
  seed: number;
};

export type FloodStats = {
  framesSent: number;
  bytesSent: number;
  byKind: Record<string, number>;
  connections: number;
  /** Sockets the server closed while they were flooding (offenders closed), by close reason. */
  closedByServer: number;
  closeReasons: Record<string, number>;
  refusedConnects: number;
  joins: number;
};

type ToWorker = { type: "flood"; on: boolean } | { type: "stop" };
type FromWorker = { type: "ready" } | { type: "paused" } | { type: "stats"; stats: FloodStats };

const POOL = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

function spoofedState(name: string, rng: Rng): unknown {
  return { user: { key: "u:stress-facilitator", name, colour: "#9c1c1c", guest: false, facilitator: true }, editing: null, at: `action:${rng.int(0, 99)}` };
}

/** Frames with `ids` invented client ids each, every entry claiming to be the facilitator (built once: sending is the attack). */
function floodFrames(plan: FloodPlan, rng: Rng): Uint8Array[] {
  return Array.from({ length: POOL }, () => {
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < plan.idsPerFrame; i++) entries.push({ clientId: inventedClientId(rng), clock: 1, state: spoofedState(i % 2 ? SPOOF_NAME : plan.facilitatorName, rng) });
    return awarenessFrame(entries);
  });
}

async function flood(plan: FloodPlan): Promise<void> {
  const rng = createRng(plan.seed);
  const stats: FloodStats = { framesSent: 0, bytesSent: 0, byKind: {}, connections: 0, closedByServer: 0, closeReasons: {}, refusedConnects: 0, joins: 0 };
  const frames = floodFrames(plan, rng);
  let on = false;
  let stopped = false;
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const resolve of waiters.splice(0)) resolve();
  };
  const open = new Set<WebSocket>();
  parentPort!.on("message", (message: ToWorker) => {
    if (message.type === "stop") stopped = true;
    else on = message.on;
    wake();
    if (!on || stopped) {
      for (const ws of open) ws.terminate(); // the attacker walks away; the server sees the sockets drop
      void Promise.resolve().then(() => parentPort!.postMessage({ type: "paused" } satisfies FromWorker));
    }
  });
  const waitForFlood = () => new Promise<void>((resolve) => waiters.push(resolve));

  const join = async (index: number): Promise<Credentials> => {
    stats.joins += 1;
    return (await joinAsGuest(plan.baseUrl, plan.joinCode, `Flood Guest ${index + 1}`)).credentials;
  };
  const guests = await Promise.all(Array.from({ length: plan.guests }, (_, i) => join(i)));
  parentPort!.postMessage({ type: "ready" } satisfies FromWorker);

  const send = (ws: WebSocket, kind: string, data: Uint8Array) => {
    ws.send(data);
    stats.framesSent += 1;
    stats.bytesSent += data.byteLength;
    bump(stats.byKind, kind);
  };

  /** One socket's life: open, spoof, flood until the server closes it (or the flood pauses). */
  const once = async (guest: number, socketRng: Rng) => {
    const credentials = guests[guest]!;
    const ws = new WebSocket(`${plan.baseUrl.replace("http", "ws")}/collab/${plan.workspaceId}`, { headers: { Cookie: credentials.cookie, Origin: credentials.origin } });
    ws.on("error", () => undefined);
    let refusedStatus = 0;
    const opened = await new Promise<boolean>((resolve) => {
      ws.once("open", () => resolve(true));
      ws.once("close", () => resolve(false));
      ws.once("unexpected-response", (_request, response) => ((refusedStatus = response.statusCode ?? 0), resolve(false)));
    });
    if (!opened) {
      stats.refusedConnects += 1;
      ws.terminate();
      // Refused as a person (session ended, code spent?): join again with the code, as a real attacker would.
      if (refusedStatus === 401 || refusedStatus === 403) guests[guest] = await join(guest);
      else await sleep(100);
      return;
    }
    stats.connections += 1;
    open.add(ws);
    let closed = false;
    const done = new Promise<void>((resolve) =>
      ws.once("close", (code, reason) => {
        closed = true;
        open.delete(ws);
        if (on && !stopped) {
          stats.closedByServer += 1;
          bump(stats.closeReasons, `${code} ${reason.toString().slice(0, 70)}`);
        }
        resolve();
      }),
    );
    const ownId = ownClientIdFor("guest", socketRng);
    let clock = 1;
    const spoof = () => awarenessFrame([{ clientId: ownId, clock: clock++, state: spoofedState(socketRng.chance(0.5) ? SPOOF_NAME : plan.facilitatorName, socketRng) }]);
    send(ws, "own presence spoofing the facilitator", spoof());
    const interval = 1000 / plan.framesPerSecond;
    while (!closed && on && !stopped && ws.readyState === WebSocket.OPEN) {
      await sleep(interval);
      if (closed || !on || stopped || ws.readyState !== WebSocket.OPEN) break;
      const roll = socketRng.next();
      if (roll < 0.5) send(ws, `${plan.idsPerFrame} invented client ids`, socketRng.pick(frames));
      else if (roll < 0.8) send(ws, "own presence spoofing the facilitator", spoof());
      else send(ws, "oversize own state", awarenessFrame([{ clientId: ownId, clock: clock++, state: { user: { name: SPOOF_NAME, facilitator: true }, blob: "x".repeat(socketRng.int(16_000, 200_000)) } }]));
    }
    await Promise.race([done, sleep(2000)]);
    ws.terminate();
  };

  await Promise.all(
    Array.from({ length: plan.guests * plan.socketsPerGuest }, async (_, n) => {
      const socketRng = rng.fork();
      while (!stopped) {
        if (!on) {
          await waitForFlood();
          continue;
        }
        await once(n % plan.guests, socketRng);
      }
    }),
  );
  parentPort!.postMessage({ type: "stats", stats } satisfies FromWorker);
}

const bootstrap = new URL("./workerBootstrap.mjs", import.meta.url);

/** Starts the flooding guests (joined, idle) in a worker; `flood(true)` starts the flood, `flood(false)` resolves once every socket is dropped. */
export async function startPresenceFlood(plan: FloodPlan) {
  const worker = new Worker(bootstrap, { workerData: { entry: new URL("./presenceFlood.ts", import.meta.url).href, plan } });
  const listeners = new Set<(message: FromWorker) => void>();
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    worker.on("error", (error) => reject((failure = error)));
    worker.on("exit", (code) => reject((failure ??= new Error(`the presence flood worker exited (code ${code})`))));
  });
  failed.catch(() => undefined);
  worker.on("message", (message: FromWorker) => listeners.forEach((listener) => listener(message)));
  const next = <T extends FromWorker["type"]>(type: T) =>
    Promise.race([
      failed,
      new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
        const listener = (message: FromWorker) => {
          if (message.type !== type) return;
          listeners.delete(listener);
          resolve(message as Extract<FromWorker, { type: T }>);
        };
        listeners.add(listener);
      }),
    ]);
  await next("ready");
  return {
    flood: async (on: boolean) => {
      if (failure) throw failure;
      const paused = on ? null : next("paused");
      worker.postMessage({ type: "flood", on } satisfies ToWorker);
      await paused;
    },
    stop: async (): Promise<FloodStats> => {
      const stats = next("stats");
      worker.postMessage({ type: "stop" } satisfies ToWorker);
      const result = (await stats).stats;
      await worker.terminate();
      return result;
    },
  };
}

if (parentPort && (workerData as { plan?: FloodPlan } | null)?.plan) await flood((workerData as { plan: FloodPlan }).plan);
