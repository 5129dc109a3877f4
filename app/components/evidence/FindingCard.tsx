import { answersText, englandText, intervalText, percentText, pointsText } from "./format";
import { IntervalChart } from "./IntervalChart";
import type { FindingView } from "~/services/evidencePage.server";

export function findingPath(orgSlug: string, roundId: string, findingId: string): string {
  return `/orgs/${orgSlug}/rounds/${roundId}/findings/${encodeURIComponent(findingId)}`;
}

/**
 * One finding: the question, its sentence (plain or easy read), the figures and the interval chart. Rendered
 * to static HTML once per round revision (roundFindingsHtml.server.tsx), so a plain link: the page takes
 * its clicks over for client-side navigation.
 */
export function FindingCard({ finding, href, easy }: { finding: FindingView; href: string; easy: boolean }) {
  const f = finding;
  return (
    <li className={`card finding-card finding-card--${f.classification}`}>
      <h3>
        <a href={href}>{easy ? f.easyQuestion : f.questionText}</a>
      </h3>
      <p className={easy ? "finding-card__sentence finding-card__sentence--easy" : "finding-card__sentence"}>{easy ? f.easyRead : f.sentence}</p>
      <dl className="figures">
        <div>
          <dt>Here</dt>
          <dd>{percentText(f.percent)}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>{intervalText(f.ciLow, f.ciHigh)}</dd>
        </div>
        <div>
          <dt>England</dt>
          <dd>{englandText(f)}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd>{pointsText(f.difference)}</dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>{answersText(f.n)}</dd>
        </div>
      </dl>
      <IntervalChart subject={easy ? f.easyQuestion : f.questionText} figures={f} />
    </li>
  );
}
