// One finding: what it says, its evidence page, discussion notes, and "turn into an action".
import { useCallback } from "react";
import { STATUS_LABELS } from "~/domain/tracking/status";
import { LOCAL_EDIT, LOCAL_SESSION } from "~/collab/origins";
import { useDocValue } from "~/collab/useDocValue";
import { createAction, focusKey, focusTarget, notesOf, updateSession } from "~/domain/workspace";
import { CollabTextField } from "./CollabTextField";
import type { FindingView } from "./types";
import { useWorkshop } from "./WorkshopContext";

export const CLASSIFICATION_TAGS: Record<string, { shape: string; label: string }> = {
  weakness: { shape: "▼", label: "Needs action" },
  strength: { shape: "▲", label: "Strength" },
  "in-line": { shape: "●", label: "In line with England" },
  "too-few": { shape: "○", label: "Too few answers to say" },
  "no-benchmark": { shape: "○", label: "No national figure" },
};

/** Moves keyboard focus to an action's title once it is on the board. */
export function focusActionTitle(id: string) {
  requestAnimationFrame(() => {
    const input = document.getElementById(`action-${id}-title`);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  });
}

/** An action on the board that answers a finding, as the finding's card lists it. */
export type AnsweringAction = { id: string; title: string; status: string };

export function FindingCard({ finding, actions }: { finding: FindingView; actions: readonly AnsweringAction[] }) {
  const { doc, me, editable, live, session, easyRead, statusLabels, announce } = useWorkshop();
  const note = useDocValue(doc, useCallback((d) => notesOf(d).get(finding.id) ?? null, [finding.id]));
  const tag = CLASSIFICATION_TAGS[finding.classification]!;
  const focused = focusTarget(session.focus)?.id === finding.id;
  const headingId = `finding-${finding.id}-text`;

  // The action starts as a plain sentence of what to do (not a copy of the finding), its title selected so
  // that typing replaces it and the arrow keys edit it.
  const turnIntoAction = () => {
    const id = createAction(doc, { title: finding.suggestion, findingIds: [finding.id], createdBy: me.name }, LOCAL_EDIT);
    announce(`Added the action “${finding.suggestion}”. Its title is selected: type to change it.`);
    focusActionTitle(id);
  };

  return (
    <article id={`finding-${finding.id}`} tabIndex={-1} className={`finding finding--${finding.classification}${focused ? " is-focused" : ""}`} aria-labelledby={headingId}>
      <p className="finding__meta">
        <span className={`tag finding__tag finding__tag--${finding.classification}`}>
          <span aria-hidden="true">{tag.shape} </span>
          {tag.label}
        </span>{" "}
        <span className="finding__group">{finding.groupLabel}</span>
        {focused ? <span className="tag finding__focus">Everyone is looking at this</span> : null}
      </p>
      <h3 id={headingId} className="finding__text">
        {easyRead ? finding.easyRead : finding.sentence}
      </h3>
      <p className="finding__links">
        <a href={finding.href}>
          See the evidence<span className="visually-hidden"> for this finding</span>
        </a>
        {actions.length === 0 ? " · No actions yet" : null}
      </p>
      {actions.length > 0 ? (
        <>
          <h4 className="finding__answers-heading" id={`${headingId}-answers`}>
            {easyRead ? "What we are doing about it" : `Actions that answer it (${actions.length})`}
          </h4>
          <ul className="finding__answers" aria-labelledby={`${headingId}-answers`}>
            {actions.map((a) => (
              <li key={a.id}>
                <a href={`#action-${a.id}`}>{a.title.trim() || "Untitled action"}</a>
                {" – "}
                <span className="finding__answer-status">{statusLabels[a.status] ?? STATUS_LABELS[a.status] ?? "Needs review"}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {live ? (
        <div className="button-row">
          {editable ? (
            <button type="button" className="button" onClick={turnIntoAction}>
              Turn into an action
            </button>
          ) : null}
          {me.canFacilitate ? (
            <button type="button" className="button button--secondary" onClick={() => updateSession(doc, { focus: focused ? null : focusKey({ kind: "finding", id: finding.id }) }, LOCAL_SESSION)}>
              {focused ? "Stop focusing here" : "Focus everyone here"}
            </button>
          ) : null}
        </div>
      ) : null}
      {live && note ? (
        <details className="finding__notes">
          <summary>
            Discussion notes<span className="visually-hidden"> on this finding</span>
          </summary>
          <CollabTextField id={`note-${finding.id}`} label="Notes from the discussion" text={note} multiline presenceKey={{ actionId: `finding:${finding.id}`, field: "notes" }} />
        </details>
      ) : note && note.length > 0 ? (
        <p className="finding__note-text">Notes: {note.toString()}</p>
      ) : null}
    </article>
  );
}
