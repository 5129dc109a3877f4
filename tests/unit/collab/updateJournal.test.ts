// Group commit: the first update of an event-loop turn is written at once; the rest of a burst that arrives
// in the same turn share one write (one commit and one fsync) in the turn's check phase.
import { describe, expect, it } from "vitest";
import type { DocumentStorage, UpdateRow } from "../../../server/collab/persistence";
import { UpdateJournal } from "../../../server/collab/core/updateJournal";

const row = (authorName: string): UpdateRow => ({ workspaceId: "w", data: new Uint8Array([1]), authorId: null, authorName });
/** Lets queued microtasks run without letting the event loop reach its check phase. */
const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function recordingStorage(fail: (names: string[]) => boolean = () => false) {
  const writes: string[][] = [];
  const storage = {
    append: async (rows: UpdateRow[]) => {
      const names = rows.map((r) => r.authorName ?? "");
      writes.push(names);
      if (fail(names)) throw new Error("disk full");
    },
  } as unknown as DocumentStorage;
  return { writes, storage };
}

describe("the update journal", () => {
  it("writes a turn's first update at once and the rest of a burst together, before any of them is confirmed", async () => {
    const { writes, storage } = recordingStorage();
    const journal = new UpdateJournal(storage);
    await nextTurn();
    const confirmed: string[] = [];
    const append = (name: string) => journal.append(row(name)).then(() => confirmed.push(name));

    const first = append("Ann");
    await microtasks();
    expect(writes).toEqual([["Ann"]]);
    expect(confirmed).toEqual(["Ann"]);

    // Two more sockets read in the same turn (a burst): held for one shared write.
    const rest = [append("Bilal"), append("Cath")];
    await microtasks();
    expect(writes).toEqual([["Ann"]]);
    expect(confirmed).toEqual(["Ann"]);

    await nextTurn();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([["Ann"], ["Bilal", "Cath"]]);
    expect(confirmed).toEqual(["Ann", "Bilal", "Cath"]);

    // A later turn starts again with an immediate write.
    const later = append("Dev");
    await microtasks();
    expect(writes.at(-1)).toEqual(["Dev"]);
    await later;
  });

  it("rejects every update of a shared write that failed, and confirms none of them", async () => {
    const { writes, storage } = recordingStorage((names) => names.includes("Bilal"));
    const journal = new UpdateJournal(storage);
    await nextTurn();
    const outcomes: string[] = [];
    const append = (name: string) =>
      journal.append(row(name)).then(
        () => outcomes.push(`${name} saved`),
        () => outcomes.push(`${name} failed`),
      );

    const all = [append("Ann")];
    await microtasks();
    all.push(append("Bilal"), append("Cath"));
    await Promise.all(all);

    expect(writes).toEqual([["Ann"], ["Bilal", "Cath"]]);
    expect(outcomes).toEqual(["Ann saved", "Bilal failed", "Cath failed"]);
  });
});
