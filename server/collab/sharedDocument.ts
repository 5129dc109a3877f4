// One loaded workspace document: its Y.Doc, awareness and sockets, and the rule that an update is
// written to the database before anyone else sees it.
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { actionsOf, PRIORITIES_KEY, recordRemovedIdentities, recordRemovedVotes, sessionOf } from "~/domain/workspace";
import { encodeChangeRefused } from "~/collab/changeRefused";
import { admitPresence } from "./presence";
import { checkUpdate, documentRoleOf, type GuardVerdict, type Surface } from "./sessionGuard";
import { ActionAuthors } from "./actionAuthors";
import { CloseCode } from "./closeCodes";
import { Connection } from "./connection";
import type { FanoutMessage } from "./fanout";
import type { Limits } from "./limits";
import type { CollabLog } from "./log";
import { authorOf, originOf, type Author, type FanoutOrigin, type ServerOrigin, type TransactionOrigin } from "./origins";
import { ownBytes } from "./mergeState";
import type { DocumentStorage } from "./persistence";
import { decodeClientUpdate, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseClientMessage, type ClientMessage } from "./protocol";
import type { UpdateJournal } from "./updateJournal";
import type { Fanout } from "./fanout";

export type SharedDocumentHooks = {
  /** No sockets and no server writes in progress: the registry may start the grace period. */
  idle(document: SharedDocument): void;
  /** An update became durable (the projection debounces on this). */
  persisted(document: SharedDocument): void;
  /** A write failed: the registry drops this copy so the next use reloads from the database. */
  broken(document: SharedDocument): void;
};

export type SharedDocumentDeps = {
  journal: UpdateJournal;
  storage: DocumentStorage;
  fanout: Fanout;
  limits: Limits;
  log: CollabLog;
  compactionThreshold: number;
  /** Who may write where (app/domain/workspace/writableSurface.ts). */
  surface: Surface;
  hooks: SharedDocumentHooks;
};

/** Marks awareness changes that came from another instance, so they are not published back. */
const FANOUT_AWARENESS = Symbol("fanout-awareness");

export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly connections = new Set<Connection>();
  readonly authors = new ActionAuthors(this.ydoc);
  private readonly awarenessOwners = new Map<number, Connection | "remote">();
  private leases = 0;
  private rowsStored = 0;
  private bytesStored = 0;
  private compacting: Promise<void> | null = null;
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;
  private isBroken = false;
  /**
   * Whether the actions may differ from the Action table. Loading a document that has actions sets it (the
   * observer below sees the load), in case a crash skipped a projection; a plan without actions never
   * projects, so fifty fresh plans opening at once do not all run Prisma on the main thread together.
   */
  private actionsUnprojected = false;

  constructor(
    readonly workspaceId: string,
    private readonly deps: SharedDocumentDeps,
  ) {
    this.awareness.setLocalState(null);
    this.ydoc.on("update", (update: Uint8Array, origin: unknown) => this.updated(update, originOf(origin)));
    actionsOf(this.ydoc).observeDeep(() => {
      this.actionsUnprojected = true;
    });
    // The plan's priorities are projected too (Action.priority); the timer, focus and votes' state are not.
    sessionOf(this.ydoc).observeDeep((events) => {
      if (events.some((e) => (e.path.length === 0 ? e.changes.keys.has(PRIORITIES_KEY) : e.path[0] === PRIORITIES_KEY))) this.actionsUnprojected = true;
    });
    this.awareness.on("update", (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.awarenessChanged(changes, origin),
    );
  }

  get broken(): boolean {
    return this.isBroken;
  }

  /** Whether the Action table needs projecting: typing in notes or moving focus leaves it alone. */
  get needsProjection(): boolean {
    return this.actionsUnprojected;
  }

  /** Called as a projection reads the document: later action changes make it needed again. */
  projecting(): void {
    this.actionsUnprojected = false;
  }

  /** A projection failed: the next persisted change tries again. */
  projectionFailed(): void {
    this.actionsUnprojected = true;
  }

  get idle(): boolean {
    return this.connections.size === 0 && this.leases === 0;
  }

  /** Reads the stored state; called once, before any socket is attached. */
  async load(): Promise<void> {
    const loaded = await this.deps.storage.loadInto(this.ydoc, this.workspaceId);
    this.rowsStored = loaded.rows;
    this.bytesStored = loaded.bytes;
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    connection.onClose(() => this.removeConnection(connection));
    connection.send(encodeSyncStep1(this.ydoc));
    if (this.awareness.getStates().size > 0) connection.send(encodeAwareness(this.awareness));
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
      if (this.idle) this.deps.hooks.idle(this);
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
        for (const entry of parsed.entries) {
          if (!(this.awarenessOwners.get(entry.clientId) instanceof Connection)) this.awarenessOwners.set(entry.clientId, "remote");
        }
        awarenessProtocol.applyAwarenessUpdate(this.awareness, parsed.update, FANOUT_AWARENESS);
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
        const missing = await this.deps.storage.missingSince(this.workspaceId, Y.encodeStateVector(this.ydoc));
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
    if (this.compacting) return this.compacting;
    this.compacting = this.compactWhileOverThreshold().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /**
   * One compaction, then more while rows appended during the last one (a burst of typing, which that one
   * did not read) are already past the threshold: waiting for the next edit could leave them until unload.
   * A failure waits for the next edit.
   */
  private async compactWhileOverThreshold(): Promise<void> {
    for (;;) {
      const bytesBefore = this.bytesStored;
      try {
        const result = await this.deps.storage.compact(this.workspaceId);
        this.rowsStored = Math.max(0, this.rowsStored - result.rowsRead);
        this.bytesStored = result.snapshotBytes + Math.max(0, this.bytesStored - bytesBefore);
        if (result.rowsRead === 0 || this.isBroken || this.rowsStored < this.deps.compactionThreshold) return;
      } catch (error) {
        this.deps.log.warn("compaction failed; will retry later", { workspaceId: this.workspaceId, error: (error as Error).message });
        return;
      }
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  destroy(): void {
    this.awareness.destroy();
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
        return this.applyClientAwareness(connection, message);
      case "query-awareness":
        return connection.send(encodeAwareness(this.awareness));
    }
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let reply: Uint8Array;
    try {
      reply = encodeSyncStep2(this.ydoc, stateVector);
    } catch (error) {
      connection.close(CloseCode.invalidData, `Malformed state vector: ${(error as Error).message}`);
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
    const role = documentRoleOf(connection.principal);
    if (role === "viewer") {
      decodeClientUpdate(update); // malformed closes the socket (ProtocolError), whoever sends it
      return; // read-only: dropped (its sync step 1 is still answered)
    }
    // After a refusal this socket's copy has a change the server will never hold, so its later updates
    // cannot be placed: they are dropped until the page reloads its copy (it does so on the notice).
    if (connection.diverged) return;
    const verdict = checkUpdate(this.ydoc, update, role, this.deps.surface);
    if (!verdict.allowed) return this.refuse(connection, verdict);
    if (this.bytesStored + update.byteLength > this.deps.limits.maxDocumentBytes) {
      connection.close(CloseCode.documentTooLarge, "This plan has reached its size limit; that change was not saved.");
      return;
    }
    try {
      const removed = verdict.removedActions;
      if (!removed) Y.applyUpdate(this.ydoc, update, connection.origin);
      // What a removed action's votes and identity were go into the same transaction (one stored, broadcast
      // update), so an undo can bring them back and nothing else (ADR 023).
      else {
        const identities = verdict.removedIdentities;
        this.ydoc.transact(() => {
          Y.applyUpdate(this.ydoc, update, connection.origin);
          recordRemovedVotes(this.ydoc, removed);
          if (identities) recordRemovedIdentities(this.ydoc, identities);
        }, connection.origin);
      }
    } catch (error) {
      this.deps.log.warn("could not apply a client update", { workspaceId: this.workspaceId, connection: connection.id, error: (error as Error).message });
      connection.close(CloseCode.invalidData, "That change could not be applied (malformed update).");
    }
  }

  private refuse(connection: Connection, verdict: Exclude<GuardVerdict, { allowed: true }>): void {
    this.deps.log.warn("update refused", { workspaceId: this.workspaceId, connection: connection.id, person: connection.principal.displayName, why: verdict.why, reason: verdict.reason });
    if (verdict.why === "unresolved") {
      // Ask for what is missing instead of closing: the page answers the server's sync step 1 with everything
      // the server lacks, this change included. Closing to reconnect livelocked a page that kept typing through
      // the handshake after its instance died (tests/integration/collab/scale-out.test.ts).
      connection.send(encodeSyncStep1(this.ydoc));
      return;
    }
    connection.diverged = true;
    connection.send(encodeChangeRefused({ why: verdict.why, reason: verdict.reason }));
    // Our pages never write outside their role's surface: a crafted client is closed and told why. A change
    // refused by the lock is not an offence: the page rolls it back and stays connected.
    if (verdict.why === "forbidden") connection.close(CloseCode.policyViolation, verdict.reason);
  }

  private applyClientAwareness(connection: Connection, message: Extract<ClientMessage, { kind: "awareness" }>): void {
    const verdict = admitPresence(this.awareness, this.awarenessOwners, connection, message.entries);
    if (!verdict.ok) {
      this.deps.log.warn("presence refused", { workspaceId: this.workspaceId, connection: connection.id, person: connection.principal.displayName, entries: message.entries.length, reason: verdict.reason, ...verdict.detail });
      connection.close(CloseCode.policyViolation, verdict.reason);
      return;
    }
    if (!verdict.update || verdict.clientId === null) return;
    connection.presenceClientId = verdict.clientId;
    this.awarenessOwners.set(verdict.clientId, connection);
    connection.controlledClientIds.add(verdict.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, verdict.update, connection);
  }

  private updated(update: Uint8Array, origin: TransactionOrigin): void {
    if (origin.source === "load") return;
    const frame = encodeUpdate(update);
    if (origin.source === "fanout") {
      this.broadcast(frame);
      return;
    }
    const author = authorOf(origin) as Author;
    this.bytesStored += update.byteLength;
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
          this.rowsStored++;
          this.broadcast(frame);
          this.deps.fanout.publish(this.workspaceId, "update", frame, author);
          this.deps.hooks.persisted(this);
          if (this.rowsStored >= this.deps.compactionThreshold) void this.compact();
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
    this.deps.hooks.broken(this);
  }

  private awarenessChanged({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const frame = encodeAwareness(this.awareness, changed);
    for (const clientId of removed) {
      const owner = this.awarenessOwners.get(clientId);
      if (owner instanceof Connection) owner.controlledClientIds.delete(clientId);
      this.awarenessOwners.delete(clientId);
    }
    this.broadcast(frame);
    if (origin !== FANOUT_AWARENESS) this.deps.fanout.publish(this.workspaceId, "awareness", frame, null);
  }

  private removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const controlled = [...connection.controlledClientIds].filter((id) => this.awarenessOwners.get(id) === connection);
    if (controlled.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, controlled, null);
    for (const id of controlled) this.awarenessOwners.delete(id);
    if (this.idle) this.deps.hooks.idle(this);
  }

  private broadcast(frame: Uint8Array): void {
    for (const connection of this.connections) connection.send(frame);
  }
}
