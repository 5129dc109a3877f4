// Limits that keep one socket or one document from hurting everyone else, with sane defaults.
export type Limits = {
  /** Largest frame accepted from a socket; a bigger one closes that socket (ws enforces it before buffering). */
  maxFrameBytes: number;
  /** Sustained messages per second per socket, with a burst of twice as many. */
  messagesPerSecond: number;
  /** Stored size (snapshot + updates) past which edits to a document are refused. */
  maxDocumentBytes: number;
  maxSocketsPerDocument: number;
  /** Per signed-in user or guest, across all documents of this instance. */
  maxSocketsPerUser: number;
  /** A socket that does not answer a ping within this time is closed. */
  pingIntervalMs: number;
  /** After a socket is closed for a breach, its person may not reconnect to that plan for this long (breachCooldown.ts)… */
  breachCooldownMs: number;
  /** …doubling on each repeat, up to this. */
  maxBreachCooldownMs: number;
  /** A knock during a cool-down is answered (HTTP 429) when it ends, or after this long if sooner. */
  coolDownAnswerMs: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: 1024 * 1024,
  messagesPerSecond: 100,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxSocketsPerDocument: 250,
  maxSocketsPerUser: 20,
  pingIntervalMs: 30_000,
  breachCooldownMs: 10_000,
  maxBreachCooldownMs: 5 * 60_000,
  coolDownAnswerMs: 5_000,
};

/** Fills in defaults and refuses nonsense (zero or negative limits) at start-up rather than at the first socket. */
export function resolveLimits(partial: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Collaboration limit ${name} must be a positive number (got ${value}).`);
  }
  return limits;
}

/** A token bucket: `take()` is false once a socket sends faster than the limit for longer than a burst. */
export class MessageRateLimiter {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond * 2,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Presence changes per second per socket (with a burst of twice as many): focus moves, not mouse moves. */
export const PRESENCE_PER_SECOND = 10;
