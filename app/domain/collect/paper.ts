// Double data entry of paper forms: a sheet is typed in twice and counts only when both entries agree,
// or once a reviewer has settled each field where they differ. Entries are flat maps of field name
// (q_<question>, about_<group>) to value, blanks left out, so "left blank" is a value like any other.

export type SheetEntry = Record<string, string>;
export type Difference = { field: string; first: string; second: string };

/** Builds an entry from the answers and "about" values read from the form. */
export function sheetEntry(answers: Record<string, string>, about: Record<string, string | undefined>): SheetEntry {
  const entry: SheetEntry = {};
  for (const [code, value] of Object.entries(answers)) if (value) entry[`q_${code}`] = value;
  for (const [key, value] of Object.entries(about)) if (value) entry[`about_${key}`] = value;
  return entry;
}

/** Every field where the two entries differ ("" = left blank), in a stable order. */
export function sheetDifferences(first: SheetEntry, second: SheetEntry): Difference[] {
  const fields = [...new Set([...Object.keys(first), ...Object.keys(second)])].sort();
  return fields.filter((f) => (first[f] ?? "") !== (second[f] ?? "")).map((field) => ({ field, first: first[field] ?? "", second: second[field] ?? "" }));
}

/** Splits an entry back into answers and "about" values for the round. */
export function splitEntry(entry: SheetEntry): { answers: Record<string, string>; about: Record<string, string> } {
  const answers: Record<string, string> = {};
  const about: Record<string, string> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (!value) continue;
    if (field.startsWith("q_")) answers[field.slice(2)] = value;
    else if (field.startsWith("about_")) about[field.slice(6)] = value;
  }
  return { answers, about };
}
