// Thanks, and what happens next. Reachable only by the code that sent (a used code or the open link).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadSurvey } from "~/services/collect/surveyAccess.server";
import surveyStyles from "~/styles/survey.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadSurvey(request, params.code);
  return { orgName: ctx.collection.org.name, personal: ctx.personalCode !== null, code: ctx.code };
}

export default function SurveySent() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="survey narrow">
      <h1>Thank you, your answers have been sent</h1>
      <p className="lead">{data.orgName} will put them together with other people's answers and use them to plan what to change.</p>
      {data.personal ? (
        <p>
          If you change your mind, you can <Link to="/survey/withdraw">take your answers back</Link> with your personal code {data.code}.
        </p>
      ) : null}
      <p>You can close this page now.</p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Thank you – POET survey" }];
