// The round's findings beside the board. It opens on "Everyone": one finding per question, weaknesses
// first, with that question's findings for groups (carers, people aged 65 and over…) folded under it.
// Choosing a group lists that group's findings instead.
import { useMemo, useState } from "react";
import { docValue } from "~/collab/docValue";
import { useDocValue } from "~/collab/useDocValue";
import { readActions } from "~/domain/workspace";
import type * as Y from "yjs";
import { FindingCard, type AnsweringAction } from "./FindingCard";
import { groupByQuestion, summariseGroups } from "./findingGroups";
import { useWorkshop } from "./WorkshopContext";

/** The actions that answer each finding, in board order (one pass over the board, not one per finding). */
function answeringActions(doc: Y.Doc): Map<string, AnsweringAction[]> {
  const byFinding = new Map<string, AnsweringAction[]>();
  for (const action of docValue(doc, readActions)) {
    for (const id of new Set(action.findingIds)) byFinding.set(id, [...(byFinding.get(id) ?? []), { id: action.id, title: action.title, status: action.status }]);
  }
  return byFinding;
}

const NONE: AnsweringAction[] = [];
const BY_QUESTION = "by-question";

export function FindingsPanel() {
  const { findings, doc, easyRead } = useWorkshop();
  const answers = useDocValue(doc, answeringActions);
  const [group, setGroup] = useState(BY_QUESTION);
  const groups = useMemo(() => [...new Map(findings.filter((f) => f.groupId !== "all").map((f) => [f.groupId, f.groupLabel])).entries()], [findings]);
  const questions = useMemo(() => groupByQuestion(findings), [findings]);
  const flat = group === BY_QUESTION ? [] : findings.filter((f) => (f.classification === "weakness" || f.classification === "strength") && f.groupId === group);
  const folded = questions.reduce((sum, q) => sum + q.more.length, 0);
  const card = (finding: (typeof findings)[number]) => <FindingCard finding={finding} actions={answers.get(finding.id) ?? NONE} />;
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
              <option value={BY_QUESTION}>Everyone (groups folded under each question)</option>
              {groups.map(([id, label]) => (
                <option key={id} value={id}>
                  {label} only
                </option>
              ))}
            </select>
          </div>
          {group === BY_QUESTION ? (
            <>
              <p className="hint" data-testid="findings-count">
                {questions.length} question{questions.length === 1 ? "" : "s"}, areas needing action first.
                {folded ? ` ${folded} finding${folded === 1 ? "" : "s"} for groups of people ${folded === 1 ? "is" : "are"} folded under ${folded === 1 ? "its" : "their"} question.` : ""}
              </p>
              <ul className="findings__list">
                {questions.map((q) => (
                  <li key={q.questionId} className="question-group">
                    {q.head ? card(q.head) : <h3 className="question-group__heading">{q.question}</h3>}
                    {q.more.length ? (
                      <details className="question-group__more">
                        <summary>
                          {easyRead ? `What groups of people said (${q.more.length})` : `Findings for groups: ${summariseGroups(q.more)}`}
                          <span className="visually-hidden"> – {q.head ? (easyRead ? q.head.easyRead : q.head.sentence) : q.question}</span>
                        </summary>
                        <ul className="findings__list">
                          {q.more.map((finding) => (
                            <li key={finding.id}>{card(finding)}</li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p className="hint" data-testid="findings-count">
                {flat.length} finding{flat.length === 1 ? "" : "s"}: areas needing action first, then strengths.
              </p>
              <ul className="findings__list">
                {flat.map((finding) => (
                  <li key={finding.id}>{card(finding)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
