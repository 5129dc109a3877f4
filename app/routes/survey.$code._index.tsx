// The start of a survey: who is asking and why, what happens to the answers (consent and privacy in
// plain words), then the person chooses the wording and one question per page or all on one.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formTitle, notTakingAnswers } from "~/domain/collect";
import { CODE_USED_MESSAGE } from "~/services/collect/submitResponse.server";
import { Honeypot } from "~/components/survey/AboutYou";
import { recordAudit } from "~/models/audit.server";
import { addressKey, loadSurvey } from "~/services/collect/surveyAccess.server";
import { draftCookieHeader, saveDraft, startDraft } from "~/services/collect/surveyDraft.server";
import { minutesBlocked, SURVEY_START_PER_ADDRESS, tryAgainIn } from "~/services/rateLimit.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  const c = ctx.collection;
  const closedMessage = ctx.state === "open" ? null : notTakingAnswers(ctx.state, c);
  return {
    code: ctx.code,
    orgName: c.org.name,
    survey: ctx.survey,
    questionCount: ctx.questions.length,
    closedMessage,
    codeUsed: ctx.personalCode?.usedAt ? CODE_USED_MESSAGE : null,
    personal: ctx.personalCode !== null,
    hasDraft: ctx.draft !== null && Object.keys(ctx.draft.answers).length > 0,
    wording: ctx.draft?.wording ?? "standard",
    layout: ctx.draft?.layout ?? "one",
  };
}

const Start = z.object({ wording: z.enum(["standard", "easy"]).catch("standard"), layout: z.enum(["one", "all"]).catch("one"), website: z.string().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  if (ctx.state !== "open" || ctx.personalCode?.usedAt) return redirect(`/survey/${ctx.code}`);
  const form = Start.parse(Object.fromEntries(await readForm(request)));
  const address = addressKey(context.clientIp);
  if (form.website) {
    await recordAudit({ action: "survey-honeypot", actorLabel: "open link", detail: ctx.collection.name, ip: address });
    return redirect(`/survey/${ctx.code}`);
  }
  let draft = ctx.draft;
  if (draft) draft = await saveDraft(draft, { wording: form.wording, layout: form.layout });
  else {
    if (ctx.source === "link") {
      const blocked = await minutesBlocked(SURVEY_START_PER_ADDRESS, { ip: address });
      if (blocked) throw new Response(`Many surveys have been started from this connection in the last hour. ${tryAgainIn(blocked)}`, { status: 429 });
      await recordAudit({ action: "survey-started", actorLabel: "open link", detail: ctx.collection.name, ip: address });
    }
    draft = await startDraft({ collectionId: ctx.collection.id, codeId: ctx.personalCode?.id ?? null, wording: form.wording, layout: form.layout });
  }
  return redirect(`/survey/${ctx.code}/${draft.layout === "all" ? "all" : "1"}`, { headers: { "Set-Cookie": await draftCookieHeader(draft.id) } });
}

export default function SurveyStart() {
  const data = useLoaderData<typeof loader>();
  const title = formTitle(data.survey, data.wording === "easy");
  if (data.closedMessage || data.codeUsed) {
    return (
      <div className="survey narrow">
        <h1>{title}</h1>
        <div className="notice notice--warning" role="status">
          <p>{data.codeUsed ?? data.closedMessage}</p>
        </div>
        {data.codeUsed ? (
          <p>
            Changed your mind about the answers you sent? You can <Link to="/survey/withdraw">take your answers back</Link> with the same code.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="survey narrow">
      <p className="survey-org">{data.orgName}</p>
      <h1>{title}</h1>
      <p className="lead">
        {data.orgName} wants to know how getting a personal budget has gone for you, so it can make things better. There are {data.questionCount} questions. It takes about 10 minutes.
      </p>
      <section aria-labelledby="before-heading" className="survey-consent">
        <h2 id="before-heading">Before you start</h2>
        <ul>
          <li>Taking part is your choice. Saying no will not change your support in any way.</li>
          <li>You do not have to give your name. You can skip any question, or choose "don't know".</li>
          <li>Your answers are put together with other people's answers. Nobody at the council sees what you said on your own.</li>
          <li>You can stop at any time, save your answers and come back later.</li>
          {data.personal ? <li>Your personal code lets you take your answers back later if you change your mind.</li> : null}
          <li>If you want to hear what the council does, you can leave an email address or phone number at the end. It is kept apart from your answers.</li>
        </ul>
        <p>By starting, you agree that the council may use your answers in this way.</p>
      </section>
      {data.hasDraft ? (
        <div className="notice notice--success" role="status">
          <p>Your saved answers are still here. Start again below to carry on where you left off.</p>
        </div>
      ) : null}
      <Form method="post" className="survey-form">
        <Honeypot />
        <fieldset className="survey-question">
          <legend>
            <h2 className="survey-legend">How do you want the questions written?</h2>
          </legend>
          <div className="survey-choices">
            <div className="survey-choice">
              <input type="radio" id="wording-standard" name="wording" value="standard" defaultChecked={data.wording !== "easy"} />
              <label htmlFor="wording-standard">Standard wording</label>
            </div>
            <div className="survey-choice">
              <input type="radio" id="wording-easy" name="wording" value="easy" defaultChecked={data.wording === "easy"} />
              <label htmlFor="wording-easy">Easy read: short sentences and simple words</label>
            </div>
          </div>
        </fieldset>
        <fieldset className="survey-question">
          <legend>
            <h2 className="survey-legend">How do you want to see the questions?</h2>
          </legend>
          <div className="survey-choices">
            <div className="survey-choice">
              <input type="radio" id="layout-one" name="layout" value="one" defaultChecked={data.layout !== "all"} />
              <label htmlFor="layout-one">One question on each page</label>
            </div>
            <div className="survey-choice">
              <input type="radio" id="layout-all" name="layout" value="all" defaultChecked={data.layout === "all"} />
              <label htmlFor="layout-all">All the questions on one page</label>
            </div>
          </div>
        </fieldset>
        <button type="submit" className="button survey-button">
          {data.hasDraft ? "Carry on with the questions" : "I agree — start the questions"}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? formTitle(data.survey, data.wording === "easy") : "Survey"} – ${data?.orgName ?? "POET"}` }];
