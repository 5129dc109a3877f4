// The silent ideas round on the board. Everyone who may edit writes ideas privately: they go to the server
// and come back only to their author, never into the shared document. The facilitator reveals them all at
// once; then they choose ideas that belong together (tick boxes: keyboard and screen reader friendly, or drag
// one idea onto another) and merge them into one action, for everyone.
import { useCallback, useEffect, useRef, useState, type PointerEvent } from "react";
import { LOCAL_SESSION } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { MAX_IDEA_LENGTH, mergeIdeas, readHiddenIdeaCount, readIdeas } from "~/domain/workspace";
import type { HiddenIdea } from "~/services/ideas.server";
import { focusActionTitle } from "./FindingCard";
import { useWorkshop } from "./WorkshopContext";

type Answer = { ok?: true; error?: string; revealed?: number };

function ideaCount(n: number): string {
  return n === 1 ? "1 idea" : `${n} ideas`;
}

/** The revealed idea under a point (data-idea), or null. */
function ideaAt(x: number, y: number): string | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-idea]")?.dataset.idea ?? null;
}

const OFFLINE = "You are offline. Ideas are kept on the server: try again when the board says Live.";

/**
 * Asks the ideas endpoint (a resource route: it answers with JSON) with plain fetch, never a Remix fetcher: a
 * fetcher whose request fails (no network) throws to the error boundary, and the whole board, kept on this
 * device for offline use, would be replaced by the error page. A failure here is an answer with an error.
 */
async function askIdeas<T extends object>(endpoint: string, form?: Record<string, string>): Promise<T | { error: string }> {
  if (typeof navigator !== "undefined" && !navigator.onLine) return { error: OFFLINE };
  try {
    const response = await fetch(endpoint, form ? { method: "POST", body: new URLSearchParams(form), headers: { Accept: "application/json" } } : { headers: { Accept: "application/json" } });
    if (!response.headers.get("Content-Type")?.includes("application/json")) return { error: "That did not work. Reload the page and try again." };
    return (await response.json()) as T | { error: string };
  } catch {
    return { error: OFFLINE };
  }
}

function MyIdeas({ workspaceId }: { workspaceId: string }) {
  const { doc, announce, editable } = useWorkshop();
  // The server's count of waiting ideas changes when anyone adds one and when the round is revealed: then this
  // person's own list is asked for again (after a reveal it is empty); and again when the network comes back.
  const waiting = useDocValue(doc, readHiddenIdeaCount);
  const [ideas, setIdeas] = useState<HiddenIdea[]>([]);
  const [sending, setSending] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const endpoint = `/w/${workspaceId}/ideas`;
  const load = useCallback(() => {
    const ask = ++asked.current;
    void askIdeas<{ mine: HiddenIdea[] }>(endpoint).then((answer) => {
      // Only the newest answer counts; offline, the list shown stays as it was.
      if (ask === asked.current && "mine" in answer) setIdeas(answer.mine);
    });
  }, [endpoint]);
  useEffect(() => {
    load();
    window.addEventListener("online", load);
    return () => {
      asked.current++;
      window.removeEventListener("online", load);
    };
  }, [load, waiting]);
  const send = async (form: Record<string, string>, done: string) => {
    setSending(true);
    const answer = await askIdeas<Answer>(endpoint, form);
    setSending(false);
    if ("error" in answer && answer.error) {
      setError(answer.error);
      announce(answer.error);
      return false;
    }
    setError(null);
    announce(done);
    load();
    return true;
  };

  return (
    <div className="ideas__mine">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return setError("Write your idea first.");
          void send({ intent: "add", text }, "Your idea is saved. Only you can see it until the facilitator reveals everyone's ideas.").then((saved) => {
            if (saved) setText("");
          });
        }}
      >
        <div className="field">
          <label htmlFor="my-idea">Your idea</label>
          <p className="hint" id="my-idea-hint">
            Only you can see it until the facilitator reveals everyone's ideas at once. Ideas are shown without names.
          </p>
          <textarea
            id="my-idea"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_IDEA_LENGTH}
            rows={2}
            aria-describedby={error ? "my-idea-hint my-idea-error" : "my-idea-hint"}
            aria-invalid={error ? true : undefined}
            disabled={!editable}
          />
          {error ? (
            <p className="field-error" id="my-idea-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={!editable || sending}>
          Add my idea
        </button>
      </form>
      {ideas.length ? (
        <>
          <h3>Your hidden ideas ({ideas.length})</h3>
          <ul className="ideas__list" data-testid="my-hidden-ideas">
            {ideas.map((idea) => (
              <li key={idea.id} className="ideas__idea">
                <span>{idea.text}</span>
                <button type="button" className="button button--secondary button--small" onClick={() => void send({ intent: "withdraw", ideaId: idea.id }, "Your idea is taken back.")}>
                  Take back<span className="visually-hidden">: {idea.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function Reveal({ workspaceId, hidden }: { workspaceId: string; hidden: number }) {
  const { announce } = useWorkshop();
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    const answer = await askIdeas<Answer>(`/w/${workspaceId}/ideas`, { intent: "reveal" });
    setBusy(false);
    announce(("error" in answer && answer.error) || `Revealed ${ideaCount(("revealed" in answer && answer.revealed) || 0)} to everyone.`);
  };
  return (
    <button type="button" className="button" disabled={hidden === 0 || busy} onClick={() => void reveal()}>
      Reveal everyone's ideas
    </button>
  );
}

export function IdeasRound({ workspaceId }: { workspaceId: string }) {
  const { doc, me, live, editable, announce } = useWorkshop();
  const hidden = useDocValue(doc, readHiddenIdeaCount);
  const ideas = useDocValue(doc, readIdeas);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const mayGroup = live && me.canFacilitate && editable;
  const picked = chosen.filter((id) => ideas.some((idea) => idea.id === id));
  if (!live || (!me.canEdit && ideas.length === 0 && hidden === 0)) return null;

  const merge = (ids: string[]) => {
    const id = mergeIdeas(doc, ids, { title, createdBy: "" }, LOCAL_SESSION);
    if (!id) return;
    setChosen([]);
    setTitle("");
    announce(`Merged ${ideaCount(ids.length)} into one action.`);
    focusActionTitle(id);
  };
  // Dragging one idea onto another chooses both (then "Merge" joins them); a drop elsewhere does nothing.
  const drag = (id: string) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      setDragging(id);
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
      event.currentTarget.releasePointerCapture(event.pointerId);
      setDragging(null);
      const onto = ideaAt(event.clientX, event.clientY);
      if (onto && onto !== id) {
        setChosen((previous) => [...new Set([...previous, id, onto])]);
        announce("Both ideas are chosen. Press Merge the chosen ideas to join them into one action.");
      }
    },
    onPointerCancel: () => setDragging(null),
  });

  return (
    <section className="ideas" aria-labelledby="ideas-heading">
      <h2 id="ideas-heading">Silent ideas round</h2>
      <p data-testid="hidden-idea-count" role="status">
        {hidden === 0 ? "No ideas are waiting to be revealed." : `${ideaCount(hidden)} written so far, hidden until the facilitator reveals them.`}
      </p>
      {me.canEdit ? <MyIdeas workspaceId={workspaceId} /> : null}
      {live && me.canFacilitate ? <Reveal workspaceId={workspaceId} hidden={hidden} /> : null}
      {ideas.length ? (
        <>
          <h3>Everyone's ideas ({ideas.length})</h3>
          {mayGroup ? <p className="hint">Tick the ideas that belong together (or drag one idea onto another), then merge them into one action.</p> : null}
          <ul className="ideas__list" data-testid="revealed-ideas">
            {ideas.map((idea) => (
              <li key={idea.id} className={`ideas__idea${picked.includes(idea.id) ? " is-chosen" : ""}${dragging === idea.id ? " is-dragging" : ""}`} data-idea={idea.id}>
                {mayGroup ? (
                  <>
                    <span className="drag-handle" aria-hidden="true" title="Drag onto another idea to group them" {...drag(idea.id)}>
                      ⠿
                    </span>
                    <label className="checkbox">
                      <input type="checkbox" checked={picked.includes(idea.id)} onChange={(e) => setChosen((previous) => (e.target.checked ? [...previous, idea.id] : previous.filter((x) => x !== idea.id)))} /> {idea.text}
                    </label>
                  </>
                ) : (
                  <span>{idea.text}</span>
                )}
              </li>
            ))}
          </ul>
          {mayGroup ? (
            <form
              className="ideas__merge"
              onSubmit={(event) => {
                event.preventDefault();
                if (picked.length === 0) return announce("Choose at least one idea to merge.");
                merge(picked);
              }}
            >
              <div className="field">
                <label htmlFor="merged-title">Title of the merged action (optional)</label>
                <p className="hint" id="merged-title-hint">
                  Leave it empty to use the first chosen idea's words.
                </p>
                <input id="merged-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={2000} autoComplete="off" aria-describedby="merged-title-hint" />
              </div>
              <button type="submit" className="button">
                Merge the chosen ideas into one action ({picked.length})
              </button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
