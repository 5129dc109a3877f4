import { Form } from "@remix-run/react";
import { Notice } from "~/components/forms";

export type ManagedRound = { name: string; fieldworkStart: string | null; fieldworkEnd: string | null; archived: boolean; plans: number; shared: boolean };
export type ManageResult = { ok: true; message: string } | { ok: false; field: string; message: string } | null | undefined;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** Rename, fieldwork period, archive and delete (and sharing for owners) for people who may manage rounds. */
export function RoundManagement({ round, result, canShare }: { round: ManagedRound; result: ManageResult; canShare: boolean }) {
  const error = (field: string) => (result && !result.ok && result.field === field ? result.message : null);
  const described = (field: string) => (error(field) ? { "aria-invalid": true, "aria-errormessage": `${field}-error` } : {});
  const say = (field: string) => (error(field) ? <p id={`${field}-error`} className="field-error">{error(field)}</p> : null);
  return (
    <section aria-labelledby="manage-round-heading" className="manage-round">
      <h2 id="manage-round-heading">Manage this round</h2>
      {result?.ok ? <Notice tone="success">{result.message}</Notice> : null}
      <Form method="post" aria-labelledby="round-details-heading">
        <h3 id="round-details-heading">Name and fieldwork</h3>
        <input type="hidden" name="intent" value="update" />
        <label htmlFor="round-name">Round name</label>
        <input id="round-name" name="name" defaultValue={round.name} required {...described("name")} />
        {say("name")}
        <label htmlFor="fieldwork-start">Fieldwork started (optional)</label>
        <input id="fieldwork-start" name="fieldworkStart" type="date" defaultValue={day(round.fieldworkStart)} {...described("fieldworkStart")} />
        {say("fieldworkStart")}
        <label htmlFor="fieldwork-end">Fieldwork ended (optional)</label>
        <input id="fieldwork-end" name="fieldworkEnd" type="date" defaultValue={day(round.fieldworkEnd)} {...described("fieldworkEnd")} />
        {say("fieldworkEnd")}
        <p className="hint">Rounds are compared in the order their fieldwork happened; without dates, in the order they were imported.</p>
        <button type="submit">Save round details</button>
      </Form>
      <Form method="post">
        <h3>{round.archived ? "Archived" : "Archive"}</h3>
        <p>{round.archived ? "This round is archived: it is left out of the council's list of rounds and of “did it work?” comparisons." : "Archiving leaves the round out of the council's list and of “did it work?” comparisons; its pages still work."}</p>
        <input type="hidden" name="intent" value={round.archived ? "unarchive" : "archive"} />
        <button type="submit">{round.archived ? "Bring back this round" : "Archive this round"}</button>
      </Form>
      <Form method="post">
        <h3>Delete</h3>
        <p>
          {round.plans > 0
            ? `${round.plans === 1 ? "A plan works" : `${round.plans} plans work`} from this round. ${round.archived ? "Deleting it removes its findings from those plans." : "Archive it first if you mean to delete it."}`
            : "Deleting removes the round and everyone's answers in it for good."}
        </p>
        <input type="hidden" name="intent" value="delete" />
        <label htmlFor="confirm-name">Type the round's name to confirm</label>
        <input id="confirm-name" name="confirmName" autoComplete="off" {...described("confirmName")} />
        {say("confirmName")}
        <button type="submit" className="button--danger">
          Delete this round
        </button>
      </Form>
      {canShare ? (
        <Form method="post">
          <h3>Compare with other councils</h3>
          <p>
            {round.shared
              ? "This round's percentages per question and group are shared with other councils using this service. People's answers are never shared."
              : "Share this round's percentages per question and group (never people's answers) so councils here can see where they sit among each other. Your council's name is shown to them only if you choose so in settings."}
          </p>
          <input type="hidden" name="intent" value="share" />
          <input type="hidden" name="share" value={round.shared ? "no" : "yes"} />
          <button type="submit">{round.shared ? "Stop sharing this round" : "Share this round's figures"}</button>
        </Form>
      ) : null}
    </section>
  );
}
