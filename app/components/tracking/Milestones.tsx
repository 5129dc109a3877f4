// An action's milestones: a list anyone with access reads; people who may edit tick, untick, remove and add.
import { useEffect, useRef } from "react";
import { Form } from "@remix-run/react";
import { shortDate, type MilestoneProblem, type MilestoneView } from "~/domain/tracking/milestones";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  ) : null;
}

export function Milestones({ milestones, today, canEdit, problem }: { milestones: MilestoneView[]; today: string; canEdit: boolean; problem: MilestoneProblem | null }) {
  const titleRef = useRef<HTMLInputElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  // After a refused add, take people to the first field to fix.
  useEffect(() => {
    if (problem?.errors.title) titleRef.current?.focus();
    else if (problem?.errors.due) dueRef.current?.focus();
  }, [problem]);
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      {problem?.errors.form ? (
        <p className="field-error" role="alert">
          {problem.errors.form}
        </p>
      ) : null}
      {milestones.length === 0 ? <p>No milestones yet.</p> : null}
      <ul className="milestones">
        {milestones.map((m) => (
          <li key={m.id}>
            <span>{`${m.done ? "Done" : "To do"}: ${m.title} — due ${shortDate(m.due)}`}</span>
            {!m.done && m.due < today ? <strong className="overdue-flag"> Overdue</strong> : null}
            {canEdit ? (
              <span className="row-actions">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="milestoneId" value={m.id} />
                  <button type="submit" name="intent" value={m.done ? "milestone-reopen" : "milestone-done"} className="button button--secondary" aria-label={`${m.done ? "Mark not done" : "Mark done"}: ${m.title}`}>
                    {m.done ? "Mark not done" : "Mark done"}
                  </button>
                  <button type="submit" name="intent" value="milestone-remove" className="button button--secondary" aria-label={`Remove: ${m.title}`}>
                    Remove
                  </button>
                </Form>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" className="stack" aria-labelledby="add-milestone-heading">
          <h3 id="add-milestone-heading">Add a milestone</h3>
          <input type="hidden" name="intent" value="add-milestone" />
          <div className={problem?.errors.title ? "field field--error" : "field"}>
            <label htmlFor="milestone-title">Step</label>
            <FieldError id="milestone-title-error" message={problem?.errors.title} />
            <input ref={titleRef} id="milestone-title" name="title" type="text" maxLength={200} defaultValue={problem?.values.title} aria-invalid={problem?.errors.title ? true : undefined} aria-describedby={problem?.errors.title ? "milestone-title-error" : undefined} />
          </div>
          <div className={problem?.errors.due ? "field field--error" : "field"}>
            <label htmlFor="milestone-due">Due date</label>
            <FieldError id="milestone-due-error" message={problem?.errors.due} />
            <input ref={dueRef} id="milestone-due" name="due" type="date" defaultValue={problem?.values.due} aria-invalid={problem?.errors.due ? true : undefined} aria-describedby={problem?.errors.due ? "milestone-due-error" : undefined} />
          </div>
          <button type="submit" className="button">
            Add milestone
          </button>
        </Form>
      ) : null}
    </section>
  );
}
