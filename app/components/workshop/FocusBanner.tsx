// "Let's all look at this": the facilitator's focus, shown to everyone and scrolled into view once.
// Following the facilitator also scrolls to whatever they are working on.
import { useEffect, useRef } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { actionText, focusTarget, type FocusTarget } from "~/domain/workspace";
import { useWorkshop } from "./WorkshopContext";

/** The element id of a finding or action on the board. */
export function elementIdFor(target: FocusTarget): string {
  return `${target.kind}-${target.id}`;
}

function reveal(id: string, moveFocus: boolean) {
  const element = document.getElementById(id);
  if (!element) return;
  // A group's finding may be folded under its question: unfold it, or there is nothing to see.
  for (let fold = element.parentElement?.closest("details"); fold; fold = fold.parentElement?.closest("details")) fold.open = true;
  const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
  if (moveFocus) element.focus({ preventScroll: true });
}

export function FocusBanner({ following }: { following: boolean }) {
  const { doc, session, findingById, easyRead, peers, live } = useWorkshop();
  const target = focusTarget(session.focus);
  const title = useDocValue(doc, (d) => (target?.kind === "action" ? (actionText(d, target.id, "title")?.toString() ?? null) : null));
  const finding = target?.kind === "finding" ? findingById.get(target.id) : undefined;
  const label = target?.kind === "action" ? (title === null ? null : `Action: ${title || "Untitled action"}`) : finding ? (easyRead ? finding.easyRead : finding.sentence) : null;

  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!live || !target || session.focus === shown.current) return;
    shown.current = session.focus;
    reveal(elementIdFor(target), false);
  }, [live, session.focus, target]);

  const facilitatorAt = following ? (peers.find((p) => p.facilitator && !p.self)?.at ?? null) : null;
  useEffect(() => {
    if (facilitatorAt) reveal(facilitatorAt, false);
  }, [facilitatorAt]);

  if (!target || !label) return null;
  return (
    <section className="focus-banner" aria-labelledby="focus-heading">
      <h2 id="focus-heading" className="focus-banner__heading">
        <span aria-hidden="true">➜ </span>The facilitator asks everyone to look at
      </h2>
      <p className="focus-banner__text">{label}</p>
      {live ? (
        <button type="button" className="button button--secondary" onClick={() => reveal(elementIdFor(target), true)}>
          Go to it
        </button>
      ) : (
        <a href={`#${elementIdFor(target)}`}>Go to it</a>
      )}
    </section>
  );
}
