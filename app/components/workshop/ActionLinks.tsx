// An action's partners, linked findings and linked Making it Real statements (picked by theme).
import { useState, type ReactNode } from "react";
import { LOCAL_EDIT } from "~/collab/origins";
import { mirThemes } from "~/domain/mir/statements";
import { addToActionList, removeFromActionList, type ActionListField, type ActionView } from "~/domain/workspace";
import { CLASSIFICATION_TAGS } from "./FindingCard";
import { useWorkshop } from "./WorkshopContext";


function LinkedList({ heading, field, action, empty, describe, children }: { heading: string; field: ActionListField; action: ActionView; empty: string; describe: (value: string) => ReactNode; children: ReactNode }) {
  const { doc, editable } = useWorkshop();
  const values = action[field];
  return (
    <div className="linked">
      <h4 className="linked__heading">{heading}</h4>
      {values.length === 0 ? <p className="hint">{empty}</p> : null}
      <ul className="linked__list">
        {values.map((value) => (
          <li key={value}>
            <span>{describe(value)}</span>
            {editable ? (
              <button type="button" className="link-button" onClick={() => removeFromActionList(doc, action.id, field, value, LOCAL_EDIT)}>
                Remove<span className="visually-hidden">: {value}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? children : null}
    </div>
  );
}

export function ActionLinks({ action, name }: { action: ActionView; name: string }) {
  const { doc, findings, findingById, easyRead, statements, statementById } = useWorkshop();
  const [partner, setPartner] = useState("");
  const [findingId, setFindingId] = useState("");
  const [theme, setTheme] = useState<string>(mirThemes[0]!.id);
  const [statementId, setStatementId] = useState("");
  const prefix = `action-${action.id}`;
  const add = (field: ActionListField, value: string, reset: () => void) => {
    if (!value.trim()) return;
    addToActionList(doc, action.id, field, value, LOCAL_EDIT);
    reset();
  };
  const themeStatements = statements.filter((s) => s.theme === theme);

  return (
    <div className="action-links">
      <LinkedList heading="Partners" field="partners" action={action} empty="No partners yet." describe={(v) => v}>
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), add("partners", partner, () => setPartner("")))}>
          <label htmlFor={`${prefix}-partner`}>Partner</label>
          <input id={`${prefix}-partner`} value={partner} onChange={(e) => setPartner(e.target.value)} autoComplete="off" maxLength={200} />
          <button type="submit" className="button button--secondary button--small">
            Add partner<span className="visually-hidden"> to {name}</span>
          </button>
        </form>
      </LinkedList>
      <LinkedList
        heading="Findings this answers"
        field="findingIds"
        action={action}
        empty="Not linked to a finding."
        describe={(id) => {
          const f = findingById.get(id);
          return f ? `${CLASSIFICATION_TAGS[f.classification]!.label} (${f.groupLabel}): ${easyRead ? f.easyRead : f.sentence}` : `Finding ${id}`;
        }}
      >
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), add("findingIds", findingId, () => setFindingId("")))}>
          <label htmlFor={`${prefix}-finding`}>Finding</label>
          <select id={`${prefix}-finding`} value={findingId} onChange={(e) => setFindingId(e.target.value)}>
            <option value="">Choose a finding</option>
            {findings.map((f) => (
              <option key={f.id} value={f.id}>
                {f.groupLabel}: {f.sentence}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            Link finding<span className="visually-hidden"> to {name}</span>
          </button>
        </form>
      </LinkedList>
      <LinkedList heading="Making it Real statements" field="mirIds" action={action} empty="No statements linked." describe={(id) => `${id}: ${statementById.get(id)?.text ?? "statement not found"}`}>
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), add("mirIds", statementId, () => setStatementId("")))}>
          <label htmlFor={`${prefix}-theme`}>Theme</label>
          <select id={`${prefix}-theme`} value={theme} onChange={(e) => (setTheme(e.target.value), setStatementId(""))}>
            {mirThemes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <label htmlFor={`${prefix}-statement`}>Statement</label>
          <select id={`${prefix}-statement`} value={statementId} onChange={(e) => setStatementId(e.target.value)}>
            <option value="">Choose a statement</option>
            {themeStatements.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} ({s.kind === "I" ? "I statement" : "We statement"}): {s.text}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            Link statement<span className="visually-hidden"> to {name}</span>
          </button>
        </form>
      </LinkedList>
      <p className="hint">Making it Real statements are our short summaries, not TLAP's official wording.</p>
    </div>
  );
}
