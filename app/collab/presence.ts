// Who is here, through y-protocols awareness: name, colour, initials, and what they are editing.
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { z } from "zod";

import { editingSchema } from "./presenceIdentity";

export { colourFor } from "./presenceIdentity";

export const peerSchema = z.object({
  key: z.string().max(80),
  name: z.string().max(200),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  guest: z.boolean(),
  facilitator: z.boolean(),
  editing: editingSchema.optional().default(null),
  /** The element the person last looked at (a card or a finding), for "follow the facilitator". */
  at: z.string().max(120).nullable().optional().default(null),
});
export type Peer = z.infer<typeof peerSchema> & { clientId: number; self: boolean };
export type Editing = z.infer<typeof editingSchema>;

/** One or two letters for an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  return (words.length === 1 ? words[0]!.slice(0, 2) : words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
}

/** Everyone whose awareness state is valid (bad states from a peer are skipped, never trusted). */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const parsed = peerSchema.safeParse(state.user ? { ...state.user, editing: state.editing, at: state.at } : null);
    if (parsed.success) peers.push({ ...parsed.data, clientId, self: clientId === awareness.clientID });
  });
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** The people present now, updated as they come, go and move around. */
export function usePeers(awareness: Awareness | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setPeers(readPeers(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return peers;
}
