// The Making it Real self-assessment, a stage of the live workshop (docs/decisions/021): the facilitator opens it
// for a year, everyone rates each statement, links findings as evidence and comments; the facilitator may set the
// group's agreed rating and finishes the stage, which saves the result for the plan and year. Every change is
// posted here and made by the server; the page follows the shared document, so everyone sees the same.
// Without JavaScript every form still works (the page is drawn again with the outcome).
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { toBase64 } from "~/collab/base64";
import { SelfAssessmentPage } from "~/components/selfAssessment/SelfAssessmentPage";
import { assessmentYearSchema, mirRatingSchema, readSelfAssessment } from "~/domain/workspace";
import * as Y from "yjs";
import { mirStatementsFor } from "~/models/mirWording.server";
import { earlierSelfAssessment } from "~/models/selfAssessment.server";
import { requireWorkspace } from "~/services/auth.server";
import { defaultAssessmentYear, planFindings, ratingKeyOf, runAssessmentCommand, type AssessmentCommand } from "~/services/selfAssessment.server";
import { workshopMe } from "~/services/workshop.server";
import { readWorkspaceState } from "~/services/workspaceState.server";
import workshopStyles from "~/styles/workshop.css";
import styles from "~/styles/self-assessment.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workshopStyles },
  { rel: "stylesheet", href: styles },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const raw = await readWorkspaceState(context.collab, access.workspace.id);
  const [statements, findings] = await Promise.all([mirStatementsFor(access.workspace.orgId), planFindings(access)]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, raw);
  const stageYear = readSelfAssessment(doc, []).stage?.year ?? defaultAssessmentYear();
  doc.destroy();
  const earlier = await earlierSelfAssessment(access.workspace.id, access.workspace.orgId, stageYear);
  return {
    workspace: { id: access.workspace.id, name: access.workspace.name, org: { slug: access.workspace.org.slug, name: access.workspace.org.name } },
    me: workshopMe(access),
    // Only this person's own key: their page shows "your rating"; nobody else's key is sent.
    ratingKey: ratingKeyOf(access),
    state: toBase64(raw),
    statements,
    findings,
    earlierFor: stageYear,
    earlier: earlier ? { year: earlier.year, planName: earlier.planName, samePlan: earlier.workspaceId === access.workspace.id, ratings: Object.fromEntries(earlier.ratings.map((r) => [r.statementId, r.rating])) } : null,
    defaultYear: defaultAssessmentYear(),
  };
}

const statementId = z.string().min(1).max(20);
const optionalRating = z.union([mirRatingSchema, z.literal("").transform(() => null)]);
const Command = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), year: assessmentYearSchema }),
  z.object({ intent: z.literal("rate"), statementId, rating: optionalRating }),
  z.object({ intent: z.literal("consensus"), statementId, rating: optionalRating }),
  z.object({ intent: z.literal("evidence"), statementId, findingId: z.string().min(1, "Choose a finding from the list first.").max(200), linked: z.enum(["yes", "no"]).transform((v) => v === "yes") }),
  z.object({ intent: z.literal("comment"), statementId, text: z.string().trim().min(1, "Write a comment before adding it.").max(2000, "A comment can be up to 2,000 characters. Shorten it and try again.") }),
  z.object({ intent: z.literal("finish") }),
  z.object({ intent: z.literal("suggest-action"), statementId }),
]);

function problemText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "That was not understood. Reload the page and try again.";
  if (issue.path[0] === "year") return `The year ${issue.message}.`;
  if (issue.path[0] === "text" || issue.path[0] === "findingId") return issue.message;
  return "That was not understood. Reload the page and try again.";
}

/**
 * Answers with the outcome as data: the live page's fetchers announce it; without JavaScript the page is drawn
 * again with the message at the top (useActionData), so nothing is lost and a refresh repeats nothing harmful.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const parsed = Command.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ ok: false as const, message: problemText(parsed.error) }, { status: 400 });
  const outcome = await runAssessmentCommand(access, context.collab, parsed.data as AssessmentCommand, context.clientIp);
  return json(outcome, { status: outcome.ok ? 200 : outcome.status });
}

/** Ratings, comments and evidence reach the page through the live document; only a saved result needs new data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  return intent === "rate" || intent === "consensus" || intent === "evidence" || intent === "comment" ? false : defaultShouldRevalidate;
};

export default function SelfAssessmentRoute() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <SelfAssessmentPage key={data.workspace.id} {...data} answer={answer ?? null} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Plan"} – Making it Real self-assessment – POET Action Planner` }];
