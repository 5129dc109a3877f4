// Printable letters, one per unused personal code: plain words, the short code to type at /survey and
// a QR code drawn on our own server. Printing puts each letter on its own page (print stylesheet).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { surveyForm } from "~/domain/poet";
import { listUnusedCodes } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { collectionOverview } from "~/services/collect/collectionPage.server";
import { qrSvg } from "~/services/collect/personalCodes.server";
import letterStyles from "~/styles/letters.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: letterStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:collection");
  const origin = new URL(request.url).origin;
  const overview = await collectionOverview(org.id, params.collection ?? "", origin);
  if (!overview) notFound("We could not find that collection.");
  const codes = await listUnusedCodes(org.id, overview.id);
  const letters = await Promise.all(codes.map(async ({ code }) => ({ code, url: `${origin}/survey/${code}`, qr: await qrSvg(`${origin}/survey/${code}`) })));
  return { org: { slug: org.slug, name: org.name }, collection: { id: overview.id, name: overview.name, survey: overview.survey }, origin, letters };
}

export default function Letters() {
  const { org, collection, origin, letters } = useLoaderData<typeof loader>();
  const form = surveyForm(collection.survey);
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/orgs/${org.slug}/collections/${collection.id}`}>Back to {collection.name}</Link>
        </p>
        <h1>Letters for {collection.name}</h1>
        <p>
          {letters.length} letter{letters.length === 1 ? "" : "s"}, one for each unused personal code. Use your browser's print command: each letter prints on its own page.
        </p>
      </div>
      {letters.map((letter) => (
        <article key={letter.code} className="letter" aria-label={`Letter for code ${letter.code}`}>
          <p className="letter__from">{org.name}</p>
          <h2>{form?.invitation ?? "Tell us how it has gone"}</h2>
          <p>We want to know what has worked and what has not, so we can make things better. Taking part is your choice and does not change your support.</p>
          <p>You can answer on a phone, tablet or computer. Scan the square code with your phone's camera, or go to:</p>
          <p className="letter__address">{origin}/survey</p>
          <p>and type your personal code:</p>
          <p className="letter__code">{letter.code}</p>
          <div className="letter__qr" role="img" aria-label={`QR code that opens ${letter.url}`} dangerouslySetInnerHTML={{ __html: letter.qr }} />
          <p>Your code works once. You do not need to give your name. If you want help to answer, ask the person who does your review.</p>
        </article>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Letters – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
