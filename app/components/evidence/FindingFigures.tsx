import { classificationTitles, FALSE_DISCOVERY_RATE, MIN_ANSWERS, MIN_DIFFERENCE_POINTS } from "~/domain/poet";
import { answersText, englandText, intervalText, percentText, pointsText, probabilityText } from "./format";
import type { FindingView } from "~/services/evidencePage.server";

const MEANING: Record<FindingView["classification"], string> = {
  strength: `A strength: more people here gave a good answer than across England, by at least ${MIN_DIFFERENCE_POINTS} points, and the difference is unlikely to be chance.`,
  weakness: `A weakness: fewer people here gave a good answer than across England, by at least ${MIN_DIFFERENCE_POINTS} points, and the difference is unlikely to be chance.`,
  "in-line": `In line with England: the difference is under ${MIN_DIFFERENCE_POINTS} points, or too uncertain with this many answers to call it a real difference.`,
  "too-few": `Too few to say: fewer than ${MIN_ANSWERS} people gave a real answer, so we do not compare this with England. Where fewer people answered than the council's disclosure threshold, their answers are not shown at all.`,
  "no-benchmark": "No national figure: there is nothing for England to compare this with.",
};

const TEST_NAMES: Record<NonNullable<FindingView["test"]>, string> = {
  score: "score test",
  "two-proportion": "two-proportion test",
  "exact-mid-p": "exact binomial test, mid-p: few answers expected either way",
  "fisher-mid-p": "Fisher's exact test, mid-p: few answers expected either way",
};

/** Every number behind one finding, with what its classification means in plain words. */
export function FindingFigures({ finding, basis }: { finding: FindingView; basis: string | null }) {
  const f = finding;
  const rows: [string, string][] = [
    ["People who gave a real answer (n)", answersText(f.n)],
    ["Of them, a good answer", f.positive === null ? "not shown" : f.positive.toLocaleString("en-GB")],
    ["Here", percentText(f.percent)],
    ["95% interval (Wilson)", intervalText(f.ciLow, f.ciHigh)],
    ["England", `${englandText(f)}${f.nationalN === null ? "" : ` of ${f.nationalN.toLocaleString("en-GB")} people`}`],
    ...(basis ? ([["Where England's figure comes from", `${basis} (approximate)`]] as [string, string][]) : []),
    ["Difference", pointsText(f.difference)],
    ["p-value (two-sided)", `${probabilityText(f.p)}${f.test ? ` (${TEST_NAMES[f.test]})` : ""}`],
    ["q-value (Benjamini–Hochberg, across every group and question of the round)", probabilityText(f.q)],
    ["Result", classificationTitles[f.classification]],
  ];
  return (
    <>
      <dl className="number-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="notice">{MEANING[f.classification]}</p>
    </>
  );
}

/** "How we decide": the method in a paragraph (the full method is docs/method.md). */
export function HowWeDecide() {
  return (
    <section aria-labelledby="method-heading" className="method-note">
      <h2 id="method-heading">How we decide</h2>
      <p>
        We count the answers that say things got better or went well, leaving out &ldquo;don&apos;t know&rdquo; and blanks. The 95% interval shows how sure that
        figure is with this many answers. We compare it with England&apos;s figure using a standard test, then adjust for testing every question in every group of the round at once
        (Benjamini–Hochberg, at a false discovery rate of {FALSE_DISCOVERY_RATE}), so the rate holds for everything the round&apos;s pages show. Where England&apos;s
        figure was only published as a band, such as &ldquo;over 80%&rdquo;, we compare with the band: we never call a council better than England when England could be
        higher still. We call it a strength or a weakness only when the difference is at least{" "}
        {MIN_DIFFERENCE_POINTS} points and the adjusted q-value is below {FALSE_DISCOVERY_RATE}. With fewer than {MIN_ANSWERS} answers we say there are too few to
        tell.
      </p>
      <p>
        The full method, with a worked example, is in <code>docs/method.md</code> in the project&apos;s source.
      </p>
    </section>
  );
}
