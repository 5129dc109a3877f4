// The Atom feed of a plan's "you said, we did" page: one entry per action, updated when it changes.
// Same key and same rules as the page (public id or unlisted token; off = 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomXml } from "~/domain/tracking/atomFeed";
import { findPublishedPlan } from "~/models/publicPlan.server";
import { loadYouSaidWeDid, type PublicAction } from "~/services/youSaidWeDid.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const plan = await findPublishedPlan(params.key ?? "");
  if (!plan) return new Response("There is no public page at this address.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const page = await loadYouSaidWeDid(plan);
  const origin = new URL(request.url).origin;
  const pageLink = `${origin}/you-said-we-did/${params.key}`;
  // Ids stay the same whichever address (id or token) the feed was read at, so readers do not see duplicates.
  const idOf = (suffix: string) => `urn:poet-action-planner:plan:${plan.id}${suffix}`;
  const answers = new Map<string, string[]>();
  for (const f of page.findings) for (const a of f.actions) answers.set(a.id, [...(answers.get(a.id) ?? []), f.sentence]);
  const actions = new Map<string, PublicAction>();
  for (const a of [...page.findings.flatMap((f) => f.actions), ...page.otherActions]) actions.set(a.id, a);
  const entries = [...actions.values()]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((a) => ({
      id: idOf(`:action:${a.id}`),
      title: `${a.title}: ${a.statusLabel}`,
      updated: a.updatedAt,
      link: `${pageLink}#action-${a.id}`,
      content: [`${a.statusLabel}, ${a.percent}% done.`, a.due ? `Due ${a.due}.` : "", ...(answers.get(a.id) ?? []).map((s) => `You said: ${s}`)].filter(Boolean).join(" "),
    }));
  const xml = atomXml({
    id: idOf(":you-said-we-did"),
    title: `You said, we did: ${page.plan.name}`,
    subtitle: `What people told ${page.plan.council}, and what it is doing about it.`,
    updated: page.updatedAt,
    author: page.plan.council,
    selfLink: `${pageLink}/feed.xml`,
    pageLink,
    entries,
  });
  const listed = plan.mode === "public" && !plan.byToken;
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache", ...(listed ? {} : { "X-Robots-Tag": "noindex, nofollow" }) },
  });
}
