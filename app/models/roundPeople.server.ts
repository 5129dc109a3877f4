// The people of the rounds that collections are filling, kept counted in this process (docs/decisions/030).
// A live round page used to read and parse every respondent and count them all again after each new
// answer; now each collected round keeps a RoundTally and what every respondent row added to it, and a
// look at a newer revision reads only the round's respondent ids, fetches the rows it has not seen and
// takes out the ones that are gone (withdrawn, or cut into another round) — by whichever app instance.
//
// Respondent ids are random on purpose (docs/decisions/012: no arrival order or time on an answer), so
// "what is new" is found by comparing ids, not by reading past a position.
import { z } from "zod";
import type { QuestionSet } from "~/domain/poet";
import type { Respondent } from "~/domain/poet/respondentFields";
import { RoundTally, type Contribution } from "~/domain/poet/roundTally";
import { databaseProvider, db } from "./db.server";

const Answers = z.record(z.string());

/** Respondents kept across all rounds in this process by default; the least recently looked-at rounds go first. */
export const DEFAULT_PEOPLE_KEPT = 250_000;
// Set at start-up from ROUND_PEOPLE_KEPT (server/config.ts); a global slot, because the Remix build and the
// server load this module separately.
const limitSlot = Symbol.for("poet-action-planner.round-people-kept");
type GlobalWithLimit = typeof globalThis & { [limitSlot]?: number };

/** How many respondents this process keeps counted across rounds (0: none, every new revision is counted afresh). */
export function setRoundPeopleKept(people: number): void {
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`The number of people kept must be a whole number from 0, not ${people}`);
  (globalThis as GlobalWithLimit)[limitSlot] = people;
}

const peopleKept = () => (globalThis as GlobalWithLimit)[limitSlot] ?? DEFAULT_PEOPLE_KEPT;

/** Rows fetched by id at once (well under SQLite's and PostgreSQL's limits on query parameters). */
const FETCH_AT_ONCE = 500;

type RoundPeople = {
  roundId: string;
  questionSet: QuestionSet;
  questionsInFile: string;
  tally: RoundTally;
  /** Respondent row id → what that row added to the tally. */
  rows: Map<string, Contribution>;
  /** The round's revision read before the rows were last compared: the tally holds at least that. */
  revision: number;
  /** Syncs and analyses of one round run one after another: the tally is changed in place. */
  turn: Promise<unknown>;
};

const kept = new Map<string, RoundPeople>();
const stats = { fullReads: 0, rowsFetched: 0, rowsDropped: 0, idReads: 0 };

/** What this process holds: rounds, people, and how often it had to read rows (for the bench and tests). */
export function roundPeopleStats() {
  let people = 0;
  for (const entry of kept.values()) people += entry.rows.size;
  return { rounds: kept.size, people, limit: peopleKept(), ...stats };
}

/** Forgets every round (tests that want a cold start). */
export function forgetRoundPeople() {
  kept.clear();
}

type RoundToCount = { id: string; revision: number; questionsInFile: string };

/**
 * Runs `use` on the tally of this round's people as they are at `revision` or later, under the round's
 * turn (nothing else changes that tally meanwhile). Kept for the next look unless the round alone is
 * more people than this process keeps.
 */
export async function withRoundTally<T>(round: RoundToCount, questionSet: QuestionSet, use: (tally: RoundTally) => T): Promise<T> {
  let entry = kept.get(round.id);
  if (!entry || entry.questionSet !== questionSet || entry.questionsInFile !== round.questionsInFile) {
    entry = {
      roundId: round.id,
      questionSet,
      questionsInFile: round.questionsInFile,
      tally: new RoundTally(questionSet, round.questionsInFile ? round.questionsInFile.split(",") : undefined),
      rows: new Map(),
      revision: -1,
      turn: Promise.resolve(),
    };
    kept.set(round.id, entry);
  }
  const current = entry;
  // Most recently used last.
  kept.delete(round.id);
  kept.set(round.id, current);
  const result = current.turn.then(async () => {
    if (current.revision < round.revision || current.revision === -1) await catchUp(current, round.revision);
    return use(current.tally);
  });
  current.turn = result.catch(() => undefined);
  try {
    return await result;
  } catch (error) {
    // Rows are added and taken out whole, so a failed read leaves the tally true to its rows; still, start
    // this round afresh next time rather than trust a process that just failed to read.
    if (kept.get(round.id) === current) kept.delete(round.id);
    throw error;
  } finally {
    evict(current);
  }
}

/** Brings the tally to the round's rows as they are now (read after `revision` was, so at least that). */
async function catchUp(entry: RoundPeople, revision: number) {
  if (entry.rows.size === 0) {
    // First look: every row in one read.
    stats.fullReads++;
    const rows = await db().respondent.findMany({ where: { roundId: entry.roundId }, select: SELECTED });
    for (const row of rows) addRow(entry, row);
    stats.rowsFetched += rows.length;
    entry.revision = revision;
    return;
  }
  stats.idReads++;
  const ids = await respondentIds(entry.roundId);
  const now = new Set<string>();
  const added: string[] = [];
  for (const id of ids) {
    now.add(id);
    if (!entry.rows.has(id)) added.push(id);
  }
  for (const [id, contribution] of entry.rows) {
    if (now.has(id)) continue;
    entry.tally.remove(contribution);
    entry.rows.delete(id);
    stats.rowsDropped++;
  }
  for (let i = 0; i < added.length; i += FETCH_AT_ONCE) {
    // A row listed above but gone by now was withdrawn meanwhile; that bumped the revision, so the next look compares again.
    const rows = await db().respondent.findMany({ where: { roundId: entry.roundId, id: { in: added.slice(i, i + FETCH_AT_ONCE) } }, select: SELECTED });
    for (const row of rows) addRow(entry, row);
    stats.rowsFetched += rows.length;
  }
  entry.revision = revision;
}

/**
 * The ids of a round's respondents, as one string from the database (group_concat / string_agg): a third
 * of the time of one row per id through the client, which is most of a look after a new answer.
 */
export async function respondentIds(roundId: string): Promise<string[]> {
  const sql =
    databaseProvider() === "sqlite"
      ? `SELECT group_concat("id", ',') AS "ids" FROM "Respondent" WHERE "roundId" = ?`
      : `SELECT string_agg("id", ',') AS "ids" FROM "Respondent" WHERE "roundId" = $1`;
  const [row] = await db().$queryRawUnsafe<{ ids: string | null }[]>(sql, roundId);
  return row?.ids ? row.ids.split(",") : [];
}

const SELECTED = { id: true, externalId: true, survey: true, ageBand: true, supportReason: true, budgetManagement: true, answers: true } as const;
type Row = { id: string; externalId: string; survey: string; ageBand: string; supportReason: string; budgetManagement: string; answers: string };

/** A stored respondent row as the analysis reads it (one conversion for every reader of the table). */
export function respondentFromRow(row: Omit<Row, "id">): Respondent {
  return {
    id: row.externalId,
    survey: row.survey as Respondent["survey"],
    ageBand: (row.ageBand || null) as Respondent["ageBand"],
    supportReason: (row.supportReason || null) as Respondent["supportReason"],
    budgetManagement: (row.budgetManagement || null) as Respondent["budgetManagement"],
    answers: Answers.parse(JSON.parse(row.answers)),
  };
}

function addRow(entry: RoundPeople, row: Row) {
  if (entry.rows.has(row.id)) return;
  const contribution = entry.tally.contribution(respondentFromRow(row));
  entry.tally.add(contribution);
  entry.rows.set(row.id, contribution);
}

/** Drops the least recently looked-at rounds until the people kept are within the limit (`just` last of all). */
function evict(just: RoundPeople) {
  const limit = peopleKept();
  let people = 0;
  for (const entry of kept.values()) people += entry.rows.size;
  for (const [id, entry] of kept) {
    if (people <= limit) return;
    if (entry === just) continue;
    kept.delete(id);
    people -= entry.rows.size;
  }
  if (people > limit && kept.get(just.roundId) === just) kept.delete(just.roundId);
}
