import type { ProcessLink } from "~/domain/poet";
import { ratioText } from "./format";

const SHOWN_FIRST = 10;

function LinkItem({ link }: { link: ProcessLink }) {
  return (
    <li>
      <p className="link-list__sentence">{link.sentence}</p>
      <p className="hint">
        Odds ratio {ratioText(link.oddsRatio)} (95% interval {ratioText(link.ciLow)} to {ratioText(link.ciHigh)}) · {link.n.toLocaleString("en-GB")} people
      </p>
    </li>
  );
}

/** Process → outcome links, strongest evidence first; the first ten shown, the rest behind a disclosure. */
export function ProcessLinks({ links, aggregate }: { links: ProcessLink[]; aggregate: boolean }) {
  const first = links.slice(0, SHOWN_FIRST);
  const rest = links.slice(SHOWN_FIRST);
  return (
    <section aria-labelledby="links-heading" className="findings-section">
      <h2 id="links-heading">
        How the process goes with good outcomes <span className="count">({links.length})</span>
      </h2>
      <p className="hint">
        For everyone in this round. An odds ratio of 2 means the odds of a good outcome were twice as high for people whose process went well. Ranked by how
        sure we are: the lower end of the 95% interval.
      </p>
      {aggregate ? <p>Report tables do not hold each person&apos;s answers, so these links cannot be worked out for this round.</p> : null}
      {!aggregate && links.length === 0 ? <p>There were not enough answers on both sides to work out any link.</p> : null}
      <ol className="link-list">
        {first.map((link) => (
          <LinkItem key={`${link.process}~${link.outcome}`} link={link} />
        ))}
      </ol>
      {rest.length > 0 ? (
        <details className="disclosure">
          <summary>Show {rest.length} more links</summary>
          <ol className="link-list" start={SHOWN_FIRST + 1}>
            {rest.map((link) => (
              <LinkItem key={`${link.process}~${link.outcome}`} link={link} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
