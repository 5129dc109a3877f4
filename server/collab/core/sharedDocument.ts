// One loaded document: its Y.Doc and sockets, and the rule that an update is written to the database before
// anyone else sees it. What a change may touch (checkUpdate), what presence shows (presenceState) and where
// it is stored (storage) are the application's hooks (hooks.ts); presence lives in PresenceRoom, the stored
// form and compaction in StoredState.
import * as Y from "yjs";
import { CloseCode } from "./closeCodes";
import type { Connection } from "./connection";
import type { Fanout, FanoutMessage } from "./fanout";
import type { CollabHooks, UpdateVerdict } from "./hooks";
import type { Limits } from "./limits";
import type { CollabLog } from "./log";
import { authorOf, originOf, type Person, type FanoutOrigin, type ServerOrigin, type TransactionOrigin } from "./origins";
import { PresenceRoom } from "./presenceRoom";
import { decodeClientUpdate, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseClientMessage } from "./protocol";
import { StoredState } from "./storedState";
import { ownBytes } from "./storage";
import type { UpdateJournal } from "./updateJournal";

export type SharedDocumentEvents = {
  /** No sockets and no server writes in progress: the registry may start the grace period. */
  idle(document: SharedDocument): void;
  /** An update became durable (the afterDurable hook hears of it). */
  persisted(document: SharedDocument): void;
  /** A write failed: the registry drops this copy so the next use reloads from the database. */
  broken(document: SharedDocument): void;
};

export type SharedDocumentDeps = {
  journal: UpdateJournal;
  fanout: Fanout;
  limits: Limits;
  log: CollabLog;
  compactionThreshold: number;
  hooks: Pick<CollabHooks, "storage" | "checkUpdate" | "presenceState">;
  events: SharedDocumentEvents;
};

export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly connections = new Set<Connection>();
  readonly presence: PresenceRoom;
  private readonly stored: StoredState;
  private leases = 0;
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;
  private isBroken = false;
  /** The client update being applied now (see updated: its sender is not sent back what it sent). */
  private applying: { connection: Connection; update: Uint8Array } | null = null;

  constructor(
    readonly workspaceId: string,
    private readonly deps: SharedDocumentDeps,
  ) {
    this.presence = new PresenceRoom(this.ydoc, {
      workspaceId,
      log: deps.log,
      presenceState: deps.hooks.presenceState,
      broadcast: (frame) => this.broadcast(frame),
      publish: (frame) => deps.fanout.publish(workspaceId, "awareness", frame, null),
    });
    this.stored = new StoredState(workspaceId, deps.hooks.storage, deps.compactionThreshold, deps.log, () => this.isBroken);
    this.ydoc.on("update", (update: Uint8Array, origin: unknown) => this.updated(update, originOf(origin)));
  }


  get broken(): boolean {
    return this.isBroken;
  }

  get idle(): boolean {
    return this.connections.size === 0 && this.leases === 0;
  }

  /** Reads the stored state; called once, before any socket is attached. */
  async load(): Promise<void> {
    const loaded = await this.deps.hooks.storage.loadInto(this.ydoc, this.workspaceId);
    this.stored.loaded(loaded.rows, loaded.bytes);
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    connection.onClose(() => this.removeConnection(connection));
    connection.send(encodeSyncStep1(this.ydoc));
    const presence = this.presence.snapshot();
    if (presence) connection.send(presence);
    connection.attach((conn, frame) => this.receive(conn, frame));
  }

  /** A server-side write: applied with a typed origin, resolved once it is durable (and broadcast). */
  async write(fn: (doc: Y.Doc) => void, origin: ServerOrigin): Promise<void> {
    this.leases++;
    try {
      this.ydoc.transact(() => fn(this.ydoc), origin);
      await this.deps.journal.settled();
      if (this.isBroken) throw new Error("The change could not be saved.");
    } finally {
      this.leases--;
      if (this.idle) this.deps.events.idle(this);
    }
  }

  /** Applies what another instance published. */
  applyFanout(message: FanoutMessage): void {
    if (this.isBroken) return;
    try {
      const parsed = parseClientMessage(message.frame);
      if (parsed.kind === "update") {
        const origin: FanoutOrigin = { source: "fanout", author: message.author };
        Y.applyUpdate(this.ydoc, parsed.update, origin);
      } else if (parsed.kind === "awareness") {
        this.presence.applyRemote(parsed.update, parsed.entries);
      }
    } catch (error) {
      this.deps.log.warn("could not apply a fan-out message; resynchronising", { workspaceId: this.workspaceId, error: (error as Error).message });
      void this.resync();
    }
  }

  /** Catches up from the database by state vector (after a Redis gap or reconnect). */
  resync(): Promise<void> {
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = (async () => {
      do {
        this.resyncAgain = false;
        const missing = await this.deps.hooks.storage.missingSince(this.workspaceId, Y.encodeStateVector(this.ydoc));
        if (this.isBroken) return;
        Y.applyUpdate(this.ydoc, missing, { source: "fanout", author: null } satisfies FanoutOrigin);
      } while (this.resyncAgain);
    })()
      .catch((error: Error) => this.deps.log.warn("resync from the database failed", { workspaceId: this.workspaceId, error: error.message }))
      .finally(() => {
        this.resyncing = null;
      });
    return this.resyncing;
  }

  /** Folds update rows into the snapshot (one at a time per document). */
  compact(): Promise<void> {
    return this.stored.compact();
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  destroy(): void {
    this.presence.destroy();
    this.ydoc.destroy();
  }

  /**
   * The one dispatch every client frame goes through. It runs inside Connection's failure boundary: parse
   * errors (ProtocolError) and anything a handler throws close only this socket, with a reason.
   */
  private receive(connection: Connection, frame: Uint8Array): void {
    if (this.isBroken) return;
    const message = parseClientMessage(frame);
    switch (message.kind) {
      case "sync-step-1":
        return this.answerSyncStep1(connection, message.stateVector);
      case "sync-step-2":
      case "update":
        return this.applyClientUpdate(connection, message.update);
      case "awareness":
        return this.presence.receive(connection, message);
      case "query-awareness":
        return connection.send(this.presence.encodeAll());
    }
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let reply: Uint8Array;
    try {
      reply = encodeSyncStep2(this.ydoc, stateVector);
    } catch (error) {
      connection.breach(CloseCode.invalidData, `Malformed state vector: ${(error as Error).message}`, {}, "malformed collab message");
      return;
    }
    // The reply may hold updates still being written: send it only once they are durable.
    this.deps.journal.settled().then(
      () => {
        if (!this.isBroken) connection.send(reply);
      },
      () => undefined,
    );
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    if (!connection.principal.canEdit) {
      decodeClientUpdate(update); // malformed closes the socket (ProtocolError), whoever sends it
      return; // read-only: dropped (its sync step 1 is still answered)
    }
    // After a refusal this socket's copy has a change the server will never hold, so its later updates
    // cannot be placed: they are dropped until the page reloads its copy (it does so on the notice).
    if (connection.diverged) return;
    const verdict = this.deps.hooks.checkUpdate(this.ydoc, update, connection.principal);
    if (!verdict.allowed) return this.refuse(connection, verdict);
    if (this.stored.exceeds(update.byteLength, this.deps.limits.maxDocumentBytes)) {
      connection.close(CloseCode.documentTooLarge, "This plan has reached its size limit; that change was not saved.");
      return;
    }
    try {
      const also = verdict.alsoApply;
      this.applying = { connection, update };
      if (!also) Y.applyUpdate(this.ydoc, update, connection.origin);
      // What the application adds goes into the same transaction: one stored, broadcast update.
      else this.ydoc.transact(() => (Y.applyUpdate(this.ydoc, update, connection.origin), also(this.ydoc)), connection.origin);
    } catch (error) {
      this.deps.log.warn("could not apply a client update", { workspaceId: this.workspaceId, connection: connection.id, error: (error as Error).message });
      connection.close(CloseCode.invalidData, "That change could not be applied (malformed update).");
    } finally {
      this.applying = null;
    }
  }

  private refuse(connection: Connection, verdict: Exclude<UpdateVerdict, { allowed: true }>): void {
    const person = connection.principal.displayName;
    if (verdict.unresolved) {
      // Ask for what is missing instead of closing: the page answers the server's sync step 1 with everything
      // the server lacks, this change included. Closing to reconnect livelocked a page that kept typing through
      // the handshake after its instance died (tests/integration/collab/scale-out.test.ts).
      this.deps.log.warn("update refused", { workspaceId: this.workspaceId, connection: connection.id, person, why: "unresolved" });
      connection.send(encodeSyncStep1(this.ydoc));
      return;
    }
    connection.diverged = true;
    connection.send(verdict.notice);
    // A write our pages never make is a breach (one log line per person per interval, and a cool-down).
    if (verdict.close) return connection.breach(CloseCode.policyViolation, verdict.reason, { ...verdict.detail }, "update refused");
    this.deps.log.warn("update refused", { workspaceId: this.workspaceId, connection: connection.id, person, reason: verdict.reason, ...verdict.detail });
  }

  private updated(update: Uint8Array, origin: TransactionOrigin): void {
    if (origin.source === "load") return;
    const frame = encodeUpdate(update);
    if (origin.source === "fanout") {
      this.broadcast(frame);
      return;
    }
    const author = authorOf(origin) as Person;
    // The sender already holds an update that is, byte for byte, what it sent: it is not sent back (one write
    // fewer per edit; a y-websocket client ignores its own update). Anything the server added in the same
    // transaction (alsoApply), or held back and could now place, makes the update differ, and it goes to all.
    const applying = this.applying;
    const except = applying && origin.source === "connection" && applying.connection === origin.connection && sameBytes(applying.update, update) ? applying.connection : null;
    this.stored.writing(update.byteLength);
    this.deps.journal
      .append({
        workspaceId: this.workspaceId,
        data: ownBytes(update),
        authorId: author.userId ?? (author.guestId ? `guest:${author.guestId}` : null),
        authorName: author.displayName,
      })
      .then(
        () => {
          if (this.isBroken) return;
          this.broadcast(frame, except);
          this.deps.fanout.publish(this.workspaceId, "update", frame, author);
          this.deps.events.persisted(this);
          this.stored.written();
        },
        (error: unknown) => this.saveFailed(origin, error),
      );
  }

  private saveFailed(origin: TransactionOrigin, error: unknown): void {
    if (origin.source === "connection") {
      origin.connection.close(CloseCode.saveFailed, "Your latest change could not be saved. Reconnecting to try again.");
    }
    if (this.isBroken) return;
    this.isBroken = true;
    this.deps.log.error("could not save a document update; reloading the document", { workspaceId: this.workspaceId, error: String(error) });
    // Others never saw the lost update; they reconnect to a copy reloaded from the database.
    this.closeAll(CloseCode.saveFailed, "This plan is reloading after a save failed. Reconnecting.");
    this.deps.events.broken(this);
  }

  private removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.left(connection);
    if (this.idle) this.deps.events.idle(this);
  }

  private broadcast(frame: Uint8Array, except: Connection | null = null): void {
    for (const connection of this.connections) if (connection !== except) connection.send(frame);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
