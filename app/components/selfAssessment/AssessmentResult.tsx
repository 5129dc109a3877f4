// The saved result, the same on every screen (it is in the shared document as saved): each statement's rating,
// how it was decided, and how it moved since the earlier year; statements rated "not yet" suggest actions.
import { useFetcher } from "@remix-run/react";
import { mirThemes, type MirStatement } from "~/domain/mir";
import { dateTimeInEngland } from "~/domain/tracking/today";
import { comparisonSentence, MIR_RATING_LABELS, MOVEMENT_LABELS, movement, type Movement, type SavedResult } from "~/domain/workspace";
import type { AssessmentAnswer, EarlierYear } from "./types";
import { useAnswer } from "./useAnswer";

type PlanAction = { id: string; title: string; mirIds: string[] };
type Props = {
  workspaceId: string;
  result: SavedResult;
  statements: readonly MirStatement[];
  earlier: EarlierYear | null;
  actions: readonly PlanAction[];
  canEdit: boolean;
  announce: (message: string) => void;
};

export function AssessmentResult({ workspaceId, result, statements, earlier, actions, canEdit, announce }: Props) {
  const rated = statements.filter((s) => result.ratings[s.id]);
  const moved: Record<Movement, number> = { up: 0, down: 0, same: 0 };
  for (const s of rated) {
    const m = movement(result.ratings[s.id]!.rating, earlier?.ratings[s.id]);
    if (m) moved[m]++;
  }
  const notYet = rated.filter((s) => result.ratings[s.id]!.rating === "not-yet");
  return (
    <section className="sa-result" aria-labelledby="result-heading">
      <h2 id="result-heading">{`Result for ${result.year}`}</h2>
      <p>
        {`Saved ${dateTimeInEngland(result.finishedAt)}: ${rated.length} of ${statements.length} statements rated. `}
        {comparisonSentence({ earlier, moved })}
      </p>
      {mirThemes.map((theme) => {
        const inTheme = rated.filter((s) => s.theme === theme.id);
        if (!inTheme.length) return null;
        return (
          <div key={theme.id}>
            <h3>{theme.title}</h3>
            <ul className="sa-result-list">
              {inTheme.map((s) => {
                const r = result.ratings[s.id]!;
                const m = movement(r.rating, earlier?.ratings[s.id]);
                return (
                  <li key={s.id} data-statement={s.id}>
                    <span className="sa-result-list__text">{s.text}</span>{" "}
                    <strong className={`sa-rating sa-rating--${r.rating}`} data-testid="result-rating">
                      {MIR_RATING_LABELS[r.rating]}
                    </strong>
                    <span className="muted">{r.decidedBy === "consensus" ? " (agreed)" : " (most common rating)"}</span>
                    {earlier ? <span data-testid="result-movement">{` · ${m ? `${MOVEMENT_LABELS[m]} (${earlier.year}: ${MIR_RATING_LABELS[earlier.ratings[s.id]!]})` : `Not rated in ${earlier.year}`}`}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <h3>Rated “Not yet”: actions to consider</h3>
      {notYet.length ? (
        <ul className="sa-suggestions">
          {notYet.map((s) => (
            <Suggestion key={s.id} workspaceId={workspaceId} statement={s} action={actions.find((a) => a.mirIds.includes(s.id)) ?? null} canEdit={canEdit} announce={announce} />
          ))}
        </ul>
      ) : (
        <p>No statement was rated “Not yet”.</p>
      )}
    </section>
  );
}

function Suggestion({ workspaceId, statement, action, canEdit, announce }: { workspaceId: string; statement: MirStatement; action: PlanAction | null; canEdit: boolean; announce: (m: string) => void }) {
  const fetcher = useFetcher<AssessmentAnswer>();
  const problem = useAnswer(fetcher, announce);
  return (
    <li data-statement={statement.id}>
      <span>{statement.text}</span>{" "}
      {action ? (
        <a href={`/w/${workspaceId}#action-${action.id}`}>{`In the plan: ${action.title.trim() || "Untitled action"}`}</a>
      ) : canEdit ? (
        <fetcher.Form method="post" className="sa-inline">
          <input type="hidden" name="intent" value="suggest-action" />
          <input type="hidden" name="statementId" value={statement.id} />
          <button type="submit" className="button button--small">
            Create an action<span className="visually-hidden"> for “{statement.text}”</span>
          </button>
        </fetcher.Form>
      ) : (
        <span className="muted">No action yet.</span>
      )}
      {problem ? <p className="field-error" role="alert">{problem.message}</p> : null}
    </li>
  );
}
