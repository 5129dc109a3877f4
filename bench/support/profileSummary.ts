// Sums a V8 CPU profile's self time by function and by file: what the collaboration server spends its CPU on
// (bench/collab.ts with BENCH_COLLAB_CPU_PROFILE=<folder>). Run: npx tsx bench/support/profileSummary.ts <file.cpuprofile> [top N]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Self time (ms) per node id, from the samples and the time between them. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + delta / 1000);
  }
  return self;
}

const shortFile = (url: string) => url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "nm:").replace(/^\/work\/[^/]+\/[^/]+\//, "").replace(/^\/work\/main\//, "") || "(native)";

export function summarise(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const self = selfTimes(profile);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idle += ms;
      continue;
    }
    total += ms;
    const key = `${functionName || "(anonymous)"} ${shortFile(url)}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(shortFile(url), (byFile.get(shortFile(url)) ?? 0) + ms);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`)
      .join("\n");
  return `${file}: ${total.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle\nself time by function:\n${rows(byFunction)}\nself time by file:\n${rows(byFile)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npx tsx bench/support/profileSummary.ts <file.cpuprofile> [top N]");
    process.exit(2);
  }
  console.log(summarise(file, Number(top ?? 25)));
}
