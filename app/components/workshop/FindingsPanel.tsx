// The round's findings beside the board: weaknesses first, then strengths, filterable by group.
import { useMemo, useState } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { readActions } from "~/domain/workspace";
import type * as Y from "yjs";
import { FindingCard } from "./FindingCard";
import { useWorkshop } from "./WorkshopContext";

/** How many actions link to each finding (one pass over the board, not one per finding). */
function linkedCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const action of readActions(doc)) for (const id of action.findingIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function FindingsPanel() {
  const { findings, doc } = useWorkshop();
  const counts = useDocValue(doc, linkedCounts);
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
                <FindingCard finding={finding} linkedCount={counts.get(finding.id) ?? 0} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
