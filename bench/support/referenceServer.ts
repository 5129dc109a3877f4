// The reference y-websocket server (@y/websocket-server 0.1.1, no persistence) for side-by-side figures.
// Prints {"port":N}; "memory" on stdin prints memory use. Run with: node --expose-gc --import tsx bench/support/referenceServer.ts
import http from "node:http";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const server = http.createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true });
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request));
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + "\n");
});
process.stdin.setEncoding("utf8");
process.stdin.on("data", (text: string) => {
  if (text.includes("memory")) {
    global.gc?.();
    const usage = process.memoryUsage();
    process.stdout.write(JSON.stringify({ memory: { rss: usage.rss, heapUsed: usage.heapUsed }, documents: docs.size }) + "\n");
  }
});
process.on("SIGTERM", () => process.exit(0));
