// The honest pair: two co-producers typing into their own notes, each edit timed until the other sees it.
import * as Y from "yjs";
import { NOTES_KEY } from "~/domain/workspace/document";
import { HONEST_NOTES } from "./craft";
import type { HonestPeer } from "./honestPeer";

export type LatencySample = { phase: string; ms: number };

type Side = { peer: HonestPeer; note: string; prefix: string; sent: string[]; pending: Map<string, { at: number; phase: string }>; seen: number };

function noteText(doc: Y.Doc, key: string): string {
  const value = doc.getMap<unknown>(NOTES_KEY).get(key);
  return value instanceof Y.Text ? value.toString() : "";
}

export class HonestPair {
  readonly samples: LatencySample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private turn = 0;
  private readonly sides: [Side, Side];

  constructor(
    a: HonestPeer,
    b: HonestPeer,
    private readonly phase: () => string,
    private readonly intervalMs: number,
  ) {
    this.sides = [
      { peer: a, note: HONEST_NOTES.a, prefix: "a", sent: [], pending: new Map(), seen: 0 },
      { peer: b, note: HONEST_NOTES.b, prefix: "b", sent: [], pending: new Map(), seen: 0 },
    ];
    // Each side watches the other side's note for the tokens it has not seen yet.
    this.watch(this.sides[0], this.sides[1]);
    this.watch(this.sides[1], this.sides[0]);
  }

  private watch(writer: Side, reader: Side): void {
    reader.peer.doc.on("afterTransaction", () => {
      const text = noteText(reader.peer.doc, writer.note);
      if (text.length <= writer.seen) return;
      const fresh = text.slice(writer.seen);
      writer.seen = text.length;
      const now = performance.now();
      for (const token of fresh.split(";")) {
        const sent = writer.pending.get(token);
        if (!sent) continue;
        writer.pending.delete(token);
        this.samples.push({ phase: sent.phase, ms: now - sent.at });
      }
    });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.edit(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One edit from each side now: sent after everything before it, so once both arrive the server has worked through what came first. */
  barrier(): void {
    this.edit();
    this.edit();
  }

  private edit(): void {
    const side = this.sides[this.turn++ % 2]!;
    const token = `${side.prefix}${side.sent.length}`;
    const note = side.peer.doc.getMap<unknown>(NOTES_KEY).get(side.note);
    if (!(note instanceof Y.Text)) return;
    side.sent.push(token);
    side.pending.set(token, { at: performance.now(), phase: this.phase() });
    note.insert(note.length, `${token};`);
  }

  get editCount(): number {
    return this.sides[0].sent.length + this.sides[1].sent.length;
  }

  /** What each note must read, exactly: every token its writer typed, in order. */
  expected(): Record<string, string> {
    return Object.fromEntries(this.sides.map((s) => [s.note, s.sent.map((t) => `${t};`).join("")]));
  }

  /** Whether both peers hold exactly the honest text (nothing missing, nothing foreign). */
  correctOn(peer: HonestPeer): boolean {
    return Object.entries(this.expected()).every(([note, text]) => noteText(peer.doc, note) === text);
  }

  describeOn(peer: HonestPeer): string {
    return Object.entries(this.expected())
      .map(([note, text]) => {
        const actual = noteText(peer.doc, note);
        return actual === text ? `${note} ok` : `${note}: expected ${text.length} chars, has ${actual.length} (missing ${text.split(";").filter((t) => t && !actual.includes(`${t};`)).length} edits)`;
      })
      .join("; ");
  }
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
