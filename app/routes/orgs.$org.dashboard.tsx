import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/tracking/BarChart";
import { RagBadge } from "~/components/tracking/Badges";
import { mirThemes } from "~/domain/mir";
import { isOverdue, themesOf } from "~/domain/tracking/filters";
import { effectivePercent, RAG_SHORT } from "~/domain/tracking/status";
import { isStale } from "~/domain/tracking/flags";
import { dayInEngland, todayInEngland } from "~/domain/tracking/today";
import { requireCouncil } from "~/services/auth.server";
import { sharedReads } from "~/services/sharedReads.server";
import { roundByRound } from "~/domain/tracking/roundChange";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "read:workspace");
  const councilPlans = sharedReads.listCouncilPlans(org.id);
  const [actions, completions, statuses, staleAfterDays] = await Promise.all([
    councilPlans.then(sharedReads.listCouncilActions),
    councilPlans.then(sharedReads.completionsByMonth),
    sharedReads.statusSettingsFor(org.id),
    sharedReads.staleAfterDaysFor(org.id),
  ]);
  const today = todayInEngland();
  const percent = (a: (typeof actions)[number]) => effectivePercent(statuses, a.status, a.manualPercent);
  const brief = (a: (typeof actions)[number]) => ({ id: a.id, title: a.title || "Untitled action", owner: a.owner, due: a.due, rag: a.rag, workspaceId: a.workspaceId, plan: a.workspaceName });
  // "Did it work?" plan by plan, action by action: each finding an action answers, and how its figure moved
  // between the plan's round and the council's latest later one.
  const plans = new Map<string, { name: string; actions: typeof actions }>();
  for (const a of actions) plans.set(a.workspaceId, { name: a.workspaceName, actions: [...(plans.get(a.workspaceId)?.actions ?? []), a] });
  const worked = (
    await Promise.all(
      [...plans].map(async ([workspaceId, plan]) => {
        const changes = await sharedReads.findingChanges(org.id, await sharedReads.listWorkspaceRounds(workspaceId, org.id), plan.actions.flatMap((a) => a.findingIds));
        const first = [...changes.values()][0];
        const planActions = plan.actions
          .map((a) => ({
            id: a.id,
            title: a.title || "Untitled action",
            findings: [...new Set(a.findingIds)].flatMap((id) => {
              const c = changes.get(id);
              return c ? [{ id, sentence: c.sentence, series: roundByRound(c) }] : [];
            }),
          }))
          .filter((a) => a.findings.length > 0);
        return first && planActions.length ? [{ workspaceId, name: plan.name, rounds: `${first.fromRound} compared with ${first.toRound}`, actions: planActions }] : [];
      }),
    )
  ).flat();
  let running = 0;
  return {
    org,
    total: actions.length,
    byStatus: statuses.map((s) => ({ label: s.label, value: actions.filter((a) => a.status === s.status).length })),
    byRag: (["red", "amber", "green"] as const).map((rag) => ({ label: RAG_SHORT[rag], value: actions.filter((a) => a.rag === rag).length })),
    overdue: actions.filter((a) => isOverdue(a, today)).map(brief),
    stale: actions.filter((a) => isStale(a, today, staleAfterDays, dayInEngland)).map(brief),
    staleAfterDays,
    unowned: actions.filter((a) => a.owner.trim() === "" && a.status !== "complete").map(brief),
    byTheme: mirThemes.map((t) => {
      const inTheme = actions.filter((a) => themesOf(a).includes(t.id));
      const average = inTheme.length ? Math.round(inTheme.reduce((sum, a) => sum + percent(a), 0) / inTheme.length) : 0;
      return { label: t.title, value: average, display: inTheme.length ? `${average}% (${inTheme.length} action${inTheme.length === 1 ? "" : "s"})` : "No actions" };
    }),
    completed: completions.map((c) => ((running += c.completed), { label: c.month, value: running, display: `${running} (${c.completed} that month)` })),
    worked,
  };
}

function ActionList({ items, empty }: { items: ReturnType<typeof useLoaderData<typeof loader>>["overdue"]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((a) => (
        <li key={`${a.workspaceId}:${a.id}`}>
          <Link to={`/w/${a.workspaceId}/actions/${a.id}`}>{a.title}</Link> <RagBadge rag={a.rag} />
          <span className="muted">{` · ${a.plan}${a.owner ? ` · ${a.owner}` : ""}${a.due ? ` · due ${a.due}` : ""}`}</span>
        </li>
      ))}
    </ul>
  );
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{`Progress across ${d.org.name}'s plans`}</h1>
      <p>{`${d.total} actions in all plans.`}</p>
      <div className="two-col">
        <BarChart title="Actions by status" bars={d.byStatus} unit="Actions" />
        <BarChart title="Actions by RAG rating" bars={d.byRag} unit="Actions" />
      </div>
      <div className="two-col">
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{`Overdue (${d.overdue.length})`}</h2>
          <ActionList items={d.overdue} empty="Nothing is overdue." />
        </section>
        <section aria-labelledby="stale-heading">
          <h2 id="stale-heading">{`Stale (${d.stale.length})`}</h2>
          <p className="hint">{`Open actions with no progress update for ${d.staleAfterDays} days or more.`}</p>
          <ActionList items={d.stale} empty="Every open action has a recent progress update." />
        </section>
      </div>
      <div className="two-col">
        <section aria-labelledby="unowned-heading">
          <h2 id="unowned-heading">{`No owner yet (${d.unowned.length})`}</h2>
          <ActionList items={d.unowned} empty="Every open action has an owner." />
        </section>
      </div>
      <BarChart title="Average progress by Making it Real theme" bars={d.byTheme} max={100} unit="Average percent done" />
      {d.completed.length ? (
        <BarChart title="Actions completed over time (running total by month)" bars={d.completed} unit="Completed so far" />
      ) : (
        <p>No action has been completed yet.</p>
      )}
      <section aria-labelledby="worked-heading">
        <h2 id="worked-heading">Did it work?</h2>
        {d.worked.length === 0 ? (
          <p>When the next POET round is imported, each finding your actions aim at will show how it changed.</p>
        ) : (
          d.worked.map((plan) => (
            <section key={plan.workspaceId} className="worked-plan" aria-labelledby={`worked-${plan.workspaceId}`}>
              <h3 id={`worked-${plan.workspaceId}`}>
                <Link to={`/w/${plan.workspaceId}/plan`}>{plan.name}</Link>
              </h3>
              <p className="hint">{plan.rounds}</p>
              <ul>
                {plan.actions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/w/${plan.workspaceId}/actions/${a.id}`}>{a.title}</Link>
                    <ul>
                      {a.findings.map((f) => (
                        <li key={f.id}>
                          {f.sentence}
                          {f.series ? ` ${f.series}` : ""}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dashboard – ${data?.org.name ?? "Council"} – POET Action Planner` }];
