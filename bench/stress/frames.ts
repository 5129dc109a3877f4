// Malformed and hostile y-websocket frames, drawn from a seeded generator. Every frame is one the real
// client would never send, or a well-formed one that breaks the workshop's rules for the sending role.
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { SESSION_KEY } from "~/domain/workspace/document";
import { craftUpdate, EDITS, forgedAction, FORBIDDEN_FOR_PARTICIPANTS, type Change, type Role } from "./craft";
import type { Rng } from "./prng";

export const SPOOF_NAME = "Demo Facilitator";
/** The frame from issue 16 that stopped the server: an update whose payload is not an update. */
export const KNOWN_CRASHER = new Uint8Array([0x00, 0x02, 0x04, 0x05, 0xff, 0xff, 0xff]);
/** Larger than the server's default frame limit (1 MB). */
const OVERSIZE_BYTES = 1024 * 1024 + 4096;

const ROLE_INDEX: Record<Role, number> = { facilitator: 0, member: 1, guest: 2, viewer: 3 };
const ROLE_SPAN = 0x10000000;

/**
 * A hostile socket's own awareness client id, in a range that says its role (0x0… to 0x3…), so the watcher
 * in another thread knows whose it is without being told. Invented ids lie above every role's range.
 */
export function ownClientIdFor(role: Role, rng: Rng): number {
  return ROLE_INDEX[role] * ROLE_SPAN + rng.int(1, ROLE_SPAN - 1);
}

export function inventedClientId(rng: Rng): number {
  return rng.int(4 * ROLE_SPAN, 0x7fffffff);
}

/** The role whose hostile socket owns this client id, or null for an invented one. */
export function roleOfClientId(clientId: number): Role | null {
  const index = Math.floor(clientId / ROLE_SPAN);
  return (Object.keys(ROLE_INDEX) as Role[]).find((role) => ROLE_INDEX[role] === index) ?? null;
}

export type Frame = { kind: string; data: Uint8Array | string; followUp?: Uint8Array };

export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** What a honest client of this person would announce: its own client id, its real name, its real badge. */
export function ownPresence(role: Role, name: string): unknown {
  return { user: { key: `${role === "guest" ? "g" : "u"}:stress-${role}`, name, colour: "#0b5394", guest: role === "guest", facilitator: role === "facilitator" }, editing: null, at: null };
}

function spoofedPresence(rng: Rng): unknown {
  return {
    user: { key: "u:stress-facilitator", name: SPOOF_NAME, colour: "#9c1c1c", guest: false, facilitator: true },
    editing: null,
    at: `action:${rng.int(0, 99)}`,
  };
}

export type FrameContext = {
  role: Role;
  rng: Rng;
  /** The document as this connection last synced it (crafted updates build on it). */
  base: Y.Doc;
  ownClientId: number;
  nextClock(): number;
  /** Only frames a real client could encode (hostile in what they ask for): shows rule breaks on a server that crashes on the rest. */
  wellFormedOnly: boolean;
  /** Client ids of honest people, whose presence a hostile client tries to overwrite. */
  honestClientIds(): number[];
};

function mutate(rng: Rng, frame: Uint8Array): Uint8Array {
  const copy = frame.slice();
  if (copy.length === 0) return rng.bytes(3);
  for (let i = 0; i < rng.int(1, 4); i++) copy[rng.int(0, copy.length - 1)] = rng.int(0, 255);
  return copy;
}

function truncate(rng: Rng, frame: Uint8Array): Uint8Array {
  return frame.subarray(0, rng.int(1, Math.max(1, frame.length - 1)));
}

function changesFor(role: Role): Change[] {
  const forbidden = role === "facilitator" ? FORBIDDEN_FOR_PARTICIPANTS : [...FORBIDDEN_FOR_PARTICIPANTS, LOCK];
  // Allowed edits are sent too: detection must not count them (and, for a viewer, they are forbidden).
  return [...forbidden, ...EDITS];
}

/** Locking the board: a facilitator may, but the stress run does not lock (it would stop the honest pair). */
const LOCK: Change = { name: "session.locked", apply: (doc) => (doc.getMap<unknown>(SESSION_KEY).set("locked", true), true) };

/** A valid update frame of some rule-relevant change, or a small legal-looking one if none applies. */
function ruleUpdate(ctx: FrameContext): { kind: string; update: Uint8Array } {
  const changes = changesFor(ctx.role);
  for (let attempt = 0; attempt < 4; attempt++) {
    const change = ctx.rng.pick(changes);
    const update = craftUpdate(ctx.base, change, ctx.rng);
    if (update) return { kind: `update: ${change.name}`, update };
  }
  const fallback = craftUpdate(ctx.base, EDITS[2]!, ctx.rng)!;
  return { kind: `update: ${EDITS[2]!.name}`, update: fallback };
}

/** wellFormed: a frame the real client could send (valid encoding), hostile only in what it asks for. */
type Generator = { weight: number; wellFormed?: true; make: (ctx: FrameContext) => Frame };

const GENERATORS: Generator[] = [
  { weight: 8, make: ({ rng }) => ({ kind: "random bytes", data: rng.bytes(rng.int(0, rng.chance(0.1) ? 4096 : 48)) }) },
  { weight: 4, make: () => ({ kind: "known crasher 00 02 04 05 ff ff ff", data: KNOWN_CRASHER }) },
  { weight: 6, make: (ctx) => ({ kind: "truncated update", data: truncate(ctx.rng, syncFrame(2, ruleUpdate(ctx).update)) }) },
  { weight: 8, make: (ctx) => ({ kind: "mutated update", data: mutate(ctx.rng, syncFrame(ctx.rng.pick([1, 2, 2]), ruleUpdate(ctx).update)) }) },
  { weight: 4, make: (ctx) => ({ kind: "truncated sync-step-2", data: truncate(ctx.rng, syncFrame(1, Y.encodeStateAsUpdate(ctx.base))) }) },
  { weight: 5, make: ({ rng }) => ({ kind: "sync-step-2 with garbage", data: syncFrame(1, rng.bytes(rng.int(1, 200))) }) },
  { weight: 5, make: ({ rng }) => ({ kind: "update with garbage", data: syncFrame(2, rng.bytes(rng.int(1, 200))) }) },
  { weight: 2, make: ({ rng }) => ({ kind: "sync-step-1 with garbage", data: syncFrame(0, rng.bytes(rng.int(1, 64))) }) },
  { weight: 2, make: ({ rng }) => ({ kind: "unknown sync step", data: syncFrame(rng.int(3, 200), rng.bytes(8)) }) },
  {
    weight: 3,
    make: ({ rng }) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, rng.pick([2, 4, 5, 17, 127, 128, 2 ** 31, 2 ** 53 - 1]));
      encoding.writeUint8Array(encoder, rng.bytes(rng.int(0, 16)));
      return { kind: "unknown message type", data: encoding.toUint8Array(encoder) };
    },
  },
  {
    weight: 2,
    make: (ctx) => {
      const frame = syncFrame(2, ruleUpdate(ctx).update);
      const out = new Uint8Array(frame.length + 5);
      out.set(frame);
      out.set(ctx.rng.bytes(5), frame.length);
      return { kind: "trailing bytes", data: out };
    },
  },
  { weight: 1, make: ({ rng }) => ({ kind: "text frame", data: `{"type":"update","x":${rng.int(0, 9)}}` }) },
  { weight: 0.15, make: ({ rng }) => ({ kind: "oversize frame", data: syncFrame(2, rng.bytes(OVERSIZE_BYTES)) }) },
  { weight: 2, wellFormed: true, make: () => ({ kind: "query awareness", data: new Uint8Array([3]) }) },
  {
    wellFormed: true,
    weight: 20,
    make: (ctx) => {
      const { kind, update } = ruleUpdate(ctx);
      return { kind, data: syncFrame(2, update) };
    },
  },
  {
    wellFormed: true,
    weight: 3,
    make: (ctx) => {
      const { kind, update } = ruleUpdate(ctx);
      return { kind: `sync-step-2: ${kind.replace(/^update: /, "")}`, data: syncFrame(1, update) };
    },
  },
  {
    // Delete a voted action, then re-create it under the same id with forged votes, as two updates.
    wellFormed: true,
    weight: 3,
    make: (ctx) => {
      const scratch = new Y.Doc({ gc: false });
      scratch.clientID = ctx.rng.clientId();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(ctx.base));
      const actions = scratch.getMap<unknown>("actions");
      const ids = [...actions.keys()].sort();
      if (!ids.length) {
        scratch.destroy();
        return { kind: "random bytes", data: ctx.rng.bytes(8) };
      }
      const id = ctx.rng.pick(ids);
      const sv = Y.encodeStateVector(scratch);
      actions.delete(id);
      const deletion = Y.encodeStateAsUpdate(scratch, sv);
      const sv2 = Y.encodeStateVector(scratch);
      actions.set(id, forgedAction(ctx.rng, "Recreated", "a0"));
      const recreation = Y.encodeStateAsUpdate(scratch, sv2);
      scratch.destroy();
      return { kind: "delete then recreate with forged votes", data: syncFrame(2, deletion), followUp: syncFrame(2, recreation) };
    },
  },
  {
    wellFormed: true,
    weight: 3,
    make: (ctx) => {
      const count = ctx.rng.int(500, 4000);
      const entries: AwarenessEntry[] = [];
      for (let i = 0; i < count; i++) {
        const clientId = inventedClientId(ctx.rng);
        entries.push({ clientId, clock: 1, state: { user: { key: `g:${clientId}`, name: `Ghost ${i}`, colour: "#4a4a4a", guest: true, facilitator: false } } });
      }
      return { kind: "awareness flood (invented client ids)", data: awarenessFrame(entries) };
    },
  },
  {
    wellFormed: true,
    weight: 3,
    make: (ctx) => {
      const clientId = inventedClientId(ctx.rng);
      return { kind: "awareness for an invented client id", data: awarenessFrame([{ clientId, clock: 1, state: spoofedPresence(ctx.rng) }]) };
    },
  },
  {
    wellFormed: true,
    weight: 3,
    make: (ctx) => ({ kind: "awareness spoofing the facilitator", data: awarenessFrame([{ clientId: ctx.ownClientId, clock: ctx.nextClock(), state: spoofedPresence(ctx.rng) }]) }),
  },
  {
    wellFormed: true,
    weight: 2,
    make: (ctx) => ({
      kind: "oversize awareness state",
      data: awarenessFrame([{ clientId: ctx.ownClientId, clock: ctx.nextClock(), state: { user: { name: "Big", blob: "x".repeat(ctx.rng.int(16_000, 200_000)) } } }]),
    }),
  },
  {
    wellFormed: true,
    weight: 2,
    make: (ctx) => {
      const honest = ctx.honestClientIds();
      if (!honest.length) return { kind: "query awareness", data: new Uint8Array([3]) };
      return { kind: "awareness overwriting an honest person", data: awarenessFrame([{ clientId: ctx.rng.pick(honest), clock: 1_000_000 + ctx.nextClock(), state: spoofedPresence(ctx.rng) }]) };
    },
  },
  {
    weight: 1,
    make: (ctx) => ({ kind: "mutated awareness", data: mutate(ctx.rng, awarenessFrame([{ clientId: ctx.ownClientId, clock: ctx.nextClock(), state: spoofedPresence(ctx.rng) }])) }),
  },
];

const WELL_FORMED = GENERATORS.filter((g) => g.wellFormed);

export function nextFrame(ctx: FrameContext): Frame {
  const pool = ctx.wellFormedOnly ? WELL_FORMED : GENERATORS;
  let roll = ctx.rng.next() * pool.reduce((sum, g) => sum + g.weight, 0);
  for (const generator of pool) {
    roll -= generator.weight;
    if (roll <= 0) return generator.make(ctx);
  }
  return pool[0]!.make(ctx);
}
