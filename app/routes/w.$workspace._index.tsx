import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { WorkshopPage } from "~/components/workshop/WorkshopPage";
import { ACTION_STATUSES, readSession, updateAction } from "~/domain/workspace";
import { displayNameOf, mayInPlan, requireWorkspace } from "~/services/auth.server";
import { castVoteAs } from "~/services/voting.server";
import { loadWorkshop } from "~/services/workshop.server";
import boardUsabilityStyles from "~/styles/board-usability.css";
import workshopStyles from "~/styles/workshop.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workshopStyles },
  { rel: "stylesheet", href: boardUsabilityStyles },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const workshop = await loadWorkshop(access, context.collab);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    workspace: access.workspace,
    canManageCodes: mayInPlan(access, "manage:joincode"),
    saved: saved === "status" ? ("status" as const) : null,
    ...workshop,
  };
}

const StatusForm = z.object({
  intent: z.literal("status"),
  actionId: z.string().min(1).max(64),
  status: z.enum(ACTION_STATUSES),
});

const VoteForm = z.object({
  intent: z.literal("vote"),
  actionId: z.string().min(1).max(64),
  delta: z.enum(["1", "-1"]),
});

/**
 * Two server edits: a status change (the no-JavaScript way; answers with a redirect) and a dot vote
 * (sent by the live board; answers with the outcome). Both are applied to the live document.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "edit:workspace");
  const fields = Object.fromEntries(await request.formData());
  if (fields.intent === "vote") {
    const vote = VoteForm.safeParse(fields);
    if (!vote.success) return json({ error: "That vote was not understood. Reload the page and try again." }, { status: 400 });
    return json({ vote: await castVoteAs(access, context.collab, vote.data.actionId, vote.data.delta === "1" ? 1 : -1) });
  }
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

/** A vote changes only the live document, which the board already follows: no need to reload the page's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "vote" ? false : defaultShouldRevalidate;

export default function Workspace() {
  const data = useLoaderData<typeof loader>();
  return <WorkshopPage key={data.workspace.id} {...data} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Plan"} – live workshop – POET Action Planner` }];
