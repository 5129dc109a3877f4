// Revocation reasons reach the browser whole: a WebSocket close frame carries at most 123 bytes of reason.
import { describe, expect, it } from "vitest";
import { REVOCATION_REASONS } from "~/services/revocation.server";
import { closeReason, matches } from "../../../server/collab/core/revocation";

const principal = { userId: "u-1", guestId: null, displayName: "Kim", canEdit: true, sessionId: "s-1" };

describe("revocation", () => {
  it("every reason the app sends fits in a close frame unchanged", () => {
    for (const reason of Object.values(REVOCATION_REASONS)) expect(closeReason(reason)).toBe(reason);
  });

  it("a longer reason is cut on a character boundary, within the limit", () => {
    const cut = closeReason("Vous avez été retiré de l’atelier — ".repeat(10));
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(120);
    expect(cut).not.toContain("\uFFFD");
    expect(Buffer.from(cut).toString("utf8")).toBe(cut);
  });

  it("matches only sockets of the named person or session, in the given plans", () => {
    const scope = { workspaceId: "w-1", principal };
    expect(matches(scope, { userId: "u-1" })).toBe(true);
    expect(matches(scope, { sessionId: "s-1" })).toBe(true);
    expect(matches(scope, { sessionId: "s-2" })).toBe(false);
    expect(matches(scope, { userId: "u-1", workspaceIds: ["w-2"] })).toBe(false);
    expect(matches(scope, { userId: "u-1", workspaceIds: ["w-2", "w-1"] })).toBe(true);
    expect(matches(scope, { workspaceId: "w-1" })).toBe(false);
    expect(matches(scope, {})).toBe(false);
  });
});
