// A stand-in for the session-cookie authenticator: the query string says who you are.
// ?as=<name>&role=editor|participant|viewer|refused|guest (an editor also facilitates; a participant does not)
import type { Authenticate } from "../../../server/collab";

export const testAuthenticator: Authenticate = async (request) => {
  const params = new URL(request.url ?? "/", "http://localhost").searchParams;
  const name = params.get("as") ?? "anonymous";
  const role = params.get("role") ?? "editor";
  if (role === "refused") return { ok: false, code: 4401, reason: "Sign in to join this workshop." };
  if (role === "guest") return { ok: true, principal: { userId: null, guestId: `g-${name}`, displayName: name, canEdit: true, canFacilitate: false } };
  return { ok: true, principal: { userId: `u-${name}`, guestId: null, displayName: name, canEdit: role !== "viewer", canFacilitate: role === "editor" } };
};
