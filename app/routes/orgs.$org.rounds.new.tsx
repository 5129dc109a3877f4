// Import a POET round: a plain multipart form post that works without JavaScript; with JavaScript the
// same post goes by XMLHttpRequest so the upload shows progress. The import service checks everything
// and writes nothing unless the whole file is good (and records the audit event).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ImportForm } from "~/components/evidence/ImportForm";
import { ImportResult } from "~/components/evidence/ImportResult";
import { RoundBreadcrumb } from "~/components/evidence/RoundHeader";
import { useUploadWithProgress } from "~/components/evidence/useUploadWithProgress";
import { requireCouncil } from "~/services/auth.server";
import { readImportForm, runImport, type ImportOutcome } from "~/services/importUpload.server";
import { MAX_FILE_BYTES } from "~/services/poetFile/index.server";
import evidenceStyles from "~/styles/evidence.css";

const ROUTE_ID = "routes/orgs.$org.rounds.new";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evidenceStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "create:round");
  const month = new Date().toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "Europe/London" });
  return { org: { slug: org.slug, name: org.name }, defaultName: `POET round ${month}`, maxBytes: MAX_FILE_BYTES };
}

export const ImportSchema = z.object({
  roundName: z
    .string({ required_error: "Enter a name for the round" })
    .trim()
    .min(3, "Use at least 3 characters")
    .max(100, "Use at most 100 characters"),
  results: z.instanceof(File, { message: "Choose the results file: a CSV or XLSX file" }),
  benchmark: z.instanceof(File).optional(),
});

const STATUS: Record<ImportOutcome["status"], number> = { imported: 201, "already-imported": 200, invalid: 400, "too-large": 413 };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org, user } = await requireCouncil(request, params.org, "create:round");
  const read = await readImportForm(request);
  if (!read.ok) return json(read.outcome, { status: STATUS[read.outcome.status] });
  const submission = parseWithZod(read.form, { schema: ImportSchema });
  if (submission.status !== "success") return json({ status: "form" as const, reply: submission.reply({ hideFields: ["results", "benchmark"] }) }, { status: 400 });
  const { roundName, results, benchmark } = submission.value;
  const outcome = await runImport({
    orgId: org.id,
    importedBy: { id: user.id, email: user.email },
    roundName,
    results: { name: results.name, bytes: new Uint8Array(await results.arrayBuffer()) },
    benchmark: benchmark ? { name: benchmark.name, bytes: new Uint8Array(await benchmark.arrayBuffer()) } : null,
    ip: context.clientIp,
  });
  return json(outcome, { status: STATUS[outcome.status] });
}

type ActionAnswer = ImportOutcome | { status: "form"; reply: SubmissionResult<string[]> };

export default function ImportRound() {
  const { org, defaultName, maxBytes } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionAnswer | undefined;
  const { state, upload, fail } = useUploadWithProgress<ActionAnswer>(ROUTE_ID);
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
      <ImportForm lastResult={answer?.status === "form" ? answer.reply : undefined} defaultName={defaultName} state={state} maxBytes={maxBytes} upload={upload} fail={fail} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import POET results – ${data?.org.name ?? "Council"} – POET Action Planner` }];
