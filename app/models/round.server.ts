import { db } from "./db.server";

export async function listRounds(orgId: string) {
  return db().poetRound.findMany({
    where: { orgId },
    select: { id: true, name: true, kind: true, respondentCount: true, isSynthetic: true, importedAt: true, fileName: true },
    orderBy: { importedAt: "desc" },
  });
}
