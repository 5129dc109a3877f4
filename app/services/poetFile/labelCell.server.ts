import { z } from "zod";
import { looksLikeDate } from "./rawTable.server";

/**
 * A zod schema for one cell holding a label: trims it, finds the canonical value, and otherwise
 * explains what was expected (and, for dates, what Excel probably did). Blank gives null.
 */
export function labelCell(options: { what: string; expected: readonly string[]; match: (text: string) => string | undefined; required?: boolean }) {
  const expected = `expected one of: ${options.expected.join(", ")}`;
  return z.string().transform((raw, ctx): string | null => {
    const text = raw.trim();
    if (text === "") {
      if (options.required) ctx.addIssue({ code: "custom", message: `this cell is empty — ${expected}.` });
      return null;
    }
    const id = options.match(text);
    if (id !== undefined) return id;
    const message = looksLikeDate(text)
      ? `'${text}' looks like a date. Excel may have turned what was typed into a date: format the column as Text, type the answer again and save — ${expected}.`
      : `'${text}' is not ${options.what} — ${expected}.`;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}
