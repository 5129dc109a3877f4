// After the server refused this person's changes (the board was locked while they worked offline, say), the
// page rolled back to what the server holds. This says plainly which of their changes were not saved and why,
// and keeps their words to copy until they dismiss it (ADR 023).
import { useState } from "react";
import { unsavedText, type UnsavedChange } from "~/collab/unsavedChanges";
import type { UnsavedWork } from "~/collab/useWorkspaceDoc";

const WHY: Record<UnsavedWork["why"], string> = {
  locked: "The facilitator locked the board before these changes reached it (for example while you were offline), so they were not saved.",
  votes: "An action had votes from the room, and only a facilitator can remove it, so these changes were not saved.",
  forbidden: "The server did not accept these changes, so they were not saved.",
};

function describe(change: UnsavedChange, findingName: (id: string) => string): string {
  switch (change.kind) {
    case "new-action":
      return `A new action: “${change.title}”`;
    case "action":
      return `Your changes to “${change.title}” (${change.fields.join(", ")})`;
    case "removed-action":
      return `Removing “${change.title}” (it is still on the board)`;
    case "note":
      return `Your notes on “${findingName(change.findingId)}”`;
  }
}

type Props = { unsaved: UnsavedWork; findingName: (id: string) => string; locked: boolean; onDismiss: () => void; announce: (message: string) => void };

export function UnsavedWorkPanel({ unsaved, findingName, locked, onDismiss, announce }: Props) {
  const [copied, setCopied] = useState(false);
  const text = unsavedText(unsaved.changes, findingName);
  const count = unsaved.changes.length;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      announce("Your words are copied.");
    } catch {
      announce("Copying did not work here: select the words in the box and copy them.");
    }
  };
  return (
    <section className="notice notice--error unsaved-work" aria-labelledby="unsaved-work-heading" data-testid="unsaved-work">
      <h2 id="unsaved-work-heading">
        Not saved: {count === 1 ? "1 of your changes" : `${count} of your changes`}
      </h2>
      <p>{WHY[unsaved.why]}</p>
      <ul>
        {unsaved.changes.map((change, index) => (
          <li key={index}>{describe(change, findingName)}</li>
        ))}
      </ul>
      <p>{locked ? "Copy your words to keep them; you can add them again when the facilitator unlocks the board." : "Copy your words to keep them, then add them again on the board."}</p>
      <label htmlFor="unsaved-work-words">Your words, to copy</label>
      <textarea id="unsaved-work-words" readOnly rows={Math.min(10, text.split("\n").length + 1)} value={text} onFocus={(event) => event.currentTarget.select()} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy my words"}
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          I have kept them: close this
        </button>
      </div>
    </section>
  );
}
