import type { Finding } from "./finding";
import { findGroup, groupsOf } from "./groups";
import type { ProcessLink } from "./links";
import type { QuestionSet } from "./questionSet";
import type { Classification } from "./stats/classify";

const sections: [Classification, string][] = [
  ["strength", "Strengths"],
  ["weakness", "Weaknesses"],
  ["in-line", "In line with England"],
  ["too-few", "Too few to say"],
  ["no-benchmark", "No national figure to compare with"],
];

const pct = (value: number | null) => (value === null ? "–" : `${Math.round(value)}%`);

/** The findings as the round page shows them: strengths and weaknesses first, then in line, too few, then links. */
export function analysisText(findings: readonly Finding[], links: readonly ProcessLink[], questionSet: QuestionSet): string {
  const groupOrder = new Map(groupsOf(questionSet).map((g, i) => [g.id, i]));
  const lines: string[] = [];
  for (const [classification, title] of sections) {
    const chosen = findings.filter((f) => f.classification === classification);
    if (chosen.length === 0) continue;
    if (classification === "strength" || classification === "weakness") {
      // Everyone first, then each breakdown; the biggest gaps first within a group.
      chosen.sort((a, b) => (groupOrder.get(a.group) ?? 99) - (groupOrder.get(b.group) ?? 99) || Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0));
    }
    lines.push("", `${title} (${chosen.length})`);
    for (const f of chosen) {
      const figures = f.withheld ? "figures withheld" : f.percent === null ? `n=${f.n}` : `${pct(f.percent)} [${pct(f.ciLow)}–${pct(f.ciHigh)}] vs ${pct(f.national)}, n=${f.n}${f.q === null ? "" : `, q=${f.q.toPrecision(2)}`}`;
      lines.push(`  ${f.question} · ${findGroup(f.group, questionSet)?.label ?? f.group}: ${f.sentence} (${figures})`);
    }
  }
  if (links.length > 0) {
    const claimed = links.filter((l) => l.claimed).length;
    lines.push("", `How the process links to outcomes (${links.length} tested; ${claimed} unlikely to be chance, listed first)`);
    for (const l of links) lines.push(`  ${l.process} → ${l.outcome}: ${l.sentence} (n=${l.n})`);
  }
  return lines.join("\n");
}
