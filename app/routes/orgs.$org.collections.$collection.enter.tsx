// Typing in a paper form: the same questions in the same order as the sheet, one radio group each
// (arrow keys pick an answer, Tab moves on), and the sheet number so a sheet is never entered twice.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AboutYou } from "~/components/survey/AboutYou";
import { QuestionFieldset } from "~/components/survey/QuestionFieldset";
import { answerChoices, formQuestions, questionWording } from "~/domain/collect";
import { getQuestionSet, type Survey } from "~/domain/poet";
import { findCollection } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { submitResponse } from "~/services/collect/submitResponse.server";
import { readSurveyForm } from "~/services/collect/surveyForm.server";
import surveyStyles from "~/styles/survey.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

async function requirePaperCollection(request: Request, params: { org?: string; collection?: string }) {
  const access = await requireCouncil(request, params.org, "manage:collection");
  const collection = await findCollection(access.org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  const questions = formQuestions(getQuestionSet(collection.questionSetVersion)!, collection.survey as Survey);
  return { ...access, collection, questions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, collection, questions } = await requirePaperCollection(request, params);
  return {
    org: { slug: org.slug, name: org.name },
    collection: { id: collection.id, name: collection.name, people: collection.round.respondentCount, survey: collection.survey },
    questions: questions.map((q) => ({ code: q.code, text: questionWording(q, "standard"), choices: answerChoices(q, "standard") })),
  };
}

const Sheet = z.string().trim().min(1, "Enter the sheet number written on the paper form").max(20, "Use at most 20 characters for the sheet number").regex(/^[\w-]+$/, "Use letters, digits and dashes only, like 17 or P-017");

export async function action({ request, params }: ActionFunctionArgs) {
  const { collection, questions } = await requirePaperCollection(request, params);
  const formData = await request.formData();
  const sheet = Sheet.safeParse(formData.get("sheet") ?? "");
  if (!sheet.success) return json({ problem: sheet.error.issues[0]!.message, entered: null }, { status: 400 });
  const form = readSurveyForm(formData, questions, collection.survey);
  if (form.problems.length) return json({ problem: form.problems.join("; "), entered: null }, { status: 400 });
  const answers = Object.fromEntries(Object.entries(form.answers).filter(([, v]) => v !== ""));
  const about = Object.fromEntries(Object.entries(form.about).filter(([, v]) => v !== ""));
  const result = await submitResponse({ collectionId: collection.id, source: "paper", personalCodeId: null, answers, about, draftId: null, contact: null, externalId: `paper-${sheet.data}` });
  if (result.status !== "sent") return json({ problem: result.status === "duplicate" ? `Sheet ${sheet.data} has already been entered, so it was not added again.` : result.message, entered: null }, { status: 409 });
  return json({ problem: null, entered: sheet.data });
}

export default function EnterPaperForm() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const total = data.questions.length;
  return (
    <div className="survey">
      <p>
        <Link to={`/orgs/${data.org.slug}/collections/${data.collection.id}`}>Back to {data.collection.name}</Link> · <Link to={`/orgs/${data.org.slug}/collections/${data.collection.id}/paper`}>Print the paper form</Link>
      </p>
      <h1>Type in a paper form</h1>
      {result?.entered ? (
        <div className="notice notice--success" role="status">
          <p>{`Sheet ${result.entered} entered. ${data.collection.people} answer${data.collection.people === 1 ? "" : "s"} so far. The form is clear for the next sheet.`}</p>
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <Form method="post" className="survey-form" key={result?.entered ?? "form"}>
        <div className="field">
          <label htmlFor="sheet">Sheet number</label>
          <p className="hint" id="sheet-hint">
            As written on the paper form. A sheet can only be entered once.
          </p>
          <input id="sheet" name="sheet" aria-describedby="sheet-hint" autoComplete="off" required />
        </div>
        {data.questions.map((q, i) => (
          <QuestionFieldset key={q.code} question={q} easy={false} current={undefined} heading="h2" number={`Question ${i + 1} of ${total}`} />
        ))}
        <h2>About the person</h2>
        <AboutYou survey={data.collection.survey} wording="standard" about={{}} headingLevel="h3" />
        <button type="submit" className="button survey-button">
          Save this sheet
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Type in a paper form – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
