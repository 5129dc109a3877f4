// The council chooses whether a plan has a "you said, we did" page: off (the default), an unlisted link,
// or public; and whether action owners are named on it. Facilitators and owners decide.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { PUBLIC_PAGE_LABELS, PUBLIC_PAGE_MODES, publicPageModeSchema } from "~/domain/tracking/publicPlan";
import { recordAudit } from "~/models/audit.server";
import { publicPageSettings, savePublicPageSettings } from "~/models/publicPlan.server";
import { displayNameOf, notFound, requireWorkspace } from "~/services/auth.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspace(request, params.workspace, "publish:plan");
  const settings = await publicPageSettings(workspace.id, workspace.orgId);
  if (!settings) notFound();
  const origin = new URL(request.url).origin;
  const address = settings.mode === "public" ? `${origin}/you-said-we-did/${workspace.id}` : settings.mode === "unlisted" && settings.token ? `${origin}/you-said-we-did/${settings.token}` : null;
  return { workspace, settings: { mode: settings.mode, showNames: settings.showNames }, address };
}

const Settings = z.object({
  intent: z.enum(["save", "new-link"]).default("save"),
  mode: publicPageModeSchema.optional(),
  showNames: z.literal("on").optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { workspace, principal } = await requireWorkspace(request, params.workspace, "publish:plan");
  const submission = parseWithZod(await readForm(request), { schema: Settings });
  if (submission.status !== "success" || (submission.value.intent === "save" && !submission.value.mode)) {
    return { ok: false as const, message: "Choose who can see the page: off, unlisted link or public." };
  }
  const current = await publicPageSettings(workspace.id, workspace.orgId);
  if (!current) notFound();
  const v = submission.value;
  const mode = v.intent === "new-link" ? current.mode : v.mode!;
  const showNames = v.intent === "new-link" ? current.showNames : v.showNames === "on";
  await savePublicPageSettings(workspace.id, workspace.orgId, { mode, showNames, newLink: v.intent === "new-link" });
  await recordAudit({
    orgId: workspace.orgId,
    actorId: principal.kind === "user" ? principal.user.id : null,
    actorLabel: displayNameOf(principal),
    action: "plan-page-changed",
    detail: `${workspace.name}: ${v.intent === "new-link" ? "new unlisted link" : `${mode}${showNames ? ", owners named" : ""}`}`,
    ip: context.clientIp,
  });
  return redirect(`/w/${workspace.id}/publish?saved=${v.intent === "new-link" ? "link" : "1"}`);
}

export default function PublishPlan() {
  const { workspace, settings, address } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/w/${workspace.id}/plan`}>Tracking: {workspace.name}</Link>
      </p>
      <h1>“You said, we did” page</h1>
      <p>
        A page for the people who answered the survey and came to the workshop: what they told you, what you are doing about each thing, and how far each action
        has got, in plain words and easy read. It has a feed people can follow, and prints as a PDF. Progress notes are never shown on it.
      </p>
      {saved ? <Notice tone="success">{saved === "link" ? "There is a new link. The old one no longer works." : "Saved."}</Notice> : null}
      {outcome && !outcome.ok ? <Notice tone="warning">{outcome.message}</Notice> : null}
      {address ? (
        <p>
          The page is at <a href={address}>{address}</a>
        </p>
      ) : (
        <p>The page is off: nobody outside the council can see it.</p>
      )}
      <Form method="post" className="stack">
        <fieldset>
          <legend>Who can see the page?</legend>
          {PUBLIC_PAGE_MODES.map((mode) => (
            <div className="field field--choice" key={mode}>
              <input type="radio" id={`mode-${mode}`} name="mode" value={mode} defaultChecked={settings.mode === mode} aria-describedby={`mode-${mode}-hint`} />
              <label htmlFor={`mode-${mode}`}>{PUBLIC_PAGE_LABELS[mode].label}</label>
              <p className="hint" id={`mode-${mode}-hint`}>
                {PUBLIC_PAGE_LABELS[mode].hint}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="field field--choice">
          <input type="checkbox" id="show-names" name="showNames" defaultChecked={settings.showNames} aria-describedby="show-names-hint" />
          <label htmlFor="show-names">Name the owner of each action</label>
          <p className="hint" id="show-names-hint">
            Leave this off unless the people named have agreed. Without it, the page names nobody.
          </p>
        </div>
        <button type="submit" name="intent" value="save" className="button">
          Save
        </button>
      </Form>
      {settings.mode === "unlisted" ? (
        <Form method="post">
          <p>If the link has gone to people who should not have it, make a new one. The old link stops working.</p>
          <button type="submit" name="intent" value="new-link" className="button button--secondary">
            Make a new link
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `“You said, we did” page – ${data?.workspace.name ?? "Plan"} – POET Action Planner` }];
