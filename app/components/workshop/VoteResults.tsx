// The vote's results, ranked, once the facilitator reveals them; and the plan's priorities. Facilitators
// mark or unmark an action as a priority here (keyboard: one button per action, state in aria-pressed).
import { useMemo } from "react";
import { LOCAL_SESSION } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { MAX_PRIORITIES, priorityOrder, rankByVotes, readActions, readPriorities, setPriorities, togglePriority } from "~/domain/workspace";
import { useWorkshop } from "./WorkshopContext";

const TOP = 3;

export function VoteResults() {
  const { doc, session, me, live, announce } = useWorkshop();
  const actions = useDocValue(doc, readActions);
  const priorities = useDocValue(doc, readPriorities);
  const ranked = useMemo(() => rankByVotes(actions), [actions]);
  const ids = actions.map((a) => a.id);
  const order = priorityOrder(priorities, ids);
  const mayMark = live && me.canFacilitate;
  const titleOf = (id: string) => actions.find((a) => a.id === id)?.title.trim() || "Untitled action";
  if (!session.voting.revealed && order.length === 0) return null;

  const toggle = (id: string) => {
    const marked = order.includes(id);
    if (!togglePriority(doc, id, ids, LOCAL_SESSION)) return announce(`A plan can have at most ${MAX_PRIORITIES} priorities. Unmark one first.`);
    announce(marked ? `${titleOf(id)} is no longer a priority.` : `${titleOf(id)} is now priority ${order.length + 1}.`);
  };
  const markTop = () => {
    const top = ranked.filter((r) => r.total > 0).slice(0, TOP).map((r) => r.id);
    setPriorities(doc, top, LOCAL_SESSION);
    announce(top.length ? `The top ${top.length} actions are now the plan's priorities.` : "No action has any votes yet.");
  };

  return (
    <section className="vote-results" aria-labelledby="vote-results-heading">
      <h2 id="vote-results-heading">Vote results</h2>
      {session.voting.revealed ? (
        <>
          <p className="hint">Most votes first. Ties share a place.</p>
          <ol className="vote-results__list" data-testid="vote-ranking">
            {ranked.map((row) => {
              const marked = order.includes(row.id);
              return (
                <li key={row.id} className="vote-results__row">
                  <span>
                    <strong>{row.rank}.</strong> {row.title}: {row.total === 1 ? "1 vote" : `${row.total} votes`}
                    {marked ? <span className="tag vote-results__tag">Priority {order.indexOf(row.id) + 1}</span> : null}
                  </span>
                  {mayMark ? (
                    <button type="button" className="button button--secondary button--small" aria-pressed={marked} onClick={() => toggle(row.id)}>
                      Priority<span className="visually-hidden">: {row.title}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {mayMark ? (
            <button type="button" className="button" onClick={markTop}>
              Make the top {TOP} the plan's priorities
            </button>
          ) : null}
        </>
      ) : null}
      {order.length ? (
        <>
          <h3>The plan's priorities</h3>
          <ol data-testid="plan-priorities">
            {order.map((id) => (
              <li key={id}>{titleOf(id)}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
