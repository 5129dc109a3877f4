// Lets the author correct their own recent progress update; the earlier wording stays in the history.
// The form opens from a link (?correct=<id>), so it works without JavaScript and the history does not
// repeat every update inside a hidden form.
import { useEffect, useRef } from "react";
import { Form, Link } from "@remix-run/react";

export type CorrectionProblem = { updateId: string; message: string };

export function CorrectUpdateLink({ updateId, here }: { updateId: string; here: string }) {
  return (
    <p>
      <Link to={`${here}?correct=${encodeURIComponent(updateId)}#update-${updateId}`} className="link-button">
        Correct this update
      </Link>
    </p>
  );
}

export function CorrectUpdateForm({ updateId, note, percent, problem, here }: { updateId: string; note: string; percent: number | null; problem: string | null; here: string }) {
  const noteId = `correct-${updateId}-note`;
  const percentId = `correct-${updateId}-percent`;
  const errorId = `correct-${updateId}-error`;
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Opened by a link in the page: take people straight to the words they came to fix.
  useEffect(() => noteRef.current?.focus(), []);
  return (
    <Form method="post" className="stack correction" aria-label="Correct this update">
      <input type="hidden" name="intent" value="correct-update" />
      <input type="hidden" name="updateId" value={updateId} />
      {problem ? (
        <p id={errorId} className="field-error" role="alert">
          <span className="visually-hidden">Error: </span>
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={noteId}>Corrected update</label>
        <textarea ref={noteRef} id={noteId} name="note" rows={3} defaultValue={note} aria-invalid={problem ? true : undefined} aria-describedby={problem ? errorId : undefined} />
      </div>
      <div className="field">
        <label htmlFor={percentId}>Percent done (optional)</label>
        <input id={percentId} name="percent" type="number" min={0} max={100} inputMode="numeric" defaultValue={percent ?? undefined} />
      </div>
      <div className="row-between">
        <button type="submit" className="button button--secondary">
          Save correction
        </button>
        <Link to={here}>Cancel</Link>
      </div>
    </Form>
  );
}
