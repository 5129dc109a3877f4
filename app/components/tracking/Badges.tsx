// RAG and status shown with words and a shape, never colour alone.
import { RAG_SHAPES, RAG_SHORT } from "~/domain/tracking/status";

export function RagBadge({ rag }: { rag: string }) {
  const known = rag === "green" || rag === "amber" || rag === "red";
  return (
    <span className={`rag rag--${known ? rag : "unknown"}`}>
      <span aria-hidden="true">{known ? RAG_SHAPES[rag] : "?"}</span> {known ? RAG_SHORT[rag] : "Needs review"}
    </span>
  );
}

export function PercentBar({ percent, label }: { percent: number; label: string }) {
  return (
    <span className="percent">
      <progress max={100} value={percent} aria-label={label} /> {`${percent}%`}
    </span>
  );
}

/** The flags the app computes (overdue, stale), in words, beside the owner's RAG rating. */
export function FlagBadges({ flags, staleAfterDays }: { flags: { overdue: boolean; stale: boolean }; staleAfterDays: number }) {
  return (
    <>
      {flags.overdue ? <strong className="flag flag--overdue"> Overdue</strong> : null}
      {flags.stale ? (
        <strong className="flag flag--stale" title={`No progress update for ${staleAfterDays} days or more`}>
          {" "}
          Stale<span className="visually-hidden">{`: no progress update for ${staleAfterDays} days or more`}</span>
        </strong>
      ) : null}
    </>
  );
}
