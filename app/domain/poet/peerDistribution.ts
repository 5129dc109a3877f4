// Where a council sits among other councils on one figure: the peers' median and quartiles, and how many
// of them it is above or below. Nothing is said with fewer than MIN_PEERS peers, so no single council's
// figure can be read off the summary.

/** The fewest other councils sharing an item before anything about them is shown. */
export const MIN_PEERS = 5;

export type PeerFigure = { percent: number; name: string | null };

export type PeerDistribution = {
  peers: number;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  /** Peers with a lower figure than this council, and with a higher one. */
  below: number;
  above: number;
  /** The councils that chose to be named, with their figures; the rest are counted, never named. */
  named: { name: string; percent: number }[];
};

// Linear interpolation between order statistics (Hyndman & Fan type 7, the spreadsheet QUARTILE.INC).
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** This council's figure against its peers' (never including itself); null below MIN_PEERS peers. */
export function peerDistribution(own: number, peers: readonly PeerFigure[]): PeerDistribution | null {
  if (peers.length < MIN_PEERS) return null;
  const sorted = peers.map((p) => p.percent).sort((a, b) => a - b);
  return {
    peers: peers.length,
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
    below: sorted.filter((p) => p < own).length,
    above: sorted.filter((p) => p > own).length,
    named: peers.flatMap((p) => (p.name ? [{ name: p.name, percent: p.percent }] : [])).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One plain sentence: where the council sits. */
export function peerSentence(own: number, d: PeerDistribution): string {
  const pct = (x: number) => `${Math.round(x)}%`;
  const where =
    own > d.upperQuartile ? "in the top quarter" : own < d.lowerQuartile ? "in the bottom quarter" : own >= d.median ? "in the upper middle" : "in the lower middle";
  return `Your council's ${pct(own)} is ${where} of ${d.peers} other councils sharing this figure (their median ${pct(d.median)}, middle half ${pct(d.lowerQuartile)} to ${pct(d.upperQuartile)}): higher than ${d.below}, lower than ${d.above}.`;
}
