// Facilitator tools: focus, timer, dot voting, lock, and recording an idea for a named participant.
// Shown only with facilitate:workspace. Session writes use an origin undo never tracks.
import { useState } from "react";
import { LOCAL_EDIT, LOCAL_SESSION } from "~/collab/origins";
import { clearVotes, createAction, updateSession } from "~/domain/workspace";
import { CollapsibleSection } from "./CollapsibleSection";
import { focusActionTitle } from "./FindingCard";
import { useWorkshop } from "./WorkshopContext";

const MINUTES = [1, 2, 3, 5, 10, 15, 20];

/** What a folded panel still says, so a facilitator knows what is running without opening it. */
function folded(session: ReturnType<typeof useWorkshop>["session"]): string {
  const running = [session.timer ? "a timer is running" : "", session.voting.open ? "voting is open" : "", session.locked ? "the board is locked" : ""].filter(Boolean);
  return running.length ? `Folded: ${running.join(", ")}.` : "Folded. Open it for the timer, voting, the lock and recording ideas.";
}

export function FacilitatorPanel() {
  const { doc, session, me, announce } = useWorkshop();
  const [minutes, setMinutes] = useState(5);
  const [votesPerPerson, setVotesPerPerson] = useState(session.voting.votesPerPerson);
  const [anonymous, setAnonymous] = useState(session.voting.anonymous);
  const [person, setPerson] = useState("");
  const [idea, setIdea] = useState("");
  const set = (change: Parameters<typeof updateSession>[1]) => updateSession(doc, change, LOCAL_SESSION);
  const voting = session.voting;

  const startTimer = () => set({ timer: { endsAt: new Date(Date.now() + minutes * 60_000).toISOString(), durationSeconds: minutes * 60 } });
  const openVoting = () => {
    clearVotes(doc, LOCAL_SESSION);
    set({ voting: { open: true, votesPerPerson, anonymous, revealed: false } });
  };

  return (
    <CollapsibleSection id="facilitator" className="facilitator" heading="Facilitator tools" storageKey={`poet-facilitator-panel:${me.key}`} foldedHint={folded(session)}>
      <div className="facilitator__grid">
        <div className="facilitator__group">
          <h3>Timer</h3>
          <div className="inline-form">
            <label htmlFor="timer-minutes">Minutes</label>
            <select id="timer-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={startTimer}>
              Start timer
            </button>
            {session.timer ? (
              <button type="button" className="button button--secondary" onClick={() => set({ timer: null })}>
                Stop timer
              </button>
            ) : null}
          </div>
        </div>
        <div className="facilitator__group">
          <h3>Dot voting</h3>
          <p className="hint">{voting.open ? "Voting is open." : "Voting is closed."} {voting.revealed ? "Totals are shown to everyone." : "Totals are hidden."}</p>
          <div className="inline-form">
            <label htmlFor="votes-per-person">Votes each</label>
            <input id="votes-per-person" type="number" min={1} max={20} value={votesPerPerson} onChange={(e) => setVotesPerPerson(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} className="input--short" />
            <label className="checkbox">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous
            </label>
          </div>
          <div className="button-row">
            {voting.open ? (
              <button type="button" className="button" onClick={() => set({ voting: { ...voting, open: false } })}>
                Close voting
              </button>
            ) : (
              <button type="button" className="button" onClick={openVoting}>
                Start a new vote
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={() => set({ voting: { ...voting, revealed: !voting.revealed } })}>
              {voting.revealed ? "Hide the totals" : "Reveal the votes"}
            </button>
          </div>
        </div>
        <div className="facilitator__group">
          <h3>Board</h3>
          <div className="button-row">
            <button type="button" className="button button--secondary" aria-pressed={session.locked} onClick={() => set({ locked: !session.locked })}>
              {session.locked ? "Unlock the board" : "Lock the board"}
            </button>
            {session.focus ? (
              <button type="button" className="button button--secondary" onClick={() => set({ focus: null })}>
                Clear the focus
              </button>
            ) : null}
          </div>
        </div>
        <form
          className="facilitator__group"
          onSubmit={(e) => {
            e.preventDefault();
            if (!person.trim() || !idea.trim()) return announce("Give the person's name and their idea.");
            const id = createAction(doc, { title: idea.trim(), createdBy: person.trim(), recordedBy: me.name }, LOCAL_EDIT);
            setIdea("");
            announce(`Recorded ${person.trim()}'s idea.`);
            focusActionTitle(id);
          }}
        >
          <h3>Record an idea for someone</h3>
          <div className="field">
            <label htmlFor="on-behalf-name">Whose idea is it?</label>
            <input id="on-behalf-name" value={person} onChange={(e) => setPerson(e.target.value)} autoComplete="off" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="on-behalf-idea">Their idea</label>
            <input id="on-behalf-idea" value={idea} onChange={(e) => setIdea(e.target.value)} autoComplete="off" maxLength={2000} />
          </div>
          <button type="submit" className="button">
            Add their idea
          </button>
        </form>
      </div>
    </CollapsibleSection>
  );
}
