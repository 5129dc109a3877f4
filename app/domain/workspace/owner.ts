// An action's owner is whatever name people type (partners outside the council own actions too); when
// the name is one of the council's members, exactly as the suggestions list offers it, the action also
// records that member's account, so "mine" and overdue reminders follow the person, not the spelling.

/** A council member who can own actions. */
export type OwnerChoice = { id: string; name: string };

const fold = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The owner to store for a typed name: the member it names when exactly one member has that name
 * (ignoring case and extra spaces), otherwise a free-text name with no account.
 */
export function resolveOwner(typed: string, members: readonly OwnerChoice[]): { owner: string; ownerId: string | null } {
  const owner = typed.trim();
  if (!owner) return { owner: "", ownerId: null };
  const matches = members.filter((m) => fold(m.name) === fold(owner));
  return matches.length === 1 ? { owner: matches[0]!.name, ownerId: matches[0]!.id } : { owner, ownerId: null };
}
