// Benchmarking with other councils on the same installation. Only rounds their council chose to share
// count, and only their aggregate figures (the percentages already on their own round page, with their
// own disclosure threshold applied) — never a respondent. One round per council: its latest shared round
// of the same question set, by fieldwork date. A council is named only if it chose to be.
import { peerDistribution, type PeerDistribution, type PeerFigure } from "~/domain/poet/peerDistribution";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { byRoundDate } from "~/models/roundRecord.server";

/** Each other council's figures, finding id → percent, from its latest shared round of this question set. */
export async function sharedPeerFigures(orgId: string, questionSetVersion: string): Promise<{ name: string | null; percents: Map<string, number> }[]> {
  const rounds = await db().poetRound.findMany({
    where: { sharedWithPeers: true, archivedAt: null, questionSetVersion, orgId: { not: orgId }, isSynthetic: false },
    select: { id: true, orgId: true, importedAt: true, fieldworkStart: true, fieldworkEnd: true, org: { select: { name: true, namedToPeers: true, isDemo: true } } },
  });
  const latest = new Map<string, (typeof rounds)[number]>();
  for (const round of rounds.filter((r) => !r.org.isDemo).sort(byRoundDate)) latest.set(round.orgId, round);
  const peers = await Promise.all(
    [...latest.values()].map(async (round) => {
      const evidence = await loadRoundEvidence(round.orgId, round.id);
      const percents = new Map<string, number>();
      for (const f of evidence?.analysis.findings ?? []) if (f.percent !== null && f.positive !== null && f.n) percents.set(f.id, f.percent);
      return { name: round.org.namedToPeers ? round.org.name : null, percents };
    }),
  );
  return peers;
}

/** Where this council's figure for a finding sits among the councils sharing it; null when fewer than five do. */
export function peerComparisonFor(findingId: string, own: number | null, peers: Awaited<ReturnType<typeof sharedPeerFigures>>): PeerDistribution | null {
  if (own === null) return null;
  const figures: PeerFigure[] = peers.flatMap((p) => {
    const percent = p.percents.get(findingId);
    return percent === undefined ? [] : [{ percent, name: p.name }];
  });
  return peerDistribution(own, figures);
}
