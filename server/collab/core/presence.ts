// Presence belongs to the server. A socket may speak for one awareness client id (the first it uses), one
// state per message, small, at a bounded rate; who the state says it is comes from the authenticated person,
// never from the browser. Entries about other clients in a frame are the y-websocket client relaying what it
// received (stale echoes) and are skipped; an entry that would change someone else's state, or invent a
// second client id, closes the sender. What the state holds is the application's presenceState hook.
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";
import type { Principal } from "./authentication";
import type { Connection } from "./connection";
import type { AwarenessEntry } from "./protocol";

/** The largest presence state a socket may publish, as JSON. */
export const MAX_PRESENCE_BYTES = 2048;
export { PRESENCE_PER_SECOND } from "./limits";

export type PresenceVerdict = { ok: true; update: Uint8Array | null; clientId: number | null } | { ok: false; reason: string; detail?: Record<string, unknown> };

/** The presenceState hook (hooks.ts): the state peers see for a person, from what their page claimed. */
export type PresenceState = (principal: Principal, claimed: unknown) => Record<string, unknown>;

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** Whether an entry's state (undecoded JSON) is null: the client left. Only short ones are decoded to look. */
const isNullState = (json: Uint8Array) => json.length <= 16 && utf8.decode(json).trim() === "null";

function encodeEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/**
 * Decides what of a socket's awareness frame to apply: null update when it is all echoes, else an update
 * holding the one entry for the socket's own client id, rewritten by the server.
 */
export function admitPresence(
  awareness: Awareness,
  owners: ReadonlyMap<number, Connection | "remote">,
  connection: Connection,
  entries: AwarenessEntry[],
  presenceState: PresenceState,
): PresenceVerdict {
  // A relay repeats at most every client the room knows, plus the sender's own: more is a flood.
  if (entries.length > awareness.meta.size + 1) return { ok: false, reason: "Presence may only describe your own session." };
  let own: AwarenessEntry | null = null;
  let claimed = connection.presenceClientId;
  for (const entry of entries) {
    const known = awareness.meta.get(entry.clientId);
    // Mirrors y-protocols' applyAwarenessUpdate: an unknown client is at clock 0, so clock 0 changes nothing.
    const current = known?.clock ?? 0;
    const newer = current < entry.clock || (current === entry.clock && isNullState(entry.json) && awareness.getStates().has(entry.clientId));
    const owner = owners.get(entry.clientId);
    const mine = claimed === entry.clientId || (claimed === null && owner === undefined && newer && entry.clientId !== awareness.clientID);
    if (!newer && !mine) continue; // a relayed echo of someone else's state
    if (!mine) {
      return {
        ok: false,
        detail: { clientId: entry.clientId, clock: entry.clock, knownClock: known?.clock ?? null, owner: owner === undefined ? null : owner === "remote" ? "remote" : owner.id, claimed },
        reason: claimed === null || owner !== undefined ? "Presence may only describe your own session." : "Presence may only describe your own session (one client id per connection).",
      };
    }
    claimed = entry.clientId;
    if (!newer) continue;
    if (own) return { ok: false, reason: "Presence may carry one state per message." };
    own = entry;
  }
  if (!own) return { ok: true, update: null, clientId: null };
  if (!connection.presenceLimiter.take()) return { ok: false, reason: "Presence updates came too fast from this connection." };
  if (own.json.length > MAX_PRESENCE_BYTES) return { ok: false, reason: `Presence state is larger than ${MAX_PRESENCE_BYTES} bytes.` };
  // The only entry decoded and parsed: after the count, ownership, rate and size checks (issue 16's floods cost none).
  let claimedState: unknown;
  try {
    claimedState = JSON.parse(utf8.decode(own.json));
  } catch {
    return { ok: false, reason: "Presence state is not JSON." };
  }
  const state = claimedState === null ? null : presenceState(connection.principal, claimedState);
  return { ok: true, update: encodeEntry(own.clientId, own.clock, state), clientId: own.clientId };
}
