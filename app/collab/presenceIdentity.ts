// Who a presence entry says it is. The collaboration server fills this in from the authenticated person
// (server/collab/poetPresence.ts), so what peers see is never what a browser claims; the page uses the same
// function for its own entry so both agree.

import { z } from "zod";

/** What a person is editing right now (a field of an action), shown to others beside it. */
export const editingSchema = z.object({ actionId: z.string().max(64), field: z.string().max(32) }).nullable();
/** Where a facilitator is on the board (a card or a finding), for "follow the facilitator". */
export const atSchema = z.string().max(120).nullable();

// Dark enough for white initials (contrast ≥ 4.5:1) and distinct from each other.
const COLOURS = ["#0b5394", "#8e1b6c", "#1d6b2f", "#7a3e00", "#5b2c91", "#9c1c1c", "#0f5d5d", "#4a4a4a"];

/** A stable colour for a participant key. */
export function colourFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export type PresenceUser = { key: string; name: string; colour: string; guest: boolean; facilitator: boolean };

/** The `user` field of a presence entry for a person (key `u:<user id>` or `g:<guest id>`). */
export function presenceUser(person: { key: string; name: string; guest: boolean; facilitator: boolean }): PresenceUser {
  return { key: person.key, name: person.name.slice(0, 200), colour: colourFor(person.key), guest: person.guest, facilitator: person.facilitator };
}
