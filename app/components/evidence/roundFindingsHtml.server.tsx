// The findings of a round page as HTML, rendered once per round revision and what the page shows of it,
// instead of on every look (docs/decisions/030, addendum): a live collection's page is looked at again
// and again between answers, and React rendering its cards, charts and links was most of a look. Only
// the server imports this.
//
// What may be shared: the HTML is kept on the analysis object (the evidence cache's, per round, revision
// and disclosure threshold: it goes when that does) per variant of everything else it shows — group, view,
// the council's question wording, the council's and round's addresses. Nothing about the reader is in it:
// members and guests whose plan uses the round see the same findings; what differs between them (the
// collection notice, peers, management) is rendered per request. Who may read the round at all is the
// loader's check, made on every request before any of this runs.
import { renderToStaticMarkup } from "react-dom/server";
import type { Classification, Finding, ProcessLink, QuestionSet, RoundAnalysis } from "~/domain/poet";
import type { FindingView } from "~/services/evidencePage.server";
import { renderedOnce } from "~/services/renderedOnce.server";
import { FindingsSection } from "./FindingsSection";
import { ProcessLinks } from "./ProcessLinks";

export type RoundFindingsBody = {
  sections: { kind: Classification; findings: FindingView[] }[];
  notInFile: string[];
  links: ProcessLink[];
  aggregate: boolean;
  easy: boolean;
  orgSlug: string;
  roundId: string;
};

/** What the page shows of a round's analysis besides the analysis itself. */
export type FindingsWhat = { group: string; easy: boolean; orgSlug: string; roundId: string; aggregate: boolean; questionSet: QuestionSet };

const ORDER: Classification[] = ["weakness", "strength", "in-line", "no-benchmark", "too-few"];

/** One group's findings by classification, biggest gaps first: the weakest weakness and the strongest strength lead their sections. */
export function findingSections(findings: FindingView[]): RoundFindingsBody["sections"] {
  return ORDER.map((kind) => ({
    kind,
    findings: findings
      .filter((f) => f.classification === kind)
      .sort((a, b) => (kind === "weakness" ? (a.difference ?? 0) - (b.difference ?? 0) : kind === "strength" ? (b.difference ?? 0) - (a.difference ?? 0) : 0)),
  }));
}

/** Everything the findings HTML shows of this analysis for `what` (`view` dresses a finding with the council's wording). */
export function roundFindingsBody(analysis: RoundAnalysis, what: FindingsWhat, view: (f: Finding) => FindingView): RoundFindingsBody {
  return {
    sections: findingSections(analysis.findings.filter((f) => f.group === what.group).map(view)),
    notInFile: (analysis.notInFile ?? []).map((code) => what.questionSet.questions.find((q) => q.code === code)?.text ?? code),
    links: analysis.links,
    aggregate: what.aggregate,
    easy: what.easy,
    orgSlug: what.orgSlug,
    roundId: what.roundId,
  };
}

/** The HTML of `body`, rendered now (roundFindingsHtml keeps it). */
export function renderRoundFindings(body: RoundFindingsBody): string {
  return renderToStaticMarkup(<RoundFindings {...body} />);
}

/** Variants kept per analysis (groups × views looked at while that revision is current). */
const VARIANTS_KEPT = 12;
const rendered = renderedOnce<RoundAnalysis>(VARIANTS_KEPT);
const wordings = new WeakMap<QuestionSet, string>();

/** The key of what the HTML shows besides the analysis. */
function variantOf(what: FindingsWhat): string {
  let wording = wordings.get(what.questionSet);
  if (wording === undefined) {
    wording = JSON.stringify(what.questionSet.questions.map((q) => [q.code, q.text, q.easyRead ?? null]));
    wordings.set(what.questionSet, wording);
  }
  return JSON.stringify([what.group, what.easy, what.orgSlug, what.roundId, what.aggregate, wording]);
}

/** The page's findings sections, "not in this file" and process links for `what`, as HTML, rendered once per analysis and variant. */
export function roundFindingsHtml(analysis: RoundAnalysis, what: FindingsWhat, view: (f: Finding) => FindingView): string {
  return rendered(analysis, variantOf(what), () => renderRoundFindings(roundFindingsBody(analysis, what, view)));
}

function RoundFindings({ sections, notInFile, links, aggregate, easy, orgSlug, roundId }: RoundFindingsBody) {
  return (
    <>
      {sections.map((s) => (
        <FindingsSection key={s.kind} kind={s.kind} findings={s.findings} easy={easy} orgSlug={orgSlug} roundId={roundId} />
      ))}
      {notInFile.length > 0 ? (
        <section aria-labelledby="not-in-file-heading" className="findings-section">
          <h2 id="not-in-file-heading">
            Not in this file <span className="count">({notInFile.length})</span>
          </h2>
          <p className="hint">The file had no column for these questions, so there is nothing to compare. This is not the same as nobody answering.</p>
          <ul>
            {notInFile.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ProcessLinks links={links} aggregate={aggregate} />
    </>
  );
}
