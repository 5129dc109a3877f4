// Every question on one page, then "about you" and the optional contact details: one form, one send.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AboutYou, HearBack, Honeypot } from "~/components/survey/AboutYou";
import { QuestionFieldset } from "~/components/survey/QuestionFieldset";
import { SurveyProblem, WordingSwitch } from "~/components/survey/SurveyButtons";
import { answerChoices, formTitle, questionWording } from "~/domain/collect";
import { sendSurvey } from "~/services/collect/sendSurvey.server";
import { loadSurvey } from "~/services/collect/surveyAccess.server";
import { saveDraft } from "~/services/collect/surveyDraft.server";
import { readSurveyForm } from "~/services/collect/surveyForm.server";
import { requireDraft } from "~/services/collect/surveyStep.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const draft = requireDraft(ctx);
  return {
    code: ctx.code,
    survey: ctx.survey,
    questions: ctx.questions.map((q) => ({ code: q.code, text: questionWording(q, draft.wording), choices: answerChoices(q, draft.wording) })),
    answers: draft.answers,
    about: draft.about,
    wording: draft.wording,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const draft = requireDraft(ctx);
  const form = readSurveyForm(await readForm(request), ctx.questions, ctx.survey);
  // Radio groups left empty are not posted at all: a question missing from the form is a blank.
  const answers = Object.fromEntries(ctx.questions.map((q) => [q.code, form.answers[q.code] ?? ""]));
  if (form.intent === "wording-easy" || form.intent === "wording-standard") {
    await saveDraft(draft, { answers, about: form.about, wording: form.intent === "wording-easy" ? "easy" : "standard" });
    return redirect(`/survey/${ctx.code}/all`);
  }
  const saved = await saveDraft(draft, { answers, about: form.about });
  if (form.intent === "save") return redirect(`/survey/${ctx.code}/saved`);
  if (Object.keys(form.contactErrors).length) return json({ problem: "Check the contact details: one of them is not quite right. Your answers are saved.", contactErrors: form.contactErrors, contactValues: form.contactValues }, { status: 400 });
  const result = await sendSurvey(ctx, saved, { contact: form.contact, trapped: form.trapped, ip: context.clientIp, linkOrigin: new URL(request.url).origin });
  if (result.status === "sent" || result.status === "trapped") return redirect(`/survey/${ctx.code}/sent`);
  return json({ problem: result.message, contactErrors: {}, contactValues: form.contactValues }, { status: result.status === "limited" ? 429 : 409 });
}

export default function SurveyAllOnOne() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const easy = data.wording === "easy";
  const total = data.questions.length;
  return (
    <div className={easy ? "survey survey--easy narrow" : "survey narrow"}>
      <h1>{formTitle(data.survey, easy)}</h1>
      <p>{easy ? `There are ${total} questions. You can leave any out.` : `${total} questions. Skip any you do not want to answer.`}</p>
      <SurveyProblem message={result?.problem} />
      <Form method="post" className="survey-form" noValidate key={data.wording}>
        <Honeypot />
        {data.questions.map((q, i) => (
          <QuestionFieldset key={q.code} question={q} easy={easy} current={data.answers[q.code]} heading="h2" number={`Question ${i + 1} of ${total}`} />
        ))}
        <h2>{easy ? "About you" : "About you (optional)"}</h2>
        <AboutYou survey={data.survey} wording={data.wording} about={data.about} headingLevel="h3" />
        <HearBack wording={data.wording} errors={result?.contactErrors} values={result?.contactValues} />
        <div className="survey-buttons">
          <button type="submit" name="intent" value="send" className="button survey-button">
            Send my answers
          </button>
          <button type="submit" name="intent" value="save" className="button button--secondary survey-button">
            Save and come back later
          </button>
        </div>
        <WordingSwitch easy={easy} />
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `All questions – ${formTitle(data.survey, data.wording === "easy")}` : "Survey" }];
