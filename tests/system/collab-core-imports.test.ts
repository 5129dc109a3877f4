// The collaboration core (server/collab/core/) knows nothing of POET: no file it imports, however
// indirectly, is under app/ (nor reached through the `~/` alias). Read from the import graph on disk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const core = path.join(root, "server/collab/core");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function specifiers(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.(ts|tsx|mjs|js)$/)) return candidate;
  }
  throw new Error(`${path.relative(root, from)} imports ${specifier}, which does not resolve to a file`);
}

/** Every file the core reaches through relative imports, with the chain that reached it. */
function importGraph(): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const queue = readdirSync(core)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => [path.join(core, name), [] as string[]] as const);
  while (queue.length > 0) {
    const [file, chain] = queue.shift()!;
    if (reached.has(file)) continue;
    reached.set(file, chain);
    for (const specifier of specifiers(file)) {
      const via = [...chain, path.relative(root, file)];
      if (specifier.startsWith("~/")) reached.set(`~alias:${specifier}`, via);
      else if (specifier.startsWith(".")) queue.push([resolveRelative(file, specifier), via]);
    }
  }
  return reached;
}

describe("the collaboration core", () => {
  it("imports nothing from app/, directly or through other files", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(10); // it found the core's files
    const intoApp = [...graph]
      .filter(([file]) => file.startsWith("~alias:") || file.startsWith(path.join(root, "app") + path.sep))
      .map(([file, chain]) => `${file.replace(root + path.sep, "")} (via ${chain.join(" -> ")})`);
    expect(intoApp).toEqual([]);
  });

  it("the check sees an import into app/ when there is one", () => {
    // Guards the test itself: the regular expression must find this file's own imports.
    expect(specifiers(path.join(root, "server/collab/poet.ts")).some((s) => s.startsWith("~/"))).toBe(true);
  });
});
