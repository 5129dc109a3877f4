// The paper form for reviews: every question of the collection's form with boxes to tick, in standard
// or easy-read wording, numbered like the data-entry screen so answers can be typed in quickly.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { aboutFields, aboutKey, aboutQuestion, answerChoices, formQuestions, formTitle, questionWording, type Wording } from "~/domain/collect";
import type { Survey } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { findCollection } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import letterStyles from "~/styles/letters.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: letterStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:collection");
  const collection = await findCollection(org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  const wording: Wording = new URL(request.url).searchParams.get("wording") === "easy" ? "easy" : "standard";
  const questionSet = (await questionSetFor(org.id, collection.questionSetVersion))!;
  const survey = collection.survey as Survey;
  return {
    org: { slug: org.slug, name: org.name },
    collection: { id: collection.id, name: collection.name },
    wording,
    title: formTitle(survey, wording === "easy"),
    questions: formQuestions(questionSet, survey).map((q) => ({ code: q.code, text: questionWording(q, wording), choices: answerChoices(q, wording).map((c) => c.label) })),
    about: aboutFields(survey).map((f) => ({ key: aboutKey(f), text: aboutQuestion(f, wording), choices: [...f.values.map((v) => v.label), wording === "easy" ? "I do not want to say" : "Prefer not to say"] })),
  };
}

export default function PaperForm() {
  const data = useLoaderData<typeof loader>();
  const base = `/orgs/${data.org.slug}/collections/${data.collection.id}`;
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={base}>Back to {data.collection.name}</Link>
        </p>
        <p>
          Print this page for reviews on paper. {data.wording === "easy" ? <Link to="?wording=standard">Standard wording</Link> : <Link to="?wording=easy">Easy read wording</Link>} ·{" "}
          <Link to={`${base}/enter`}>Type in answers from paper</Link>
        </p>
      </div>
      <article className={data.wording === "easy" ? "paper-form paper-form--easy" : "paper-form"}>
        <p className="letter__from">{data.org.name}</p>
        <h1>{data.title}</h1>
        <p>Sheet number (for the council): ____________</p>
        <p>{data.wording === "easy" ? "Tick one box for each question. You can leave any out." : "Tick one box for each question, or leave it blank to skip it."}</p>
        <ol className="paper-form__questions">
          {data.questions.map((q) => (
            <li key={q.code}>
              <p className="paper-form__question">{q.text}</p>
              <ul className="paper-form__choices">
                {q.choices.map((c) => (
                  <li key={c}>
                    <span aria-hidden="true">☐</span> {c}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        <h2>{data.wording === "easy" ? "About you (you do not have to answer)" : "About you (optional)"}</h2>
        {data.about.map((a) => (
          <div key={a.key}>
            <p className="paper-form__question">{a.text}</p>
            <ul className="paper-form__choices">
              {a.choices.map((c) => (
                <li key={c}>
                  <span aria-hidden="true">☐</span> {c}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </article>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Paper form – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
