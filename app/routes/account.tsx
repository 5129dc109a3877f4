import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, Notice } from "~/components/forms";
import { NewPassword } from "~/domain/access/password";
import { recordAudit } from "~/models/audit.server";
import { deleteOtherSessions, deleteUserSession, listUserSessions } from "~/models/session.server";
import { checkPassword, reminderChoices, saveReminderChoices, setPassword } from "~/models/user.server";
import { ReminderChoices } from "~/components/ReminderChoices";
import { requireUser } from "~/services/auth.server";
import { disconnectEndedSessions } from "~/services/revocation.server";
import { describeDevice } from "~/services/device";
import { dateTimeInEngland } from "~/domain/tracking/today";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireUser(request);
  const sessions = await listUserSessions(user.id);
  return {
    user,
    reminders: await reminderChoices(user.id),
    sessions: sessions.map((s) => ({ id: s.id, device: describeDevice(s.userAgent), ip: s.ip, lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === sessionId })),
  };
}

const ChangePassword = z.object({
  intent: z.literal("change-password"),
  currentPassword: z.string({ required_error: "Enter your current password" }),
  newPassword: NewPassword,
});
const SignOutOthers = z.object({ intent: z.literal("sign-out-others") });
const SignOutOne = z.object({ intent: z.literal("sign-out-session"), sessionId: z.string() });
// A checkbox is sent only when ticked: absent means off.
const Reminders = z.object({ intent: z.literal("reminders"), ownerDigest: z.literal("on").optional(), facilitatorDigest: z.literal("on").optional() });
const AccountIntent = z.discriminatedUnion("intent", [ChangePassword, SignOutOthers, SignOutOne, Reminders]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: AccountIntent });
  if (submission.status !== "success") return { result: submission.reply({ hideFields: ["currentPassword", "newPassword"] }), message: null };
  const value = submission.value;
  if (value.intent === "change-password") {
    if (!(await checkPassword(user.id, value.currentPassword))) {
      return { result: submission.reply({ fieldErrors: { currentPassword: ["That is not your current password."] }, hideFields: ["currentPassword", "newPassword"] }), message: null };
    }
    await setPassword(user.id, value.newPassword);
    const endedIds = await deleteOtherSessions(user.id, sessionId);
    disconnectEndedSessions(context.collab, endedIds, "passwordChanged");
    const ended = endedIds.length;
    await recordAudit({ action: "password-changed", actorId: user.id, actorLabel: user.email, ip: context.clientIp });
    return { result: submission.reply({ resetForm: true }), message: `Your password has been changed.${ended ? ` You were signed out on ${ended} other device${ended === 1 ? "" : "s"}.` : ""}` };
  }
  if (value.intent === "reminders") {
    const choices = { ownerDigest: value.ownerDigest === "on", facilitatorDigest: value.facilitatorDigest === "on" };
    await saveReminderChoices(user.id, choices);
    const on = [choices.ownerDigest ? "the digest of actions you own" : null, choices.facilitatorDigest ? "the facilitator round-up" : null].filter(Boolean);
    return { result: submission.reply(), message: on.length ? `Saved. Each week we will email you ${on.join(" and ")}.` : "Saved. We will not email you weekly reminders." };
  }
  if (value.intent === "sign-out-others") {
    const endedIds = await deleteOtherSessions(user.id, sessionId);
    disconnectEndedSessions(context.collab, endedIds, "signedOutElsewhere");
    const ended = endedIds.length;
    return { result: submission.reply(), message: ended ? `Signed out on ${ended} other device${ended === 1 ? "" : "s"}.` : "You were not signed in anywhere else." };
  }
  const ended = value.sessionId !== sessionId && (await deleteUserSession(user.id, value.sessionId));
  if (ended) disconnectEndedSessions(context.collab, [value.sessionId], "signedOutElsewhere");
  return { result: submission.reply(), message: ended ? "Signed out on that device." : "That device was already signed out." };
}

export default function Account() {
  const { user, sessions, reminders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof ChangePassword>>({
    id: "change-password",
    lastResult: actionData?.result,
  });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}).
      </p>
      {actionData?.message ? <Notice tone="success">{actionData.message}</Notice> : null}

      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading">Where you are signed in</h2>
        <p>{`Signed in on ${sessions.length} device${sessions.length === 1 ? "" : "s"}.`}</p>
        <ul className="plain-list">
          {sessions.map((s) => (
            <li key={s.id} className="row-between">
              <span>
                {s.device} {s.ip ? `· ${s.ip}` : ""} · last active {dateTimeInEngland(s.lastSeenAt)}
                {s.current ? <strong> (this device)</strong> : null}
              </span>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="sign-out-session" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="button button--secondary">
                    Sign out<span className="visually-hidden"> {s.device}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <button type="submit" className="button button--secondary">
              Sign out the other {others} device{others === 1 ? "" : "s"}
            </button>
          </Form>
        ) : null}
      </section>

      <ReminderChoices ownerDigest={reminders.ownerDigest} facilitatorDigest={reminders.facilitatorDigest} />

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="change-password" />
          <Field field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
          <Field field={fields.newPassword} label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." />
          <button type="submit" className="button">
            Change password
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your account – POET Action Planner" }];
