// One browser socket: rate limit, liveness, a queue for frames that arrive before the document is ready,
// and the failure boundary of the message path: every frame reaches the document's handler through
// `deliver`, so whatever a handler throws (for any message type, present or future) closes this one socket
// with a reason and is logged; it never escapes into ws's event loop, where it would stop the process.
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { Person, Principal } from "./authentication";
import { CloseCode } from "./closeCodes";
import { MessageRateLimiter, PRESENCE_PER_SECOND, type Limits } from "./limits";
import type { CollabLog } from "./log";
import { ProtocolError } from "./protocol";

/** A change a browser sent over its socket: persisted, then broadcast and published (see origins.ts). */
export type ConnectionOrigin = { source: "connection"; connection: Connection; author: Person };

export type FrameHandler = (connection: Connection, frame: Uint8Array) => void;

/**
 * Told when the server closes a socket for a breach (collabServer.ts: one log line per person per interval,
 * and the person's cool-down, breachCooldown.ts) just before it closes.
 */
export type BreachListener = (connection: Connection, code: number, reason: string, detail: Record<string, unknown>, what: string) => void;

const MAX_QUEUED_FRAMES = 1000;
/** A socket this far behind is not reading; closing it protects the server's memory. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
let nextId = 1;

const BINARY = { binary: true } as const;

/** The sockets corked in this tick, in order; one microtask per tick uncorks them all. */
let corkedSockets: Connection[] = [];

function uncorkAll(): void {
  const sockets = corkedSockets;
  corkedSockets = [];
  // A socket whose uncork throws (it cannot: a failed write destroys the socket and ws emits "close") must
  // still not leave the others corked.
  for (const connection of sockets) {
    try {
      connection.uncork();
    } catch {
      // the socket is gone; its "close" handler cleans up
    }
  }
}

export class Connection {
  readonly id = nextId++;
  /** Awareness client ids this socket introduced; it may speak only for these. */
  readonly controlledClientIds = new Set<number>();
  readonly origin: ConnectionOrigin;
  /** The awareness client id this socket speaks for: the first it used (server/collab/presence.ts). */
  presenceClientId: number | null = null;
  readonly presenceLimiter = new MessageRateLimiter(PRESENCE_PER_SECOND);
  /** The server refused one of this socket's changes: its copy differs until the page reloads it. */
  diverged = false;
  private readonly limiter: MessageRateLimiter;
  private queue: Uint8Array[] = [];
  private handler: FrameHandler | null = null;
  private alive = true;
  private closed = false;
  private finished = false;
  private corked = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly socket: WebSocket,
    /** The upgraded TCP socket under `socket`: corked while one tick's frames are queued (see send). */
    private readonly transport: Duplex,
    readonly workspaceId: string,
    readonly principal: Principal,
    limits: Limits,
    private readonly log: CollabLog,
    private readonly onBreach: BreachListener | null = null,
  ) {
    this.limiter = new MessageRateLimiter(limits.messagesPerSecond);
    this.origin = {
      source: "connection",
      connection: this,
      author: { userId: principal.userId, guestId: principal.guestId, displayName: principal.displayName },
    };
    socket.binaryType = "nodebuffer";
    socket.on("message", (data, isBinary) => this.receive(data, isBinary));
    socket.on("pong", () => {
      this.alive = true;
    });
    socket.on("close", () => this.finish());
    socket.on("error", (error) => this.breach(CloseCode.tooBig, "That message was too large or malformed.", { error: error.message }, "collab socket error"));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get canEdit(): boolean {
    return this.principal.canEdit;
  }

  /** Starts delivering frames (and the ones queued while the document loaded) to the handler. */
  attach(handler: FrameHandler): void {
    this.handler = handler;
    const queued = this.queue;
    this.queue = [];
    for (const frame of queued) {
      if (this.closed) return;
      this.deliver(handler, frame);
    }
  }

  /** Stops delivering frames (shutdown): what a client sends now is re-sent by its next sync. */
  detach(): void {
    this.handler = null;
    this.queue = [];
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(1008, "Your connection fell too far behind; reconnecting.");
      return;
    }
    // Every frame sent to this socket in this tick goes out in one write when the tick's work is done: a
    // group commit broadcasts several updates at once, and one system call per frame per socket was most of
    // what a broadcast cost (bench/collab.ts). A lone frame still leaves at once, at the end of this tick.
    // One microtask uncorks every socket corked in the tick (uncorkAll): Node's queueMicrotask makes an
    // AsyncResource and a bound function per call, and one per recipient of every edit added up.
    if (!this.corked) {
      this.corked = true;
      this.transport.cork();
      if (corkedSockets.push(this) === 1) queueMicrotask(uncorkAll);
    }
    // No callback: a failed write destroys the TCP socket, and ws then emits "close" (see finish). A callback
    // per frame cost a closure and the stream's completion bookkeeping for every recipient of every edit.
    this.socket.send(frame, BINARY);
  }

  /** Sends what this tick queued for the socket (uncorkAll, at the end of the tick). */
  uncork(): void {
    this.corked = false;
    this.transport.uncork();
  }

  /**
   * Closes for something this socket sent that the server does not accept (a flood, an oversize or malformed
   * frame, a write outside the person's role): logged once per person per interval, and the person may not
   * reconnect to this plan for a cool-down (BreachListener).
   */
  breach(code: number, reason: string, detail: Record<string, unknown> = {}, what = "refused"): void {
    if (this.closed) return;
    if (this.onBreach) this.onBreach(this, code, reason, detail, what);
    else this.log.warn(`${what}: collab socket closed for a breach`, { workspaceId: this.workspaceId, connection: this.id, person: this.principal.displayName, code, reason, ...detail });
    this.close(code, reason, true);
  }

  /** Closes with a code and a reason the person (or the client library) can act on; the reason is logged unless `logged`. */
  close(code: number, reason: string, logged = false): void {
    if (this.closed) return;
    this.closed = true;
    if (!logged && code !== 1000 && code !== 1012) this.log.info("collab socket closed by server", { workspaceId: this.workspaceId, connection: this.id, code, reason });
    try {
      // RFC 6455 allows 123 bytes of reason.
      this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
    } catch {
      this.socket.terminate();
    }
    this.finish();
  }

  onClose(listener: () => void): void {
    if (this.finished) listener();
    else this.closeListeners.push(listener);
  }

  /** Called by the server's ping sweep; a socket that missed the previous pong is terminated. */
  checkAlive(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.log.info("collab socket did not answer ping", { workspaceId: this.workspaceId, connection: this.id });
      this.socket.terminate();
      this.finish();
      return;
    }
    this.alive = false;
    try {
      this.socket.ping();
    } catch {
      this.socket.terminate();
      this.finish();
    }
  }

  private receive(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary || !Buffer.isBuffer(data)) {
      this.breach(1003, "Only binary y-websocket messages are accepted.", {}, "text frame");
      return;
    }
    if (!this.limiter.take()) {
      this.breach(CloseCode.rateLimited, "Too many messages per second from this connection.", {}, "message rate");
      return;
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.handler) this.deliver(this.handler, frame);
    else if (this.queue.length < MAX_QUEUED_FRAMES) this.queue.push(frame);
    else this.breach(CloseCode.policyViolation, "Too many messages before the document was ready.", {}, "message queue");
  }

  private deliver(handler: FrameHandler, frame: Uint8Array): void {
    try {
      handler(this, frame);
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.breach(CloseCode.invalidData, `Malformed message: ${error.message}`, { bytes: frame.byteLength }, "malformed collab message");
      } else {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.log.error("collab message handler failed", { workspaceId: this.workspaceId, connection: this.id, bytes: frame.byteLength, error: detail });
        this.close(CloseCode.internalError, "The server could not handle your last message; reconnecting.");
      }
    }
  }

  private finish(): void {
    this.closed = true;
    if (this.finished) return;
    this.finished = true;
    const listeners = this.closeListeners.splice(0);
    for (const listener of listeners) listener();
  }
}
