// The actions that answer a finding, with how far each has got: the way from evidence to what is done.
import { Link } from "@remix-run/react";
import { RagBadge } from "~/components/tracking/Badges";

export type AnsweringActionRow = { workspaceId: string; workspaceName: string; id: string; title: string; statusLabel: string; rag: string };

export function AnsweringActions({ actions, easy }: { actions: readonly AnsweringActionRow[]; easy: boolean }) {
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">{easy ? "What we are doing about it" : "Actions that answer this finding"}</h2>
      {actions.length === 0 ? (
        <p>{easy ? "Nothing yet. A workshop can turn this into an action." : "No action answers this finding yet."}</p>
      ) : (
        <ul className="answering-actions">
          {actions.map((a) => (
            <li key={`${a.workspaceId}/${a.id}`}>
              <Link to={`/w/${a.workspaceId}/actions/${a.id}`}>{a.title.trim() || "Untitled action"}</Link>
              <span className="answering-actions__facts">
                {" "}
                – {a.statusLabel} · <RagBadge rag={a.rag} /> · plan: {a.workspaceName}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
