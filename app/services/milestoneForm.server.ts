// The action page's milestone forms: validate, change, and say what was wrong in words people can act on.
import { json, redirect } from "@remix-run/node";
import { MilestoneChange, NewMilestone, type MilestoneProblem } from "~/domain/tracking/milestones";
import { addMilestone, removeMilestone, setMilestoneDone } from "~/models/milestone.server";

export const MILESTONE_INTENTS = ["add-milestone", "milestone-done", "milestone-reopen", "milestone-remove"];

type Where = { workspaceId: string; actionId: string };
type Actor = { actorId: string | null; actorName: string };

/** Handles one milestone form; answers a redirect on success or the problem to show (status 400/404). */
export async function handleMilestoneForm(form: FormData, where: Where, actor: Actor, here: string) {
  const text = (name: string) => String(form.get(name) ?? "");
  if (form.get("intent") === "add-milestone") {
    const parsed = NewMilestone.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      const milestone: MilestoneProblem = { errors: { title: fields.title?.[0], due: fields.due?.[0] }, values: { title: text("title"), due: text("due") } };
      return json({ milestone }, { status: 400 });
    }
    await addMilestone(where, { title: parsed.data.title, due: parsed.data.due }, actor);
    return redirect(`${here}?milestone=added#milestones-heading`);
  }
  const parsed = MilestoneChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return json({ milestone: { errors: { form: "That milestone change was not understood. Reload the page and try again." }, values: { title: "", due: "" } } }, { status: 400 });
  }
  const { intent, milestoneId } = parsed.data;
  const found = intent === "milestone-remove" ? await removeMilestone(where, milestoneId, actor) : await setMilestoneDone(where, milestoneId, intent === "milestone-done", actor);
  if (!found) {
    return json({ milestone: { errors: { form: "That milestone is no longer on this action (someone may have removed it). The list below is up to date." }, values: { title: "", due: "" } } }, { status: 404 });
  }
  return redirect(`${here}?milestone=${intent === "milestone-remove" ? "removed" : "changed"}#milestones-heading`);
}
