// An action's tracked values: status, RAG (words and shapes, never colour alone), owner, due date.
import { useEffect, useState } from "react";
import { RAG_LABELS, RAG_SHAPES, STATUS_LABELS } from "~/domain/tracking/status";
import { LOCAL_EDIT } from "~/collab/origins";
import { ACTION_STATUSES, RAG_RATINGS, resolveOwner, updateAction, type ActionChange, type ActionView } from "~/domain/workspace";
import { OWNER_CHOICES_ID, useWorkshop } from "./WorkshopContext";


/** A plain value kept locally while typed and written on leaving the field or pressing Enter. */
function PlainField({ id, label, type, value, onCommit, readOnly, list }: { id: string; label: string; type: "text" | "date"; value: string; onCommit: (value: string) => void; readOnly: boolean; list?: string }) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={draft}
        readOnly={readOnly}
        autoComplete="off"
        list={list}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </div>
  );
}

export function ActionFields({ action, name }: { action: ActionView; name: string }) {
  const { doc, editable, announce, statusLabels, owners } = useWorkshop();
  const change = (values: ActionChange) => {
    try {
      updateAction(doc, action.id, values, LOCAL_EDIT);
    } catch (error) {
      announce(error instanceof Error ? error.message : "That change could not be made.");
    }
  };
  const prefix = `action-${action.id}`;
  return (
    <div className="action-fields">
      <div className="field">
        <label htmlFor={`${prefix}-status`}>Status</label>
        <select id={`${prefix}-status`} value={action.status} disabled={!editable} onChange={(e) => change({ status: e.target.value })}>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status] ?? STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="rag-choice" disabled={!editable}>
        <legend>
          How is it going?<span className="visually-hidden"> ({name})</span>
        </legend>
        {RAG_RATINGS.map((rag) => (
          <label key={rag} className={`rag-choice__option rag--${rag}`}>
            <input type="radio" name={`${prefix}-rag`} value={rag} checked={action.rag === rag} onChange={() => change({ rag })} />
            <span aria-hidden="true" className="rag-choice__shape">
              {RAG_SHAPES[rag]}
            </span>{" "}
            {RAG_LABELS[rag]}
          </label>
        ))}
      </fieldset>
      <PlainField id={`${prefix}-owner`} label="Owner" type="text" value={action.owner} readOnly={!editable} onCommit={(owner) => change(resolveOwner(owner, owners))} list={owners.length ? OWNER_CHOICES_ID : undefined} />
      <PlainField id={`${prefix}-due`} label="Due date" type="date" value={action.due ?? ""} readOnly={!editable} onCommit={(due) => change({ due: due || null })} />
    </div>
  );
}
