// Stops "you said, we did" emails from the link in any of them, without signing in. Opening the link
// only asks (mail scanners open links); the button does it. The email address is then forgotten: a guest's
// is cleared, and a survey respondent's contact details are deleted altogether.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { findFollowUpByToken, unsubscribeByToken } from "~/models/guestFollowUp.server";
import { notFound } from "~/services/auth.server";
import { findHearBackByToken, unsubscribeHearBack } from "~/services/collect/hearBack.server";

/** Where a survey respondent lands after stopping: their contact (and so their link) is gone. Not a token (too short). */
const STOPPED = "stopped";
const UNKNOWN = "This link to stop emails does not work. Check that the whole link was copied from the email.";

type Found = { kind: "guest" | "survey"; subscribed: boolean; plan: string; council: string };

/** A guest's link, or the link of someone who answered a survey and asked to hear back. */
async function findByToken(token: string): Promise<Found | null> {
  const guest = await findFollowUpByToken(token);
  if (guest) return { kind: "guest", ...guest };
  const contact = await findHearBackByToken(token);
  return contact ? { kind: "survey", subscribed: true, plan: contact.survey, council: contact.council } : null;
}

export async function loader({ params }: LoaderFunctionArgs) {
  if (params.token === STOPPED) return { kind: "survey", subscribed: false, plan: "", council: "" } satisfies Found;
  const found = await findByToken(params.token ?? "");
  if (!found) notFound(UNKNOWN);
  return found;
}

export async function action({ params }: ActionFunctionArgs) {
  const found = await findByToken(params.token ?? "");
  if (!found) notFound(UNKNOWN);
  if (found.kind === "survey") {
    await unsubscribeHearBack(params.token!);
    return redirect(`/unsubscribe/${STOPPED}`);
  }
  await unsubscribeByToken(params.token!);
  return { done: true };
}

export default function Unsubscribe() {
  const { kind, subscribed, plan, council } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done || !subscribed) {
    return (
      <div className="narrow">
        <h1>You will not get any more emails</h1>
        {kind === "guest" ? (
          <>
            <Notice tone="success">We have stopped the emails about “{plan}” and deleted your email address.</Notice>
            <p>If you change your mind, ask the people running the workshop, or join the next one and tick the box again.</p>
          </>
        ) : (
          <>
            <Notice tone="success">We have stopped the emails and deleted the contact details you left with your answers.</Notice>
            <p>If you change your mind, leave your contact details again the next time you answer the survey.</p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Stop emails about “{plan}”?</h1>
      <p>
        {kind === "guest"
          ? `${council} emails you when an action you helped shape changes. If you stop them, we will delete your email address and not write to you again about this plan.`
          : `${council} emails you when an action about what people told them in this survey changes. If you stop them, we will delete the contact details you left and not write to you again.`}
      </p>
      <Form method="post">
        <button type="submit" className="button">
          Stop the emails
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Stop emails – POET Action Planner" }, { name: "robots", content: "noindex, nofollow" }];
