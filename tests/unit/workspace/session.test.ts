import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_SESSION, noteFor, readNote, readSession, sessionOf, updateSession } from "~/domain/workspace";
import { isoDateSchema } from "~/domain/workspace";

describe("session state", () => {
  it("reads defaults from an empty document", () => {
    expect(readSession(new Y.Doc())).toEqual({ ...DEFAULT_SESSION, valid: true, problems: [] });
  });

  it("writes and reads focus, timer and voting", () => {
    const doc = new Y.Doc();
    updateSession(doc, { focus: "O_DIGNITY", timer: { endsAt: "2026-05-01T10:05:00.000Z", durationSeconds: 300 }, voting: { open: true, votesPerPerson: 5, anonymous: false } });
    expect(readSession(doc)).toMatchObject({ focus: "O_DIGNITY", timer: { durationSeconds: 300 }, voting: { open: true, votesPerPerson: 5, anonymous: false }, valid: true });
  });

  it("reports a bad value and falls back to the default", () => {
    const doc = new Y.Doc();
    sessionOf(doc).set("focus", 42);
    const view = readSession(doc);
    expect(view.valid).toBe(false);
    expect(view.focus).toBeNull();
    expect(view.problems[0]).toMatch(/^focus:/);
  });

  it("refuses to write a bad value", () => {
    expect(() => updateSession(new Y.Doc(), { voting: { open: true, votesPerPerson: -1, anonymous: true } })).toThrow();
  });
});

describe("notes on findings", () => {
  it("creates a shared text per finding", () => {
    const doc = new Y.Doc();
    noteFor(doc, "F1").insert(0, "People want letters in plain English");
    expect(readNote(doc, "F1")).toBe("People want letters in plain English");
    expect(readNote(doc, "F2")).toBe("");
    expect(noteFor(doc, "F1")).toBe(noteFor(doc, "F1"));
  });
});

describe("dates", () => {
  it("accepts real calendar dates only", () => {
    expect(isoDateSchema.safeParse("2028-02-29").success).toBe(true);
    expect(isoDateSchema.safeParse("2026-02-29").success).toBe(false);
    expect(isoDateSchema.safeParse("31/03/2026").success).toBe(false);
  });
});
