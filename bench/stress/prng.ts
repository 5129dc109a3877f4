// A seeded pseudo-random generator (mulberry32), so a run that finds something can be repeated exactly.
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  chance(p: number): boolean;
  /** A 32-bit id suitable as a Yjs / awareness client id. */
  clientId(): number;
  /** An independent generator for one worker, derived from this one. */
  fork(): Rng;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
    chance: (p) => next() < p,
    clientId: () => int(1, 0x7fffffff),
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
}
