// A person whose socket the server closed for a breach (a presence flood, an oversize or malformed frame, too
// many messages, a write outside their role) may not open another socket to that plan for a while: 10 s by
// default, doubling each time they breach again soon after one ends, up to a ceiling. The person is the
// authenticated principal (user or guest), never the address: offices share one. Without it, a flooding client
// that reconnects at once is admitted in full every time (access check, the whole document, the room's
// presence), and the room pays for every rejoin. See docs/decisions/033-a-breach-earns-a-cool-down.md.
//
// The first attempt in a cool-down from a given access key (the app: plan + cookies) is upgraded and closed
// with CloseCode.coolingDown and a reason that says when to come back, which our page shows and waits for;
// every later attempt from that key is refused before the upgrade with HTTP 429 (cheap: no handshake, no
// access check). A new key for the same person (signing in again) is checked and then refused by person.

/** How long breaches are remembered after a cool-down ends: breaching again within this grows the next one. */
export const BREACH_MEMORY_MS = 10 * 60_000;
const MAX_ENTRIES = 20_000;

export type Cooldown = {
  readonly workspaceId: string;
  readonly person: string;
  /** Why the last socket was closed (what the person is told). */
  reason: string;
  /** When a new socket may be opened again (ms since the epoch). */
  until: number;
  /** Breaches in a row (each one after the previous cool-down ended, within BREACH_MEMORY_MS of it). */
  strikes: number;
  /** Refused upgrades of this person whose answer is held (collabServer.ts). */
  held: number;
};

type KeyEntry = { cooldown: Cooldown; told: boolean };

export type CooldownVerdict = { cooldown: Cooldown; seconds: number; msLeft: number; message: string };

export class BreachCooldowns {
  private readonly byPerson = new Map<string, Cooldown>();
  private readonly byKey = new Map<string, KeyEntry>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A socket of `person` to `workspaceId`, opened with `accessKey`, was closed for a breach. A breach while a
   * cool-down is running (the person's other sockets) belongs to the same episode and does not lengthen it.
   */
  breach(workspaceId: string, person: string | null, accessKey: string | null, reason: string): Cooldown | null {
    if (person === null) return null;
    const now = this.now();
    const id = `${workspaceId}\n${person}`;
    let cooldown = this.byPerson.get(id);
    if (cooldown && now < cooldown.until) {
      cooldown.reason = reason;
    } else {
      const strikes = cooldown && now - cooldown.until < BREACH_MEMORY_MS ? cooldown.strikes + 1 : 1;
      cooldown = { workspaceId, person, reason, strikes, held: 0, until: now + Math.min(this.maxMs, this.baseMs * 2 ** Math.min(strikes - 1, 30)) };
      this.byPerson.delete(id);
      this.byPerson.set(id, cooldown);
      this.bound(this.byPerson);
    }
    if (accessKey !== null) this.link(accessKey, cooldown, false);
    return cooldown;
  }

  /**
   * Before the upgrade: the running cool-down for this access key, and whether its person was already told
   * (then the attempt is refused with HTTP 429 without being upgraded).
   */
  forKey(accessKey: string | null): (CooldownVerdict & { told: boolean }) | null {
    if (accessKey === null) return null;
    const entry = this.byKey.get(accessKey);
    if (!entry) return null;
    const verdict = this.verdict(entry.cooldown);
    if (!verdict) {
      this.byKey.delete(accessKey);
      return null;
    }
    return { ...verdict, told: entry.told };
  }

  /** After the access check: the running cool-down for this person and plan, if any. */
  forPerson(workspaceId: string, person: string | null): CooldownVerdict | null {
    if (person === null) return null;
    const cooldown = this.byPerson.get(`${workspaceId}\n${person}`);
    return cooldown ? this.verdict(cooldown) : null;
  }

  /** The person was told on a socket opened with this key: its next attempts in this cool-down are refused before the upgrade. */
  told(accessKey: string | null, cooldown: Cooldown): void {
    if (accessKey !== null) this.link(accessKey, cooldown, true);
  }

  private link(accessKey: string, cooldown: Cooldown, told: boolean): void {
    const entry = this.byKey.get(accessKey);
    if (entry && entry.cooldown === cooldown) {
      entry.told ||= told;
      return;
    }
    this.byKey.delete(accessKey);
    this.byKey.set(accessKey, { cooldown, told });
    this.bound(this.byKey);
  }

  private verdict(cooldown: Cooldown): CooldownVerdict | null {
    const left = cooldown.until - this.now();
    if (left <= 0) return null;
    const seconds = Math.ceil(left / 1000);
    return { cooldown, seconds, msLeft: left, message: cooldownMessage(seconds, cooldown.reason) };
  }

  private bound(map: Map<string, unknown>): void {
    while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  }
}

/** What the person is told, first (a close reason holds 123 bytes): "Reconnecting in 10 s: <why>". Our page reads the seconds. */
export function cooldownMessage(seconds: number, reason: string): string {
  let text = `Reconnecting in ${seconds} s: ${reason}`;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  return text;
}
