// The account page's weekly-email choices (each digest links back here).
import { Form } from "@remix-run/react";

export function ReminderChoices({ ownerDigest, facilitatorDigest }: { ownerDigest: boolean; facilitatorDigest: boolean }) {
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Weekly reminders by email</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="reminders" />
        <fieldset>
          <legend>Email me once a week</legend>
          <div className="checkbox">
            <input type="checkbox" id="owner-digest" name="ownerDigest" defaultChecked={ownerDigest} aria-describedby="owner-digest-hint" />
            <label htmlFor="owner-digest">Actions I own</label>
            <p className="hint" id="owner-digest-hint">
              What is overdue, due in the next 14 days, without a recent progress update, or new to you.
            </p>
          </div>
          <div className="checkbox">
            <input type="checkbox" id="facilitator-digest" name="facilitatorDigest" defaultChecked={facilitatorDigest} aria-describedby="facilitator-digest-hint" />
            <label htmlFor="facilitator-digest">Round-up of every plan I facilitate</label>
            <p className="hint" id="facilitator-digest-hint">
              For councils where you are a facilitator or owner: the same, across all their open plans.
            </p>
          </div>
        </fieldset>
        <button type="submit" className="button">
          Save reminder choices
        </button>
      </Form>
    </section>
  );
}
