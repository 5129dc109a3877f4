// The way back from an evidence page: the council for its members; for a workshop guest, their workshop
// (the only other place they may go) and the round in easy read.
import { Link } from "@remix-run/react";
import type { EvidenceReader } from "~/services/evidencePage.server";
import { RoundBreadcrumb } from "./RoundHeader";

type Props = { reader: EvidenceReader; orgSlug: string; orgName: string; round?: { id: string; name: string } };

export function EvidenceBreadcrumb({ reader, orgSlug, orgName, round }: Props) {
  if (reader.kind === "member") return <RoundBreadcrumb orgSlug={orgSlug} orgName={orgName} round={round} />;
  return (
    <nav aria-label="Breadcrumb">
      <ol className="breadcrumb-list">
        <li>
          <Link to={`/w/${reader.workspace.id}`}>{reader.workspace.name}</Link>
        </li>
        {round ? (
          <li>
            <Link to={`/orgs/${orgSlug}/rounds/${round.id}?view=easy`}>{round.name}</Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** Where a page's "back" link goes: the council overview for members, the workshop for a guest. */
export function backLinkFor(reader: EvidenceReader, org: { slug: string; name: string }): { to: string; label: string } {
  return reader.kind === "guest" ? { to: `/w/${reader.workspace.id}`, label: `Back to the workshop: ${reader.workspace.name}` } : { to: `/orgs/${org.slug}`, label: `Back to ${org.name}` };
}
