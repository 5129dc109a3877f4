import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { FormEvent } from "react";
import { Field, FieldErrors, FormErrors } from "~/components/forms";
import { DEFAULT_QUESTION_SET, questionSets, respondentFieldsOf } from "~/domain/poet";
import { UploadProgress } from "./UploadProgress";
import type { UploadState } from "./useUploadWithProgress";

type ImportFields = { roundName: string; questionSetVersion: string; results: File; benchmark?: File };

const sets = Object.values(questionSets);

/** The import form: a name, the results file and an optional council benchmark file. */
export function ImportForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultName: string;
  /** The sets whose question wording is still approximate for this council (it has not loaded its own). */
  approximateWording: readonly string[];
  state: UploadState<unknown>;
  maxBytes: number;
  upload: (form: HTMLFormElement, file: File) => void;
  fail: (message: string) => void;
}) {
  const [form, fields] = useForm<ImportFields>({ lastResult: props.lastResult, defaultValue: { roundName: props.defaultName, questionSetVersion: DEFAULT_QUESTION_SET } });
  const { onSubmit, ...formProps } = getFormProps(form);
  const busy = props.state.phase === "uploading" || props.state.phase === "checking";
  const megabytes = props.maxBytes / 1024 / 1024;

  // With JavaScript and a chosen file, send it by XMLHttpRequest for progress; otherwise a plain post.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit(event);
    if (event.defaultPrevented) return;
    const element = event.currentTarget;
    const file = (element.elements.namedItem("results") as HTMLInputElement | null)?.files?.[0];
    const name = (element.elements.namedItem("roundName") as HTMLInputElement | null)?.value.trim() ?? "";
    if (!file || name.length < 3) return;
    event.preventDefault();
    if (busy) return;
    const benchmark = (element.elements.namedItem("benchmark") as HTMLInputElement | null)?.files?.[0];
    const large = [file, benchmark].find((f) => f && f.size > props.maxBytes);
    if (large) return props.fail(`${large.name} is larger than ${megabytes} MB, the most we accept. Nothing was imported. Remove columns you do not need, or split the file, then try again.`);
    props.upload(element, file);
  };

  return (
    <>
      <FormErrors id={form.errorId} errors={form.errors} />
      <form method="post" encType="multipart/form-data" {...formProps} onSubmit={submit} className="import-form" aria-busy={busy}>
        <Field field={fields.roundName} label="Name of this round" hint="People will see this name on the findings and in action plans." />
        <div className={fields.questionSetVersion.errors?.length ? "field field--error" : "field"}>
          <label htmlFor={fields.questionSetVersion.id}>Question set</label>
          <p className="hint" id={`${fields.questionSetVersion.id}-hint`}>
            The questionnaire people answered. Files of people have these columns besides <code>respondent_id</code> and one column per question code:
          </p>
          <ul className="hint">
            {sets.map((set) => (
              <li key={set.version}>
                {set.shortTitle}:{" "}
                {respondentFieldsOf(set).map((f, i) => (
                  <span key={f.column}>
                    {i > 0 ? ", " : ""}
                    <code>{f.column}</code>
                  </span>
                ))}
                {props.approximateWording.includes(set.version) ? " (question wording approximate until your council loads the official wording)" : ""}
              </li>
            ))}
          </ul>
          <FieldErrors id={fields.questionSetVersion.errorId} errors={fields.questionSetVersion.errors} />
          <select id={fields.questionSetVersion.id} name={fields.questionSetVersion.name} defaultValue={fields.questionSetVersion.initialValue ?? DEFAULT_QUESTION_SET} aria-describedby={`${fields.questionSetVersion.id}-hint`}>
            {sets.map((set) => (
              <option key={set.version} value={set.version}>
                {set.title}
                {props.approximateWording.includes(set.version) ? " – approximate wording" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className={fields.results.errors?.length ? "field field--error" : "field"}>
          <label htmlFor={fields.results.id}>Results file (CSV or XLSX)</label>
          <p className="hint" id={`${fields.results.id}-hint`}>
            One row per person, with the columns of the question set above. Or report tables with columns <code>question, group, positive, total</code> (or{" "}
            <code>question, group, percent, n</code>). Up to{" "}
            {megabytes} MB.
          </p>
          <FieldErrors id={fields.results.errorId} errors={fields.results.errors} />
          <input
            id={fields.results.id}
            name={fields.results.name}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fields.results.id}-hint`}
            aria-invalid={fields.results.errors?.length ? true : undefined}
            aria-errormessage={fields.results.errors?.length ? fields.results.errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={fields.benchmark.id}>Council benchmark file (optional, CSV)</label>
          <p className="hint" id={`${fields.benchmark.id}-hint`}>
            Your own national or regional figures, with columns <code>question, group, percent, n</code> (n may be blank). Without it we compare with approximate
            national figures from published POET reports.
          </p>
          <input id={fields.benchmark.id} name={fields.benchmark.name} type="file" accept=".csv,text/csv" aria-describedby={`${fields.benchmark.id}-hint`} />
        </div>
        <UploadProgress state={props.state} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? "Importing…" : "Check and import"}
        </button>
      </form>
    </>
  );
}
