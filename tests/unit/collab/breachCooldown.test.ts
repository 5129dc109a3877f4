// ADR 033's cool-down after a breach, on a pretend clock: how long a person waits, when it grows, and what they
// are told; and the refusal log's one line per person per interval.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BreachCooldowns } from "../../../server/collab/core/breachCooldown";
import { RefusalLog } from "../../../server/collab/core/refusalLog";
import { coolDownSeconds } from "../../../app/collab/useWorkspaceDoc";

describe("breach cool-downs", () => {
  it("the person waits for that plan only; their other sockets' breaches are the same episode; a repeat soon after doubles it, up to the ceiling", () => {
    let now = 0;
    const cooldowns = new BreachCooldowns(10_000, 35_000, () => now);
    cooldowns.breach("plan-1", "guest:g1", "key-1", "Too fast.");
    expect(cooldowns.forPerson("plan-1", "guest:g1")).toMatchObject({ seconds: 10, message: "Reconnecting in 10 s: Too fast." });
    expect(cooldowns.forPerson("plan-2", "guest:g1")).toBeNull();
    expect(cooldowns.forPerson("plan-1", "guest:g2")).toBeNull();
    now = 4_000;
    cooldowns.breach("plan-1", "guest:g1", "key-1", "Too big.");
    expect(cooldowns.forPerson("plan-1", "guest:g1")).toMatchObject({ seconds: 6, message: "Reconnecting in 6 s: Too big." });
    now = 10_000;
    expect(cooldowns.forPerson("plan-1", "guest:g1")).toBeNull();
    cooldowns.breach("plan-1", "guest:g1", null, "Too fast.");
    expect(cooldowns.forPerson("plan-1", "guest:g1")?.seconds).toBe(20);
    now = 30_000;
    cooldowns.breach("plan-1", "guest:g1", null, "Too fast.");
    expect(cooldowns.forPerson("plan-1", "guest:g1")?.seconds).toBe(35);
    // Ten quiet minutes after a cool-down ends, the count starts again.
    now = 65_000 + 10 * 60_000;
    cooldowns.breach("plan-1", "guest:g1", null, "Too fast.");
    expect(cooldowns.forPerson("plan-1", "guest:g1")?.seconds).toBe(10);
  });

  it("an access key is told once, then its attempts are refused before the upgrade; nobody without a person is held", () => {
    let now = 0;
    const cooldowns = new BreachCooldowns(10_000, 60_000, () => now);
    const cooldown = cooldowns.breach("plan-1", "user:u1", "key-1", "Too fast.")!;
    expect(cooldowns.forKey("key-1")).toMatchObject({ told: false, seconds: 10 });
    cooldowns.told("key-1", cooldown);
    expect(cooldowns.forKey("key-1")).toMatchObject({ told: true, seconds: 10 });
    expect(cooldowns.forKey("key-2")).toBeNull();
    expect(cooldowns.breach("plan-1", null, "key-3", "Too fast.")).toBeNull();
    now = 10_000;
    expect(cooldowns.forKey("key-1")).toBeNull();
  });

  it("the page reads the seconds from the reason, within bounds", () => {
    expect(coolDownSeconds("Reconnecting in 20 s: Presence updates came too fast from this connection.")).toBe(20);
    expect(coolDownSeconds("Reconnecting in 9999 s: …")).toBe(600);
    expect(coolDownSeconds("Something else")).toBe(10);
  });
});

describe("the refusal log", () => {
  afterEach(() => vi.useRealTimers());

  it("writes the first refusal of a person at once and the rest as one counted line when the interval ends", () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const write = (message: string, fields?: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(fields)}`);
    const log = new RefusalLog({ info: write, warn: write, error: write }, 10_000);
    for (let i = 0; i < 41; i++) log.note("plan-1\nguest:g1", "warn", "presence refused", { n: i });
    log.note("plan-1\nguest:g2", "warn", "presence refused", { n: 0 });
    expect(lines).toEqual(['presence refused {"n":0}', 'presence refused {"n":0}']);
    vi.advanceTimersByTime(10_000);
    expect(lines).toEqual(['presence refused {"n":0}', 'presence refused {"n":0}', 'presence refused (and 40 more like it in 10 s) {"n":40,"repeated":40}']);
  });
});
