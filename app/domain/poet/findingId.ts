/** Finding ids are `<question code>~<group id>`, e.g. `O_DIGNITY~all`, `O_SAFE~age:65-plus`: URL-safe as they stand. */
const FINDING_ID = /^([A-Z][A-Z0-9_]*)~([a-z0-9]+(?::[a-z0-9-]+)?)$/;

/** The stable id of the finding about one question in one group. */
export function findingId(question: string, group: string): string {
  const id = `${question}~${group}`;
  if (!FINDING_ID.test(id)) throw new Error(`Not a valid finding id: ${id}`);
  return id;
}

/** Splits a finding id into question code and group id; null when it is not one. */
export function parseFindingId(id: string): { question: string; group: string } | null {
  const match = FINDING_ID.exec(id);
  return match ? { question: match[1], group: match[2] } : null;
}
