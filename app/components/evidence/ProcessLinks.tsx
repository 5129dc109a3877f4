import type { ProcessLink } from "~/domain/poet";

const SHOWN_FIRST = 10;

function LinkItem({ link }: { link: ProcessLink }) {
  return (
    <li>
      <p className="link-list__sentence">{link.sentence}</p>
      <p className="hint">
        {link.detail} {link.n.toLocaleString("en-GB")} people.
      </p>
    </li>
  );
}

/**
 * Process → outcome links: those unlikely to be chance (q < 0.05 across every link of the round) first,
 * then the rest behind a disclosure, each led by plain counts.
 */
export function ProcessLinks({ links, aggregate }: { links: ProcessLink[]; aggregate: boolean }) {
  const claimed = links.filter((l) => l.claimed);
  const first = claimed.slice(0, SHOWN_FIRST);
  const rest = links.filter((l) => !first.includes(l));
  return (
    <section aria-labelledby="links-heading" className="findings-section">
      <h2 id="links-heading">
        How the process goes with good outcomes <span className="count">({claimed.length} unlikely to be chance)</span>
      </h2>
      <p className="hint">
        For everyone in this round. Each line compares the share with a good outcome among people whose process went well with the share among people whose
        process did not. We test all {links.length} links together and list first those unlikely to be chance. The odds ratio is given as detail; it is larger
        than the ratio of shares when good outcomes are common.
      </p>
      {aggregate ? <p>Report tables do not hold each person&apos;s answers, so these links cannot be worked out for this round.</p> : null}
      {!aggregate && links.length === 0 ? <p>There were not enough answers on both sides to work out any link.</p> : null}
      {!aggregate && links.length > 0 && claimed.length === 0 ? <p>No link is clear enough to rule out chance in this round.</p> : null}
      {first.length > 0 ? (
        <ol className="link-list">
          {first.map((link) => (
            <LinkItem key={`${link.process}~${link.outcome}`} link={link} />
          ))}
        </ol>
      ) : null}
      {rest.length > 0 ? (
        <details className="disclosure">
          <summary>
            Show {rest.length} more links{rest.some((l) => l.claimed) ? "" : ", each of which could be chance"}
          </summary>
          <ol className="link-list" start={first.length + 1}>
            {rest.map((link) => (
              <LinkItem key={`${link.process}~${link.outcome}`} link={link} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
