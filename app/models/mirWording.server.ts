import { mirStatements, withOfficialWording, type MirStatement } from "~/domain/mir";
import { db } from "./db.server";

/** Making it Real statements as this council shows them: its official wording where loaded, our summaries elsewhere. */
export async function mirStatementsFor(orgId: string): Promise<MirStatement[]> {
  const official = await db().mirStatement.findMany({ where: { orgId } });
  return withOfficialWording(
    mirStatements,
    official.map((s) => ({ id: s.statementId, theme: s.theme as MirStatement["theme"], kind: s.kind as MirStatement["kind"], text: s.text, isSummary: false, verified: true })),
  );
}

export async function officialWordingCount(orgId: string): Promise<number> {
  return db().mirStatement.count({ where: { orgId } });
}

/** Replaces the council's official wording with these statements, all or nothing. */
export async function saveMirWording(orgId: string, statements: readonly MirStatement[]): Promise<void> {
  await db().$transaction([
    db().mirStatement.deleteMany({ where: { orgId } }),
    db().mirStatement.createMany({ data: statements.map((s) => ({ orgId, statementId: s.id, theme: s.theme, kind: s.kind, text: s.text })) }),
  ]);
}

export async function clearMirWording(orgId: string): Promise<number> {
  const { count } = await db().mirStatement.deleteMany({ where: { orgId } });
  return count;
}
