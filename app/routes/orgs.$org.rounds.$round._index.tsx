// A round's findings: weaknesses and strengths against England for one group, the rest shown not hidden,
// and the process → outcome links. The group filter is a GET form; the easy-read view is `?view=easy`.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { RoundManagement } from "~/components/rounds/RoundManagement";
import { PeerSummary } from "~/components/evidence/PeerComparison";
import { peerComparisonFor, sharedPeerFigures } from "~/services/peerBenchmark.server";
import { countPlansUsingRound } from "~/models/roundRecord.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { changeRound, RoundIntent } from "~/services/roundManagement.server";
import { CollectingNotice, useLiveWhileCollecting } from "~/components/evidence/CollectingNotice";
import { EasyReadSwitch, isEasyView } from "~/components/evidence/EasyReadSwitch";
import { GroupFilter } from "~/components/evidence/GroupFilter";
import { ChartKey } from "~/components/evidence/IntervalChart";
import { findingSections, roundFindingsHtml } from "~/components/evidence/roundFindingsHtml.server";
import { handOverHtml, PrerenderedHtml } from "~/components/htmlOnly";
import { backLinkFor, EvidenceBreadcrumb } from "~/components/evidence/EvidenceBreadcrumb";
import { RoundHeader } from "~/components/evidence/RoundHeader";
import { can } from "~/domain/access/permissions";
import type { Classification } from "~/domain/poet";
import { collectingStatus } from "~/services/collect/collectionPage.server";
import { requireRoundEvidence } from "~/services/evidencePage.server";
import evidenceStyles from "~/styles/evidence.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evidenceStyles }];

const FINDINGS_ID = "round-findings";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role, reader, round, benchmark, evidence, view, questionSet } = await requireRoundEvidence(request, params);
  const { groups } = evidence.analysis;
  const search = new URL(request.url).searchParams;
  const requested = search.get("group") ?? "all";
  const easy = isEasyView(search);
  const group = groups.find((g) => g.id === requested) ?? groups.find((g) => g.id === "all") ?? groups[0];
  const findings = evidence.analysis.findings.filter((f) => f.group === group?.id).map(view);
  const sections = findingSections(findings);
  const peerFigures = reader.kind === "member" ? await sharedPeerFigures(org.id, evidence.questionSetVersion) : [];
  const peers = findings.flatMap((f) => {
    const d = peerFigures.length > 0 ? peerComparisonFor(f.id, f.percent, peerFigures) : null;
    return d && f.percent !== null ? [{ id: f.id, questionText: f.questionText, own: f.percent, peers: d }] : [];
  });
  // The findings, "not in this file" and the process links: HTML rendered once per revision and variant,
  // shared by every reader of it (roundFindingsHtml.server.tsx), handed to the page without React.
  const findingsHtml = roundFindingsHtml(evidence.analysis, { group: group?.id ?? "all", easy, orgSlug: org.slug, roundId: round.id, aggregate: round.kind === "aggregate", questionSet }, view);
  return {
    org: { slug: org.slug, name: org.name },
    reader,
    round,
    peers,
    benchmark,
    groups,
    group: group ?? null,
    unknownGroup: requested !== (group?.id ?? "all"),
    counts: Object.fromEntries(sections.map((s) => [s.kind, s.findings.length])) as Record<Classification, number>,
    findingsHtml: handOverHtml(context, FINDINGS_ID, findingsHtml),
    canPlan: can(role, "create:workspace"),
    manage: can(role, "manage:round")
      ? {
          round: { name: round.name, fieldworkStart: round.fieldworkStart, fieldworkEnd: round.fieldworkEnd, archived: round.archived, plans: await countPlansUsingRound(org.id, round.id), shared: round.sharedWithPeers },
          canShare: can(role, "share:round"),
        }
      : null,
    // Guests reading their plan's evidence see the findings; the collection itself is the council's.
    collecting: reader.kind === "member" ? await collectingStatus(org.id, round.id) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Membership first: a stranger learns nothing from whether the body could be read.
  await requireCouncil(request, params.org, "read:round");
  const form = await readForm(request);
  const access = await requireCouncil(request, params.org, form.get("intent") === "share" ? "share:round" : "manage:round");
  const submission = parseWithZod(form, { schema: RoundIntent });
  if (submission.status !== "success") {
    const [field, messages] = Object.entries(submission.error ?? {}).find(([, m]) => m && m.length > 0) ?? ["intent", ["That change was not understood."]];
    return { ok: false as const, field: field || "intent", message: messages?.[0] ?? "That change was not understood." };
  }
  const result = await changeRound(access.org.id, params.round ?? "", submission.value, { id: access.user.id, email: access.user.email }, context.clientIp);
  if (!result) notFound("We could not find that POET round.");
  if (result.ok && result.deleted) return redirect(`/orgs/${access.org.slug}`);
  return result;
}

export default function RoundFindings() {
  const { org, reader, round, benchmark, groups, group, unknownGroup, counts, findingsHtml, manage, peers, collecting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = backLinkFor(reader, org);
  useLiveWhileCollecting(collecting?.state === "open");
  const [params] = useSearchParams();
  const easy = isEasyView(params);
  const navigate = useNavigate();
  // The findings' links are plain (static HTML): follow one of this site's without a page load.
  const followLink = (event: React.MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest?.("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = link.getAttribute("href") ?? "";
    if (!href.startsWith("/") || href.startsWith("//") || link.hasAttribute("target") || link.hasAttribute("download")) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <div className={easy ? "evidence evidence--easy" : "evidence"}>
      <EvidenceBreadcrumb reader={reader} orgSlug={org.slug} orgName={org.name} />
      <RoundHeader round={round} benchmark={benchmark} />
      {collecting ? <CollectingNotice orgSlug={org.slug} status={collecting} /> : null}
      <div className="evidence-controls">
        <GroupFilter groups={groups} current={group?.id ?? "all"} easy={easy} />
        <EasyReadSwitch easy={easy} />
      </div>
      {unknownGroup ? <p className="notice notice--warning">This round has no one in that group, so it shows everyone.</p> : null}
      <p className="lead" aria-live="polite">
        {group ? `${group.label}${group.people !== null ? `: ${group.people.toLocaleString("en-GB")} people` : group.fewerThan ? `: fewer than ${group.fewerThan} people` : ""}. ` : ""}
        {counts.weakness} weakness{counts.weakness === 1 ? "" : "es"}, {counts.strength} strength{counts.strength === 1 ? "" : "s"}, {counts["in-line"]} in line with
        {`England${counts["too-few"] ? `, ${counts["too-few"]} too few to say` : ""}.`}
      </p>
      <ChartKey />
      <PrerenderedHtml id={FINDINGS_ID} html={findingsHtml} onClick={followLink} />
      <PeerSummary rows={peers} />
      {manage ? <RoundManagement round={manage.round} canShare={manage.canShare} result={result} /> : null}
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.name ?? "Findings"} – ${data?.org.name ?? "Council"} – POET Action Planner` }];
