// Rule-break detection on what honest people receive. Roles attack one at a time, so anything forbidden to
// the attacking role that reaches an honest peer came from it. Rules (issue 16, ADR 006, sessionGuard.ts):
// - co-producer and guest: never the session at any depth, never votes (an existing action's votes stay as
//   they were unless the whole action goes; a new action brings no votes), never another action's identity
//   (an action replaced under its id by one with another author or creation time);
// - viewer: nothing at all;
// - facilitator: anything in the document;
// - presence (everyone): only their own client id, small, never another person's name or a facilitator
//   badge they do not hold, never an honest person's client id.
import * as Y from "yjs";
import { ACTIONS_KEY, NOTES_KEY, SESSION_KEY } from "~/domain/workspace/document";
import { HONEST_NOTES, HOSTILE_CREATOR, type Role } from "./craft";
import { roleOfClientId, SPOOF_NAME } from "./frames";
import type { HonestPeer } from "./honestPeer";

export type Phase = Role | "quiet" | "between";
/** Presence states larger than this reaching a peer count as a break (issue 16 suggests 2 KB; ours are ≥ 16 KB). */
const OVERSIZE_PRESENCE_BYTES = 8 * 1024;
const SAMPLES = 3;

/** Keys sorted at every depth, so two peers' documents compare equal whatever order they integrated in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function documentJson(doc: Y.Doc): { actions: unknown; notes: Record<string, unknown>; session: unknown } {
  return {
    actions: doc.getMap(ACTIONS_KEY).toJSON(),
    notes: doc.getMap(NOTES_KEY).toJSON() as Record<string, unknown>,
    session: doc.getMap(SESSION_KEY).toJSON(),
  };
}

/** Everything but the honest pair's own notes. */
function protectedJson(doc: Y.Doc): string {
  const json = documentJson(doc);
  const notes = { ...json.notes };
  delete notes[HONEST_NOTES.a];
  delete notes[HONEST_NOTES.b];
  return canonical({ ...json, notes });
}

type ActionShadow = { map: unknown; votes: string; createdBy: unknown; createdAt: unknown };

function votesJson(value: unknown): string {
  if (value === undefined) return "{}";
  if (value instanceof Y.Map) return canonical(value.toJSON());
  return canonical({ "(not a map)": value instanceof Y.AbstractType ? value.toJSON() : value });
}

export class RuleWatch {
  private current: Phase = "between";
  private readonly resets: Array<() => void> = [];
  readonly breaks = new Map<string, { count: number; samples: string[] }>();
  /** Client ids of honest clients and the run's own helpers: never counted as invented. */
  readonly knownIds = new Set<number>();
  /** What each honest person announces (honest members: never the spoofed name, never a badge). */
  readonly honestPresence = new Map<number, string>();
  private seen = new Set<string>();

  get phase(): Phase {
    return this.current;
  }

  /** Starts a phase from what the peers hold now (changes between phases are the run's own set-up). */
  setPhase(phase: Phase): void {
    this.current = phase;
    for (const reset of this.resets) reset();
  }

  get total(): number {
    let sum = 0;
    for (const entry of this.breaks.values()) sum += entry.count;
    return sum;
  }

  record(kind: string, detail: string, dedupeKey?: string): void {
    if (dedupeKey) {
      if (this.seen.has(dedupeKey)) return;
      this.seen.add(dedupeKey);
    }
    const entry = this.breaks.get(kind) ?? { count: 0, samples: [] };
    entry.count += 1;
    if (entry.samples.length < SAMPLES) entry.samples.push(detail.slice(0, 200));
    this.breaks.set(kind, entry);
  }

  /** Checks every remote change an honest peer's document receives against the attacking role's rules. */
  watchDocument(peer: HonestPeer): void {
    const doc = peer.doc;
    let session = canonical(doc.getMap(SESSION_KEY).toJSON());
    let actions = new Map<string, ActionShadow>();
    let protectedState = protectedJson(doc);
    const snapshot = () => {
      const next = new Map<string, ActionShadow>();
      doc.getMap<unknown>(ACTIONS_KEY).forEach((map, id) => {
        if (map instanceof Y.Map) next.set(id, { map, votes: votesJson(map.get("votes")), createdBy: map.get("createdBy"), createdAt: map.get("createdAt") });
        else next.set(id, { map, votes: "{}", createdBy: undefined, createdAt: undefined });
      });
      return next;
    };
    const reset = () => {
      session = canonical(doc.getMap(SESSION_KEY).toJSON());
      actions = snapshot();
      protectedState = protectedJson(doc);
    };
    reset();
    this.resets.push(reset);
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      const phase = this.phase;
      const checking = phase === "member" || phase === "guest" || phase === "viewer";
      if (!checking) return; // setPhase takes a fresh snapshot when a checked phase starts
      // The honest peer's own typing touches only its own note.
      if (transaction.local) return;
      const where = `${phase} → ${peer.name}`;
      const nextSession = canonical(doc.getMap(SESSION_KEY).toJSON());
      if (nextSession !== session) this.record("session changed by a non-facilitator", `${where}: ${session} ⇒ ${nextSession}`);
      const next = snapshot();
      for (const [id, now] of next) {
        const before = actions.get(id);
        if (!before) {
          if (now.votes !== "{}") this.record("new action carrying votes", `${where}: ${id} ${now.votes}`);
          continue;
        }
        if (now.votes !== before.votes) this.record("votes changed by a non-facilitator", `${where}: ${id} ${before.votes} ⇒ ${now.votes}`);
        // An action the attacker itself created moments earlier (its "Hostile idea") can lose a race with the
        // same attacker's other socket writing that id: two concurrent creations, neither yet applied when
        // the other was checked. That is the attacker's own action, not another's identity, so it is not a break.
        const attackersOwn = before.createdBy === HOSTILE_CREATOR;
        if (!attackersOwn && now.map !== before.map && (now.createdBy !== before.createdBy || now.createdAt !== before.createdAt)) {
          this.record("action replaced under its id by another identity", `${where}: ${id} ${String(before.createdBy)} ⇒ ${String(now.createdBy)}`);
        }
      }
      if (phase === "viewer") {
        const nextProtected = protectedJson(doc);
        if (nextProtected !== protectedState) this.record("document changed by a viewer", `${where}: ${nextProtected.length - protectedState.length} characters`);
        protectedState = nextProtected;
      }
      session = nextSession;
      actions = next;
    });
  }

  /** Checks every presence state an honest peer receives. */
  watchPresence(peer: HonestPeer): void {
    const awareness = peer.provider.awareness;
    awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin === "local") return;
      for (const clientId of [...added, ...updated]) {
        const state = awareness.getStates().get(clientId);
        if (state === undefined) continue;
        const json = JSON.stringify(state);
        const where = `${this.phase} → ${peer.name}: client ${clientId}`;
        const key = (kind: string) => `${kind}|${peer.name}|${clientId}`;
        const user = (state as { user?: { name?: unknown; facilitator?: unknown } }).user;
        if (this.honestPresence.has(clientId)) {
          // The server may fill in an honest person's name, colour or role itself; only a hostile client's
          // words under their id (the spoofed name or a badge they do not hold) count.
          if (user?.name === SPOOF_NAME || user?.facilitator === true) this.record("an honest person's presence overwritten", `${where}: ${json.slice(0, 120)}`, key("overwrite"));
          continue;
        }
        if (this.knownIds.has(clientId)) continue;
        const owner = roleOfClientId(clientId);
        if (!owner) this.record("presence for an invented client id reached a peer", where, key("invented"));
        if (user?.name === SPOOF_NAME) this.record(`presence spoofing "${SPOOF_NAME}" reached a peer`, where, key("spoof"));
        if (user?.facilitator === true && owner !== "facilitator") this.record("facilitator badge from a non-facilitator reached a peer", `${where} (${owner ?? "invented id"})`, key("badge"));
        if (json.length > OVERSIZE_PRESENCE_BYTES) this.record("oversize presence state reached a peer", `${where}: ${json.length} bytes`, key(`big${json.length}`));
      }
    });
  }
}
