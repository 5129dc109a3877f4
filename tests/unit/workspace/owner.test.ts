import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, readActions, resolveOwner, updateAction } from "~/domain/workspace";

const members = [
  { id: "u1", name: "Priya Shah" },
  { id: "u2", name: "Sam Jones" },
  { id: "u3", name: "Sam  jones" },
];

describe("choosing an action's owner", () => {
  it("links a name to the one member it names, ignoring case and extra spaces", () => {
    expect(resolveOwner("  priya   SHAH ", members)).toEqual({ owner: "Priya Shah", ownerId: "u1" });
  });
  it("keeps a name that is not a member's, or that two members share, as free text", () => {
    expect(resolveOwner("Jo at the Carers Centre", members)).toEqual({ owner: "Jo at the Carers Centre", ownerId: null });
    expect(resolveOwner("Sam Jones", members)).toEqual({ owner: "Sam Jones", ownerId: null });
    expect(resolveOwner("   ", members)).toEqual({ owner: "", ownerId: null });
  });
  it("clears the member link when the owner changes to a name without one", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "Budget letters", owner: "Priya Shah", ownerId: "u1" });
    expect(readActions(doc)[0]).toMatchObject({ owner: "Priya Shah", ownerId: "u1", valid: true });
    updateAction(doc, id, { status: "in-progress" });
    expect(readActions(doc)[0]!.ownerId).toBe("u1");
    updateAction(doc, id, { owner: "Jo" });
    expect(readActions(doc)[0]).toMatchObject({ owner: "Jo", ownerId: null, valid: true });
    expect(() => updateAction(doc, id, { owner: "Priya Shah", ownerId: "" })).toThrow(/ownerId/);
  });
});
