// One finding at a stable URL (`…/findings/O_SAFE~survey:carer`): the workshop links actions to it by id.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findingPath } from "~/components/evidence/FindingCard";
import { FindingFigures, HowWeDecide } from "~/components/evidence/FindingFigures";
import { ChartKey, IntervalChart } from "~/components/evidence/IntervalChart";
import { OtherGroups } from "~/components/evidence/OtherGroups";
import { AnsweringActions } from "~/components/evidence/AnsweringActions";
import { EvidenceBreadcrumb } from "~/components/evidence/EvidenceBreadcrumb";
import { RoundHeader } from "~/components/evidence/RoundHeader";
import { findGroup, parseFindingId } from "~/domain/poet";
import { nationalFigureBasis } from "~/domain/poet/nationalBenchmark";
import { statusLabel } from "~/domain/tracking/status";
import { listActionsAnsweringFinding } from "~/models/action.server";
import { statusSettingsFor } from "~/models/tracking.server";
import { notFound } from "~/services/auth.server";
import { requireRoundEvidence } from "~/services/evidencePage.server";
import evidenceStyles from "~/styles/evidence.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evidenceStyles }];

import { RunChart } from "~/components/evidence/RunChart";
import { findingRunChart } from "~/services/runChart.server";
import { PeerComparison } from "~/components/evidence/PeerComparison";
import { peerComparisonFor, sharedPeerFigures } from "~/services/peerBenchmark.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, reader, round, benchmark, evidence, view } = await requireRoundEvidence(request, params);
  const id = parseFindingId(params.finding ?? "");
  const found = id ? evidence.analysis.findings.find((f) => f.question === id.question && f.group === id.group) : undefined;
  if (!id || !found) notFound("This round has no such finding.");
  const finding = view(found);
  const groupLabel = (groupId: string) => evidence.analysis.groups.find((g) => g.id === groupId)?.label ?? findGroup(groupId)?.label ?? groupId;
  const otherGroups = evidence.analysis.findings
    .filter((f) => f.question === found.question)
    .map((f) => ({ id: f.id, href: findingPath(org.slug, round.id, f.id), label: groupLabel(f.group), n: f.n, percent: f.percent, ciLow: f.ciLow, ciHigh: f.ciHigh, classification: f.classification, current: f.id === found.id }));
  // A guest sees only their own plan's actions: other plans are the council's, not theirs.
  const scope = { orgId: org.id, roundId: round.id, ...(reader.kind === "guest" ? { workspaceId: reader.workspace.id } : {}) };
  const [answering, statuses] = await Promise.all([listActionsAnsweringFinding(scope, found.id), statusSettingsFor(org.id)]);
  return {
    org: { slug: org.slug, name: org.name },
    reader,
    answering: answering.map((a) => ({ ...a, statusLabel: statusLabel(statuses, a.status) })),
    round,
    benchmark,
    finding,
    groupLabel: groupLabel(found.group),
    basis: benchmark.approximate ? (nationalFigureBasis[found.question] ?? null) : null,
    otherGroups,
    // Other councils' figures are for the council's own people, not workshop guests.
    // Every round of the council, oldest first: other rounds are the council's own, not a workshop guest's.
    runChart: reader.kind === "member" ? await findingRunChart(org.id, evidence.questionSetVersion, found.id) : null,
    peers: reader.kind === "member" ? peerComparisonFor(found.id, found.percent, await sharedPeerFigures(org.id, evidence.questionSetVersion)) : null,
  };
}

export default function FindingPage() {
  const { org, reader, answering, round, benchmark, finding, groupLabel, basis, otherGroups, peers, runChart } = useLoaderData<typeof loader>();
  // A guest reads easy read first; members the standard wording first.
  const easyFirst = reader.kind === "guest";
  const plain = <p className="finding-card__sentence">{finding.sentence}</p>;
  const easy = (
    <>
      <h3>Easy read</h3>
      <p className="finding-card__sentence--easy">{finding.easyQuestion}</p>
      <p className="finding-card__sentence--easy">{finding.easyRead}</p>
    </>
  );
  return (
    <article className="evidence finding-page">
      <EvidenceBreadcrumb reader={reader} orgSlug={org.slug} orgName={org.name} round={round} />
      <RoundHeader round={round} benchmark={benchmark} heading={finding.questionText} />
      <p className="finding-page__group">
        Group: <strong>{groupLabel}</strong> · finding <code>{finding.id}</code>
      </p>
      <section aria-labelledby="says-heading">
        <h2 id="says-heading">What it says</h2>
        {easyFirst ? (
          <>
            {easy}
            <h3>In standard wording</h3>
            {plain}
          </>
        ) : (
          <>
            {plain}
            {easy}
          </>
        )}
      </section>
      <AnsweringActions actions={answering} easy={easyFirst} />
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Here and England</h2>
        <ChartKey />
        <IntervalChart subject={`${finding.questionText} (${groupLabel})`} figures={finding} width={560} />
      </section>
      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">The numbers</h2>
        <FindingFigures finding={finding} basis={basis} />
      </section>
      {runChart ? (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">Round by round</h2>
          <RunChart subject={`${finding.questionText} (${groupLabel})`} points={runChart} />
        </section>
      ) : null}
      {peers && finding.percent !== null ? <PeerComparison own={finding.percent} peers={peers} /> : null}
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">Other groups</h2>
        <OtherGroups rows={otherGroups} />
      </section>
      <HowWeDecide />
      <p>
        <Link to={`/orgs/${org.slug}/rounds/${round.id}${easyFirst ? "?view=easy" : ""}`}>All findings of {round.name}</Link>
      </p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.finding.questionText} (${data.groupLabel}) – ${data.round.name} – POET Action Planner` : "Finding – POET Action Planner" },
];
