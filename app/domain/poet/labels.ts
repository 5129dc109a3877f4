/** Reduces a label to lower-case letters and digits so "Don't know", "dont know" and "DON'T-KNOW" match. */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\+/g, "plus")
    .replace(/[^a-z0-9]/g, "");
}

/** A value people may write in a file, with the other spellings we accept for it. */
export type LabelledValue<Id extends string = string> = {
  id: Id;
  label: string;
  aliases?: readonly string[];
};

/** Builds a lookup that finds a value by its id, label or any alias, ignoring case, spaces and punctuation. */
export function labelMatcher<Id extends string>(values: readonly LabelledValue<Id>[]): (text: string) => Id | undefined {
  const byKey = new Map<string, Id>();
  for (const value of values) {
    for (const spelling of [value.id, value.label, ...(value.aliases ?? [])]) {
      byKey.set(normaliseLabel(spelling), value.id);
    }
  }
  return (text) => byKey.get(normaliseLabel(text));
}

/** The word with "a" or "an" before it, as it is said: "an age band", "a young person", "a health need". */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}`;
}
