import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FieldErrors, FormErrors } from "~/components/forms";
import { normaliseJoinCode } from "~/domain/access/joinCode";
import { recordAudit } from "~/models/audit.server";
import { createGuest, findUsableJoinCode, isRemovedFromWorkspace } from "~/models/joinCode.server";
import { startSession } from "~/services/auth.server";
import { guestDevice } from "~/services/guestDevice.server";
import { JOIN_CODE_PER_IP, minutesBlocked, tryAgainIn } from "~/services/rateLimit.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { code: new URL(request.url).searchParams.get("code") ?? "" };
}

const Join = z.object({
  code: z.string({ required_error: "Enter the code the facilitator gave you" }).trim().max(20),
  displayName: z
    .string({ required_error: "Enter the name people will see" })
    .trim()
    .min(1, "Enter the name people will see")
    .max(40, "Use at most 40 characters"),
  // Optional: only to hear when an action the guest helped shape moves, and only with the box ticked.
  email: z.string().trim().max(200, "Use at most 200 characters").email("Enter an email address like name@example.com, or leave it empty").optional(),
  consent: z.literal("on").optional(),
}).superRefine((v, ctx) => {
  if (v.email && !v.consent) {
    ctx.addIssue({ code: "custom", path: ["consent"], message: "Tick this box if you want us to email you, or clear the email address. We only email people who say yes." });
  }
  if (v.consent && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter your email address so we can write to you, or untick the box below." });
});

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: Join });
  if (submission.status !== "success") return submission.reply();
  const blocked = await minutesBlocked(JOIN_CODE_PER_IP, { ip: context.clientIp });
  if (blocked) return submission.reply({ formErrors: [tryAgainIn(blocked)] });
  const code = normaliseJoinCode(submission.value.code);
  const joinCode = code ? await findUsableJoinCode(code) : null;
  if (!joinCode) {
    await recordAudit({ action: "join-code-failed", actorLabel: submission.value.code.slice(0, 20), ip: context.clientIp });
    return submission.reply({
      fieldErrors: { code: ["That code does not work. Check it with the facilitator: codes look like KMT-4PX and stop working when the session ends."] },
    });
  }
  const device = await guestDevice(request);
  if (await isRemovedFromWorkspace(joinCode.workspaceId, device.id)) {
    await recordAudit({ action: "guest-rejoin-refused", actorLabel: `guest: ${submission.value.displayName}`, detail: `${joinCode.code} → ${joinCode.workspace.name}`, ip: context.clientIp });
    return submission.reply({
      formErrors: ["The facilitator removed you from this workshop, so you cannot join it again. If you think this is a mistake, ask them to let you back in."],
    });
  }
  const { email, consent } = submission.value;
  const followUp = email && consent ? { email, linkOrigin: new URL(request.url).origin } : undefined;
  const guest = await createGuest(joinCode, submission.value.displayName, device.id, followUp);
  await recordAudit({ action: "guest-joined", actorLabel: `guest: ${guest.displayName}`, detail: `${joinCode.code} → ${joinCode.workspace.name}`, ip: context.clientIp });
  const response = await startSession(request, context, { guestId: guest.id, expiresAt: joinCode.expiresAt }, `/w/${joinCode.workspaceId}`);
  response.headers.append("Set-Cookie", device.setCookie);
  return response;
}

export default function JoinWorkshop() {
  const { code } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof Join>>({
    lastResult,
    defaultValue: { code },
  });
  return (
    <div className="narrow">
      <h1>Join a workshop</h1>
      <p>Type the code the facilitator gave you, and the name you want other people to see. You do not need an account.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.code} label="Workshop code" hint="It looks like KMT-4PX. Capital letters or small letters both work." autoComplete="off" />
        <Field field={fields.displayName} label="Your name" hint="Your first name is enough." autoComplete="given-name" />
        <fieldset className="stack">
          <legend>Hear what happens next (you do not have to)</legend>
          <Field field={fields.email} type="email" label="Your email address (optional)" hint="We will only use it to tell you when an action you helped with changes." autoComplete="email" />
          <div className={fields.consent.errors?.length ? "field field--choice field--error" : "field field--choice"}>
            <input
              type="checkbox"
              id={fields.consent.id}
              name={fields.consent.name}
              defaultChecked={fields.consent.initialValue === "on"}
              aria-invalid={fields.consent.errors?.length ? true : undefined}
              aria-describedby={`${fields.consent.id}-hint ${fields.consent.errorId}`}
            />
            <label htmlFor={fields.consent.id}>Yes, email me when an action I helped shape changes</label>
            <p className="hint" id={`${fields.consent.id}-hint`}>
              Every email has a link to stop them. You do not need an account.
            </p>
            <FieldErrors id={fields.consent.errorId} errors={fields.consent.errors} />
          </div>
        </fieldset>
        <button type="submit" className="button">
          Join the workshop
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Join a workshop – POET Action Planner" }];
