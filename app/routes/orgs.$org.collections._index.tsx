// A council's collections of POET answers, and the form to open a new one.
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FieldErrors, FormErrors } from "~/components/forms";
import { can } from "~/domain/access/permissions";
import { collectionState, formName } from "~/domain/collect";
import { questionSets } from "~/domain/poet";
import { listCollections } from "~/models/collection.server";
import { requireCouncil } from "~/services/auth.server";
import { openCollection } from "~/services/collect/openCollection.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireCouncil(request, params.org, "read:round");
  const now = new Date();
  const collections = await listCollections(org.id);
  return {
    org: { slug: org.slug, name: org.name },
    canOpen: can(role, "manage:collection"),
    questionSets: Object.values(questionSets).map((q) => ({ version: q.version, title: q.title, shortTitle: q.shortTitle, forms: q.surveys.map((s) => ({ id: s.id, name: s.formName })) })),
    collections: collections.map((c) => ({ id: c.id, name: c.name, survey: c.survey, state: collectionState(c, now), people: c.round.respondentCount, closesAt: c.closesAt?.toISOString() ?? null })),
  };
}

const isoDate = (message: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message);
const NewCollection = z
  .object({
    name: z.string({ required_error: "Enter a name, for example: Reviews 2026–27, budget holders" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
    questionSetVersion: z.string().refine((v) => v in questionSets, "Choose one of the question sets listed"),
    survey: z.string({ required_error: "Choose which form people will answer" }),
    opensOn: isoDate("Enter the opening date as a date, like 2026-12-07").optional(),
    closesOn: isoDate("Enter the closing date as a date, like 2027-03-31, or leave it empty to keep it open").optional(),
    deleteContactsOn: isoDate("Enter the date as a date, like 2027-12-31").optional(),
  })
  .superRefine((v, ctx) => {
    const set = questionSets[v.questionSetVersion];
    if (set && !set.surveys.some((s) => s.id === v.survey)) {
      ctx.addIssue({ code: "custom", path: ["survey"], message: `That form is not part of the ${set.shortTitle} question set: choose ${set.surveys.map((s) => `the ${s.formName.toLowerCase()}`).join(" or ")}` });
    }
  })
  .refine((v) => !v.closesOn || !v.opensOn || v.closesOn > v.opensOn, { path: ["closesOn"], message: "The closing date must come after the opening date" });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org, user } = await requireCouncil(request, params.org, "manage:collection");
  const submission = parseWithZod(await readForm(request), { schema: NewCollection });
  if (submission.status !== "success") return submission.reply();
  const v = submission.value;
  const day = (text: string | undefined) => (text ? new Date(`${text}T00:00:00Z`) : null);
  const collection = await openCollection({
    orgId: org.id,
    name: v.name,
    questionSetVersion: v.questionSetVersion,
    survey: v.survey,
    opensAt: day(v.opensOn) ?? new Date(),
    // A closing date closes at the end of that day.
    closesAt: v.closesOn ? new Date(day(v.closesOn)!.getTime() + 86_400_000) : null,
    contactRetentionUntil: day(v.deleteContactsOn),
    actor: user,
    ip: context.clientIp,
  });
  return redirect(`/orgs/${org.slug}/collections/${collection.id}`);
}

const STATE_LABELS = { open: "Open", "not-yet-open": "Not open yet", closed: "Closed" } as const;

export default function Collections() {
  const { org, canOpen, collections, questionSets: sets } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof NewCollection>>({ lastResult, defaultValue: { questionSetVersion: sets[0]?.version, survey: "holder" } });
  return (
    <>
      <h1>Collect POET answers</h1>
      <p className="lead">People answer online with a link or a personal code. Every answer joins the collection's round, analysed like an imported file.</p>
      {collections.length === 0 ? <p>No collections yet.</p> : null}
      <ul className="card-list">
        {collections.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/orgs/${org.slug}/collections/${c.id}`}>{c.name}</Link>
            </h2>
            <p>
              {STATE_LABELS[c.state]} · {formName(c.survey)} · {c.people} answer{c.people === 1 ? "" : "s"}
            </p>
          </li>
        ))}
      </ul>
      {canOpen ? (
        <section aria-labelledby="new-collection">
          <h2 id="new-collection">Open a new collection</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="narrow">
            <Field field={fields.name} label="Name" hint="People who answer see your council's name, not this." />
            <div className={fields.questionSetVersion.errors ? "field field--error" : "field"}>
              <label htmlFor={fields.questionSetVersion.id}>Question set</label>
              <FieldErrors id={fields.questionSetVersion.errorId} errors={fields.questionSetVersion.errors} />
              <select {...getSelectProps(fields.questionSetVersion)} key={undefined}>
                {sets.map((s) => (
                  <option key={s.version} value={s.version}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>Which form</legend>
              <FieldErrors id={fields.survey.errorId} errors={fields.survey.errors} />
              <p className="hint">Choose a form of the question set chosen above.</p>
              {sets.flatMap((set) =>
                set.forms.map((s) => (
                  <label key={s.id} className="inline-form">
                    <input type="radio" name={fields.survey.name} value={s.id} defaultChecked={fields.survey.initialValue === s.id} /> {s.name} ({set.shortTitle})
                  </label>
                )),
              )}
            </fieldset>
            <Field field={fields.opensOn} type="date" label="Opens on (optional)" hint="Leave empty to open it now." />
            <Field field={fields.closesOn} type="date" label="Closes at the end of (optional)" hint="Leave empty to keep it open until you close it." />
            <Field field={fields.deleteContactsOn} type="date" label="Delete contact details on (optional)" hint="People may leave contact details to hear back. They are deleted on this date." />
            <button type="submit" className="button">
              Open the collection
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Collect POET answers – ${data?.org.name ?? "Council"} – POET Action Planner` }];
