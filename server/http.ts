// Builds the one HTTP server: health, static files, the Remix handler and the WebSocket upgrade.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { WebSocketServer } from "ws";
import type { CollabControl } from "~/services/collabControl";
import { databaseProvider, pingDatabase } from "~/models/db.server";
import { runInRequestScope } from "~/services/requestScope.server";
import type { Config } from "./config";
import { purgeStoredDocument } from "./collab/persistence";
import { withinUpgradeBoundary, UpgradeRefusal } from "./collab/core/upgradeBoundary";
import { log } from "./log";
import { originCheck, securityHeaders } from "./security";

export type AppServer = {
  server: http.Server;
  /** Listens on config.port (0 = any free port) and resolves with the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
};

/** The collaboration server as the HTTP layer sees it: the upgrade handler and the app-facing controls. */
export type CollabEndpoint = CollabControl & {
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  shutdown(): Promise<void>;
};

export type BuildSource = () => Promise<ServerBuild> | ServerBuild;

const root = path.resolve(import.meta.dirname, "..");
const HEALTH_TIMEOUT_MS = 3000;

async function health(_req: express.Request, res: express.Response) {
  const provider = databaseProvider();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      }),
    ]);
    res.status(200).json({ ok: true, db: provider });
  } catch (error) {
    log.warn("health check failed", { error: (error as Error).message });
    res.status(503).json({ ok: false, db: provider, reason: `The database did not answer: ${(error as Error).message}` });
  } finally {
    clearTimeout(timer);
  }
}

/** Until a collaboration server is plugged in: every socket is refused with a reason, so none is ever open. */
function refusingCollab(): CollabEndpoint {
  const wss = new WebSocketServer({ noServer: true });
  return {
    handleUpgrade: (request, socket, head) =>
      wss.handleUpgrade(request, socket, head, (ws) => ws.close(4503, "Live collaboration is not available on this server.")),
    closeConnections: () => 0,
    connectedTo: () => 0,
    forgetDocument: async (workspaceId) => {
      await purgeStoredDocument(workspaceId);
    },
    withDocument: async () => {
      throw new Error("Live collaboration is not available on this server.");
    },
    readDocument: async () => {
      throw new Error("Live collaboration is not available on this server.");
    },
    shutdown: async () => wss.close(),
  };
}

export function createAppServer(config: Config, build: BuildSource, collab: CollabEndpoint = refusingCollab()): AppServer {
  const app = express();
  app.disable("x-powered-by");
  // Forwarded headers are believed only from the proxies named in TRUST_PROXY: otherwise anyone could
  // choose the address the sign-in limits count by sending X-Forwarded-For.
  app.set("trust proxy", config.trustProxy);

  app.use((req, res, next) => {
    const requestId = randomUUID().slice(0, 8);
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    // A page's loaders share who the visitor is within this one request (requestScope.server).
    runInRequestScope(req.method, next);
  });
  app.get("/healthz", health);
  app.use(securityHeaders);
  app.use(originCheck(config.allowedOrigins));
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  // One Remix handler per build: given a build function, Remix rebuilds its routes and request handler
  // (every route's matcher) on every request; given the build itself, once. `npm run dev` swaps the build.
  const handlers = new WeakMap<ServerBuild, express.RequestHandler>();
  const handlerFor = (current: ServerBuild) => {
    let handler = handlers.get(current);
    if (!handler) {
      handler = createRequestHandler({
        build: current,
        mode: config.env === "production" ? "production" : "development",
        getLoadContext: (req, res) => ({
          requestId: String(res.locals.requestId),
          clientIp: req.ip ?? "",
          cspNonce: String(res.locals.cspNonce),
          collab,
          documentRequest: req.query._data === undefined,
          pageHtml: new Map(),
        }),
      });
      handlers.set(current, handler);
    }
    return handler;
  };
  app.all("*", (req, res, next) => {
    Promise.resolve(build()).then((current) => handlerFor(current)(req, res, next), next);
  });

  const server = http.createServer(app);
  // Idle keep-alive connections stay open longer than a proxy's (60 s is the common default), so a client or
  // load balancer never sends a request on a connection this server is closing at the same moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Every upgrade goes through one boundary: no request can throw out of this event and stop the process.
  server.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    withinUpgradeBoundary(log, request, socket, () => {
      const target = request.url ?? "/";
      if (!URL.canParse(target, "http://localhost")) throw new UpgradeRefusal(400, "The request address is not a valid URL.");
      if (!/^\/collab\/[^/]+$/.test(new URL(target, "http://localhost").pathname)) throw new UpgradeRefusal(404, "Only /collab/<plan id> accepts WebSocket connections.");
      collab.handleUpgrade(request, socket, head);
    });
  });

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : config.port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await collab.shutdown();
      server.closeAllConnections();
      await closed;
    },
  };
}
