// The round's findings beside the board: weaknesses first, then strengths, filterable by group.
import { useMemo, useState } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { readActions } from "~/domain/workspace";
import type * as Y from "yjs";
import { FindingCard, type AnsweringAction } from "./FindingCard";
import { useWorkshop } from "./WorkshopContext";

/** The actions that answer each finding, in board order (one pass over the board, not one per finding). */
function answeringActions(doc: Y.Doc): Map<string, AnsweringAction[]> {
  const byFinding = new Map<string, AnsweringAction[]>();
  for (const action of readActions(doc)) {
    for (const id of new Set(action.findingIds)) byFinding.set(id, [...(byFinding.get(id) ?? []), { id: action.id, title: action.title, status: action.status }]);
  }
  return byFinding;
}

const NONE: AnsweringAction[] = [];

export function FindingsPanel() {
  const { findings, doc } = useWorkshop();
  const answers = useDocValue(doc, answeringActions);
  const [group, setGroup] = useState("all-groups");
  const groups = useMemo(() => [...new Map(findings.map((f) => [f.groupId, f.groupLabel])).entries()], [findings]);
  const shown = findings.filter((f) => (f.classification === "weakness" || f.classification === "strength") && (group === "all-groups" || f.groupId === group));
  return (
    <section className="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">What the survey found</h2>
      {findings.length === 0 ? (
        <p>There are no strengths or weaknesses to show. Link a POET round to this plan to see its findings here.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="finding-group">Show findings for</label>
            <select id="finding-group" value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="all-groups">Every group</option>
              {groups.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">
            {shown.length} finding{shown.length === 1 ? "" : "s"}: areas needing action first, then strengths.
          </p>
          <ul className="findings__list">
            {shown.map((finding) => (
              <li key={finding.id}>
                <FindingCard finding={finding} actions={answers.get(finding.id) ?? NONE} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
