// A plan's "you said, we did" page, for the people it is about: no sign-in, no JavaScript needed,
// printable (the easy-read view prints as an easy-read PDF), with an Atom feed to follow it. The address
// holds either the plan's id (a public page) or its unguessable token (an unlisted one); off = 404.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SaidDidFinding, SaidDidAction } from "~/components/public/SaidDidItems";
import { findPublishedPlan } from "~/models/publicPlan.server";
import { notFound } from "~/services/auth.server";
import { loadYouSaidWeDid } from "~/services/youSaidWeDid.server";
import publicStyles from "~/styles/public-plan.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

export async function loader({ params }: LoaderFunctionArgs) {
  const plan = await findPublishedPlan(params.key ?? "");
  if (!plan) notFound("There is no public page at this address. The council may have taken it down, or the link may be mistyped.");
  const page = await loadYouSaidWeDid(plan);
  const listed = plan.mode === "public" && !plan.byToken;
  // An unlisted page (or a public one reached by its token) asks search engines to stay away.
  return json({ page, key: params.key!, listed }, { headers: listed ? {} : { "X-Robots-Tag": "noindex, nofollow" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function YouSaidWeDidPage() {
  const { page, key } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const easy = params.get("view") === "easy";
  const base = `/you-said-we-did/${key}`;
  const updated = new Date(page.updatedAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
  const nothing = page.findings.length === 0 && page.otherActions.length === 0;
  return (
    <article className={`said-did${easy ? " said-did--easy" : ""}`} aria-labelledby="said-did-heading">
      <header className="said-did__header">
        <p className="said-did__council">{page.plan.council}</p>
        <h1 id="said-did-heading">{easy ? "You told us. This is what we are doing." : "You said, we did"}</h1>
        <p className="lead">{page.plan.name}</p>
        {easy ? (
          <p>
            We asked people about their support and their personal budget. Here is what they told us, and what we are doing about it.
          </p>
        ) : (
          <p>
            {page.plan.council} asked people who have a personal budget, and their carers, how their support is going
            {page.round ? ` (survey: ${page.round.name})` : ""}. This page says what they told us, what we are doing about each thing, and how far each action has got.
          </p>
        )}
        {page.round?.synthetic ? <p className="tag tag--synthetic">{easy ? "These are made-up answers, for a demonstration." : "Synthetic survey data: not real people."}</p> : null}
        <p>{easy ? `We last changed this page on ${updated}.` : `Last changed ${updated}.`}</p>
        <ul className="said-did__tools">
          <li>
            <Link to={easy ? base : `${base}?view=easy`}>{easy ? "Show the standard wording" : "Show easy read"}</Link>
          </li>
          <li>
            <a href={`${base}/feed.xml`} type="application/atom+xml">
              Follow this page (Atom feed)
            </a>
          </li>
          <li>To print it or save it as a PDF, use your browser’s Print command.</li>
        </ul>
      </header>
      {nothing ? <p>{easy ? "We have not written down any actions yet. Come back soon." : "No actions have been agreed yet. Come back soon."}</p> : null}
      {page.findings.length > 0 ? (
        <ol className="said-did__findings">
          {page.findings.map((f, i) => (
            <li key={f.id}>
              <SaidDidFinding finding={f} easy={easy} headingId={`finding-${i}`} />
            </li>
          ))}
        </ol>
      ) : null}
      {page.otherActions.length > 0 ? (
        <section aria-labelledby="other-heading" className="said-did__item">
          <h2 id="other-heading">{easy ? "Other things we are doing" : "Other actions in the plan"}</h2>
          <ul className="said-did__actions">
            {page.otherActions.map((a) => (
              <SaidDidAction key={a.id} action={a} easy={easy} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) =>
  data
    ? [
        { title: `You said, we did: ${data.page.plan.name} – ${data.page.plan.council}` },
        { name: "description", content: `What people told ${data.page.plan.council} and what it is doing about it.` },
        ...(data.listed ? [] : [{ name: "robots", content: "noindex, nofollow" }]),
        { tagName: "link", rel: "alternate", type: "application/atom+xml", title: `You said, we did: ${data.page.plan.name}`, href: `/you-said-we-did/${params.key}/feed.xml` },
      ]
    : [{ title: "Page not found – POET Action Planner" }];
