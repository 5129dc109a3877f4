import { Form } from "@remix-run/react";

/** Whether other councils benchmarking against this council's shared rounds may see its name. */
export function PeerNamingForm({ named }: { named: boolean }) {
  return (
    <>
      <h2>Comparing with other councils</h2>
      <p>
        Owners can share a round&rsquo;s figures from its page, so councils using this service can see where they sit among each other (never people&rsquo;s answers,
        and only where at least five councils share a figure). {named ? "Other councils see your council's name next to its figures." : "Other councils see your figures without your council's name."}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="peer-naming" />
        <input type="hidden" name="named" value={named ? "no" : "yes"} />
        <button type="submit">{named ? "Stop showing our name to other councils" : "Show our name to other councils"}</button>
      </Form>
    </>
  );
}
