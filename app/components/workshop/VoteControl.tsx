// Dot voting on one action: your own votes always, totals only once revealed. A vote is sent to the
// server, which checks the rules and writes it (so an anonymous vote is never written by your browser);
// everyone sees it arrive through the shared document.
import { useCallback, useEffect, useRef, useState } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { readVoterNames, visibleVotes, voterKeyFor, VOTE_REFUSAL_TEXT, type ActionView } from "~/domain/workspace";
import type { VoteOutcome } from "~/services/voting.server";
import { useWorkshop } from "./WorkshopContext";

type VoteAnswer = { vote: VoteOutcome } | { error: string };

/** How long a vote may take before the board stops waiting and tells the person (a network that hangs). */
const VOTE_TIMEOUT_MS = 15_000;

const dropped = (delta: 1 | -1) =>
  delta > 0
    ? "Your vote was not sent because the connection dropped. Vote again when the board says Live."
    : "Your vote was not taken back because the connection dropped. Take it back again when the board says Live.";

/**
 * Sends one vote with plain fetch, never a Remix fetcher: a fetcher whose request fails (the network drops as
 * it is sent) throws to the route's error boundary, and the whole board would be replaced by the error page
 * (ADR 027). A failure here is an answer with an error.
 */
async function sendVote(workspaceId: string, form: Record<string, string>, delta: 1 | -1): Promise<VoteAnswer> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), VOTE_TIMEOUT_MS);
  try {
    const response = await fetch(`/w/${workspaceId}/votes`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { Accept: "application/json" },
      signal: stop.signal,
    });
    if (!response.headers.get("Content-Type")?.includes("application/json")) return { error: "That vote did not work. Reload the page and try again." };
    return (await response.json()) as VoteAnswer;
  } catch {
    return { error: dropped(delta) };
  } finally {
    clearTimeout(timer);
  }
}

const votesText = (n: number) => `${n} vote${n === 1 ? "" : "s"}`;

/** What to tell the person about the server's answer to their vote. */
function answerText(outcome: VoteOutcome, from: number, delta: 1 | -1, name: string): string {
  const { refusal, mine } = outcome;
  if (refusal === "no-such-action") return "That action has been removed from the plan.";
  if (refusal === "cannot-vote") return "Votes cannot be added to that action because its saved votes need review. Tell the facilitator.";
  if (refusal === "changed")
    return mine === from + delta
      ? `That vote was already counted: you have ${votesText(mine)} on ${name}.`
      : `Nothing was changed: you now have ${votesText(mine)} on ${name} (changed in another window). Vote again if you meant to.`;
  if (refusal) return VOTE_REFUSAL_TEXT[refusal];
  return `You have ${votesText(mine)} on ${name}.`;
}

export function VoteControl({ action, name }: { action: ActionView; name: string }) {
  const { doc, me, session, announce, live, workspaceId } = useWorkshop();
  const names = useDocValue(doc, useCallback((d) => readVoterNames(d), []));
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The server's count from its last answer, kept until the shared document changes this person's count (the
  // answer can arrive before the document does; a vote pressed in between must start from the server's count).
  const [answered, setAnswered] = useState<{ mine: number; docMine: number } | null>(null);
  const docMine = action.votes[voterKeyFor(me, session)] ?? 0;
  // Once the document has moved on (the vote arrived, or a new vote cleared the board), it is the truth again.
  const stale = answered !== null && answered.docMine !== docMine;
  useEffect(() => {
    if (stale) setAnswered(null);
  }, [stale]);
  if (!live || (!session.voting.open && !session.voting.revealed)) return null;
  const votes = visibleVotes(action, session, voterKeyFor(me, session), names);
  const mine = answered && !stale ? answered.mine : votes.mine;
  const vote = async (delta: 1 | -1) => {
    if (sendingRef.current) return announce("Still saving your last vote. Try again in a moment.");
    const tell = (message: string, isProblem: boolean) => {
      setProblem(isProblem ? message : null);
      announce(message);
    };
    if (!navigator.onLine) return tell("You are offline. Votes are counted on the server: vote again when the board says Live.", true);
    const from = mine;
    const docMineThen = docMine;
    sendingRef.current = true;
    setSending(true);
    const answer = await sendVote(workspaceId, { actionId: action.id, delta: String(delta), from: String(from) }, delta);
    sendingRef.current = false;
    setSending(false);
    if ("error" in answer) return tell(answer.error, true);
    setAnswered({ mine: answer.vote.mine, docMine: docMineThen });
    tell(answerText(answer.vote, from, delta, name), false);
  };
  const problemId = `vote-problem-${action.id}`;
  return (
    <div className="votes" role="group" aria-label={`Votes for ${name}`}>
      <p className="votes__count">
        Your votes: <strong>{mine}</strong>
        {votes.total !== null ? (
          <>
            {" · "}Total: <strong data-testid="vote-total">{votes.total}</strong>
          </>
        ) : null}
      </p>
      {votes.voters && votes.voters.length ? <p className="votes__voters">Voted: {votes.voters.join(", ")}</p> : null}
      {session.voting.open && me.canEdit ? (
        <>
          <div className="button-row">
            <button type="button" className="button button--small" onClick={() => void vote(1)} aria-disabled={sending || undefined} aria-describedby={problem ? problemId : undefined}>
              Add a vote<span className="visually-hidden"> for {name}</span>
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void vote(-1)}
              disabled={mine === 0}
              aria-disabled={sending || undefined}
              aria-describedby={problem ? problemId : undefined}
            >
              Take a vote back<span className="visually-hidden"> from {name}</span>
            </button>
          </div>
          {problem ? (
            <p className="field-error votes__problem" id={problemId} data-testid="vote-problem">
              {problem}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
