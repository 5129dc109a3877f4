// One page of the questionnaire: a single question ("Question 4 of 21"), or the last page — the
// optional "about you" questions and contact details, and the button that sends. Plain forms: each
// button posts, the server keeps the answer in the draft and redirects (no JavaScript needed).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { AboutYou, HearBack } from "~/components/survey/AboutYou";
import { QuestionFieldset } from "~/components/survey/QuestionFieldset";
import { SurveyButtons, SurveyProblem, WordingSwitch } from "~/components/survey/SurveyButtons";
import { answerChoices, formTitle, questionWording } from "~/domain/collect";
import { sendSurvey } from "~/services/collect/sendSurvey.server";
import { loadSurvey, surveyNotFound } from "~/services/collect/surveyAccess.server";
import { saveDraft } from "~/services/collect/surveyDraft.server";
import { readSurveyForm } from "~/services/collect/surveyForm.server";
import { parseStep, requireDraft, stepAfter } from "~/services/collect/surveyStep.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const step = parseStep(ctx, params.step);
  if (step === null) surveyNotFound();
  const draft = requireDraft(ctx);
  const question = step === "about" ? null : ctx.questions[step - 1]!;
  return {
    code: ctx.code,
    survey: ctx.survey,
    step,
    total: ctx.questions.length,
    answered: Object.keys(draft.answers).length,
    question: question ? { code: question.code, text: questionWording(question, draft.wording), choices: answerChoices(question, draft.wording) } : null,
    current: question ? draft.answers[question.code] : undefined,
    about: draft.about,
    wording: draft.wording,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const step = parseStep(ctx, params.step);
  if (step === null) surveyNotFound();
  const draft = requireDraft(ctx);
  const onPage = step === "about" ? [] : [ctx.questions[step - 1]!];
  const form = readSurveyForm(await readForm(request), onPage, ctx.survey);
  const here = `/survey/${ctx.code}/${step}`;
  if (form.intent === "wording-easy" || form.intent === "wording-standard") {
    await saveDraft(draft, { answers: form.answers, about: form.about, wording: form.intent === "wording-easy" ? "easy" : "standard" });
    return redirect(here);
  }
  const saved = await saveDraft(draft, { answers: form.answers, about: form.about });
  if (form.intent === "save") return redirect(`/survey/${ctx.code}/saved`);
  if (form.intent === "back") return redirect(stepAfter(ctx, step, "back"));
  if (step !== "about" || form.intent !== "send") return redirect(stepAfter(ctx, step, "next"));
  if (Object.keys(form.contactErrors).length) return json({ problem: "Check the contact details: one of them is not quite right.", contactErrors: form.contactErrors, contactValues: form.contactValues }, { status: 400 });
  const result = await sendSurvey(ctx, saved, { contact: form.contact, trapped: form.trapped, ip: context.clientIp, linkOrigin: new URL(request.url).origin });
  if (result.status === "sent" || result.status === "trapped") return redirect(`/survey/${ctx.code}/sent`);
  return json({ problem: result.message, contactErrors: {}, contactValues: form.contactValues }, { status: result.status === "limited" ? 429 : 409 });
}

export default function SurveyStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const easy = data.wording === "easy";
  // After moving between pages in the browser, start the next page at its question, as a full page load does.
  useEffect(() => document.getElementById("survey-heading")?.focus(), [data.step, data.wording]);
  return (
    <div className={easy ? "survey survey--easy narrow" : "survey narrow"}>
      <p className="survey-org">{formTitle(data.survey, easy)}</p>
      <SurveyProblem message={result?.problem} />
      <Form method="post" className="survey-form" noValidate key={`${data.step}-${data.wording}`}>
        {data.question ? (
          <>
            <p className="survey-progress" id="progress">
              {`Question ${data.step} of ${data.total}`}
            </p>
            <QuestionFieldset question={data.question} easy={easy} current={data.current} heading="h1" />
          </>
        ) : (
          <>
            <p className="survey-progress">Last page: about you</p>
            <h1 id="survey-heading" tabIndex={-1}>
              {easy ? "About you" : "About you (optional)"}
            </h1>
            <p>
              {easy
                ? "These questions help the council see if things are fair for everyone. You do not have to answer them."
                : "These questions help the council see whether things work as well for everyone. Every one is optional."}
            </p>
            <AboutYou survey={data.survey} wording={data.wording} about={data.about} headingLevel="h2" />
            <HearBack wording={data.wording} errors={result?.contactErrors} values={result?.contactValues} />
            <p>
              {`You answered ${data.answered} of ${data.total} questions.`}
            </p>
          </>
        )}
        <SurveyButtons last={data.step === "about"} easy={easy} />
        <WordingSwitch easy={easy} />
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.step === "about" ? "About you" : `Question ${data.step} of ${data.total}`} – ${formTitle(data.survey, data.wording === "easy")}` : "Survey" },
];
