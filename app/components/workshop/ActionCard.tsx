// One action on the live board: title typed together, status, RAG, owner, due date, votes and links.
import { useCallback, type PointerEventHandler } from "react";
import { LOCAL_EDIT, LOCAL_SESSION } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { actionText, deleteAction, focusKey, focusTarget, moveAction, totalVotes, type ActionView } from "~/domain/workspace";
import { ActionFields } from "./ActionFields";
import { ActionLinks } from "./ActionLinks";
import { CollabTextField } from "./CollabTextField";
import { Avatar } from "./PresenceList";
import { VoteControl } from "./VoteControl";
import { useWorkshop } from "./WorkshopContext";
import { updateSession } from "~/domain/workspace";

type DragHandlers = Record<"onPointerDown" | "onPointerMove" | "onPointerUp" | "onPointerCancel", PointerEventHandler<HTMLElement>>;
type Props = { action: ActionView; index: number; count: number; dragHandle: DragHandlers };

export function ActionCard({ action, index, count, dragHandle }: Props) {
  const { doc, editable, me, peers, session } = useWorkshop();
  const title = useDocValue(doc, useCallback((d) => actionText(d, action.id, "title"), [action.id]));
  const description = useDocValue(doc, useCallback((d) => actionText(d, action.id, "description"), [action.id]));
  const here = [...new Map(peers.filter((p) => !p.self && p.editing?.actionId === action.id).map((p) => [p.key, p])).values()];
  const focused = focusTarget(session.focus)?.id === action.id;
  const name = action.title.trim() || "Untitled action";
  const move = (direction: "up" | "down") => {
    moveAction(doc, action.id, direction, LOCAL_EDIT);
    requestAnimationFrame(() => document.getElementById(`action-${action.id}-${direction}`)?.focus());
  };

  return (
    <article
      id={`action-${action.id}`}
      tabIndex={-1}
      className={`action-card action-card--${action.rag}${focused ? " is-focused" : ""}`}
      aria-label={`Action ${index + 1} of ${count}: ${name}`}
      data-action-title={action.title}
    >
      <div className="action-card__top">
        {editable ? (
          <span className="drag-handle" {...dragHandle} title="Drag to reorder (or use the Up and Down buttons)" aria-hidden="true">
            ⠿
          </span>
        ) : null}
        <span className="action-card__position">
          {index + 1} of {count}
        </span>
        {here.length ? (
          <span className="action-card__here">
            {here.map((p) => (
              <Avatar key={p.key} peer={p} small />
            ))}{" "}
            {here.length} {here.length === 1 ? "person" : "people"} editing
          </span>
        ) : null}
        {focused ? <span className="tag">Everyone is looking at this</span> : null}
        {editable ? (
          <span className="action-card__move">
            <button type="button" id={`action-${action.id}-up`} className="button button--secondary button--small" onClick={() => move("up")} disabled={index === 0}>
              <span aria-hidden="true">↑ </span>Up<span className="visually-hidden">: move {name} up</span>
            </button>
            <button type="button" id={`action-${action.id}-down`} className="button button--secondary button--small" onClick={() => move("down")} disabled={index === count - 1}>
              <span aria-hidden="true">↓ </span>Down<span className="visually-hidden">: move {name} down</span>
            </button>
          </span>
        ) : null}
      </div>
      {!action.valid ? <p className="field-error">Needs review: {action.problems.join("; ")}</p> : null}
      {title ? <CollabTextField id={`action-${action.id}-title`} label="Action title" text={title} presenceKey={{ actionId: action.id, field: "title" }} /> : null}
      <ActionFields action={action} name={name} />
      <VoteControl action={action} name={name} />
      <details className="action-card__more">
        <summary>
          Description, partners and links<span className="visually-hidden"> for {name}</span>
        </summary>
        {description ? <CollabTextField id={`action-${action.id}-description`} label="Description" text={description} multiline presenceKey={{ actionId: action.id, field: "description" }} /> : null}
        <ActionLinks action={action} name={name} />
        {editable && (me.canFacilitate || totalVotes(action) === 0) ? (
          <button type="button" className="button button--danger" onClick={() => deleteAction(doc, action.id, LOCAL_EDIT)}>
            Remove this action<span className="visually-hidden">: {name}</span>
          </button>
        ) : editable ? (
          <p className="hint">This action has votes from the room, so only a facilitator can remove it.</p>
        ) : null}
      </details>
      <p className="action-card__source">
        {action.createdBy ? `Idea from ${action.createdBy}` : "Idea from the group"}
        {action.recordedBy ? ` (recorded by ${action.recordedBy})` : ""}
      </p>
      {me.canFacilitate ? (
        <button type="button" className="button button--secondary" onClick={() => updateSession(doc, { focus: focused ? null : focusKey({ kind: "action", id: action.id }) }, LOCAL_SESSION)}>
          {focused ? "Stop focusing here" : "Focus everyone here"}
          <span className="visually-hidden">: {name}</span>
        </button>
      ) : null}
    </article>
  );
}
