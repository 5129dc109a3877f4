// Values read by raw queries ($queryRaw), which both database providers return in their own types.

/** A DateTime from a raw query: a Date, or on SQLite the ISO text or milliseconds it is stored as. */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
}
