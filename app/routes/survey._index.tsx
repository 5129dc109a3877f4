// Type a code to answer: the personal code on a letter, or the code shown when answers were saved.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { parseSurveyCode } from "~/domain/collect";
import { recordAudit } from "~/models/audit.server";
import { findCollectionByCode } from "~/models/collection.server";
import { addressKey } from "~/services/collect/surveyAccess.server";
import { draftCookieHeader, findDraftByResumeCode } from "~/services/collect/surveyDraft.server";
import { minutesBlocked, SURVEY_CODE_PER_ADDRESS, tryAgainIn } from "~/services/rateLimit.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

const EnterCode = z.object({ code: z.string({ required_error: "Type the code from your letter, or the code you were given when you saved your answers" }).trim().max(40, "That is too long to be a code") });
const NO_SUCH_CODE = "That code does not work. Check it against your letter: a personal code looks like KMTX-4PQR. Capital or small letters both work.";

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: EnterCode });
  if (submission.status !== "success") return submission.reply();
  const address = addressKey(context.clientIp);
  const blocked = await minutesBlocked(SURVEY_CODE_PER_ADDRESS, { ip: address });
  if (blocked) return submission.reply({ formErrors: [tryAgainIn(blocked)] });
  const parsed = parseSurveyCode(submission.value.code);
  if (parsed?.kind === "resume") {
    const found = await findDraftByResumeCode(parsed.code);
    if (found) {
      const next = `/survey/${found.openCode}/${found.draft.layout === "all" ? "all" : "1"}`;
      return redirect(next, { headers: { "Set-Cookie": await draftCookieHeader(found.draft.id) } });
    }
  } else if (parsed && (await findCollectionByCode(parsed.kind, parsed.code))) {
    return redirect(`/survey/${parsed.code}`);
  }
  await recordAudit({ action: "survey-code-failed", actorLabel: "survey code", ip: address });
  return submission.reply({ fieldErrors: { code: [NO_SUCH_CODE] } });
}

export default function EnterSurveyCode() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof EnterCode>>({ lastResult });
  return (
    <div className="survey narrow">
      <h1>Answer a POET survey</h1>
      <p className="lead">Type the code from your letter. If you saved your answers to finish later, type the code you were given then.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="survey-form">
        <Field field={fields.code} label="Your code" hint="It looks like KMTX-4PQR. Capital or small letters both work." autoComplete="off" />
        <button type="submit" className="button survey-button">
          Go to my survey
        </button>
      </Form>
      <p>
        Want to take back answers you sent? <Link to="/survey/withdraw">Take my answers back</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Answer a POET survey – POET Action Planner" }];
