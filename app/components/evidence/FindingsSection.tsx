import type { Classification } from "~/domain/poet";
import { FindingCard, findingPath } from "./FindingCard";
import { FindingsTable } from "./FindingsTable";
import type { FindingView } from "~/services/evidencePage.server";

type Wording = { title: string; easyTitle: string; intro: string; empty: string };

export const SECTION_WORDING: Record<Classification, Wording> = {
  weakness: {
    title: "Weaknesses: areas to act on",
    easyTitle: "Things to make better",
    intro: "Fewer people here than across England gave a good answer, by at least 5 points, and the difference is unlikely to be chance.",
    empty: "No weaknesses: nothing here is clearly below England.",
  },
  strength: {
    title: "Strengths",
    easyTitle: "Things that are going well",
    intro: "More people here than across England gave a good answer, by at least 5 points, and the difference is unlikely to be chance.",
    empty: "No strengths: nothing here is clearly above England.",
  },
  "in-line": {
    title: "In line with England",
    easyTitle: "About the same as England",
    intro: "Not clearly different from England: the gap is small, or could be chance with this many answers.",
    empty: "None.",
  },
  "no-benchmark": { title: "No national figure", easyTitle: "No England number to compare", intro: "There is no figure for England to compare these with.", empty: "None." },
  "too-few": {
    title: "Too few answers to say",
    easyTitle: "Not enough answers",
    intro: "Fewer than 10 people gave a real answer, so we do not compare these with England. They are shown so nothing is hidden.",
    empty: "None.",
  },
};

/** One classification's findings as cards, with the same numbers as a table behind a disclosure. */
export function FindingsSection(props: { kind: Classification; findings: FindingView[]; easy: boolean; orgSlug: string; roundId: string }) {
  const { kind, findings, easy } = props;
  const wording = SECTION_WORDING[kind];
  const headingId = `section-${kind}`;
  const title = easy ? wording.easyTitle : wording.title;
  return (
    <section aria-labelledby={headingId} className={`findings-section findings-section--${kind}`}>
      <h2 id={headingId}>
        {title} <span className="count">({findings.length})</span>
      </h2>
      {easy ? null : <p className="hint">{wording.intro}</p>}
      {findings.length === 0 ? (
        <p>{wording.empty}</p>
      ) : (
        <>
          <ul className="finding-list">
            {findings.map((f) => (
              <FindingCard key={f.id} finding={f} easy={easy} href={findingPath(props.orgSlug, props.roundId, f.id)} />
            ))}
          </ul>
          <details className="disclosure">
            <summary>
              Show the numbers as a table<span className="visually-hidden">: {title}</span>
            </summary>
            <FindingsTable findings={findings} caption={`${wording.title}: the numbers`} />
          </details>
        </>
      )}
    </section>
  );
}
