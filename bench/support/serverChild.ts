// What the scale-out benchmark asks of a spawned collaboration server (tests/support/collab/childProtocol.ts),
// and the percentiles it prints.
import os from "node:os";
import type { ServerChild } from "../../tests/support/collab/spawnServer";

/** The CPU time (user + system, microseconds) the server child has used so far, from its stdin protocol. */
export function serverCpuMicros(server: ServerChild): Promise<number> {
  return new Promise<number>((resolve) => {
    const onLine = (line: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return; // a line the server logged, not an answer
      }
      if (parsed && typeof parsed === "object" && "cpuMicros" in parsed) {
        server.lines.off("line", onLine);
        resolve(Number((parsed as { cpuMicros: unknown }).cpuMicros));
      }
    };
    server.lines.on("line", onLine);
    server.child.stdin!.write("cpu\n");
  });
}

/** The value below which p% of the samples lie (nearest rank); NaN when there are none. */
export function percentileOf(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The machine's load averages (1, 5, 15 minutes) as `uptime` prints them, with the number of cores. */
export function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} on ${os.cpus().length} cores`;
}
