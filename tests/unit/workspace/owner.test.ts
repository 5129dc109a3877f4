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
  it("never links one person's name to another's account when two people change the owner at once", () => {
    const priyaPicks = new Y.Doc();
    priyaPicks.clientID = 1;
    const id = createAction(priyaPicks, { id: "a1", title: "Budget letters" });
    const joTypes = new Y.Doc();
    joTypes.clientID = 2; // the higher client id wins a concurrent write to the same key: Jo's name
    Y.applyUpdate(joTypes, Y.encodeStateAsUpdate(priyaPicks));
    updateAction(priyaPicks, id, { owner: "Priya Shah", ownerId: "u1" });
    updateAction(joTypes, id, { owner: "Jo" });
    Y.applyUpdate(priyaPicks, Y.encodeStateAsUpdate(joTypes));
    Y.applyUpdate(joTypes, Y.encodeStateAsUpdate(priyaPicks));
    const merged = readActions(priyaPicks)[0]!;
    expect(readActions(joTypes)[0]).toMatchObject({ owner: merged.owner, ownerId: merged.ownerId });
    // Jo's name won; Priya's account link, written under her name, no longer counts.
    expect(merged).toMatchObject({ owner: "Jo", ownerId: null });
  });
});
