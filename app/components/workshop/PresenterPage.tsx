// The room's screen (/w/:workspace/present): how to join (the code, large, and a QR code of the join link),
// who is here, what the facilitator asks everyone to look at, the timer and the ranked vote. Read-only: it
// follows the live document and publishes no presence of its own, so it is neither listed as a person nor
// followed as a facilitator.
import { Link } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { usePeers } from "~/collab/presence";
import { useDocValue } from "~/collab/useDocValue";
import { useWorkspaceDoc } from "~/collab/useWorkspaceDoc";
import { actionText, focusTarget, priorityOrder, rankByVotes, readActions, readHiddenIdeaCount, readIdeas, readPriorities, readSession } from "~/domain/workspace";
import type { PresenterJoin } from "~/services/presenter.server";
import { ConnectionStatus } from "./ConnectionStatus";
import { Avatar } from "./PresenceList";
import type { FindingView } from "./types";
import { useHydrated } from "./useWorkshopState";

type Props = {
  workspace: { id: string; name: string; org: { slug: string; name: string } };
  join: PresenterJoin;
  findings: FindingView[];
  state: string;
};

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Seconds left until `endsAt`, read from the clock at every render: right from the first frame it is shown. */
function useSecondsLeft(endsAt: number | null): number | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (endsAt === null) return;
    const tick = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(tick);
  }, [endsAt]);
  return endsAt === null ? null : Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
}

function PresenterTimer({ endsAt, live }: { endsAt: number | null; live: boolean }) {
  const left = useSecondsLeft(endsAt);
  if (!live || left === null) return <p className="presenter__none">No timer is running.</p>;
  return (
    <>
      <p className={`presenter__clock${left === 0 ? " presenter__clock--done" : ""}`} data-testid="presenter-timer">
        {left === 0 ? "Time is up" : clock(left)}
      </p>
      <p className="visually-hidden" role="status">
        {left === 0 ? "Time is up." : ""}
      </p>
    </>
  );
}

export function PresenterPage({ workspace, join, findings, state }: Props) {
  const { doc, provider, connection } = useWorkspaceDoc(workspace.id, state);
  const live = useHydrated();
  const awareness = provider?.awareness ?? null;
  // The screen is not a person: it publishes nothing about itself.
  useEffect(() => awareness?.setLocalState(null), [awareness]);
  const peers = usePeers(awareness);
  const people = [...new Map(peers.filter((p) => !p.self).map((p) => [p.key, p])).values()];
  const session = useDocValue(doc, readSession);
  const actions = useDocValue(doc, readActions);
  const priorities = useDocValue(doc, readPriorities);
  const ranked = useMemo(() => rankByVotes(actions), [actions]);
  const priorityIds = priorityOrder(priorities, actions.map((a) => a.id));
  const titleOf = (id: string) => actions.find((a) => a.id === id)?.title.trim() || "Untitled action";
  const target = focusTarget(session.focus);
  const focusTitle = useDocValue(doc, (d) => (target?.kind === "action" ? (actionText(d, target.id, "title")?.toString() ?? null) : null));
  const finding = target?.kind === "finding" ? findings.find((f) => f.id === target.id) : undefined;
  const focusLabel = target?.kind === "action" ? (focusTitle === null ? null : focusTitle.trim() || "Untitled action") : (finding?.sentence ?? null);
  const hiddenIdeas = useDocValue(doc, readHiddenIdeaCount);
  const ideas = useDocValue(doc, readIdeas);
  const endsAt = session.timer?.endsAt ? Date.parse(session.timer.endsAt) : null;

  return (
    <div className="presenter">
      <p className="presenter__back">
        <Link to={`/w/${workspace.id}`}>Back to the workshop</Link>
      </p>
      <h1>{workspace.name}</h1>
      <ConnectionStatus connection={connection} live={live} />
      <div className="presenter__grid">
        <section className="presenter__panel presenter__join" aria-labelledby="presenter-join">
          <h2 id="presenter-join">Join the workshop</h2>
          {join ? (
            <>
              <p>
                Go to <strong className="presenter__url">{join.url.replace(/\?.*$/, "")}</strong> and type the code:
              </p>
              <p className="presenter__code" data-testid="presenter-code">
                {join.code}
              </p>
              <div className="presenter__qr" role="img" aria-label={`QR code that opens the join page with the code ${join.code}`} dangerouslySetInnerHTML={{ __html: join.qr }} />
            </>
          ) : (
            <p className="presenter__none">
              No join code is open. <Link to={`/w/${workspace.id}/access`}>Create a join code</Link>, then reload this screen.
            </p>
          )}
        </section>
        <section className="presenter__panel" aria-labelledby="presenter-people">
          <h2 id="presenter-people">Here now ({people.length})</h2>
          {people.length === 0 ? <p className="presenter__none">Nobody has joined yet.</p> : null}
          <ul className="presenter__people" data-testid="presenter-people">
            {people.map((p) => (
              <li key={p.key}>
                <Avatar peer={p} /> {p.name}
                {p.guest ? <span className="tag presence__tag">Guest</span> : null}
                {p.facilitator ? <span className="tag presence__tag">Facilitator</span> : null}
              </li>
            ))}
          </ul>
        </section>
        <section className="presenter__panel" aria-labelledby="presenter-focus">
          <h2 id="presenter-focus">Everyone is looking at</h2>
          <p className="presenter__focus" data-testid="presenter-focus">
            {focusLabel ? (target?.kind === "action" ? `Action: ${focusLabel}` : `Finding: ${focusLabel}`) : "Nothing in particular yet."}
          </p>
        </section>
        <section className="presenter__panel" aria-labelledby="presenter-timer">
          <h2 id="presenter-timer">Timer</h2>
          <PresenterTimer endsAt={endsAt} live={live} />
        </section>
        {hiddenIdeas > 0 || ideas.length > 0 ? (
          <section className="presenter__panel presenter__wide" aria-labelledby="presenter-ideas">
            <h2 id="presenter-ideas">Silent ideas round</h2>
            <p data-testid="presenter-hidden-ideas">{hiddenIdeas === 1 ? "1 idea written so far, hidden until it is revealed." : `${hiddenIdeas} ideas written so far, hidden until they are revealed.`}</p>
            {ideas.length ? (
              <ul className="presenter__ideas">
                {ideas.map((idea) => (
                  <li key={idea.id}>{idea.text}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        <section className="presenter__panel presenter__wide" aria-labelledby="presenter-votes">
          <h2 id="presenter-votes">Vote results</h2>
          {!session.voting.revealed ? (
            <p className="presenter__none">{session.voting.open ? "Voting is open. The results appear here when the facilitator reveals them." : "No results to show yet."}</p>
          ) : (
            <ol className="presenter__ranking" data-testid="presenter-ranking">
              {ranked.map((row) => (
                <li key={row.id}>
                  <span className="presenter__rank">{row.rank}.</span> {row.title} <strong>{row.total === 1 ? "1 vote" : `${row.total} votes`}</strong>
                  {priorityIds.includes(row.id) ? <span className="tag">Priority {priorityIds.indexOf(row.id) + 1}</span> : null}
                </li>
              ))}
            </ol>
          )}
          {priorityIds.length ? (
            <>
              <h3>The plan's priorities</h3>
              <ol data-testid="presenter-priorities">
                {priorityIds.map((id) => (
                  <li key={id}>{titleOf(id)}</li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
