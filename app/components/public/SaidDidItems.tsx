// One thing people told us, with what we are doing about it and what changed since; and one action.
import type { PublicAction, PublicFinding } from "~/services/youSaidWeDid.server";

function dueText(due: string | null, easy: boolean): string | null {
  if (!due) return null;
  const date = new Date(`${due}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  const words = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
  return easy ? `We want to finish by ${words}.` : `Due ${words}.`;
}

export function SaidDidAction({ action, easy }: { action: PublicAction; easy: boolean }) {
  const due = dueText(action.due, easy);
  return (
    <li id={`action-${action.id}`} className="said-did__action">
      <p className="said-did__action-title">{action.title}</p>
      <p className="said-did__status">
        {easy ? action.easyStatus : `Status: ${action.statusLabel}`}
        {" · "}
        <progress max={100} value={action.percent} aria-label={`How far “${action.title}” has got`} /> {easy ? `${action.percent} out of 100 done` : `${action.percent}% done`}
      </p>
      {due ? <p>{due}</p> : null}
      {action.owner ? <p>{easy ? `The person in charge is ${action.owner}.` : `Owner: ${action.owner}`}</p> : null}
    </li>
  );
}

export function SaidDidFinding({ finding, easy, headingId }: { finding: PublicFinding; easy: boolean; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="said-did__item">
      <h2 id={headingId}>
        <span className="said-did__said">{easy ? "You told us: " : "You said: "}</span>
        {easy ? finding.easyRead : finding.sentence}
      </h2>
      {!easy && finding.groupLabel ? <p className="hint">Who said it: {finding.groupLabel}</p> : null}
      <h3>{easy ? "What we are doing" : "We did: the actions that answer it"}</h3>
      <ul className="said-did__actions">
        {finding.actions.map((a) => (
          <SaidDidAction key={a.id} action={a} easy={easy} />
        ))}
      </ul>
      <h3>{easy ? "Did it get better?" : "What changed at the next survey"}</h3>
      <p>
        {finding.change
          ? easy
            ? finding.change.easy
            : `${finding.change.fromRound} to ${finding.change.toRound}: ${finding.change.sentence}`
          : easy
            ? "We will ask people again at the next survey, and tell you here."
            : "There has not been a later survey yet. This will show the change when there is one."}
      </p>
    </section>
  );
}
