import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { HtmlOnlyData, keepForHtml, useHtmlOnly } from "~/components/htmlOnly";
import { WorkshopPage } from "~/components/workshop/WorkshopPage";
import { ACTION_STATUSES, readSession, updateAction } from "~/domain/workspace";
import { displayNameOf, mayInPlan, requireWorkspace } from "~/services/auth.server";
import { loadWorkshop } from "~/services/workshop.server";
import boardUsabilityStyles from "~/styles/board-usability.css";
import workshopStyles from "~/styles/workshop.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workshopStyles },
  { rel: "stylesheet", href: boardUsabilityStyles },
];

/** The element the workshop page's HTML carries the plan state in (a document request only). */
const PLAN_STATE_ID = "plan-state";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const workshop = await loadWorkshop(access, context.collab);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    workspace: access.workspace,
    canManageCodes: mayInPlan(access, "manage:joincode"),
    saved: saved === "status" ? ("status" as const) : null,
    ...workshop,
    // Loading the page: the plan state goes into the HTML once, not through the loader data (htmlOnly).
    state: keepForHtml(context, PLAN_STATE_ID, workshop.state),
  };
}

const StatusForm = z.object({
  intent: z.literal("status"),
  actionId: z.string().min(1).max(64),
  status: z.enum(ACTION_STATUSES),
});

/**
 * A status change (the no-JavaScript way; answers with a redirect), applied to the live document. Dot votes
 * have their own endpoint (w.$workspace.votes.tsx); a vote from a board loaded before that (its Remix fetcher
 * posts here) is answered with data, not thrown, so that board is not replaced by the error page.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "edit:workspace");
  const fields = Object.fromEntries(await readForm(request));
  if (fields.intent === "vote") return json({ error: "The board has been updated since you opened it. Reload the page, then vote again." }, { status: 409 });
  const form = StatusForm.safeParse(fields);
  if (!form.success) throw new Response("That status change was not understood. Go back and choose a status from the list.", { status: 400 });
  const mayBypassLock = mayInPlan(access, "facilitate:workspace");
  let refusal: Response | null = null;
  await context.collab.withDocument(
    access.workspace.id,
    (doc) => {
      if (readSession(doc).locked && !mayBypassLock) {
        refusal = new Response("The facilitator has locked the board for a moment. Try again when it is unlocked.", { status: 409 });
        return;
      }
      try {
        updateAction(doc, form.data.actionId, { status: form.data.status });
      } catch {
        refusal = new Response("That action is no longer in this plan.", { status: 404 });
      }
    },
    { source: "server", actorId: access.principal.kind === "user" ? access.principal.user.id : null, actorName: displayNameOf(access.principal) },
  );
  if (refusal) throw refusal;
  return redirect(`/w/${access.workspace.id}?saved=status#action-${form.data.actionId}`, 303);
}

export default function Workspace() {
  const data = useLoaderData<typeof loader>();
  const state = useHtmlOnly(PLAN_STATE_ID, data.state);
  return (
    <>
      {data.state === null ? <HtmlOnlyData id={PLAN_STATE_ID} value={state} /> : null}
      <WorkshopPage key={data.workspace.id} {...data} state={state} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Plan"} – live workshop – POET Action Planner` }];
