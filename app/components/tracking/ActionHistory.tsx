// An action's full history, oldest first: field changes (who, what, from, to, when) and progress notes.
import type { ReactNode } from "react";
import { dateTimeInEngland } from "~/domain/tracking/today";

/** What a corrected progress update said before, and when it was corrected. */
export type EarlierWording = { note: string; percent: number | null; replacedAt: string };
export type NoteEntry = { kind: "note"; id: string; at: string; who: string; note: string; percent: number | null; earlier: EarlierWording[] };
export type HistoryEntry = { kind: "event"; id: string; at: string; who: string; field: string; from: string | null; to: string | null } | NoteEntry;

const FIELD_WORDS: Record<string, string> = { status: "status", owner: "owner", due: "due date", rag: "RAG rating" };

const MILESTONE_WORDS: Record<string, [string, string]> = {
  "milestone-added": ["added", ""],
  "milestone-done": ["marked", " done"],
  "milestone-reopened": ["marked", " not done"],
  "milestone-removed": ["removed", ""],
};

function describe(entry: Extract<HistoryEntry, { kind: "event" }>): string {
  if (entry.field === "created") return `${entry.who} created this action`;
  if (entry.field === "deleted") return `${entry.who} deleted this action`;
  const milestone = MILESTONE_WORDS[entry.field];
  if (milestone) return `${entry.who} ${milestone[0]} the milestone “${entry.to ?? entry.from ?? ""}”${milestone[1]}`;
  const field = FIELD_WORDS[entry.field] ?? entry.field;
  const from = entry.from ? `“${entry.from}”` : "nothing";
  const to = entry.to ? `“${entry.to}”` : "nothing";
  return `${entry.who} changed the ${field} from ${from} to ${to}`;
}

const withPercent = (note: string, percent: number | null) => `“${note}”${percent !== null ? ` (${percent}% done)` : ""}`;

function Corrections({ earlier, now }: { earlier: EarlierWording[]; now: string }) {
  // Each correction replaced the wording before it: earlier[i] was replaced at earlier[i].replacedAt.
  return (
    <ul className="corrections">
      {earlier.map((e, i) => (
        <li key={e.replacedAt + i}>
          {`Corrected on ${dateTimeInEngland(e.replacedAt)}; before that it said ${withPercent(e.note, e.percent)}`}
          {i === earlier.length - 1 ? ` and now says “${now}”.` : "."}
        </li>
      ))}
    </ul>
  );
}

/** The history; `afterNote` adds something under a progress update (the author's correction form). */
export function ActionHistory({ entries, afterNote }: { entries: HistoryEntry[]; afterNote?: (entry: NoteEntry) => ReactNode }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} id={entry.kind === "note" ? `update-${entry.id}` : undefined}>
          <time dateTime={entry.at}>{dateTimeInEngland(entry.at)}</time>
          {entry.kind === "event" ? (
            describe(entry)
          ) : (
            <>
              <strong>{`${entry.who} added a progress update${entry.percent !== null ? ` (${entry.percent}% done)` : ""}:`}</strong> {entry.note}
              {entry.earlier.length > 0 ? <Corrections earlier={entry.earlier} now={entry.note} /> : null}
              {afterNote?.(entry)}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
