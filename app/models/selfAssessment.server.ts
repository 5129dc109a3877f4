// Saved Making it Real self-assessments: one per plan and year (docs/decisions/021).
import { decidedBySchema, mirRatingSchema, type AssessmentComment, type DecidedBy, type MirRating, type RatingCounts } from "~/domain/workspace";
import { db, writeTransaction } from "./db.server";

export type SavedRating = { statementId: string; rating: MirRating; decidedBy: DecidedBy; counts: RatingCounts; evidence: string[]; comments: AssessmentComment[] };
export type SavedAssessment = { id: string; workspaceId: string; planName: string; year: number; finishedAt: string; ratings: SavedRating[] };

function parseList<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

const include = { ratings: true, workspace: { select: { name: true } } } as const;
type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
const findRow = (where: { workspaceId: string; year: number }) => db().selfAssessment.findUnique({ where: { workspaceId_year: where }, include });

function toSaved(row: Row): SavedAssessment {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    planName: row.workspace.name,
    year: row.year,
    finishedAt: row.finishedAt.toISOString(),
    ratings: row.ratings.flatMap((r) => {
      const rating = mirRatingSchema.safeParse(r.rating);
      const decidedBy = decidedBySchema.safeParse(r.decidedBy);
      if (!rating.success || !decidedBy.success) return [];
      return [{
        statementId: r.statementId,
        rating: rating.data,
        decidedBy: decidedBy.data,
        counts: { "not-yet": r.notYet, "getting-there": r.gettingThere, "doing-well": r.doingWell },
        evidence: parseList<string>(r.evidence),
        comments: parseList<AssessmentComment>(r.comments),
      }];
    }),
  };
}

/** Saves (or replaces) a plan's result for a year, all or nothing. */
export async function saveSelfAssessment(input: { workspaceId: string; orgId: string; year: number; finishedAt: Date; finishedById: string | null; ratings: readonly Omit<SavedRating, never>[] }): Promise<void> {
  await writeTransaction(async (tx) => {
    const row = await tx.selfAssessment.upsert({
      where: { workspaceId_year: { workspaceId: input.workspaceId, year: input.year } },
      create: { workspaceId: input.workspaceId, orgId: input.orgId, year: input.year, finishedAt: input.finishedAt, finishedById: input.finishedById },
      update: { finishedAt: input.finishedAt, finishedById: input.finishedById },
    });
    await tx.selfAssessmentRating.deleteMany({ where: { assessmentId: row.id } });
    await tx.selfAssessmentRating.createMany({
      data: input.ratings.map((r) => ({
        assessmentId: row.id,
        statementId: r.statementId,
        rating: r.rating,
        decidedBy: r.decidedBy,
        notYet: r.counts["not-yet"],
        gettingThere: r.counts["getting-there"],
        doingWell: r.counts["doing-well"],
        evidence: JSON.stringify(r.evidence),
        comments: JSON.stringify(r.comments),
      })),
    });
  });
}

/** A plan's saved result for a year, or null. */
export async function findSelfAssessment(workspaceId: string, year: number): Promise<SavedAssessment | null> {
  const row = await findRow({ workspaceId, year });
  return row ? toSaved(row) : null;
}

/** The plan's most recent saved result (any year), or null. */
export async function latestSelfAssessment(workspaceId: string): Promise<SavedAssessment | null> {
  const row = await db().selfAssessment.findFirst({ where: { workspaceId }, orderBy: { year: "desc" }, include });
  return row ? toSaved(row) : null;
}

/**
 * What to compare a year's result with: this plan's latest earlier year, or, when the plan is new this year,
 * the council's latest earlier year from any of its plans. Never another council's.
 */
export async function earlierSelfAssessment(workspaceId: string, orgId: string, year: number): Promise<SavedAssessment | null> {
  const samePlan = await db().selfAssessment.findFirst({ where: { workspaceId, year: { lt: year } }, orderBy: { year: "desc" }, include });
  if (samePlan) return toSaved(samePlan);
  const council = await db().selfAssessment.findFirst({ where: { orgId, year: { lt: year }, workspace: { orgId } }, orderBy: [{ year: "desc" }, { finishedAt: "desc" }], include });
  return council ? toSaved(council) : null;
}
