import { z } from "zod";
import { analyseRound, getQuestionSet, nationalBenchmarks, type Benchmark, type BenchmarkValue, type RoundAnalysis } from "~/domain/poet";
import { db } from "./db.server";
import { disclosureThresholdFor } from "./organisation.server";
import { respondentFromRow, withRoundTally } from "./roundPeople.server";
import { byRoundDate, roundDate } from "./roundRecord.server";

/** The council's rounds, newest survey first; archived ones only when asked for. */
export async function listRounds(orgId: string, options: { archived?: boolean } = {}) {
  const rounds = await db().poetRound.findMany({
    where: { orgId, archivedAt: options.archived ? { not: null } : null },
    select: { id: true, name: true, kind: true, respondentCount: true, isSynthetic: true, importedAt: true, fileName: true, fieldworkStart: true, fieldworkEnd: true, archivedAt: true },
    orderBy: { importedAt: "desc" },
  });
  return rounds.sort((a, b) => byRoundDate(b, a));
}

/** One round of this council (scope in the query), or null. */
export async function findRound(orgId: string, roundId: string) {
  return db().poetRound.findFirst({
    where: { id: roundId, orgId },
    include: { benchmark: true },
  });
}

const Band = z.object({ low: z.number(), high: z.number(), text: z.string(), easyText: z.string() });
const BenchmarkValues = z.array(z.object({ question: z.string(), group: z.string(), percent: z.number(), n: z.number().nullable(), band: Band.optional() }));

export type RoundEvidence = { analysis: RoundAnalysis; benchmark: Benchmark; questionSetVersion: string };

// An imported round never changes; a collected one changes only with its revision. So the analysis is
// kept per round, revision and the council's disclosure threshold (a few at most) instead of recomputed per
// page, on every app instance; changing the threshold takes effect at once. What is kept is the promise,
// so looks at the same round and revision that arrive while it is being worked out share that one piece
// of work. A collected round's people are kept counted between revisions (roundPeople.server.ts,
// docs/decisions/030), so a new answer costs reading that answer, not the whole round.
const cache = new Map<string, Promise<RoundEvidence | null>>();
const CACHE_SIZE = 8;

/** The findings and process links of one round of this council, against its benchmark; null if not this council's. */
export async function loadRoundEvidence(orgId: string, roundId: string, known?: { id: string; orgId: string; revision: number }): Promise<RoundEvidence | null> {
  // Every page that shows findings asks this: two small reads in parallel (one when the caller has just
  // read this round of this council, `known`), and the rest only when the analysis of this revision is
  // not already kept.
  const [current, disclosureThreshold] = await Promise.all([
    known && known.id === roundId && known.orgId === orgId ? known : db().poetRound.findFirst({ where: { id: roundId, orgId }, select: { id: true, revision: true } }),
    disclosureThresholdFor(orgId),
  ]);
  if (!current) return null;
  const key = `${current.id}@${current.revision}~${disclosureThreshold}`;
  let evidence = cache.get(key);
  if (evidence) {
    cache.delete(key); // most recently used last
  } else {
    evidence = workOutEvidence(orgId, roundId, current.revision, disclosureThreshold);
    evidence.catch(() => cache.get(key) === evidence && cache.delete(key));
  }
  cache.set(key, evidence);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return evidence;
}

async function workOutEvidence(orgId: string, roundId: string, revision: number, disclosureThreshold: number): Promise<RoundEvidence | null> {
  const round = await findRound(orgId, roundId);
  if (!round) return null;
  const questionSet = getQuestionSet(round.questionSetVersion);
  if (!questionSet) throw new Error(`Round ${round.id} uses unknown question set ${round.questionSetVersion}`);
  const benchmark: Benchmark = round.benchmark
    ? {
        name: round.benchmark.name,
        questionSetVersion: round.benchmark.questionSetVersion,
        approximate: round.benchmark.isApproximate,
        source: round.benchmark.source,
        values: BenchmarkValues.parse(JSON.parse(round.benchmark.values)) as BenchmarkValue[],
      }
    : nationalBenchmarks[round.questionSetVersion]!;
  let analysis: RoundAnalysis;
  if (round.kind === "aggregate") {
    const rows = await db().aggregateRow.findMany({ where: { roundId: round.id }, select: { question: true, group: true, positive: true, total: true } });
    analysis = analyseRound(questionSet, { kind: "aggregate", rows }, benchmark, { disclosureThreshold });
  } else if (mayChange(round)) {
    // A collected round: its kept tally, moved by what changed since it was last looked at.
    analysis = await withRoundTally({ id: round.id, revision, questionsInFile: round.questionsInFile }, questionSet, (tally) => tally.analysis(benchmark, { disclosureThreshold }));
  } else {
    const rows = await db().respondent.findMany({ where: { roundId: round.id } });
    const respondents = rows.map(respondentFromRow);
    const questionsInFile = round.questionsInFile ? round.questionsInFile.split(",") : undefined;
    analysis = analyseRound(questionSet, { kind: "respondents", respondents, questionsInFile }, benchmark, { disclosureThreshold });
  }
  return { analysis, benchmark, questionSetVersion: round.questionSetVersion };
}

/**
 * Whether a round's people can change: a collection's round (and rounds cut from it, whose answers can
 * still be withdrawn) or any round whose revision has moved. An imported file's round never changes, so
 * its analysis is kept above and its people need not be.
 */
function mayChange(round: { fileSha256: string; revision: number }): boolean {
  return round.fileSha256.startsWith("collection:") || round.revision > 0;
}

/** The council's rounds surveyed after this one (fieldwork date, else import time), same question set, oldest first; archived ones left out. */
export async function findLaterRounds(orgId: string, after: { id?: string; importedAt: Date; fieldworkStart?: Date | null; fieldworkEnd?: Date | null; questionSetVersion: string }) {
  const since = roundDate({ fieldworkStart: after.fieldworkStart ?? null, fieldworkEnd: after.fieldworkEnd ?? null, importedAt: after.importedAt });
  const rounds = await db().poetRound.findMany({
    where: { orgId, questionSetVersion: after.questionSetVersion, archivedAt: null, ...(after.id ? { id: { not: after.id } } : {}) },
    select: { id: true, name: true, importedAt: true, fieldworkStart: true, fieldworkEnd: true },
  });
  return rounds.filter((r) => roundDate(r) > since || (roundDate(r).getTime() === since.getTime() && r.importedAt > after.importedAt)).sort(byRoundDate);
}
