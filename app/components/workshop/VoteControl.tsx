// Dot voting on one action: your own votes always, totals only once revealed.
import { useCallback } from "react";
import { LOCAL_SESSION } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { castVote, readVoterNames, rememberVoterName, visibleVotes, VOTE_REFUSAL_TEXT, type ActionView } from "~/domain/workspace";
import { useWorkshop } from "./WorkshopContext";

export function VoteControl({ action, name }: { action: ActionView; name: string }) {
  const { doc, me, session, announce, live } = useWorkshop();
  const names = useDocValue(doc, useCallback((d) => readVoterNames(d), []));
  if (!live || (!session.voting.open && !session.voting.revealed)) return null;
  const votes = visibleVotes(action, session, me.key, names);
  const vote = (delta: 1 | -1) => {
    if (delta > 0 && !session.voting.anonymous) rememberVoterName(doc, me.key, me.name, LOCAL_SESSION);
    const refusal = castVote(doc, action.id, me.key, delta, LOCAL_SESSION);
    announce(refusal ? VOTE_REFUSAL_TEXT[refusal] : `You have ${votes.mine + delta} vote${votes.mine + delta === 1 ? "" : "s"} on ${name}.`);
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
          <button type="button" className="button button--small" onClick={() => vote(1)}>
            Add a vote<span className="visually-hidden"> for {name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => vote(-1)} disabled={votes.mine === 0}>
            Take a vote back<span className="visually-hidden"> from {name}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
