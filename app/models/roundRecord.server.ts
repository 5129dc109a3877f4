// A round as a record the council manages: its name, fieldwork period, archive state and deletion.
// Every write is scoped to the council in the query, and audited by the caller's service.
import { db } from "./db.server";

/** When a round's survey happened, for ordering: the end of fieldwork, else its start, else the import time. */
export function roundDate(round: { fieldworkStart: Date | null; fieldworkEnd: Date | null; importedAt: Date }): Date {
  return round.fieldworkEnd ?? round.fieldworkStart ?? round.importedAt;
}

/** Oldest survey first, by fieldwork date (import time for rounds without one). */
export function byRoundDate<T extends { fieldworkStart: Date | null; fieldworkEnd: Date | null; importedAt: Date }>(a: T, b: T): number {
  return roundDate(a).getTime() - roundDate(b).getTime() || a.importedAt.getTime() - b.importedAt.getTime();
}

/** How many of this council's plans work from the round. */
export async function countPlansUsingRound(orgId: string, roundId: string): Promise<number> {
  return db().workspaceRound.count({ where: { roundId, round: { orgId }, workspace: { orgId } } });
}

/** Renames the round and sets its fieldwork period; false when it is not this council's. */
export async function updateRoundRecord(orgId: string, roundId: string, data: { name: string; fieldworkStart: Date | null; fieldworkEnd: Date | null }): Promise<boolean> {
  const { count } = await db().poetRound.updateMany({ where: { id: roundId, orgId }, data });
  return count === 1;
}

/** Archives (or brings back) the round; false when it is not this council's. */
export async function setRoundArchived(orgId: string, roundId: string, archived: boolean): Promise<boolean> {
  const { count } = await db().poetRound.updateMany({ where: { id: roundId, orgId }, data: { archivedAt: archived ? new Date() : null } });
  return count === 1;
}

/** Deletes the round with its people and rows (cascade); false when it is not this council's. */
export async function deleteRoundRecord(orgId: string, roundId: string): Promise<boolean> {
  const { count } = await db().poetRound.deleteMany({ where: { id: roundId, orgId } });
  return count === 1;
}
