// Fan-out between instances: each applied update and awareness change is published on the document's
// Redis channel as raw bytes; other instances apply and broadcast it. Gaps and reconnects trigger a
// resync from the database. Beside them, one control channel carries revocations (revocation.ts) to every
// instance. Without Redis, LocalFanout keeps the same interface and does nothing.
import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Redis } from "ioredis";
import { z } from "zod";
import type { CollabLog } from "./log";
import type { Person } from "./origins";

export type FanoutKind = "update" | "awareness";
export type FanoutMessage = { kind: FanoutKind; frame: Uint8Array; author: Person | null };
export type FanoutHandlers = { message(message: FanoutMessage): void; resync(): void };

export interface Fanout {
  /** Resolves once messages for the workspace will be delivered (call before loading it from the database). */
  subscribe(workspaceId: string, handlers: FanoutHandlers): Promise<void>;
  unsubscribe(workspaceId: string): void;
  publish(workspaceId: string, kind: FanoutKind, frame: Uint8Array, author: Person | null): void;
  /** Resolves once control messages from other instances will be delivered (or it gave up waiting; see open). */
  open(): Promise<void>;
  /** Sends a control message to every other instance (this one has already acted on it). */
  publishControl(payload: string): void;
  /** `missed` runs after a lost Redis connection is back: control messages sent meanwhile never arrive. */
  onControl(handler: (payload: string) => void, missed: () => void): void;
  close(): Promise<void>;
}

export class LocalFanout implements Fanout {
  async subscribe(): Promise<void> {}
  unsubscribe(): void {}
  publish(): void {}
  async open(): Promise<void> {}
  publishControl(): void {}
  onControl(): void {}
  async close(): Promise<void> {}
}

const VERSION = 1;
const KINDS: FanoutKind[] = ["update", "awareness"];
const authorSchema = z.object({ userId: z.string().nullable(), guestId: z.string().nullable(), displayName: z.string() });
const SUBSCRIBE_TIMEOUT_MS = 2000;

/** version, kind, 16-byte instance id, per-document sequence number, author JSON, then the websocket frame as is. */
export function encodeFanoutMessage(instanceId: Uint8Array, seq: number, kind: FanoutKind, frame: Uint8Array, author: Person | null): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, VERSION);
  encoding.writeUint8(encoder, KINDS.indexOf(kind));
  encoding.writeUint8Array(encoder, instanceId);
  encoding.writeVarUint(encoder, seq);
  encoding.writeVarString(encoder, author ? JSON.stringify(author) : "");
  encoding.writeUint8Array(encoder, frame);
  return Buffer.from(encoding.toUint8Array(encoder));
}

export const fanoutChannel = (prefix: string, workspaceId: string) => `${prefix}doc:${workspaceId}`;
export const controlChannel = (prefix: string) => `${prefix}control`;

type Subscription = { handlers: FanoutHandlers; lastSeq: Map<string, number> };

export class RedisFanout implements Fanout {
  private readonly instanceId = randomBytes(16);
  private readonly instanceKey = this.instanceId.toString("hex");
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly sequence = new Map<string, number>();
  private connectedOnce = false;
  private controlHandler: ((payload: string) => void) | null = null;
  private controlMissed: (() => void) | null = null;
  private readonly controlSubscribed: Promise<unknown>;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: CollabLog,
  ) {
    const options = { lazyConnect: false, maxRetriesPerRequest: 3, enableAutoPipelining: true };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null, enableAutoPipelining: false, connectionName: `${prefix}subscriber` });
    for (const client of [this.publisher, this.subscriber]) {
      client.on("error", (error: Error) => this.log.warn("redis error", { error: error.message }));
    }
    this.subscriber.on("ready", () => {
      if (this.connectedOnce) {
        this.log.info("redis reconnected: resynchronising loaded documents", { documents: this.subscriptions.size });
        for (const subscription of this.subscriptions.values()) {
          subscription.lastSeq.clear();
          subscription.handlers.resync();
        }
        this.controlMissed?.();
      }
      this.connectedOnce = true;
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    // Subscribed once; ioredis subscribes again by itself after a reconnect.
    this.controlSubscribed = this.ready()
      .then(() => this.subscriber.subscribe(controlChannel(prefix)))
      .catch((error: Error) => this.log.warn("redis control subscribe failed", { error: error.message }));
  }

  async open(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.log.warn("redis did not answer: revocations from other instances arrive once it does");
        resolve();
      }, SUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([this.controlSubscribed, gaveUp]);
    clearTimeout(timer);
  }

  publishControl(payload: string): void {
    this.publisher.publish(controlChannel(this.prefix), `${this.instanceKey}:${payload}`).catch((error: Error) => {
      this.log.warn("redis control publish failed", { error: error.message });
    });
  }

  onControl(handler: (payload: string) => void, missed: () => void): void {
    this.controlHandler = handler;
    this.controlMissed = missed;
  }

  async subscribe(workspaceId: string, handlers: FanoutHandlers): Promise<void> {
    this.subscriptions.set(workspaceId, { handlers, lastSeq: new Map() });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        // A SUBSCRIBE sent before the connection's ready check would make that check fail.
        this.ready().then(() => this.subscriber.subscribe(this.channel(workspaceId))),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("no answer from Redis")), SUBSCRIBE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      // Keep going on the database alone; the reconnect handler resyncs once Redis is back.
      this.log.warn("redis subscribe failed", { workspaceId, error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  private ready(): Promise<void> {
    if (this.subscriber.status === "ready") return Promise.resolve();
    return new Promise((resolve) => this.subscriber.once("ready", () => resolve()));
  }

  unsubscribe(workspaceId: string): void {
    this.subscriptions.delete(workspaceId);
    this.sequence.delete(workspaceId);
    this.subscriber.unsubscribe(this.channel(workspaceId)).catch(() => undefined);
  }

  publish(workspaceId: string, kind: FanoutKind, frame: Uint8Array, author: Person | null): void {
    const seq = (this.sequence.get(workspaceId) ?? 0) + 1;
    this.sequence.set(workspaceId, seq);
    const message = encodeFanoutMessage(this.instanceId, seq, kind, frame, author);
    this.publisher.publish(this.channel(workspaceId), message).catch((error: Error) => {
      this.log.warn("redis publish failed", { workspaceId, error: error.message });
    });
  }

  async close(): Promise<void> {
    this.subscriptions.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private receiveControl(text: string): void {
    const separator = text.indexOf(":");
    if (separator < 0 || text.slice(0, separator) === this.instanceKey) return;
    this.controlHandler?.(text.slice(separator + 1));
  }

  private channel(workspaceId: string): string {
    return fanoutChannel(this.prefix, workspaceId);
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === controlChannel(this.prefix)) return this.receiveControl(message.toString("utf8"));
    const workspaceId = channel.slice(`${this.prefix}doc:`.length);
    const subscription = this.subscriptions.get(workspaceId);
    if (!subscription) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (decoding.readUint8(decoder) !== VERSION) return;
      const kind = KINDS[decoding.readUint8(decoder)];
      const source = Buffer.from(decoding.readUint8Array(decoder, 16)).toString("hex");
      if (source === this.instanceKey || !kind) return;
      const seq = decoding.readVarUint(decoder);
      const authorText = decoding.readVarString(decoder);
      const frame = decoding.readTailAsUint8Array(decoder);
      const last = subscription.lastSeq.get(source);
      subscription.lastSeq.set(source, seq);
      const author = authorText ? authorSchema.parse(JSON.parse(authorText)) : null;
      subscription.handlers.message({ kind, frame, author });
      if (last !== undefined && seq !== last + 1) {
        this.log.info("redis gap detected: resynchronising from the database", { workspaceId, expected: last + 1, got: seq });
        subscription.handlers.resync();
      }
    } catch (error) {
      this.log.warn("ignored a malformed fan-out message", { workspaceId, error: (error as Error).message });
    }
  }
}
