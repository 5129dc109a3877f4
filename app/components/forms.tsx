// Accessible form parts: labelled inputs whose errors are announced and linked (aria-invalid,
// aria-describedby). Validation runs on the server with the same zod schema (works without
// JavaScript; conform shows the reply and moves focus to the first field with an error).
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type InputType = "text" | "email" | "password" | "date" | "number" | "search";

export function Field({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
}: {
  field: FieldMetadata<string | number | undefined>;
  label: string;
  hint?: string;
  type?: InputType;
  autoComplete?: string;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const { key: _key, ...props } = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className={field.errors?.length ? "field field--error" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
      <input {...props} autoComplete={autoComplete} aria-errormessage={field.errors?.length ? field.errorId : undefined} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} className="field-error" hidden={!errors?.length}>
      {errors?.length ? (
        <>
          <span className="visually-hidden">Error: </span>
          {errors.join(" ")}
        </>
      ) : null}
    </p>
  );
}

export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return <div id={id} />;
  return (
    <div id={id} className="error-summary" role="alert" tabIndex={-1}>
      <h2>There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a form's action answered: its message, and the problems found (with how many more were not listed). */
export function OutcomeNotice({ outcome }: { outcome: { ok: boolean; message: string; problems?: string[]; more?: number } }) {
  return (
    <Notice tone={outcome.ok ? "success" : "warning"}>
      <p>{outcome.message}</p>
      {outcome.problems?.length ? (
        <ul>
          {outcome.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
          {outcome.more ? <li>…and {outcome.more} more.</li> : null}
        </ul>
      ) : null}
    </Notice>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}
