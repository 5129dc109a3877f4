// Who is here: initials in their colour, names, guests marked, and what each is editing.
import type { Peer } from "~/collab/presence";
import { initialsOf } from "~/collab/presence";

export function Avatar({ peer, small = false }: { peer: Pick<Peer, "name" | "colour">; small?: boolean }) {
  return (
    <span className={`avatar${small ? " avatar--small" : ""}`} style={{ background: peer.colour }} aria-hidden="true">
      {initialsOf(peer.name)}
    </span>
  );
}

export function PresenceList({ peers }: { peers: Peer[] }) {
  // One entry per person, even when they have two tabs open.
  const people = [...new Map(peers.map((p) => [p.key, p])).values()];
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        Here now ({people.length})
      </h2>
      <ul className="presence__list">
        {people.map((peer) => (
          <li key={peer.key} className="presence__person">
            <Avatar peer={peer} />
            <span>
              {peer.name}
              {peer.self ? " (you)" : ""}
              {peer.guest ? <span className="tag presence__tag">Guest</span> : null}
              {peer.facilitator ? <span className="tag presence__tag">Facilitator</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
