// The access check of a socket, remembered for a few seconds: a room arriving at once, a page reconnecting,
// a person's several tabs, or everyone reconnecting after a restart then costs one check per person and
// plan instead of one per socket (each a cookie signature and database reads). Checks for the same key that
// overlap share one. Nothing is remembered past a revocation, past the session's end, or for longer than
// revocations are remembered (revocation.ts), so a socket admitted from here is refused exactly when a
// fresh check would be.
import type { AuthenticationResult } from "./authentication";

/** Shorter than Revocations' REMEMBER_MS (10 s): a revocation is still known for as long as a check it undid is. */
export const ADMISSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;

export type Admission = { result: AuthenticationResult; checkStartedAt: number };
type Entry = { admission: Promise<Admission>; expires: number; workspaceId: string };

export class AdmissionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every revocation: a check that started before one is not remembered. */
  private generation = 0;

  constructor(private readonly ttlMs = ADMISSION_CACHE_MS) {}

  /** The check for `key` (null: not cacheable), from a recent or in-flight one when there is one. */
  admit(key: string | null, workspaceId: string, check: () => Promise<AuthenticationResult>): Promise<Admission> {
    const now = Date.now();
    if (key === null) return this.run(now, check);
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.admission;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const admission = this.run(now, check);
    const entry: Entry = { admission, expires: now + this.ttlMs, workspaceId };
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    admission.then(
      ({ result }) => {
        const stale = this.generation !== generation;
        // Refusals are not remembered (they are cheap to repeat and may be about to change, as at sign-in).
        if (stale || !result.ok) return this.drop(key, entry);
        const sessionEnds = result.principal.sessionExpiresAt;
        if (sessionEnds !== null && sessionEnds !== undefined) entry.expires = Math.min(entry.expires, sessionEnds);
      },
      () => this.drop(key, entry),
    );
    return admission;
  }

  /** Someone's access changed (a revocation here or from another instance): forget every remembered check. */
  revoked(): void {
    this.generation++;
    this.entries.clear();
  }

  /** A plan was deleted: forget the checks that admitted people to it. */
  forgetWorkspace(workspaceId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.workspaceId === workspaceId) this.entries.delete(key);
  }

  private run(now: number, check: () => Promise<AuthenticationResult>): Promise<Admission> {
    return check().then((result) => ({ result, checkStartedAt: now }));
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
