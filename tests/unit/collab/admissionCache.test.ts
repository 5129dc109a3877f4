// A socket's access check is shared by the sockets that arrive with the same key for a few seconds, and never
// outlives a revocation, the session, or a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADMISSION_CACHE_MS, AdmissionCache } from "../../../server/collab/core/admissionCache";
import type { AuthenticationResult } from "../../../server/collab/core/authentication";

const admitted = (sessionExpiresAt: number | null = null): AuthenticationResult => ({
  ok: true,
  principal: { userId: "u-1", guestId: null, displayName: "Kim", canEdit: true, sessionId: "s-1", sessionExpiresAt },
});

/** A check that resolves when the test says so, counting how often it ran. */
function controlledCheck(result: () => AuthenticationResult = () => admitted()) {
  const pending: Array<() => void> = [];
  const check = vi.fn(() => new Promise<AuthenticationResult>((resolve) => pending.push(() => resolve(result()))));
  return { check, finish: () => pending.splice(0).forEach((resolve) => resolve()) };
}

describe("admission cache", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("overlapping and recent checks with one key run once; another key or no key runs its own", async () => {
    const cache = new AdmissionCache();
    const { check, finish } = controlledCheck();
    const first = cache.admit("plan\ncookie", "plan", check);
    const overlapping = cache.admit("plan\ncookie", "plan", check);
    finish();
    expect((await first).result.ok).toBe(true);
    expect(await overlapping).toBe(await first);
    vi.advanceTimersByTime(ADMISSION_CACHE_MS - 1);
    await cache.admit("plan\ncookie", "plan", check);
    expect(check).toHaveBeenCalledTimes(1);
    const other = cache.admit("plan\nother", "plan", check);
    const unkeyed = cache.admit(null, "plan", check);
    finish();
    await Promise.all([other, unkeyed]);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("a remembered check carries the time it started, and is checked again once it is older than the limit", async () => {
    const cache = new AdmissionCache();
    const { check, finish } = controlledCheck();
    const first = cache.admit("k", "plan", check);
    finish();
    expect((await first).checkStartedAt).toBe(1_000_000);
    vi.advanceTimersByTime(ADMISSION_CACHE_MS);
    const again = cache.admit("k", "plan", check);
    finish();
    expect((await again).checkStartedAt).toBe(1_000_000 + ADMISSION_CACHE_MS);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("forgets everything at a revocation, and never remembers a check that was under way when one arrived", async () => {
    const cache = new AdmissionCache();
    const { check, finish } = controlledCheck();
    const underWay = cache.admit("k", "plan", check);
    cache.revoked();
    finish();
    await underWay;
    const after = cache.admit("k", "plan", check);
    finish();
    await after;
    expect(check).toHaveBeenCalledTimes(2);
    cache.revoked();
    const afterRevocation = cache.admit("k", "plan", check);
    finish();
    await afterRevocation;
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("does not remember refusals or failures, and forgets a deleted plan's checks only", async () => {
    const cache = new AdmissionCache();
    let refuse = true;
    const { check, finish } = controlledCheck(() => (refuse ? { ok: false, code: 4401, reason: "Sign in." } : admitted()));
    const refused = cache.admit("k", "plan", check);
    finish();
    expect((await refused).result.ok).toBe(false);
    refuse = false;
    const signedIn = cache.admit("k", "plan", check);
    finish();
    expect((await signedIn).result.ok).toBe(true);
    expect(check).toHaveBeenCalledTimes(2);

    const failing = vi.fn(() => Promise.reject(new Error("database down")));
    await expect(cache.admit("f", "plan", failing)).rejects.toThrow("database down");
    await expect(cache.admit("f", "plan", failing)).rejects.toThrow("database down");
    expect(failing).toHaveBeenCalledTimes(2);

    const elsewhere = cache.admit("e", "other-plan", check);
    finish();
    await elsewhere;
    cache.forgetWorkspace("plan");
    const [here, there] = [cache.admit("k", "plan", check), cache.admit("e", "other-plan", check)];
    finish();
    await Promise.all([here, there]);
    expect(check).toHaveBeenCalledTimes(4); // "k" again, "e" still remembered
  });

  it("is not used past the end of the session it admitted", async () => {
    const cache = new AdmissionCache();
    const { check, finish } = controlledCheck(() => admitted(1_000_000 + 1_000));
    const first = cache.admit("k", "plan", check);
    finish();
    await first;
    vi.advanceTimersByTime(1_000);
    const after = cache.admit("k", "plan", check);
    finish();
    await after;
    expect(check).toHaveBeenCalledTimes(2);
  });
});
