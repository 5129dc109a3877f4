// Small POET fixtures for evidence tests: generated with the demo generator, written as the CSV a council
// would upload, and imported through the real service when a test only needs a round to exist.
import { adult2014, generateDemoRound, respondentsToCsv } from "~/domain/poet";
import { importPoetRound } from "~/services/importPoetRound.server";

/** A POET respondent CSV of synthetic people: the same seed and size give the same file. */
export function demoCsv(seed: number, respondents: number): string {
  return respondentsToCsv(adult2014, generateDemoRound({ seed, respondents }).respondents);
}

/** Imports a synthetic round for a council through the import service; returns its id. */
export async function importDemoRound(orgId: string, options: { seed?: number; respondents?: number; name?: string } = {}): Promise<string> {
  const csv = demoCsv(options.seed ?? 11, options.respondents ?? 400);
  const result = await importPoetRound({
    orgId,
    importedBy: null,
    roundName: options.name ?? "Test round",
    fileName: "test-round.csv",
    bytes: new TextEncoder().encode(csv),
    isSynthetic: true,
  });
  if (result.status !== "imported") throw new Error(`fixture import failed: ${JSON.stringify(result).slice(0, 500)}`);
  return result.roundId;
}
