// An action as plain HTML for the first paint and for browsers without JavaScript: read-only, plus a
// status form that posts to the server (which changes the live document for everyone).
import { RAG_LABELS, RAG_SHAPES, STATUS_LABELS } from "~/domain/tracking/status";
import { ACTION_STATUSES, type ActionView } from "~/domain/workspace";
import { useWorkshop } from "./WorkshopContext";


export function StaticActionCard({ action }: { action: ActionView }) {
  const { me, findingById, statusLabels, statementById } = useWorkshop();
  const name = action.title.trim() || "Untitled action";
  return (
    <article id={`action-${action.id}`} className={`action-card action-card--${action.rag}`} aria-labelledby={`action-${action.id}-name`}>
      <h3 id={`action-${action.id}-name`} className="action-card__title">
        {name}
      </h3>
      {!action.valid ? <p className="field-error">Needs review: some details of this action could not be read.</p> : null}
      {action.description ? <p>{action.description}</p> : null}
      <dl className="action-card__facts">
        <dt>Status</dt>
        <dd>{statusLabels[action.status] ?? STATUS_LABELS[action.status]}</dd>
        <dt>How is it going?</dt>
        <dd>
          <span aria-hidden="true">{RAG_SHAPES[action.rag]} </span>
          {RAG_LABELS[action.rag]}
        </dd>
        <dt>Owner</dt>
        <dd>{action.owner || "Nobody yet"}</dd>
        <dt>Due</dt>
        <dd>{action.due ?? "No date yet"}</dd>
        {action.partners.length ? (
          <>
            <dt>Partners</dt>
            <dd>{action.partners.join(", ")}</dd>
          </>
        ) : null}
        {action.findingIds.length ? (
          <>
            <dt>Findings</dt>
            <dd>{action.findingIds.map((id) => findingById.get(id)?.sentence ?? id).join(" · ")}</dd>
          </>
        ) : null}
        {action.mirIds.length ? (
          <>
            <dt>Making it Real</dt>
            <dd>{action.mirIds.map((id) => `${id}: ${statementById.get(id)?.text ?? ""}`).join(" · ")}</dd>
          </>
        ) : null}
      </dl>
      {me.canEdit ? (
        <form method="post" action="?index" className="inline-form">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="actionId" value={action.id} />
          <label htmlFor={`action-${action.id}-status-form`}>
            Status<span className="visually-hidden"> of {name}</span>
          </label>
          <select id={`action-${action.id}-status-form`} name="status" defaultValue={action.status}>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status] ?? STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            Save status<span className="visually-hidden"> of {name}</span>
          </button>
        </form>
      ) : null}
    </article>
  );
}

/** The id of the board's list as the server renders it (read once by the browser when it takes the page over). */
export const STATIC_BOARD_ID = "board-static";

/** Every action of the board in board order as plain HTML (the server's first paint and the no-JavaScript board). */
export function StaticBoardItems({ actions }: { actions: readonly ActionView[] }) {
  return (
    <>
      {actions.map((action, index) => (
        <li key={action.id} className="board__slot" data-slot={index}>
          <StaticActionCard action={action} />
        </li>
      ))}
    </>
  );
}
