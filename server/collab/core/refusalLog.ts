// Refusals logged per person, not per refusal: the first in an interval is written at once, the rest are
// counted and written as one line when the interval ends ("… and 40 more like it"). A client that floods the
// server with refusable frames or reconnects cannot turn into a flood of synchronous log writes.
import type { CollabLog } from "./log";

export const REFUSAL_LOG_INTERVAL_MS = 10_000;
const MAX_KEYS = 10_000;

type Window = { count: number; message: string; level: "info" | "warn"; fields: Record<string, unknown>; timer: ReturnType<typeof setTimeout> };

export class RefusalLog {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly log: CollabLog,
    private readonly intervalMs = REFUSAL_LOG_INTERVAL_MS,
  ) {}

  /** Logs a refusal for `key` (a person, or an address-free stand-in), or counts it if one was logged lately. */
  note(key: string, level: "info" | "warn", message: string, fields: Record<string, unknown>): void {
    const open = this.windows.get(key);
    if (open) {
      open.count += 1;
      open.message = message;
      open.level = level;
      open.fields = fields;
      return;
    }
    this.log[level](message, fields);
    if (this.windows.size >= MAX_KEYS) return; // past this many people at once, each refusal is its own line
    const timer = setTimeout(() => this.close(key), this.intervalMs);
    timer.unref?.();
    this.windows.set(key, { count: 0, message, level, fields, timer });
  }

  /** Writes what is counted and forgets every window (shutdown). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.close(key);
  }

  private close(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(key);
    if (window.count > 0) this.log[window.level](`${window.message} (and ${window.count} more like it in ${Math.round(this.intervalMs / 1000)} s)`, { ...window.fields, repeated: window.count });
  }
}
