// An action's full history, oldest first: field changes (who, what, from, to, when) and progress notes.
import { dateTimeInEngland } from "~/domain/tracking/today";
export type HistoryEntry =
  | { kind: "event"; id: string; at: string; who: string; field: string; from: string | null; to: string | null }
  | { kind: "note"; id: string; at: string; who: string; note: string; percent: number | null };

const FIELD_WORDS: Record<string, string> = { status: "status", owner: "owner", due: "due date", rag: "RAG rating" };

function describe(entry: Extract<HistoryEntry, { kind: "event" }>): string {
  if (entry.field === "created") return `${entry.who} created this action`;
  if (entry.field === "deleted") return `${entry.who} deleted this action`;
  const field = FIELD_WORDS[entry.field] ?? entry.field;
  const from = entry.from ? `“${entry.from}”` : "nothing";
  const to = entry.to ? `“${entry.to}”` : "nothing";
  return `${entry.who} changed the ${field} from ${from} to ${to}`;
}

export function ActionHistory({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{dateTimeInEngland(entry.at)}</time>
          {entry.kind === "event" ? (
            describe(entry)
          ) : (
            <>
              <strong>{`${entry.who} added a progress update${entry.percent !== null ? ` (${entry.percent}% done)` : ""}:`}</strong> {entry.note}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
