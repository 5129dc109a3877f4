import type { ZodType, ZodTypeDef } from "zod";

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_REMEMBERED = 5_000;

/**
 * Checks a column's cells with its zod schema, remembering each distinct value's result:
 * survey answers repeat a handful of labels, so a 100,000-row file parses each label once.
 */
export function cellChecker<T>(schema: ZodType<T, ZodTypeDef, string>): (raw: string) => CellResult<T> {
  const remembered = new Map<string, CellResult<T>>();
  return (raw) => {
    const known = remembered.get(raw);
    if (known) return known;
    const parsed = schema.safeParse(raw);
    const result: CellResult<T> = parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "is not valid." };
    if (remembered.size < MAX_REMEMBERED) remembered.set(raw, result);
    return result;
  };
}
