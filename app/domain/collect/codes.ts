// Codes a person types or scans to answer: no look-alike characters, grouped in fours so they read
// aloud easily. The length says what a code is, so one box at /survey takes all of them.
import { JOIN_CODE_ALPHABET } from "../access/joinCode";

export type CodeKind = "personal" | "resume" | "open";

const LENGTHS: Record<CodeKind, number> = { personal: 8, resume: 10, open: 12 };

/** Formats random bytes as a code of this kind, e.g. a personal code "KMTX-4PQR". */
export function formatSurveyCode(kind: CodeKind, randomValues: Uint8Array): string {
  const length = LENGTHS[kind];
  if (randomValues.length < length) throw new Error(`need ${length} random bytes for a ${kind} code`);
  let letters = "";
  for (let i = 0; i < length; i++) letters += JOIN_CODE_ALPHABET[randomValues[i]! % JOIN_CODE_ALPHABET.length];
  return group(letters);
}

function group(letters: string): string {
  if (letters.length === LENGTHS.resume) return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  return letters.match(/.{4}/g)!.join("-");
}

/** Reads what someone typed or scanned ("kmtx 4pqr") as a code and its kind, or null if it cannot be one. */
export function parseSurveyCode(typed: string): { kind: CodeKind; code: string } | null {
  const letters = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const kind = (Object.keys(LENGTHS) as CodeKind[]).find((k) => LENGTHS[k] === letters.length);
  if (!kind) return null;
  for (const ch of letters) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return { kind, code: group(letters) };
}
