// The child side of spawnServer.ts's protocol: listen on a free port and print {"port":N}; on "memory"
// from stdin, collect garbage and print memory use and the number of loaded documents; on "cpu", print the
// CPU time this process has used so far, in microseconds; on "profile-start", start the V8 CPU profiler on
// the main thread, and on "profile-stop <file>", write what it sampled since to <file> and print
// {"profiled":<file>} (bench/collab.ts with BENCH_COLLAB_CPU_PROFILE). JSON lines on stdout.
import { writeFileSync } from "node:fs";
import type http from "node:http";
import { Session } from "node:inspector/promises";

export function serveToParent(server: http.Server, loadedDocuments: () => number): void {
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + "\n");
  });
  let profiler: Session | null = null;
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (text: string) => {
    if (text.includes("profile-start") && !profiler) {
      profiler = new Session();
      profiler.connect();
      const session = profiler;
      void session.post("Profiler.enable").then(() => session.post("Profiler.start"));
    }
    const stop = /profile-stop (\S+)/.exec(text);
    if (stop && profiler) {
      const session = profiler;
      profiler = null;
      void session.post("Profiler.stop").then(({ profile }) => {
        writeFileSync(stop[1]!, JSON.stringify(profile));
        session.disconnect();
        process.stdout.write(JSON.stringify({ profiled: stop[1] }) + "\n");
      });
    }
    if (/^cpu$/m.test(text)) {
      const { user, system } = process.cpuUsage();
      process.stdout.write(JSON.stringify({ cpuMicros: user + system }) + "\n");
    }
    if (!text.includes("memory")) return;
    global.gc?.();
    const usage = process.memoryUsage();
    process.stdout.write(JSON.stringify({ memory: { rss: usage.rss, heapUsed: usage.heapUsed }, documents: loadedDocuments() }) + "\n");
  });
}
