// Dot voting on one action: your own votes always, totals only once revealed. A vote is sent to the
// server, which checks the rules and writes it (so an anonymous vote is never written by your browser);
// everyone sees it arrive through the shared document.
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { readVoterNames, visibleVotes, voterKeyFor, VOTE_REFUSAL_TEXT, type ActionView, type VoteRefusal } from "~/domain/workspace";
import { useWorkshop } from "./WorkshopContext";

type VoteAnswer = { vote: { actionId: string; refusal: VoteRefusal | "no-such-action" | "cannot-vote" | null; mine: number } } | { error: string };

export function VoteControl({ action, name }: { action: ActionView; name: string }) {
  const { doc, me, session, announce, live } = useWorkshop();
  const names = useDocValue(doc, useCallback((d) => readVoterNames(d), []));
  const fetcher = useFetcher<VoteAnswer>();
  const answered = useRef<unknown>(null);
  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state !== "idle" || !answer || answered.current === answer) return;
    answered.current = answer;
    if ("error" in answer) return announce(answer.error);
    const { refusal, mine } = answer.vote;
    if (refusal === "no-such-action") announce("That action has been removed from the plan.");
    else if (refusal === "cannot-vote") announce("Votes cannot be added to that action because its saved votes need review. Tell the facilitator.");
    else if (refusal) announce(VOTE_REFUSAL_TEXT[refusal]);
    else announce(`You have ${mine} vote${mine === 1 ? "" : "s"} on ${name}.`);
  }, [fetcher.state, fetcher.data, announce, name]);
  if (!live || (!session.voting.open && !session.voting.revealed)) return null;
  const votes = visibleVotes(action, session, voterKeyFor(me, session), names);
  const busy = fetcher.state !== "idle";
  const vote = (delta: 1 | -1) => {
    if (busy) return announce("Still saving your last vote. Try again in a moment.");
    // A fetcher whose request cannot leave this device would replace the board with the error page.
    if (!navigator.onLine) return announce("You are offline. Votes are counted on the server: vote again when the board says Live.");
    fetcher.submit({ intent: "vote", actionId: action.id, delta: String(delta) }, { method: "post" });
  };
  return (
    <div className="votes" role="group" aria-label={`Votes for ${name}`}>
      <p className="votes__count">
        Your votes: <strong>{votes.mine}</strong>
        {votes.total !== null ? (
          <>
            {" · "}Total: <strong data-testid="vote-total">{votes.total}</strong>
          </>
        ) : null}
      </p>
      {votes.voters && votes.voters.length ? <p className="votes__voters">Voted: {votes.voters.join(", ")}</p> : null}
      {session.voting.open && me.canEdit ? (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => vote(1)} aria-disabled={busy || undefined}>
            Add a vote<span className="visually-hidden"> for {name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => vote(-1)} disabled={votes.mine === 0} aria-disabled={busy || undefined}>
            Take a vote back<span className="visually-hidden"> from {name}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
