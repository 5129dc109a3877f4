// The child side of spawnServer.ts's protocol: listen on a free port and print {"port":N}; on "memory"
// from stdin, collect garbage and print memory use and the number of loaded documents; on "cpu", print the
// CPU time this process has used so far, in microseconds (JSON lines on stdout).
import type http from "node:http";

export function serveToParent(server: http.Server, loadedDocuments: () => number): void {
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + "\n");
  });
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (text: string) => {
    if (text.includes("cpu")) {
      const { user, system } = process.cpuUsage();
      process.stdout.write(JSON.stringify({ cpuMicros: user + system }) + "\n");
    }
    if (!text.includes("memory")) return;
    global.gc?.();
    const usage = process.memoryUsage();
    process.stdout.write(JSON.stringify({ memory: { rss: usage.rss, heapUsed: usage.heapUsed }, documents: loadedDocuments() }) + "\n");
  });
}
