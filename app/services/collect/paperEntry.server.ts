// Typing in paper sheets (docs/decisions/022). With second entry off a sheet counts when typed in once.
// With it on, the first entry is kept aside (PaperSheet); the second is compared with it: if they
// agree the sheet counts, if not a reviewer settles each difference before it counts. Either way a
// sheet number counts at most once per collection (the respondent's reference is paper-<sheet>).
import { sheetDifferences, splitEntry, type Difference, type SheetEntry } from "~/domain/collect";
import { db } from "~/models/db.server";
import { submitResponse } from "./submitResponse.server";

export type PaperResult =
  | { status: "counted"; sheet: string; agreed: boolean }
  | { status: "first"; sheet: string }
  | { status: "disagree"; sheet: string; differences: number }
  | { status: "refused"; message: string };

type Who = { id: string };

async function countSheet(collectionId: string, sheet: string, entry: SheetEntry): Promise<PaperResult | null> {
  const { answers, about } = splitEntry(entry);
  const result = await submitResponse({ collectionId, source: "paper", personalCodeId: null, answers, about, draftId: null, contact: null, externalId: `paper-${sheet}` });
  if (result.status === "sent") return null;
  return { status: "refused", message: result.status === "duplicate" ? `Sheet ${sheet} has already been entered, so it was not added again.` : result.message };
}

async function alreadyCounted(roundId: string, sheet: string) {
  return (await db().respondent.count({ where: { roundId, externalId: `paper-${sheet}` } })) > 0;
}

/** Enters one typed-in sheet, once or as one of two entries, and says what happened. */
export async function enterPaperSheet(collection: { id: string; roundId: string; paperDoubleEntry: boolean }, sheet: string, entry: SheetEntry, who: Who): Promise<PaperResult> {
  const waiting = await db().paperSheet.findUnique({ where: { collectionId_sheet: { collectionId: collection.id, sheet } } });
  if (!waiting && !collection.paperDoubleEntry) return (await countSheet(collection.id, sheet, entry)) ?? { status: "counted", sheet, agreed: false };
  if (await alreadyCounted(collection.roundId, sheet)) return { status: "refused", message: `Sheet ${sheet} has already been entered, so it was not added again.` };
  if (!waiting) {
    try {
      await db().paperSheet.create({ data: { collectionId: collection.id, sheet, firstAnswers: JSON.stringify(entry), firstAbout: "{}", firstById: who.id } });
      return { status: "first", sheet };
    } catch (error) {
      // Someone else typed in this sheet's first entry at the same moment: this one is the second.
      if (!isUniqueViolation(error)) throw error;
      return enterPaperSheet(collection, sheet, entry, who);
    }
  }
  if (waiting.secondAnswers !== null) return { status: "refused", message: `Sheet ${sheet} has been typed in twice already and the two differ. A reviewer settles the differences under "Sheets to check".` };
  // Only one second entry may land: the row changes only while it has none.
  const taken = await db().paperSheet.updateMany({ where: { id: waiting.id, secondAnswers: null }, data: { secondAnswers: JSON.stringify(entry), secondAbout: "{}", secondById: who.id } });
  if (taken.count === 0) return { status: "refused", message: `Sheet ${sheet} has just been typed in a second time by someone else, so this entry was not kept.` };
  const differences = sheetDifferences(JSON.parse(waiting.firstAnswers) as SheetEntry, entry);
  if (differences.length > 0) return { status: "disagree", sheet, differences: differences.length };
  const refused = await countSheet(collection.id, sheet, entry);
  await db().paperSheet.deleteMany({ where: { id: waiting.id } });
  return refused ?? { status: "counted", sheet, agreed: true };
}

export type SheetToCheck = { id: string; sheet: string; differences: Difference[]; agreed: SheetEntry };

/** Sheets of this collection whose two entries differ, for the reviewer; and how many wait for a second entry. */
export async function sheetsToCheck(collectionId: string): Promise<{ toCheck: SheetToCheck[]; awaitingSecond: string[] }> {
  const rows = await db().paperSheet.findMany({ where: { collectionId }, orderBy: { sheet: "asc" } });
  const toCheck: SheetToCheck[] = [];
  const awaitingSecond: string[] = [];
  for (const row of rows) {
    if (row.secondAnswers === null) {
      awaitingSecond.push(row.sheet);
      continue;
    }
    const first = JSON.parse(row.firstAnswers) as SheetEntry;
    const second = JSON.parse(row.secondAnswers) as SheetEntry;
    const differences = sheetDifferences(first, second);
    const agreed = Object.fromEntries(Object.entries(first).filter(([field, value]) => second[field] === value));
    toCheck.push({ id: row.id, sheet: row.sheet, differences, agreed });
  }
  return { toCheck, awaitingSecond };
}

/**
 * Counts a sheet whose entries differed, with the reviewer's value for each differing field ("" = left
 * blank on the paper). Every difference must be settled; the agreed fields are taken as entered.
 */
export async function settleSheet(collectionId: string, sheetId: string, settled: Record<string, string>): Promise<PaperResult> {
  const row = await db().paperSheet.findFirst({ where: { id: sheetId, collectionId } });
  if (!row || row.secondAnswers === null) return { status: "refused", message: "That sheet is no longer waiting to be checked. It may have been settled by someone else." };
  const first = JSON.parse(row.firstAnswers) as SheetEntry;
  const second = JSON.parse(row.secondAnswers) as SheetEntry;
  const differences = sheetDifferences(first, second);
  const missing = differences.filter((d) => !(d.field in settled));
  if (missing.length) return { status: "refused", message: `Choose what sheet ${row.sheet} says for every difference: ${missing.length} still to choose.` };
  const entry: SheetEntry = Object.fromEntries(Object.entries(first).filter(([field, value]) => second[field] === value));
  for (const d of differences) if (settled[d.field]) entry[d.field] = settled[d.field]!;
  const collection = await db().collection.findUniqueOrThrow({ where: { id: collectionId }, select: { roundId: true } });
  // Claim the sheet first, so two reviewers settling it at once count it once.
  const claimed = await db().paperSheet.deleteMany({ where: { id: row.id } });
  if (claimed.count === 0) return { status: "refused", message: "That sheet is no longer waiting to be checked. It may have been settled by someone else." };
  if (await alreadyCounted(collection.roundId, row.sheet)) return { status: "refused", message: `Sheet ${row.sheet} has already been entered, so it was not added again.` };
  const refused = await countSheet(collectionId, row.sheet, entry);
  if (refused) {
    // Not counted (closed, or a bad value): put it back for another try.
    await db().paperSheet.create({ data: { ...row } });
    return refused;
  }
  return { status: "counted", sheet: row.sheet, agreed: false };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
