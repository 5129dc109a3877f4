// The stress run's printed report: what was tried, what broke, how the honest pair fared.
import { percentile, ROLES, type StressReport } from "./run";

const ms = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} ms`);
const mb = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(0)} MB`);
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join(", ");

/** No crash, no rule break, the honest document whole, and every role sent what it was asked to. */
export function stressPassed(report: StressReport): boolean {
  return report.crashes.length === 0 && report.ruleBreaks === 0 && report.honestCorrect && report.roles.every((r) => r.framesSent >= report.framesPerRole);
}

export function formatReport(report: StressReport): string {
  const lines: string[] = [];
  const out = (line = "") => lines.push(line);
  out(`Hostile-client stress run — ${report.database}, seed ${report.seed}${report.wellFormedOnly ? ", well-formed frames only" : ""}, ${(report.durationMs / 1000).toFixed(0)} s`);
  out();
  out("Frames tried per role (each socket sent its own presence first, then hostile frames):");
  for (const role of ROLES) {
    const r = report.roles.find((s) => s.role === role)!;
    const short = r.framesSent < report.framesPerRole ? ` (short of the ${report.framesPerRole} asked for)` : "";
    out(`  ${role.padEnd(12)} ${String(r.framesSent).padStart(6)} frames${short} on ${r.connections} sockets; offenders closed ${r.closedByServer} (codes ${top(r.closeCodes, 6) || "none"}); refused connects ${r.refusedConnects}`);
    out(`  ${"".padEnd(12)} sockets ended: ${top(r.socketEnds, 6) || "none"}; ${(r.connectMs / 1000).toFixed(1)} s connecting, ${(r.craftMs / 1000).toFixed(1)} s crafting frames`);
  }
  const kinds = new Map<string, number>();
  for (const r of report.roles) for (const [k, v] of r.byKind) kinds.set(k.replace(/^(update|sync-step-2): .*/, "$1: (rule change)"), (kinds.get(k.replace(/^(update|sync-step-2): .*/, "$1: (rule change)")) ?? 0) + v);
  out(`  kinds: ${top(kinds, 30)}`);
  out(`Hostile upgrades tried: ${report.upgrades.tried}`);
  for (const [outcome, count] of [...report.upgrades.outcomes].sort((x, y) => y[1] - x[1]).slice(0, 20)) out(`  ${outcome} ×${count}`);
  out();
  out(`Process crashes: ${report.crashes.length}${report.crashes.length ? "   <-- must be 0" : ""}`);
  for (const [i, crash] of report.crashes.slice(0, 8).entries()) {
    const error = crash.lastLines.find((l) => /^\w*Error\b|Error:/.test(l.trim()));
    const where = crash.lastLines.find((l) => /at .*\/server\//.test(l));
    const shown = [error, where].filter(Boolean).map((l) => l!.trim().replace(/\(\/.*?\/(server\/[^)]*)\)/, "($1)"));
    out(`  #${i + 1} exit ${crash.code ?? crash.signal}: ${(shown.length ? shown : crash.lastLines.slice(-3)).join(" ← ").slice(0, 300)}`);
  }
  if (report.aborted) out(`  ${report.aborted}`);
  out(`Rule breaks reaching the store or other clients: ${report.ruleBreaks}${report.ruleBreaks ? "   <-- must be 0" : ""}`);
  for (const [kind, entry] of report.breaks) {
    out(`  ${kind}: ${entry.count}`);
    for (const sample of entry.samples) out(`      e.g. ${sample}`);
  }
  out(`Honest pair's document correct: ${report.honestCorrect ? "yes" : "NO"} (${report.honestEdits} edits; both peers converge and hold every honest edit, nothing else in their notes; the reloaded document equals theirs)`);
  for (const problem of report.honestProblems) out(`  ${problem}`);
  out();
  const q = report.latency.quiet;
  const att = report.latency.attack;
  out(`Edit-to-peer latency: quiet p50 ${ms(percentile(q, 50))}, p99 ${ms(percentile(q, 99))} (${q.length} edits); during the attack p50 ${ms(percentile(att, 50))}, p99 ${ms(percentile(att, 99))} (${att.length} edits)`);
  for (const role of ROLES) {
    const s = report.latency.byPhase[role] ?? [];
    out(`  during the ${role} attack: p99 ${ms(percentile(s, 99))}, max ${ms(s.length ? Math.max(...s) : null)} (${s.length} edits)`);
  }
  const p = report.presenceBytes;
  const rate = (bytes: number, span: number) => (span ? `${((bytes / 1024 / 1024) * (1000 / span)).toFixed(2)} MB/s` : "n/a");
  out(`Presence traffic pushed to one honest peer: quiet ${rate(p.quiet, p.quietMs)}, attack ${rate(p.attack, p.attackMs)} (${(p.attack / 1024 / 1024).toFixed(1)} MB in all)`);
  out(`Server RSS: before ${mb(report.rssMb.before)}, after ${mb(report.rssMb.after)}`);
  out();
  out(stressPassed(report) ? "PASS: no crash, no rule break, honest document correct, every role sent its frames" : "FAIL");
  return lines.join("\n");
}
