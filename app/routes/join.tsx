import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { normaliseJoinCode } from "~/domain/access/joinCode";
import { recordAudit } from "~/models/audit.server";
import { createGuest, findUsableJoinCode, isRemovedFromWorkspace } from "~/models/joinCode.server";
import { startSession } from "~/services/auth.server";
import { guestDevice } from "~/services/guestDevice.server";
import { JOIN_CODE_PER_IP, minutesBlocked, tryAgainIn } from "~/services/rateLimit.server";

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
});

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: Join });
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
  const guest = await createGuest(joinCode, submission.value.displayName, device.id);
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
        <button type="submit" className="button">
          Join the workshop
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Join a workshop – POET Action Planner" }];
