// The silent ideas round's server side (no page): a person's own hidden ideas, adding and taking one back,
// and revealing them all (facilitators only). See app/services/ideas.server.ts and ADR 019.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { mayInPlan, requireWorkspace } from "~/services/auth.server";
import { addIdea, myHiddenIdeas, revealIdeas, withdrawIdea } from "~/services/ideas.server";
import { tryReadForm } from "~/services/readForm.server";

/** Only the author's own hidden ideas; never anyone else's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  return json({ mine: mayInPlan(access, "edit:workspace") ? await myHiddenIdeas(access) : [] }, { headers: { "Cache-Control": "private, no-store" } });
}

const IdeaForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), text: z.string().max(5000) }),
  z.object({ intent: z.literal("withdraw"), ideaId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("reveal") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Access first: a stranger learns nothing from whether the body could be read.
  await requireWorkspace(request, params.workspace, "read:workspace");
  const posted = await tryReadForm(request);
  const form = IdeaForm.safeParse(posted.ok ? Object.fromEntries(posted.form) : null);
  if (!form.success) return json({ error: "That was not understood. Reload the page and try again." }, { status: 400 });
  if (form.data.intent === "reveal") {
    const access = await requireWorkspace(request, params.workspace, "facilitate:workspace");
    return json(await revealIdeas(access, context.collab));
  }
  const access = await requireWorkspace(request, params.workspace, "edit:workspace");
  const outcome = form.data.intent === "add" ? await addIdea(access, context.collab, form.data.text) : await withdrawIdea(access, context.collab, form.data.ideaId);
  return json(outcome.ok ? { ok: true as const } : { error: outcome.error }, { status: outcome.ok ? 200 : 422 });
}
