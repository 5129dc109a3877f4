// Stops "you said, we did" emails from the link in any of them, without signing in. Opening the link
// only asks (mail scanners open links); the button does it. The email address is then forgotten.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { findFollowUpByToken, unsubscribeByToken } from "~/models/guestFollowUp.server";
import { notFound } from "~/services/auth.server";

const UNKNOWN = "This link to stop emails does not work. Check that the whole link was copied from the email.";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findFollowUpByToken(params.token ?? "");
  if (!found) notFound(UNKNOWN);
  return found;
}

export async function action({ params }: ActionFunctionArgs) {
  const found = await findFollowUpByToken(params.token ?? "");
  if (!found) notFound(UNKNOWN);
  await unsubscribeByToken(params.token!);
  return { done: true };
}

export default function Unsubscribe() {
  const { subscribed, plan, council } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done || !subscribed) {
    return (
      <div className="narrow">
        <h1>You will not get any more emails</h1>
        <Notice tone="success">We have stopped the emails about “{plan}” and deleted your email address.</Notice>
        <p>If you change your mind, ask the people running the workshop, or join the next one and tick the box again.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Stop emails about “{plan}”?</h1>
      <p>
        {council} emails you when an action you helped shape changes. If you stop them, we will delete your email address and not write to you again
        about this plan.
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
