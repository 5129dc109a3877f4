// Typing in a paper form: the same questions in the same order as the sheet, one radio group each
// (arrow keys pick an answer, Tab moves on), and the sheet number so a sheet never counts twice.
// With second entry on, each sheet is typed in twice and counts once both agree (or a reviewer has
// settled the differences on the "Sheets to check" page).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AboutYou } from "~/components/survey/AboutYou";
import { QuestionFieldset } from "~/components/survey/QuestionFieldset";
import { answerChoices, formQuestions, questionWording, sheetEntry } from "~/domain/collect";
import type { Survey } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { findCollection, setPaperDoubleEntry } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { enterPaperSheet, sheetsToCheck } from "~/services/collect/paperEntry.server";
import { readSurveyForm } from "~/services/collect/surveyForm.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

async function requirePaperCollection(request: Request, params: { org?: string; collection?: string }) {
  const access = await requireCouncil(request, params.org, "manage:collection");
  const collection = await findCollection(access.org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  const questions = formQuestions((await questionSetFor(access.org.id, collection.questionSetVersion))!, collection.survey as Survey);
  return { ...access, collection, questions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, collection, questions } = await requirePaperCollection(request, params);
  const { toCheck, awaitingSecond } = await sheetsToCheck(collection.id);
  return {
    org: { slug: org.slug, name: org.name },
    collection: { id: collection.id, name: collection.name, people: collection.round.respondentCount, survey: collection.survey, doubleEntry: collection.paperDoubleEntry },
    toCheck: toCheck.length,
    awaitingSecond,
    questions: questions.map((q) => ({ code: q.code, text: questionWording(q, "standard"), choices: answerChoices(q, "standard") })),
  };
}

const Sheet = z.string().trim().min(1, "Enter the sheet number written on the paper form").max(20, "Use at most 20 characters for the sheet number").regex(/^[\w-]+$/, "Use letters, digits and dashes only, like 17 or P-017");

type Entered = { sheet: string; text: string; check: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, collection, questions, user } = await requirePaperCollection(request, params);
  const formData = await readForm(request);
  if (formData.get("intent") === "double-entry") {
    await setPaperDoubleEntry(org.id, collection.id, formData.get("on") === "yes");
    return json({ problem: null, entered: null as Entered | null });
  }
  const sheet = Sheet.safeParse(formData.get("sheet") ?? "");
  if (!sheet.success) return json({ problem: sheet.error.issues[0]!.message, entered: null }, { status: 400 });
  const form = readSurveyForm(formData, questions, collection.survey);
  if (form.problems.length) return json({ problem: form.problems.join("; "), entered: null }, { status: 400 });
  const result = await enterPaperSheet(collection, sheet.data, sheetEntry(form.answers, form.about), user);
  if (result.status === "refused") return json({ problem: result.message, entered: null }, { status: 409 });
  const people = (await findCollection(org.id, collection.id))?.round.respondentCount ?? 0;
  const soFar = `${people} answer${people === 1 ? "" : "s"} so far.`;
  const entered: Entered =
    result.status === "first"
      ? { sheet: sheet.data, text: `Sheet ${sheet.data} entered once. It counts when it has been typed in a second time. The form is clear for the next sheet.`, check: false }
      : result.status === "disagree"
        ? {
            sheet: sheet.data,
            text: `Sheet ${sheet.data} entered a second time, but ${result.differences === 1 ? "1 answer differs" : `${result.differences} answers differ`} from the first entry. It counts once a reviewer has checked the paper and settled ${result.differences === 1 ? "it" : "them"}.`,
            check: true,
          }
        : result.agreed
          ? { sheet: sheet.data, text: `Sheet ${sheet.data} entered a second time and both entries agree, so it now counts. ${soFar}`, check: false }
          : { sheet: sheet.data, text: `Sheet ${sheet.data} entered. ${soFar} The form is clear for the next sheet.`, check: false };
  return json({ problem: null, entered });
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
      <section aria-labelledby="second-entry">
        <h2 id="second-entry">Second entry</h2>
        <p>
          {data.collection.doubleEntry
            ? "On: each sheet is typed in twice, ideally by two people. A sheet counts once both entries agree; where they differ, a reviewer checks the paper and settles each difference."
            : "Off: a sheet counts as soon as it is typed in once."}
          {data.awaitingSecond.length ? ` Waiting for a second entry: sheet${data.awaitingSecond.length === 1 ? "" : "s"} ${data.awaitingSecond.join(", ")}.` : ""}
        </p>
        {data.toCheck > 0 ? (
          <p>
            <Link to={`/orgs/${data.org.slug}/collections/${data.collection.id}/check`}>{`Sheets to check: ${data.toCheck}`}</Link>
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="double-entry" />
          <input type="hidden" name="on" value={data.collection.doubleEntry ? "no" : "yes"} />
          <button type="submit" className="button button--secondary">
            {data.collection.doubleEntry ? "Turn second entry off" : "Turn second entry on"}
          </button>
        </Form>
      </section>
      {result?.entered ? (
        <div className={result.entered.check ? "notice notice--warning" : "notice notice--success"} role="status">
          <p>{result.entered.text}</p>
          {result.entered.check ? (
            <p>
              <Link to={`/orgs/${data.org.slug}/collections/${data.collection.id}/check`}>Check the differences</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <Form method="post" className="survey-form" key={result?.entered?.text ?? "form"}>
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
