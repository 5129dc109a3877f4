// The reference y-websocket server (@y/websocket-server 0.1.1, no persistence) for side-by-side figures.
// Prints {"port":N}; "memory" on stdin prints memory use. Run with: node --expose-gc --import tsx bench/support/referenceServer.ts
import http from "node:http";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { serveToParent } from "../../tests/support/collab/childProtocol";

const server = http.createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true });
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request));
});
serveToParent(server, () => docs.size);
process.on("SIGTERM", () => process.exit(0));
