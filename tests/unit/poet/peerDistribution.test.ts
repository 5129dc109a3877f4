// Hand-worked: five peers at 40, 50, 60, 70, 80 have median 60 and quartiles 50 and 70 (QUARTILE.INC).
import { describe, expect, it } from "vitest";
import { MIN_PEERS, peerDistribution, peerSentence } from "~/domain/poet/peerDistribution";

const peers = (...percents: number[]) => percents.map((percent) => ({ percent, name: null }));

describe("where a council sits among its peers", () => {
  it("says nothing with fewer than five other councils", () => {
    expect(MIN_PEERS).toBe(5);
    expect(peerDistribution(55, peers(40, 50, 60, 70))).toBeNull();
  });

  it("gives the peers' median, quartiles and how many are above and below", () => {
    const d = peerDistribution(75, peers(80, 40, 60, 50, 70))!;
    expect(d).toMatchObject({ peers: 5, median: 60, lowerQuartile: 50, upperQuartile: 70, below: 4, above: 1, named: [] });
    expect(peerSentence(75, d)).toBe("Your council's 75% is in the top quarter of 5 other councils sharing this figure (their median 60%, middle half 50% to 70%): higher than 4, lower than 1.");
  });

  it("interpolates quartiles between councils and names only those who chose to be", () => {
    const d = peerDistribution(45, [...peers(10, 20, 30, 40, 50), { percent: 60, name: "Northshire" }])!;
    expect(d.median).toBe(35);
    expect(d.lowerQuartile).toBe(22.5);
    expect(d.upperQuartile).toBe(47.5);
    expect(d.named).toEqual([{ name: "Northshire", percent: 60 }]);
    expect(peerSentence(45, d)).toContain("in the upper middle");
  });
});
