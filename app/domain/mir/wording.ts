import { z } from "zod";
import { missingHeadings, parseCsvText, type FileProblem } from "../poet/csvText";
import { mirThemes, type MirKind, type MirStatement, type MirThemeId } from "./statements";

const themeIds = mirThemes.map((t) => t.id);

const row = z.object({
  id: z.string().regex(/^(WI|IA|AC|FI|WC|WF)-(I|We)\d{1,2}$/i, "is not a statement id — expected a theme, I or We and a number, such as WF-I2 or WF-We1."),
  theme: z.string().transform((t) => t.toUpperCase()).pipe(z.enum(themeIds as [MirThemeId, ...MirThemeId[]], { errorMap: () => ({ message: `is not a theme — expected one of: ${themeIds.join(", ")}.` }) })),
  kind: z.string().transform((k) => (k.toLowerCase() === "we" ? "We" : k.toUpperCase())).pipe(z.enum(["I", "We"], { errorMap: () => ({ message: "is not a kind of statement — expected I or We." }) })),
  text: z.string().min(1, "is empty — expected the statement's wording."),
});

/** Reads a council's official Making it Real wording (`id, theme, kind, text`), listing every bad row. */
export function parseMirWordingCsv(text: string): { ok: true; statements: MirStatement[] } | { ok: false; problems: FileProblem[] } {
  const table = parseCsvText(text);
  if (table.headings.length === 0) return { ok: false, problems: [{ row: null, column: null, value: null, message: "The wording file is empty." }] };
  const problems = missingHeadings(table, ["id", "theme", "kind", "text"]);
  if (problems.length > 0) return { ok: false, problems };
  const statements: MirStatement[] = [];
  const seen = new Map<string, number>();
  for (const { row: rowNumber, cells } of table.rows) {
    const parsed = row.safeParse({ id: cells.id, theme: cells.theme, kind: cells.kind, text: cells.text });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0]);
        problems.push({ row: rowNumber, column, value: cells[column], message: `Row ${rowNumber}, column \`${column}\`: '${cells[column]}' ${issue.message}` });
      }
      continue;
    }
    const { theme, kind, text: wording } = parsed.data;
    const [idTheme, idKind] = parsed.data.id.split("-");
    const id = `${idTheme.toUpperCase()}-${idKind.toLowerCase().startsWith("we") ? "We" + idKind.slice(2) : "I" + idKind.slice(1)}`;
    if (!id.startsWith(`${theme}-${kind}`)) {
      problems.push({ row: rowNumber, column: "id", value: cells.id, message: `Row ${rowNumber}, column \`id\`: '${cells.id}' does not match theme ${theme} and kind ${kind} — the id starts with the theme and kind, such as ${theme}-${kind}1.` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ row: rowNumber, column: "id", value: cells.id, message: `Row ${rowNumber}, column \`id\`: ${id} is already given on row ${earlier}.` });
      continue;
    }
    seen.set(id, rowNumber);
    statements.push({ id, theme, kind: kind as MirKind, text: wording, isSummary: false, verified: true });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, statements };
}

/** Our summaries with a council's official wording put in place wherever it has one. */
export function withOfficialWording(summaries: readonly MirStatement[], official: readonly MirStatement[]): MirStatement[] {
  const byId = new Map(official.map((s) => [s.id, s]));
  const merged = summaries.map((s) => byId.get(s.id) ?? s);
  const extra = official.filter((s) => !summaries.some((m) => m.id === s.id));
  return [...merged, ...extra];
}
