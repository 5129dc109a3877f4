// The Making it Real self-assessment as a workshop stage (docs/decisions/021). Everything lives under the
// document's `selfAssessment` map and is written only by the server (app/services/selfAssessment.server.ts):
// the writable surface lists nothing under it, so no browser can rate, set a consensus or save a result itself.
//
//   selfAssessment.stage                 { open, year, finishedAt } — the facilitator opens and finishes the stage
//   selfAssessment.ratings.<statement>   Y.Map voter key → rating (one rating per person: a new one replaces it)
//   selfAssessment.consensus.<statement> the rating the facilitator set for the group
//   selfAssessment.evidence.<statement>  finding ids linked as evidence
//   selfAssessment.comments.<statement>  Y.Array of { by, text, at }
//   selfAssessment.result                what was saved when the stage last finished (the same as the database row)
import * as Y from "yjs";
import { z } from "zod";

export const SELF_ASSESSMENT_KEY = "selfAssessment";

export const MIR_RATINGS = ["not-yet", "getting-there", "doing-well"] as const;
export const mirRatingSchema = z.enum(MIR_RATINGS);
export type MirRating = z.infer<typeof mirRatingSchema>;

export const MIR_RATING_LABELS: Record<MirRating, string> = { "not-yet": "Not yet", "getting-there": "Getting there", "doing-well": "Doing well" };
export const MIR_RATING_EASY: Record<MirRating, string> = {
  "not-yet": "We are not doing this yet",
  "getting-there": "We are getting there",
  "doing-well": "We are doing this well",
};

export const assessmentYearSchema = z.coerce
  .number({ invalid_type_error: "must be a year such as 2026" })
  .int("must be a whole year such as 2026")
  .min(2000, "must be 2000 or later")
  .max(2100, "must be 2100 or earlier");

const stageSchema = z.object({ open: z.boolean(), year: assessmentYearSchema, finishedAt: z.string().datetime({ offset: true }).nullable() });
export type AssessmentStage = z.infer<typeof stageSchema>;

const commentSchema = z.object({ by: z.string().max(200), text: z.string().min(1).max(2000), at: z.string().datetime({ offset: true }) });
export type AssessmentComment = z.infer<typeof commentSchema>;

export const decidedBySchema = z.enum(["consensus", "votes"]);
export type DecidedBy = z.infer<typeof decidedBySchema>;
const resultSchema = z.object({
  year: assessmentYearSchema,
  finishedAt: z.string().datetime({ offset: true }),
  ratings: z.record(z.string(), z.object({ rating: mirRatingSchema, decidedBy: decidedBySchema })),
});
export type SavedResult = z.infer<typeof resultSchema>;

export type RatingCounts = Record<MirRating, number>;

/** One statement as the group sees it right now. */
export type StatementAssessment = {
  counts: RatingCounts;
  /** Ratings cast (each person once). */
  total: number;
  consensus: MirRating | null;
  /** The group's rating: the consensus when there is one, else the most common rating; null with no ratings. */
  rating: MirRating | null;
  decidedBy: DecidedBy | null;
  evidence: string[];
  comments: AssessmentComment[];
};

export type SelfAssessmentView = {
  stage: AssessmentStage | null;
  statements: Record<string, StatementAssessment>;
  result: SavedResult | null;
};

const root = (doc: Y.Doc) => doc.getMap<unknown>(SELF_ASSESSMENT_KEY);

function childMap(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = map.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const fresh = new Y.Map<unknown>();
  map.set(key, fresh);
  return fresh;
}

function childArray(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const existing = map.get(key);
  if (existing instanceof Y.Array) return existing as Y.Array<unknown>;
  const fresh = new Y.Array<unknown>();
  map.set(key, fresh);
  return fresh;
}

const zeroCounts = (): RatingCounts => ({ "not-yet": 0, "getting-there": 0, "doing-well": 0 });

/**
 * The group's rating from its votes: the most common; a tie goes to the less favourable rating, so a split
 * room never reads as better than the more cautious half of it (ADR 021).
 */
export function ratingFromCounts(counts: RatingCounts): MirRating | null {
  let best: MirRating | null = null;
  for (const rating of MIR_RATINGS) if (counts[rating] > 0 && (best === null || counts[rating] > counts[best])) best = rating;
  return best;
}

/** The group's rating and how it was decided. */
export function groupRating(counts: RatingCounts, consensus: MirRating | null): { rating: MirRating | null; decidedBy: DecidedBy | null } {
  if (consensus) return { rating: consensus, decidedBy: "consensus" };
  const rating = ratingFromCounts(counts);
  return { rating, decidedBy: rating ? "votes" : null };
}

function readStatement(doc: Y.Doc, statementId: string): StatementAssessment {
  const map = root(doc);
  const counts = zeroCounts();
  const ratings = (map.get("ratings") as Y.Map<unknown> | undefined)?.get(statementId);
  if (ratings instanceof Y.Map) ratings.forEach((value) => {
    const parsed = mirRatingSchema.safeParse(value);
    if (parsed.success) counts[parsed.data]++;
  });
  const consensusMap = map.get("consensus");
  const consensusRaw = consensusMap instanceof Y.Map ? consensusMap.get(statementId) : undefined;
  const consensus = mirRatingSchema.safeParse(consensusRaw).success ? (consensusRaw as MirRating) : null;
  const evidenceMap = map.get("evidence");
  const evidenceRaw = evidenceMap instanceof Y.Map ? evidenceMap.get(statementId) : undefined;
  const evidence = z.array(z.string().max(200)).max(200).safeParse(evidenceRaw);
  const commentsMap = map.get("comments");
  const list = commentsMap instanceof Y.Map ? commentsMap.get(statementId) : undefined;
  const comments = list instanceof Y.Array ? list.toArray().flatMap((c) => (commentSchema.safeParse(c).success ? [c as AssessmentComment] : [])) : [];
  return { counts, total: counts["not-yet"] + counts["getting-there"] + counts["doing-well"], consensus, ...groupRating(counts, consensus), evidence: evidence.success ? evidence.data : [], comments };
}

/** The whole self-assessment for these statements (bad values are skipped, never shown). */
export function readSelfAssessment(doc: Y.Doc, statementIds: readonly string[]): SelfAssessmentView {
  const map = root(doc);
  const stage = stageSchema.safeParse(map.get("stage"));
  const result = resultSchema.safeParse(map.get("result"));
  return {
    stage: stage.success ? stage.data : null,
    statements: Object.fromEntries(statementIds.map((id) => [id, readStatement(doc, id)])),
    result: result.success ? result.data : null,
  };
}

/** This person's own rating of a statement (their voter key), or null. */
export function myRating(doc: Y.Doc, statementId: string, voterKey: string): MirRating | null {
  const ratings = (root(doc).get("ratings") as Y.Map<unknown> | undefined)?.get(statementId);
  const value = ratings instanceof Y.Map ? ratings.get(voterKey) : undefined;
  return mirRatingSchema.safeParse(value).success ? (value as MirRating) : null;
}

/**
 * Opens the stage for a year. Reopening the same year keeps what was given, so the group can carry on; a
 * different year starts afresh (ratings, agreed ratings, evidence and comments belong to their year).
 */
export function openStage(doc: Y.Doc, year: number, origin?: unknown): void {
  const stage = stageSchema.parse({ open: true, year, finishedAt: null });
  doc.transact(() => {
    const map = root(doc);
    const before = stageSchema.safeParse(map.get("stage"));
    if (before.success && before.data.year !== year) for (const key of ["ratings", "consensus", "evidence", "comments"]) map.delete(key);
    map.set("stage", stage);
  }, origin);
}

/** Records one person's rating (replacing their earlier one), or takes it back with null. */
export function setRating(doc: Y.Doc, statementId: string, voterKey: string, rating: MirRating | null, origin?: unknown): void {
  doc.transact(() => {
    const ratings = childMap(root(doc), "ratings");
    const mine = childMap(ratings, statementId);
    if (rating === null) mine.delete(voterKey);
    else if (mine.get(voterKey) !== rating) mine.set(voterKey, mirRatingSchema.parse(rating));
  }, origin);
}

/** Sets (or clears, with null) the group's agreed rating for a statement. */
export function setConsensus(doc: Y.Doc, statementId: string, rating: MirRating | null, origin?: unknown): void {
  doc.transact(() => {
    const consensus = childMap(root(doc), "consensus");
    if (rating === null) consensus.delete(statementId);
    else consensus.set(statementId, mirRatingSchema.parse(rating));
  }, origin);
}

/** Links or unlinks a finding as evidence for a statement. */
export function setEvidence(doc: Y.Doc, statementId: string, findingId: string, linked: boolean, origin?: unknown): void {
  doc.transact(() => {
    const evidence = childMap(root(doc), "evidence");
    const current = readStatement(doc, statementId).evidence;
    const next = linked ? [...new Set([...current, findingId])] : current.filter((id) => id !== findingId);
    if (next.length !== current.length) evidence.set(statementId, next);
  }, origin);
}

/** Adds a comment on a statement. */
export function addComment(doc: Y.Doc, statementId: string, comment: AssessmentComment, origin?: unknown): void {
  const checked = commentSchema.parse(comment);
  doc.transact(() => {
    const comments = childMap(root(doc), "comments");
    childArray(comments, statementId).push([checked]);
  }, origin);
}

/** Closes the stage and records what was saved, so every screen shows the saved result. */
export function finishStage(doc: Y.Doc, result: SavedResult, origin?: unknown): void {
  const checked = resultSchema.parse(result);
  doc.transact(() => {
    root(doc).set("stage", stageSchema.parse({ open: false, year: checked.year, finishedAt: checked.finishedAt }));
    root(doc).set("result", checked);
  }, origin);
}

/** Whether a rating moved up, down or stayed the same since an earlier one (null when there was none). */
export type Movement = "up" | "down" | "same";
export function movement(now: MirRating, before: MirRating | null | undefined): Movement | null {
  if (!before) return null;
  const d = MIR_RATINGS.indexOf(now) - MIR_RATINGS.indexOf(before);
  return d > 0 ? "up" : d < 0 ? "down" : "same";
}

export const MOVEMENT_LABELS: Record<Movement, string> = { up: "Moved up", down: "Moved down", same: "Same as before" };

/** "Compared with 2025: 3 moved up, 1 moved down, 8 the same." */
export function comparisonSentence(a: { earlier: { year: number; planName: string; samePlan: boolean } | null; moved: Record<Movement, number> }): string {
  if (!a.earlier) return "There is no earlier self-assessment to compare with.";
  const from = a.earlier.samePlan ? `${a.earlier.year}` : `${a.earlier.year} (plan “${a.earlier.planName}”)`;
  return `Compared with ${from}: ${a.moved.up} moved up, ${a.moved.down} moved down, ${a.moved.same} the same.`;
}
