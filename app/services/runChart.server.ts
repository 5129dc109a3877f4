// A finding's figure across every round of the council that asked it (same question set, archived rounds
// left out), oldest survey first: the run chart on the finding page and the action page.
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { byRoundDate, roundDate } from "~/models/roundRecord.server";

export type RunPoint = {
  roundId: string;
  round: string;
  /** The survey date (end of fieldwork, else start, else import), yyyy-mm-dd. */
  date: string;
  /** Null when the round has no figure to show: not asked, nobody answered, or withheld (too few people). */
  percent: number | null;
  /** The Wilson 95% interval computed with the finding, in percent. */
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
};

/** Every (non-archived) round of this council in the question set, with the finding's figure in each; scoped by council. */
export async function findingRunChart(orgId: string, questionSetVersion: string, findingId: string): Promise<RunPoint[]> {
  const rounds = await db().poetRound.findMany({
    where: { orgId, questionSetVersion, archivedAt: null },
    select: { id: true, name: true, importedAt: true, fieldworkStart: true, fieldworkEnd: true },
  });
  rounds.sort(byRoundDate);
  return Promise.all(
    rounds.map(async (r) => {
      const evidence = await loadRoundEvidence(orgId, r.id);
      const f = evidence?.analysis.findings.find((x) => x.id === findingId);
      const shown = f && f.n && f.percent !== null;
      return {
        roundId: r.id,
        round: r.name,
        date: roundDate(r).toISOString().slice(0, 10),
        percent: shown ? f.percent : null,
        ciLow: shown ? f.ciLow : null,
        ciHigh: shown ? f.ciHigh : null,
        n: shown ? f.n : null,
      };
    }),
  );
}
