// The durable job table behind the weekly digest: one row per person per week. Claiming inserts the row
// with ON CONFLICT DO NOTHING (PostgreSQL and SQLite alike), so of any number of instances, or an
// instance restarted mid-week, exactly one claim succeeds and only its holder sends.
import { randomUUID } from "node:crypto";
import { db } from "./db.server";

/** True when this caller now owns this person's digest for this week (nobody claimed it before). */
export async function claimReminder(userId: string, week: string): Promise<boolean> {
  const inserted = await db().$executeRaw`INSERT INTO "ReminderJob" ("id", "userId", "week", "status") VALUES (${randomUUID()}, ${userId}, ${week}, 'claimed') ON CONFLICT ("userId", "week") DO NOTHING`;
  return inserted === 1;
}

/** Records that the claimed digest went out. */
export async function markReminderSent(userId: string, week: string): Promise<void> {
  await db().reminderJob.updateMany({ where: { userId, week, status: "claimed" }, data: { status: "sent", sentAt: new Date() } });
}

/** Gives a claim back after the mail server refused it, so the next check tries again. */
export async function releaseReminder(userId: string, week: string): Promise<void> {
  await db().reminderJob.deleteMany({ where: { userId, week, status: "claimed" } });
}
