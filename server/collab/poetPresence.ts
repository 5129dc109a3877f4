// POET's presenceState hook (server/collab/core/hooks.ts): what peers see of a person on the board. Their
// identity comes from the server (the authenticated person), never from the page; of what the page claims, only
// the fields the board uses are kept, checked.
import { atSchema, editingSchema, presenceUser } from "~/collab/presenceIdentity";
import type { Principal } from "./core/authentication";

/** The participant key presence carries for a person (`u:<id>` / `g:<id>`, as the pages use). */
function personKeyOf(principal: Principal): string {
  return principal.userId ? `u:${principal.userId}` : `g:${principal.guestId ?? "unknown"}`;
}

export function poetPresenceState(principal: Principal, claimed: unknown): Record<string, unknown> {
  const fields = typeof claimed === "object" && claimed !== null ? (claimed as Record<string, unknown>) : {};
  const editing = editingSchema.safeParse(fields.editing ?? null);
  const at = atSchema.safeParse(fields.at ?? null);
  return {
    user: presenceUser({ key: personKeyOf(principal), name: principal.displayName, guest: principal.guestId !== null, facilitator: principal.canFacilitate === true }),
    editing: editing.success ? editing.data : null,
    // Only facilitators publish where they are (ADR 006): nobody can be followed as if they were one.
    at: principal.canFacilitate && at.success ? at.data : null,
  };
}
