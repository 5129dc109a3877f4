// Hostile WebSocket upgrades: malformed and overlong paths on a raw TCP socket (a client library would
// refuse to send them), and well-formed upgrades the server must refuse: a foreign Origin, no cookie, a
// made-up cookie, another council's workspace. A refused upgrade must never carry document data.
import { randomBytes } from "node:crypto";
import net from "node:net";
import WebSocket from "ws";
import type { Credentials } from "./honestPeer";
import type { Rng } from "./prng";

export type OnBreak = (kind: string, detail: string) => void;

export type UpgradeStats = { tried: number; byKind: Map<string, number>; outcomes: Map<string, number> };

export function newUpgradeStats(): UpgradeStats {
  return { tried: 0, byKind: new Map(), outcomes: new Map() };
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const RAW_PATHS: Array<{ kind: string; path: (rng: Rng, workspaceId: string) => string }> = [
  { kind: "/collab/%", path: () => "/collab/%" },
  { kind: "/collab/%E0%A4%A", path: () => "/collab/%E0%A4%A" },
  { kind: "/collab/%ZZ", path: () => "/collab/%ZZ" },
  { kind: "/collab/<id>%", path: (_rng, id) => `/collab/${id}%` },
  { kind: "/collab/<id>?x=%", path: (_rng, id) => `/collab/${id}?x=%` },
  { kind: "/collab/%00", path: () => "/collab/%00" },
  { kind: "/collab/..%2F..%2Fetc", path: () => "/collab/..%2F..%2Fetc" },
  { kind: "overlong path (2-60 kB)", path: (rng) => `/collab/${"a".repeat(rng.int(2_000, 60_000))}` },
  { kind: "overlong escaped path", path: (rng) => `/collab/${"%41".repeat(rng.int(1_000, 5_000))}` },
  { kind: "random path bytes", path: (rng) => `/collab/${[...rng.bytes(rng.int(1, 40))].map((b) => (b > 32 && b < 127 && b !== 35 && b !== 63 ? String.fromCharCode(b) : "%" + b.toString(16).padStart(2, "0"))).join("")}` },
];

/** Sends one upgrade request line by hand; resolves with the first response line (or how it ended). */
function rawUpgrade(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    const done = (outcome: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done(answer ? answer : "no answer within 5 s"), 5000);
    socket.on("error", (error: NodeJS.ErrnoException) => done(answer || `socket error ${error.code ?? error.message}`));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const line = answer.split("\r\n")[0]!;
      if (answer.includes("\r\n")) done(line.replace(/^HTTP\/1\.1 /, "HTTP "));
    });
    socket.on("close", () => done(answer ? answer.split("\r\n")[0]! : "closed without an answer"));
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

/** Opens a socket the server must refuse; resolves with its close code, and records any document data it got. */
function refusedUpgrade(url: string, headers: Record<string, string>, onBreak: OnBreak, kind: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const finish = (outcome: string) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish("no answer within 15 s"), 15_000);
    ws.on("error", () => undefined);
    ws.on("unexpected-response", (_request, response) => finish(`HTTP ${response.statusCode}`));
    ws.on("message", (data: Buffer) => {
      // Sync step 2, an update or anyone's presence: the refused person saw something of the workspace.
      const leaks = (data[0] === 0 && (data[1] === 1 || data[1] === 2)) || data[0] === 1;
      if (leaks) onBreak("a refused upgrade received workspace data", `${kind}: ${data.length} bytes, type ${data[0]}/${data[1]}`);
    });
    ws.on("close", (code) => finish(`close ${code}`));
  });
}

export type UpgradeOptions = {
  port: () => number;
  workspaceId: string;
  otherWorkspaceId: string;
  /** A real member's cookie: used with a foreign Origin, and on another council's workspace. */
  member: Credentials;
  rng: Rng;
  onBreak: OnBreak;
  stats: UpgradeStats;
  perSecond: number;
  /** Only well-formed requests (the refused ones), no malformed paths. */
  wellFormedOnly: boolean;
  shouldStop: () => boolean;
};

export async function attackUpgrades(options: UpgradeOptions): Promise<void> {
  const { rng, stats } = options;
  const wsUrl = (id: string) => `ws://127.0.0.1:${options.port()}/collab/${id}`;
  const kinds: Array<{ kind: string; run: () => Promise<string> }> = [
    ...(options.wellFormedOnly ? [] : RAW_PATHS).map(({ kind, path }) => ({ kind, run: () => rawUpgrade(options.port(), path(rng, options.workspaceId)) })),
    { kind: "foreign Origin", run: () => refusedUpgrade(wsUrl(options.workspaceId), { Cookie: options.member.cookie, Origin: "https://evil.example" }, options.onBreak, "foreign Origin") },
    { kind: "no cookie", run: () => refusedUpgrade(wsUrl(options.workspaceId), { Origin: options.member.origin }, options.onBreak, "no cookie") },
    {
      kind: "made-up session cookie",
      run: () => refusedUpgrade(wsUrl(options.workspaceId), { Cookie: `poet_session=${randomBytes(24).toString("base64url")}`, Origin: options.member.origin }, options.onBreak, "made-up cookie"),
    },
    { kind: "other council's workspace", run: () => refusedUpgrade(wsUrl(options.otherWorkspaceId), { Cookie: options.member.cookie, Origin: options.member.origin }, options.onBreak, "other council") },
  ];
  const interval = 1000 / options.perSecond;
  const inFlight = new Set<Promise<void>>();
  while (!options.shouldStop()) {
    const pick = rng.pick(kinds);
    stats.tried += 1;
    bump(stats.byKind, pick.kind);
    const attempt = pick.run().then((outcome) => {
      bump(stats.outcomes, `${pick.kind} → ${outcome}`);
    });
    inFlight.add(attempt);
    void attempt.finally(() => inFlight.delete(attempt));
    await sleep(interval);
  }
  await Promise.all(inFlight);
}
