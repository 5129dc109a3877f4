// The "add a progress update" form. It carries a one-time key, so pressing Save twice records one update;
// the page gives a new key after each save, which also remounts (and so empties) the form.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { RAG_LABELS } from "~/domain/tracking/status";

type StatusOption = { status: string; label: string };

export function ProgressUpdateForm({
  lastResult,
  submissionKey,
  statusLabel,
  statuses,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  submissionKey: string;
  statusLabel: string;
  statuses: StatusOption[];
}) {
  const [form, fields] = useForm({ id: "progress-update", lastResult });
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("submissionKey") === submissionKey;
  return (
    <section aria-labelledby="update-heading">
      <h2 id="update-heading">Add a progress update</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="add-update" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <div className={fields.note.errors?.length ? "field field--error" : "field"}>
          <label htmlFor={fields.note.id}>What has happened?</label>
          <p id={fields.note.errorId} className="field-error" hidden={!fields.note.errors?.length}>
            {fields.note.errors?.join(" ")}
          </p>
          <textarea
            id={fields.note.id}
            name={fields.note.name}
            rows={3}
            defaultValue={typeof fields.note.initialValue === "string" ? fields.note.initialValue : undefined}
            aria-invalid={fields.note.errors?.length ? true : undefined}
            aria-describedby={fields.note.errors?.length ? fields.note.errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="update-status">Status</label>
          <select id="update-status" name="status" defaultValue="keep">
            <option value="keep">{`Keep as it is (${statusLabel})`}</option>
            {statuses.map((s) => (
              <option key={s.status} value={s.status}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="update-rag">RAG rating</label>
          <select id="update-rag" name="rag" defaultValue="keep">
            <option value="keep">Keep as it is</option>
            {Object.entries(RAG_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className={fields.percent.errors?.length ? "field field--error" : "field"}>
          <label htmlFor={fields.percent.id}>Percent done (optional)</label>
          <p className="hint" id={`${fields.percent.id}-hint`}>Leave blank to use the status’s usual figure.</p>
          <p id={fields.percent.errorId} className="field-error" hidden={!fields.percent.errors?.length}>
            {fields.percent.errors?.join(" ")}
          </p>
          <input
            id={fields.percent.id}
            name={fields.percent.name}
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            aria-describedby={`${fields.percent.id}-hint`}
            aria-invalid={fields.percent.errors?.length ? true : undefined}
          />
        </div>
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          {saving ? "Saving…" : "Save progress update"}
        </button>
      </Form>
    </section>
  );
}
