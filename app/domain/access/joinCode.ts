// Workshop join codes: short, easy to read aloud, no look-alike characters (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G).
export const JOIN_CODE_ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";
export const JOIN_CODE_LENGTH = 6;

/** Formats raw random bytes as a code like "KMT-4PX". */
export function formatJoinCode(randomValues: Uint8Array): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomValues[i]! % JOIN_CODE_ALPHABET.length];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** Normalises what someone typed ("kmt 4px", "KMT4PX") to the stored form, or null if it cannot be a code. */
export function normaliseJoinCode(typed: string): string | null {
  const letters = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (letters.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of letters) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return `${letters.slice(0, 3)}-${letters.slice(3)}`;
}
