import { Link } from "@remix-run/react";
import { peopleText } from "./format";
import { dateInEngland } from "~/domain/tracking/today";

export type RoundSummary = { id: string; name: string; kind: string; respondentCount: number; isSynthetic: boolean; importedAt: string; fieldworkStart?: string | null; fieldworkEnd?: string | null; archived?: boolean; wordingApproximate?: boolean };

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { timeZone: "UTC" });
export type BenchmarkSummary = { name: string; approximate: boolean; source: string };

/** What the figures on an evidence page are about and compared with. */
export function BenchmarkLabel({ benchmark }: { benchmark: BenchmarkSummary }) {
  return (
    <p className="benchmark-label">
      Compared with:{" "}
      {benchmark.approximate ? <strong>approximate national figures from published POET reports</strong> : <strong>{benchmark.name}</strong>}
      {benchmark.approximate ? null : ` (${benchmark.source})`}
    </p>
  );
}

/** The title block of a round's pages: name, people, synthetic label, benchmark. */
export function RoundHeader({ round, benchmark, heading }: { round: RoundSummary; benchmark: BenchmarkSummary; heading?: string }) {
  return (
    <header className="round-header">
      <h1>{heading ?? round.name}</h1>
      <p className="round-header__facts">
        {round.kind === "aggregate" ? "From report tables" : peopleText(round.respondentCount)} · imported {dateInEngland(round.importedAt)}
        {round.fieldworkStart || round.fieldworkEnd ? ` · fieldwork ${round.fieldworkStart ? day(round.fieldworkStart) : "?"} to ${round.fieldworkEnd ? day(round.fieldworkEnd) : "?"}` : ""}
        {round.archived ? (
          <>
            {" "}
            <span className="tag">Archived</span>
          </>
        ) : null}
        {round.isSynthetic ? (
          <>
            {" "}
            <span className="tag tag--synthetic">Synthetic data: not real people</span>
          </>
        ) : null}
      </p>
      {round.wordingApproximate ? (
        <p className="hint">Question wording approximate: ours, written from published descriptions, until an owner loads your council&rsquo;s official wording.</p>
      ) : null}
      <BenchmarkLabel benchmark={benchmark} />
    </header>
  );
}

export function RoundBreadcrumb({ orgSlug, orgName, round }: { orgSlug: string; orgName: string; round?: { id: string; name: string } }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="breadcrumb-list">
        <li>
          <Link to={`/orgs/${orgSlug}`}>{orgName}</Link>
        </li>
        {round ? (
          <li>
            <Link to={`/orgs/${orgSlug}/rounds/${round.id}`}>{round.name}</Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
