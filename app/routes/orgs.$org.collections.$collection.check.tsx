// Sheets to check: paper sheets typed in twice whose entries differ. For each difference the reviewer
// looks at the paper and picks what it says (the two entries are marked); the sheet then counts once.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { aboutFields, aboutQuestion, answerChoices, formQuestions, questionWording } from "~/domain/collect";
import type { Survey } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { findCollection } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { settleSheet, sheetsToCheck } from "~/services/collect/paperEntry.server";
import { readSurveyForm } from "~/services/collect/surveyForm.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

async function requireChecking(request: Request, params: { org?: string; collection?: string }) {
  const access = await requireCouncil(request, params.org, "manage:collection");
  const collection = await findCollection(access.org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  const questions = formQuestions((await questionSetFor(access.org.id, collection.questionSetVersion))!, collection.survey as Survey);
  return { ...access, collection, questions };
}

/** The question and its choices for a field name (q_<code> or about_<group>). */
function fieldView(field: string, questions: ReturnType<typeof formQuestions>, survey: Survey) {
  if (field.startsWith("q_")) {
    const q = questions.find((x) => `q_${x.code}` === field);
    if (q) return { text: questionWording(q, "standard"), choices: answerChoices(q, "standard") };
  }
  const about = aboutFields(survey).find((f) => `about_${f.key}` === field);
  if (about) return { text: aboutQuestion(about, "standard"), choices: about.values.map((v) => ({ value: v.id, label: v.label })) };
  return { text: field, choices: [] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, collection, questions } = await requireChecking(request, params);
  const { toCheck } = await sheetsToCheck(collection.id);
  return {
    org: { slug: org.slug },
    collection: { id: collection.id, name: collection.name },
    sheets: toCheck.map((s) => ({
      id: s.id,
      sheet: s.sheet,
      differences: s.differences.map((d) => ({ ...d, ...fieldView(d.field, questions, collection.survey as Survey) })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { collection, questions } = await requireChecking(request, params);
  const formData = await readForm(request);
  const sheetId = String(formData.get("sheetId") ?? "");
  const { toCheck } = await sheetsToCheck(collection.id);
  const sheet = toCheck.find((s) => s.id === sheetId);
  if (!sheet) return json({ sheetId, problem: "That sheet is no longer waiting to be checked. It may have been settled by someone else.", counted: null }, { status: 409 });
  const form = readSurveyForm(formData, questions, collection.survey);
  if (form.problems.length) return json({ sheetId, problem: form.problems.join("; "), counted: null }, { status: 400 });
  const settled: Record<string, string> = {};
  for (const d of sheet.differences) {
    const value = formData.get(d.field);
    if (typeof value === "string") settled[d.field] = d.field.startsWith("q_") ? (form.answers[d.field.slice(2)] ?? "") : (form.about[d.field.slice(6) as keyof typeof form.about] ?? "");
  }
  const result = await settleSheet(collection.id, sheet.id, settled);
  if (result.status !== "counted") return json({ sheetId, problem: result.status === "refused" ? result.message : "Not counted.", counted: null }, { status: 409 });
  return json({ sheetId, problem: null, counted: sheet.sheet });
}

const BLANK = "Left blank on the paper";

export default function CheckSheets() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = `/orgs/${data.org.slug}/collections/${data.collection.id}`;
  return (
    <div className="survey">
      <p>
        <Link to={`${back}/enter`}>Back to typing in sheets</Link>
      </p>
      <h1>Sheets to check</h1>
      <p className="lead">
        {data.sheets.length === 0
          ? "No sheets to check: every sheet typed in twice had entries that agree."
          : `${data.sheets.length} sheet${data.sheets.length === 1 ? "" : "s"} where the two entries differ. Look at the paper and choose what it says; the sheet then counts.`}
      </p>
      {result?.counted ? (
        <div className="notice notice--success" role="status">
          <p>{`Sheet ${result.counted} checked and counted.`}</p>
        </div>
      ) : null}
      {data.sheets.map((s) => (
        <section key={s.id} aria-labelledby={`sheet-${s.id}`} className="card">
          <h2 id={`sheet-${s.id}`}>{`Sheet ${s.sheet}: ${s.differences.length} difference${s.differences.length === 1 ? "" : "s"}`}</h2>
          {result?.problem && result.sheetId === s.id ? (
            <div className="error-summary" role="alert">
              <h3>There is a problem</h3>
              <p>{result.problem}</p>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="sheetId" value={s.id} />
            {s.differences.map((d) => {
              const label = (value: string) => (value ? (d.choices.find((c) => c.value === value)?.label ?? value) : BLANK);
              const options = [...d.choices, { value: "", label: BLANK }];
              return (
                <fieldset className="survey-question" key={d.field}>
                  <legend>
                    <h3 className="survey-legend">{d.text}</h3>
                  </legend>
                  <p className="hint">{`First entry: ${label(d.first)}. Second entry: ${label(d.second)}.`}</p>
                  <div className="survey-choices">
                    {options.map((c) => {
                      const id = `${s.id}-${d.field}-${c.value.replace(/\W+/g, "-") || "blank"}`;
                      const marks = [c.value === d.first ? "first entry" : "", c.value === d.second ? "second entry" : ""].filter(Boolean).join(" and ");
                      return (
                        <div className="survey-choice" key={id}>
                          <input type="radio" id={id} name={d.field} value={c.value} required />
                          <label htmlFor={id}>
                            {c.label}
                            {marks ? ` (${marks})` : ""}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              );
            })}
            <button type="submit" className="button">
              {`Count sheet ${s.sheet} with these answers`}
            </button>
          </Form>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sheets to check – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
