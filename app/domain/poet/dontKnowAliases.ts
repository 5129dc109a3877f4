import { normaliseLabel } from "./labels";
import { questionSets } from "./questionSets";

export const MAX_DONT_KNOW_ALIASES = 30;
const MAX_ALIAS_LENGTH = 60;

/**
 * Reads a council's own "don't know" labels, one a line, as its owner typed them. Refused: a label longer
 * than 60 characters, more than 30 labels, and a label that is already a real answer on some question
 * (such as "No" or "Same"), which would silently drop real answers from the count.
 */
export function parseDontKnowAliases(text: string): { ok: true; aliases: string[] } | { ok: false; message: string } {
  const aliases: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const alias = line.trim();
    if (alias === "") continue;
    const key = normaliseLabel(alias);
    if (key === "") return { ok: false, message: `'${alias}' has no letters or digits, so it would match every blank-looking cell. Use words such as "Not known".` };
    if (alias.length > MAX_ALIAS_LENGTH) return { ok: false, message: `'${alias.slice(0, 30)}…' is ${alias.length} characters long; keep each label to ${MAX_ALIAS_LENGTH} characters or fewer.` };
    const answer = realAnswer(alias);
    if (answer) return { ok: false, message: `'${alias}' is already an answer to some questions (read as "${answer}"), so it cannot also mean don't know. Remove it from the list.` };
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  if (aliases.length > MAX_DONT_KNOW_ALIASES) return { ok: false, message: `The list has ${aliases.length} labels; the most we keep is ${MAX_DONT_KNOW_ALIASES}. Remove the ones your files no longer use.` };
  return { ok: true, aliases };
}

/** The real (counted) answer a label already means on some question of any set, or undefined. */
function realAnswer(label: string): string | undefined {
  for (const set of Object.values(questionSets)) {
    for (const question of set.questions) {
      const id = question.scale.match(label);
      if (id !== undefined && question.scale.options.find((o) => o.id === id)?.counts) return id;
    }
  }
  return undefined;
}

/** The stored list (one a line) as labels. */
export function storedDontKnowAliases(stored: string): string[] {
  return stored.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}
