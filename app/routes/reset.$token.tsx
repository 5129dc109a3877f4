import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { NewPassword } from "~/domain/access/password";
import { recordAudit } from "~/models/audit.server";
import { consumePasswordReset, findPasswordReset } from "~/models/passwordReset.server";
import { deleteAllUserSessions } from "~/models/session.server";
import { setPassword } from "~/models/user.server";
import { disconnectUser } from "~/services/revocation.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findPasswordReset(params.token ?? "");
  return { valid: Boolean(reset), name: reset?.user.name ?? null };
}

const Reset = z.object({ password: NewPassword });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: Reset });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const used = await consumePasswordReset(params.token ?? "");
  if (!used) return submission.reply({ formErrors: ["This reset link has already been used or has expired. Ask an owner of your council for a new one."] });
  await setPassword(used.userId, submission.value.password);
  await deleteAllUserSessions(used.userId);
  disconnectUser(context.collab, used.userId);
  await recordAudit({ action: "password-reset-used", actorId: used.userId, actorLabel: used.userId, ip: context.clientIp });
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { valid, name } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof Reset>>({ lastResult });
  if (!valid) {
    return (
      <div className="narrow">
        <h1>This reset link does not work</h1>
        <p>It has already been used or has expired. Ask an owner of your council to give you a new one.</p>
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <p>For {name}. After this, you will be signed out everywhere and can sign in with the new password.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.password} label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." />
        <button type="submit" className="button">
          Save new password
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Reset your password – POET Action Planner" }];
