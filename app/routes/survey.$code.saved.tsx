// "Save and come back later": how to come back, in plain words, with the resume code to type at /survey.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadSurvey } from "~/services/collect/surveyAccess.server";
import { requireDraft } from "~/services/collect/surveyStep.server";
import surveyStyles from "~/styles/survey.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const draft = requireDraft(ctx);
  return { code: ctx.code, personal: ctx.personalCode !== null, resumeCode: draft.resumeCode, answered: Object.keys(draft.answers).length, total: ctx.questions.length };
}

export default function SurveySaved() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="survey narrow">
      <h1>Your answers are saved</h1>
      <p className="lead">
        You have answered {data.answered} of {data.total} questions. They have not been sent yet.
      </p>
      <h2>How to come back</h2>
      {data.personal ? (
        <p>
          Go to <strong>/survey</strong> and type your personal code again: <strong className="survey-code">{data.code}</strong>. Or scan the code on your letter.
        </p>
      ) : (
        <>
          <p>On this device, open the same link again. On another device, go to /survey and type this code:</p>
          <p className="survey-code" aria-label={`Your code to come back: ${data.resumeCode.split("").join(" ")}`}>
            {data.resumeCode}
          </p>
          <p>Write it down or take a photo of it. Anyone with this code can see your saved answers.</p>
        </>
      )}
      <p>
        <Link className="button survey-button" to={`/survey/${data.code}`}>
          Carry on now
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your answers are saved – POET survey" }];
