// The action board: every action in board order, reorderable by buttons or by dragging.
import { useState, type PointerEvent } from "react";
import { LOCAL_EDIT } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { createAction, moveActionTo, rankByVotes, readActions, voterKeyFor, votesUsed } from "~/domain/workspace";
import { ActionCard } from "./ActionCard";
import { BoardSort } from "./BoardSort";
import { NEW_ACTION_INPUT_ID, NEW_ACTION_SHORTCUT } from "./BoardShortcuts";
import { focusActionTitle } from "./FindingCard";
import { STATIC_BOARD_ID, StaticBoardItems } from "./StaticActionCard";
import { staticBoardHtml } from "./staticBoard.server";
import { useWorkshop } from "./WorkshopContext";
import type { ActionView } from "~/domain/workspace";

/** The board slot under a point, from its data-slot attribute (null when not over the board). */
function slotAt(x: number, y: number): number | null {
  const slot = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-slot]");
  return slot ? Number(slot.dataset.slot) : null;
}

function AddAction() {
  const { doc, me } = useWorkshop();
  const [title, setTitle] = useState("");
  return (
    <form
      className="inline-form board__add"
      onSubmit={(event) => {
        event.preventDefault();
        const id = createAction(doc, { title: title.trim(), createdBy: me.name }, LOCAL_EDIT);
        setTitle("");
        if (!title.trim()) focusActionTitle(id);
      }}
    >
      <label htmlFor="new-action-title">New action</label>
      <input id={NEW_ACTION_INPUT_ID} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={2000} autoComplete="off" aria-keyshortcuts={NEW_ACTION_SHORTCUT} />
      <button type="submit" className="button">
        Add action
      </button>
    </form>
  );
}

/**
 * The board before JavaScript takes over. The server sends the cards it rendered once for this version of
 * the plan (staticBoard.server); the browser, hydrating, keeps exactly that HTML (it reads it back from the
 * page, so nothing differs). Mounted later in the browser (a page change within the app), it renders the
 * cards itself for the moment before the live board replaces them.
 */
function StaticBoard({ actions }: { actions: readonly ActionView[] }) {
  const workshop = useWorkshop();
  const html = typeof document === "undefined" ? staticBoardHtml(actions, workshop) : document.getElementById(STATIC_BOARD_ID)?.innerHTML;
  return html === undefined ? (
    <ol id={STATIC_BOARD_ID} className="board__list">
      <StaticBoardItems actions={actions} />
    </ol>
  ) : (
    <ol id={STATIC_BOARD_ID} className="board__list" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

export function ActionBoard() {
  const { doc, live, editable, me, session } = useWorkshop();
  const actions = useDocValue(doc, readActions);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // Sorting by votes is offered once totals are revealed (before that it would give the totals away).
  const [byVotes, setByVotes] = useState(false);
  const sorted = byVotes && session.voting.revealed;
  const shown = sorted ? rankByVotes(actions).map((row) => actions[row.boardPosition]!) : actions;

  // Pointer events rather than HTML drag and drop: one code path for mouse, pen and touch.
  const dragHandle = (id: string) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (!editable) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (event.currentTarget.hasPointerCapture(event.pointerId)) setDropAt(slotAt(event.clientX, event.clientY));
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
      event.currentTarget.releasePointerCapture(event.pointerId);
      const index = slotAt(event.clientX, event.clientY);
      setDropAt(null);
      if (index !== null && editable) moveActionTo(doc, id, index, LOCAL_EDIT);
    },
    onPointerCancel: () => setDropAt(null),
  });
  const used = votesUsed(actions, voterKeyFor(me, session));

  return (
    <section className="board" aria-labelledby="board-heading">
      <h2 id="board-heading">Actions ({actions.length})</h2>
      {live && editable ? <AddAction /> : null}
      {live && session.voting.open ? (
        <p className="notice board__votes" data-testid="votes-left">
          Voting is open: you have used {used} of your {session.voting.votesPerPerson} votes.
          {session.voting.revealed ? "" : " Totals stay hidden until the facilitator reveals them."}
        </p>
      ) : null}
      {live && session.voting.revealed && actions.length > 1 ? <BoardSort byVotes={byVotes} setByVotes={setByVotes} /> : null}
      {actions.length === 0 ? <p>No actions yet. Turn a finding into an action, or add one.</p> : null}
      {live ? (
        <ol key="live" className="board__list">
          {shown.map((action) => [action, actions.indexOf(action)] as const).map(([action, index]) => (
            <li
              key={action.id}
              className={dropAt === index ? "board__slot is-drop-target" : "board__slot"}
              data-slot={sorted ? undefined : index}
            >
              <ActionCard action={action} index={index} count={actions.length} dragHandle={dragHandle(action.id)} />
            </li>
          ))}
        </ol>
      ) : (
        <StaticBoard key="static" actions={actions} />
      )}
    </section>
  );
}
