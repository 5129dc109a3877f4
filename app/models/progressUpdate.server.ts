// Progress updates as their authors write and correct them. A correction keeps the earlier wording.
import { randomUUID } from "node:crypto";
import { db, writeTransaction } from "./db.server";

/** How long after writing an update its author may still correct it. */
export const CORRECTION_HOURS = 24;

/** A fresh one-time key for a progress-update form (the page makes a new one each time it loads). */
export function newSubmissionKey(): string {
  return randomUUID();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

export type NewProgressUpdate = {
  workspaceId: string;
  actionId: string;
  note: string;
  percent: number | null;
  authorId: string | null;
  authorName: string;
  submissionKey: string | null;
};

/** Records an update once per submission key: "duplicate" when this form was already saved. */
export async function recordProgressUpdate(input: NewProgressUpdate): Promise<"recorded" | "duplicate"> {
  try {
    await db().progressUpdate.create({ data: input });
    return "recorded";
  } catch (error) {
    if (input.submissionKey && isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/** Whether an update written at `at` may still be corrected at `now`. */
export function stillCorrectable(at: Date, now: Date = new Date()): boolean {
  return now.getTime() - at.getTime() < CORRECTION_HOURS * 3_600_000;
}

export type CorrectionOutcome = "corrected" | "unchanged" | "not-yours" | "too-late";

/**
 * Replaces the wording (and percent) of the author's own recent update, keeping what it said before as
 * a revision. Scoped to the plan and action, so an id from elsewhere is simply not found.
 */
export async function correctProgressUpdate(input: {
  workspaceId: string;
  actionId: string;
  updateId: string;
  authorId: string;
  note: string;
  percent: number | null;
  now?: Date;
}): Promise<CorrectionOutcome> {
  const now = input.now ?? new Date();
  return writeTransaction(async (tx) => {
    const update = await tx.progressUpdate.findFirst({ where: { id: input.updateId, workspaceId: input.workspaceId, actionId: input.actionId } });
    if (!update || update.authorId !== input.authorId) return "not-yours";
    if (!stillCorrectable(update.at, now)) return "too-late";
    if (update.note === input.note && update.percent === input.percent) return "unchanged";
    await tx.progressUpdateRevision.create({ data: { updateId: update.id, note: update.note, percent: update.percent, replacedAt: now } });
    await tx.progressUpdate.update({ where: { id: update.id }, data: { note: input.note, percent: input.percent, correctedAt: now } });
    return "corrected";
  });
}
