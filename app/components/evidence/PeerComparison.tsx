import { peerSentence, type PeerDistribution } from "~/domain/poet/peerDistribution";

const pct = (x: number) => `${Math.round(x)}%`;

/** This council against the councils sharing the same figure; names only those that chose to be named. */
export function PeerComparison({ own, peers }: { own: number; peers: PeerDistribution }) {
  return (
    <section aria-labelledby="peers-heading">
      <h2 id="peers-heading">Compared with other councils</h2>
      <p>{peerSentence(own, peers)}</p>
      {peers.named.length > 0 ? (
        <>
          <p>Councils that chose to be named:</p>
          <ul>
            {peers.named.map((p) => (
              <li key={p.name}>{`${p.name}: ${pct(p.percent)}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="hint">From councils using this service that chose to share a round's figures; people's answers are never shared. Shown only when at least five councils share a figure.</p>
    </section>
  );
}

/** On the round page: where the council sits on each figure of the group shown, where five or more councils share it. */
export function PeerSummary({ rows }: { rows: { id: string; questionText: string; own: number; peers: PeerDistribution }[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="peer-summary-heading" className="findings-section">
      <h2 id="peer-summary-heading">Compared with other councils</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <strong>{r.questionText}</strong>: {peerSentence(r.own, r.peers)}
          </li>
        ))}
      </ul>
      <p className="hint">From councils using this service that chose to share a round's figures; people's answers are never shared. Shown only when at least five councils share a figure.</p>
    </section>
  );
}
