// A document's presence (y-protocols awareness): who owns which awareness client id, what is admitted from a
// socket (presence.ts, with the application's presenceState hook), and what is relayed to the room and to
// other instances. Split out of SharedDocument: presence is never stored and never touches the Y.Doc's content.
import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import { Connection } from "./connection";
import type { FanoutMessage } from "./fanout";
import type { CollabLog } from "./log";
import { admitPresence, type PresenceState } from "./presence";
import { encodeAwareness, type ClientMessage } from "./protocol";
import { CloseCode } from "./closeCodes";

/** Marks awareness changes that came from another instance, so they are not published back. */
const FANOUT_AWARENESS = Symbol("fanout-awareness");

export type PresenceRoomDeps = {
  workspaceId: string;
  log: CollabLog;
  presenceState: PresenceState;
  /** Sends a frame to every socket of the document here. */
  broadcast(frame: Uint8Array): void;
  /** Sends a frame to the other instances. */
  publish(frame: Uint8Array): void;
};

export class PresenceRoom {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Connection | "remote">();

  constructor(
    ydoc: Y.Doc,
    private readonly deps: PresenceRoomDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => this.changed(changes, origin));
  }

  /** What a joining socket is sent (null when nobody is present). */
  snapshot(): Uint8Array | null {
    return this.awareness.getStates().size > 0 ? encodeAwareness(this.awareness) : null;
  }

  /** The full presence, for a client that asks (query-awareness). */
  encodeAll(): Uint8Array {
    return encodeAwareness(this.awareness);
  }

  /** A socket's awareness frame: admitted with the server's own state for its person, or the socket is closed. */
  receive(connection: Connection, message: Extract<ClientMessage, { kind: "awareness" }>): void {
    const verdict = admitPresence(this.awareness, this.owners, connection, message.entries, this.deps.presenceState);
    if (!verdict.ok) {
      connection.breach(CloseCode.policyViolation, verdict.reason, { entries: message.entries.length, ...verdict.detail }, "presence refused");
      return;
    }
    if (!verdict.update || verdict.clientId === null) return;
    connection.presenceClientId = verdict.clientId;
    this.owners.set(verdict.clientId, connection);
    connection.controlledClientIds.add(verdict.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, verdict.update, connection);
  }

  /** Presence another instance published. */
  applyRemote(update: Uint8Array, entries: Array<{ clientId: number }>): void {
    for (const entry of entries) {
      if (!(this.owners.get(entry.clientId) instanceof Connection)) this.owners.set(entry.clientId, "remote");
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FANOUT_AWARENESS);
  }

  /** The socket closed: the states it controlled are removed (and peers told). */
  left(connection: Connection): void {
    const controlled = [...connection.controlledClientIds].filter((id) => this.owners.get(id) === connection);
    if (controlled.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, controlled, null);
    for (const id of controlled) this.owners.delete(id);
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private changed({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const frame = encodeAwareness(this.awareness, changed);
    for (const clientId of removed) {
      const owner = this.owners.get(clientId);
      if (owner instanceof Connection) owner.controlledClientIds.delete(clientId);
      this.owners.delete(clientId);
    }
    this.deps.broadcast(frame);
    if (origin !== FANOUT_AWARENESS) this.deps.publish(frame);
  }
}

export type { FanoutMessage };
