// Import a POET round: a plain multipart form post that works without JavaScript; with JavaScript the
// same form goes by XMLHttpRequest to the upload route (orgs.$org.rounds.upload, which answers in JSON)
// so the upload shows progress. The import service checks everything
// and writes nothing unless the whole file is good (and records the audit event).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportForm } from "~/components/evidence/ImportForm";
import { ImportResult } from "~/components/evidence/ImportResult";
import { RoundBreadcrumb } from "~/components/evidence/RoundHeader";
import { useUploadWithProgress } from "~/components/evidence/useUploadWithProgress";
import { questionSets } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { requireCouncil } from "~/services/auth.server";
import { importFromRequest, type ImportAnswer } from "~/services/importUpload.server";
import { MAX_FILE_BYTES } from "~/services/poetFile/index.server";
import evidenceStyles from "~/styles/evidence.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evidenceStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "create:round");
  const month = new Date().toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "Europe/London" });
  // The sets whose question wording is still ours for this council (docs/decisions/028).
  const sets = await Promise.all(Object.keys(questionSets).map((v) => questionSetFor(org.id, v)));
  const approximateWording = sets.flatMap((s) => (s?.wordingApproximate ? [s.version] : []));
  return { org: { slug: org.slug, name: org.name }, defaultName: `POET round ${month}`, maxBytes: MAX_FILE_BYTES, approximateWording };
}

/** The plain form post (no JavaScript): the import's outcome is shown on this page. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { answer, status } = await importFromRequest(request, params.org, context.clientIp);
  return json(answer, { status });
}

export default function ImportRound() {
  const { org, defaultName, maxBytes, approximateWording } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ImportAnswer | undefined;
  const { state, upload, fail } = useUploadWithProgress<ImportAnswer>(`/orgs/${org.slug}/rounds/upload`);
  const answer = state.phase === "done" ? state.result : posted;
  const outcome = answer && answer.status !== "form" ? answer : null;
  return (
    <>
      <RoundBreadcrumb orgSlug={org.slug} orgName={org.name} />
      <h1>Import POET results</h1>
      {outcome ? <ImportResult outcome={outcome} orgSlug={org.slug} /> : null}
      {state.phase === "failed" ? (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <ImportForm lastResult={answer?.status === "form" ? answer.reply : undefined} defaultName={defaultName} approximateWording={approximateWording} state={state} maxBytes={maxBytes} upload={upload} fail={fail} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import POET results – ${data?.org.name ?? "Council"} – POET Action Planner` }];
