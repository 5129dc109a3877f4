// Dot votes are cast by the server, not written by the voter's browser: the server checks the rules
// (voting open, votes left) and writes the vote under the right key as a server edit, so the Yjs
// update that carries an anonymous vote names the server as its writer, never the voter's client.
// In an anonymous vote the key is opaque: a keyed hash of the person that only the server can make,
// so nobody reading the shared document (or its history) can tell whose votes are whose.
import { createHmac } from "node:crypto";
import { castVote, liveVotesOf, readActions, readSession, rememberVoterName, type VoteRefusal } from "~/domain/workspace";
import { appSettings } from "./appSettings.server";
import { displayNameOf, type WorkspaceAccess } from "./auth.server";
import type { CollabControl } from "./collabControl";

/** The person's participant key (`u:<id>` / `g:<id>`): presence, and votes when voting is not anonymous. */
export function participantKeyOf(access: WorkspaceAccess): string {
  const { principal } = access;
  return principal.kind === "user" ? `u:${principal.user.id}` : `g:${principal.guest.id}`;
}

/** The key a person's votes carry in an anonymous vote in this workspace (`a:` and 22 characters). */
export function anonymousVoterKey(workspaceId: string, participantKey: string): string {
  const mac = createHmac("sha256", appSettings().sessionSecret).update(`anonymous-vote\n${workspaceId}\n${participantKey}`).digest("base64url");
  return `a:${mac.slice(0, 22)}`;
}

/**
 * `changed`: the person's votes on the action are no longer the count the vote was made from (a retried
 * vote whose first request did arrive, or a vote from another window): nothing is changed; `mine` says how
 * many they have now.
 */
export type VoteOutcome = { actionId: string; refusal: VoteRefusal | "no-such-action" | "cannot-vote" | "changed" | null; mine: number };

/**
 * Adds or takes back one of this person's votes on an action, as a server edit. `from` is the number of votes
 * the person saw on it when they pressed: the vote means "from `from` to `from + delta`", so the same request
 * sent twice (a retry after the network dropped with the answer on its way) counts once.
 */
export async function castVoteAs(access: WorkspaceAccess, collab: CollabControl, actionId: string, delta: 1 | -1, from: number): Promise<VoteOutcome> {
  const participant = participantKeyOf(access);
  const anonymousKey = anonymousVoterKey(access.workspace.id, participant);
  const name = displayNameOf(access.principal);
  let outcome: VoteOutcome = { actionId, refusal: null, mine: 0 };
  await collab.withDocument(
    access.workspace.id,
    (doc) => {
      const anonymous = readSession(doc).voting.anonymous;
      const key = anonymous ? anonymousKey : participant;
      if (!readActions(doc).some((a) => a.id === actionId)) {
        outcome = { actionId, refusal: "no-such-action", mine: 0 };
        return;
      }
      const before = liveVotesOf(doc, actionId)[key] ?? 0;
      if (before !== from) {
        outcome = { actionId, refusal: "changed", mine: before };
        return;
      }
      let refusal: VoteOutcome["refusal"];
      try {
        refusal = castVote(doc, actionId, key, delta);
      } catch {
        // The action's votes are not a vote map (a damaged or crafted document): say so, change nothing.
        outcome = { actionId, refusal: "cannot-vote", mine: 0 };
        return;
      }
      if (refusal === null && delta > 0 && !anonymous) rememberVoterName(doc, key, name);
      outcome = { actionId, refusal, mine: readActions(doc).find((a) => a.id === actionId)?.votes[key] ?? 0 };
    },
    // No actor: nothing about an edit's origin may tie a vote to a person.
    { source: "server", actorId: null, actorName: "Dot voting" },
  );
  return outcome;
}
