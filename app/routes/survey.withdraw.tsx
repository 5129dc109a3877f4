// Take answers back with a personal code: they leave the round as if never given.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, Notice } from "~/components/forms";
import { parseSurveyCode } from "~/domain/collect";
import { recordAudit } from "~/models/audit.server";
import { withdrawResponse } from "~/services/collect/submitResponse.server";
import { addressKey } from "~/services/collect/surveyAccess.server";
import { minutesBlocked, SURVEY_CODE_PER_ADDRESS, tryAgainIn } from "~/services/rateLimit.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

const Withdraw = z.object({ code: z.string({ required_error: "Type the personal code from your letter" }).trim().max(40, "That is too long to be a code") });
const MESSAGES = {
  "not-found": "That code does not work. Check it against your letter: a personal code looks like KMTX-4PQR.",
  "not-sent": "No answers have been sent with this code, so there is nothing to take back.",
  "already-withdrawn": "The answers sent with this code have already been taken back.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: Withdraw });
  if (submission.status !== "success") return { result: submission.reply(), withdrawn: false };
  const address = addressKey(context.clientIp);
  const blocked = await minutesBlocked(SURVEY_CODE_PER_ADDRESS, { ip: address });
  if (blocked) return { result: submission.reply({ formErrors: [tryAgainIn(blocked)] }), withdrawn: false };
  const parsed = parseSurveyCode(submission.value.code);
  const outcome = parsed?.kind === "personal" ? await withdrawResponse(parsed.code) : { status: "not-found" as const };
  if (outcome.status === "withdrawn") {
    await recordAudit({ action: "survey-response-withdrawn", actorLabel: "personal code", ip: address });
    return { result: submission.reply({ resetForm: true }), withdrawn: true };
  }
  if (outcome.status === "not-found") await recordAudit({ action: "survey-code-failed", actorLabel: "survey code", ip: address });
  return { result: submission.reply({ fieldErrors: { code: [MESSAGES[outcome.status]] } }), withdrawn: false };
}

export default function WithdrawAnswers() {
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof Withdraw>>({ lastResult: data?.result });
  return (
    <div className="survey narrow">
      <h1>Take my answers back</h1>
      {data?.withdrawn ? (
        <Notice tone="success">
          <p>Your answers have been taken back. They are deleted and will not be counted.</p>
        </Notice>
      ) : null}
      <p className="lead">If you sent answers with a personal code and have changed your mind, type the code here. Your answers will be deleted and not counted.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="survey-form">
        <Field field={fields.code} label="Your personal code" hint="It is on your letter and looks like KMTX-4PQR." autoComplete="off" />
        <button type="submit" className="button survey-button">
          Take my answers back
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Take my answers back – POET survey" }];
