// The collaboration core's server: sockets in (admission, limits, revocation, session expiry), documents
// (registry, group commit, fan-out between instances) and the application's hooks (hooks.ts) wired together.
// It knows nothing of POET: server/collab/poet.ts registers POET's hooks.
import type http from "node:http";
import type { Duplex } from "node:stream";
import type * as Y from "yjs";
import { WebSocketServer, type WebSocket } from "ws";
import { AdmissionCache } from "./admissionCache";
import { BreachCooldowns, type CooldownVerdict } from "./breachCooldown";
import type { CollabHooks } from "./hooks";
import { originAllowed, personKey, workspaceIdFromUrl, type AuthenticationResult } from "./authentication";
import { CloseCode } from "./closeCodes";
import { Connection } from "./connection";
import { DocumentRegistry } from "./documentRegistry";
import { LocalFanout, RedisFanout, type Fanout } from "./fanout";
import { resolveLimits, type Limits } from "./limits";
import type { CollabLog } from "./log";
import type { ServerOrigin } from "./origins";
import { RefusalLog } from "./refusalLog";
import { UpdateJournal } from "./updateJournal";
import { refuseUpgrade, withinUpgradeBoundary } from "./upgradeBoundary";
import { recheckConnections, Revocations, type CloseKind, type ConnectionFilter } from "./revocation";
import { closeAtSessionEnd } from "./sessionExpiry";

export type CollabServerOptions = {
  hooks: CollabHooks;
  /** Origins allowed to open sockets; empty = same origin as the Host header. */
  allowedOrigins: string[];
  redisUrl?: string | null;
  /** Prefix of the Redis channels (one per document); lets several deployments or tests share a Redis. */
  redisChannelPrefix?: string;
  limits?: Partial<Limits>;
  unloadGraceMs?: number;
  compactionThreshold?: number;
  log: CollabLog;
  /** The clock breach cool-downs are timed by (tests pass their own); Date.now by default. */
  clock?: () => number;
};

export type { CloseKind, ConnectionFilter } from "./revocation";

export type CollabServer = {
  /**
   * Call before accepting sockets: gets storage ready (see DocumentStorage.open).
   * Rejects, with a message for whoever starts the server, if this process cannot serve edits.
   */
  open(): Promise<void>;
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Applies a server-side change (typed origin), resolved once it is durable and broadcast. */
  withDocument(workspaceId: string, fn: (doc: Y.Doc) => void, origin: ServerOrigin): Promise<void>;
  /** Reads the current document (loaded from the database if needed) without changing it. */
  readDocument<T>(workspaceId: string, reader: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Closes matching sockets (every given field must match) on this instance and, through Redis, on every
   * other; `recheck` (the default) makes them reconnect and be checked again. Returns how many closed here.
   */
  closeConnections(filter: ConnectionFilter, reason: string, kind?: CloseKind): number;
  loadedDocumentCount(): number;
  /** How many sockets are open to this plan on this instance. */
  connectedTo(workspaceId: string): number;
  /** The plan was deleted: on every instance its sockets close and its loaded document is dropped unsaved; its stored edits are purged. */
  forgetDocument(workspaceId: string, reason: string): Promise<void>;
  /** Stops accepting, writes everything, closes sockets with 1012 and resolves. */
  shutdown(): Promise<void>;
};

/** At most this many refused upgrades are held at once on an instance (each is an open TCP socket). */
const MAX_HELD_ANSWERS = 1000;

export const DEFAULTS = {
  unloadGraceMs: 30_000,
  compactionThreshold: 500,
  redisChannelPrefix: "poet:collab:",
} as const;

/** Builds the collaboration server; nothing listens until the HTTP server passes upgrades to handleUpgrade. */
export function createCollabCore(options: CollabServerOptions): CollabServer {
  const { log, hooks } = options;
  const limits = resolveLimits(options.limits);
  const storage = hooks.storage;
  const journal = new UpdateJournal(storage);
  const fanout: Fanout = options.redisUrl
    ? new RedisFanout(options.redisUrl, options.redisChannelPrefix ?? DEFAULTS.redisChannelPrefix, log)
    : new LocalFanout();
  const registry = new DocumentRegistry({
    journal,
    fanout,
    hooks,
    limits,
    log,
    compactionThreshold: options.compactionThreshold ?? DEFAULTS.compactionThreshold,
    unloadGraceMs: options.unloadGraceMs ?? DEFAULTS.unloadGraceMs,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const perPerson = new Map<string, number>();
  // The upgrade request each socket was admitted with, to check its access again (revocation.ts).
  const admittedWith = new WeakMap<Connection, http.IncomingMessage>();
  const admissions = new AdmissionCache();
  const cooldowns = new BreachCooldowns(limits.breachCooldownMs, limits.maxBreachCooldownMs, options.clock ?? Date.now);
  const refusals = new RefusalLog(log);
  const revocations = new Revocations(
    fanout,
    () => connections,
    log,
    () => {
      admissions.revoked();
      return recheckConnections([...connections].map((connection) => ({ connection, request: admittedWith.get(connection)! })), hooks.authenticate, log);
    },
    () => admissions.revoked(),
    (workspaceId, reason) => {
      forgetHere(workspaceId, reason).catch((error: Error) => log.error("could not drop a deleted plan's document", { workspaceId, error: error.message }));
    },
  );
  /**
   * Drops a plan's document for good on this instance: closes its sockets, forgets it without saving, and
   * deletes what is stored for it (again, on another instance: whatever this one wrote after that purge).
   */
  const forgetHere = async (workspaceId: string, reason: string): Promise<void> => {
    for (const connection of [...connections]) if (connection.workspaceId === workspaceId) connection.close(CloseCode.notFound, reason);
    admissions.forgetWorkspace(workspaceId);
    await registry.forget(workspaceId, reason);
    await storage.purge?.(workspaceId);
  };
  let stopping = false;
  /** Upgrades refused for a cool-down whose answer is being held (see handleUpgrade): each answers at once when called. */
  const held = new Set<() => void>();

  const sweep = setInterval(() => {
    for (const connection of connections) connection.checkAlive();
  }, limits.pingIntervalMs);
  sweep.unref();

  function countFor(key: string | null, delta: number) {
    if (!key) return;
    const next = (perPerson.get(key) ?? 0) + delta;
    if (next <= 0) perPerson.delete(key);
    else perPerson.set(key, next);
  }

  function refuse(ws: WebSocket, code: number, reason: string, request: http.IncomingMessage) {
    log.info("collab connection refused", { code, reason, url: request.url, origin: request.headers.origin });
    ws.close(code, reason);
  }

  /** One counted log line per person in a cool-down, however often they knock. */
  function noteCooling({ cooldown, seconds }: CooldownVerdict) {
    refusals.note(`cooling\n${cooldown.workspaceId}\n${cooldown.person}`, "info", "collab connection refused: cooling down after a breach", { workspaceId: cooldown.workspaceId, person: cooldown.person, seconds, strikes: cooldown.strikes });
  }

  /** A person in a cool-down opened a socket: told when they may come back, on it, once (see breachCooldown.ts). */
  function refuseCooling(ws: WebSocket, verdict: CooldownVerdict, accessKey: string | null) {
    const { cooldown } = verdict;
    cooldowns.told(accessKey, cooldown);
    noteCooling(verdict);
    ws.close(CloseCode.coolingDown, verdict.message);
  }

  async function accept(ws: WebSocket, transport: Duplex, request: http.IncomingMessage, workspaceId: string, accessKey: string | null) {
    ws.on("error", () => undefined);
    if (stopping) return refuse(ws, CloseCode.serverRestarting, "The server is restarting; you will be reconnected.", request);
    if (!originAllowed(request, options.allowedOrigins)) {
      return refuse(ws, CloseCode.forbidden, `Connections from ${request.headers.origin} are not allowed.`, request);
    }
    // Closed for a breach a moment ago (same cookies): told why and when to come back, before any access check.
    const cooling = cooldowns.forKey(accessKey);
    if (cooling) return refuseCooling(ws, cooling, accessKey);
    // Frames that arrive while we authenticate are kept by the Connection, so listen before awaiting.
    const early: Buffer[] = [];
    const keep = (data: Buffer) => early.push(data);
    ws.on("message", keep);
    let result: AuthenticationResult;
    let checkStartedAt = Date.now();
    try {
      ({ result, checkStartedAt } = await admissions.admit(accessKey, workspaceId, () => hooks.authenticate(request, workspaceId)));
    } catch (error) {
      log.error("collab authentication failed", { workspaceId, error: (error as Error).message });
      result = { ok: false as const, code: CloseCode.internalError, reason: "Could not check your access; try again." };
    }
    ws.off("message", keep);
    if (!result.ok) return refuse(ws, result.code, result.reason, request);
    if (stopping || ws.readyState !== ws.OPEN) return refuse(ws, CloseCode.serverRestarting, "The server is restarting; you will be reconnected.", request);
    const revoked = revocations.refusalFor({ workspaceId, principal: result.principal }, checkStartedAt);
    if (revoked) return refuse(ws, revoked.code, revoked.reason, request);

    const key = personKey(result.principal);
    // The same person with other cookies (signed in again): refused by person, before the document is sent.
    const coolingPerson = cooldowns.forPerson(workspaceId, key);
    if (coolingPerson) return refuseCooling(ws, coolingPerson, accessKey);
    if (key && (perPerson.get(key) ?? 0) >= limits.maxSocketsPerUser) {
      return refuse(ws, CloseCode.tooManyConnections, "You have too many open connections; close some tabs and try again.", request);
    }
    const principal = result.principal;
    const connection = new Connection(ws, transport, workspaceId, principal, limits, log, (closing, code, reason, detail, what) => {
      const cooldown = cooldowns.breach(workspaceId, key, accessKey, reason);
      // One line per person per interval, however fast they reconnect and breach again.
      refusals.note(`breach\n${workspaceId}\n${key ?? `connection:${closing.id}`}`, "warn", `${what}: collab socket closed for a breach`, {
        workspaceId,
        connection: closing.id,
        person: principal.displayName,
        code,
        reason,
        ...detail,
        ...(cooldown ? { coolDownSeconds: Math.ceil((cooldown.until - (options.clock ?? Date.now)()) / 1000), strikes: cooldown.strikes } : {}),
      });
    });
    connections.add(connection);
    admittedWith.set(connection, request);
    countFor(key, 1);
    connection.onClose(() => {
      connections.delete(connection);
      countFor(key, -1);
    });
    closeAtSessionEnd(connection, result.principal.sessionExpiresAt);
    for (const frame of early) ws.emit("message", frame, true);

    let document;
    try {
      document = await registry.acquire(workspaceId);
    } catch {
      connection.close(CloseCode.internalError, "Could not open this plan; retrying.");
      return;
    }
    if (!connection.isOpen) return registry.release(document);
    if (stopping) return connection.close(CloseCode.serverRestarting, "The server is restarting; you will be reconnected.");
    if (document.connections.size >= limits.maxSocketsPerDocument) {
      connection.close(CloseCode.tooManyConnections, "Too many people are connected to this plan right now; try again shortly.");
      return registry.release(document);
    }
    document.addConnection(connection);
  }

  return {
    handleUpgrade(request, socket, head) {
      withinUpgradeBoundary(log, request, socket, () => {
        const workspaceId = workspaceIdFromUrl(request.url);
        const accessKey = hooks.authenticationKey?.(request, workspaceId) ?? null;
        const cooling = cooldowns.forKey(accessKey);
        if (cooling?.told) {
          // Told once already (on a socket, see refuseCooling): every further attempt is refused before the
          // upgrade — no handshake, no access check, no document — and counted in one log line per person.
          const { cooldown } = cooling;
          noteCooling(cooling);
          // The answer is held until the cool-down ends (at most a few seconds): a client that knocks again as
          // soon as it is answered knocks a few times per cool-down, not hundreds, and an honest one that
          // waits for it is answered when it may come back. Bounded per person and per instance; past that,
          // answered at once.
          const delay = Math.min(cooling.msLeft, limits.coolDownAnswerMs);
          if (delay <= 0 || held.size >= MAX_HELD_ANSWERS || cooldown.held >= limits.maxSocketsPerUser) {
            refuseUpgrade(socket, 429, cooling.message, { "Retry-After": String(cooling.seconds) });
            return;
          }
          cooldown.held++;
          const answer = () => {
            clearTimeout(timer);
            socket.off("close", answer);
            held.delete(answer);
            cooldown.held--;
            const left = cooldowns.forKey(accessKey);
            refuseUpgrade(socket, 429, left?.message ?? cooling.message, { "Retry-After": String(left?.seconds ?? 0) });
          };
          const timer = setTimeout(answer, delay);
          timer.unref();
          held.add(answer);
          socket.once("close", answer);
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          // Past this point the socket is a WebSocket: failures close it with a code and a reason.
          accept(ws, socket, request, workspaceId, accessKey).catch((error: Error) => {
            log.error("collab connection failed", { workspaceId, error: error.stack ?? error.message });
            ws.close(CloseCode.internalError, "Unexpected server error; retrying.");
          });
        });
      });
    },

    async withDocument(workspaceId, fn, origin) {
      if (stopping) throw new Error("The collaboration server is shutting down.");
      const document = await registry.acquire(workspaceId);
      try {
        await document.write(fn, origin);
        // A form post redirects to a page that reads what afterDurable writes (the Action table): now, not after its debounce.
        await hooks.afterDurable?.flush(document);
      } finally {
        registry.release(document);
      }
    },

    async open() {
      await storage.open?.();
      await fanout.open();
    },

    async readDocument(workspaceId, reader) {
      if (stopping) throw new Error("The collaboration server is shutting down.");
      const document = await registry.acquire(workspaceId);
      try {
        return reader(document.ydoc);
      } finally {
        registry.release(document);
      }
    },

    closeConnections: (filter, reason, kind = "recheck") => revocations.close(filter, reason, kind),

    loadedDocumentCount: () => registry.loadedCount,

    connectedTo(workspaceId) {
      let count = 0;
      for (const connection of connections) if (connection.workspaceId === workspaceId) count++;
      return count;
    },

    async forgetDocument(workspaceId, reason) {
      // Other instances may have the plan open too (the "workshop is live" check counts this instance's boards).
      revocations.announceGone(workspaceId, reason);
      await forgetHere(workspaceId, reason);
    },

    async shutdown() {
      if (stopping) return;
      stopping = true;
      clearInterval(sweep);
      refusals.flush();
      for (const answer of [...held]) answer();
      // What clients send from now on is re-sent by their next sync, wherever they reconnect.
      for (const connection of connections) connection.detach();
      await journal.drain();
      for (const connection of [...connections]) connection.close(CloseCode.serverRestarting, "The server is restarting; you will be reconnected.");
      await registry.unloadAll();
      // The write connections close, what they wrote synced to disk, before the process exits.
      await Promise.resolve(storage.close?.()).catch((error: Error) => log.error("could not finish saving on shutdown", { error: error.message }));
      await fanout.close();
      wss.close();
    },
  };
}
