import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { Email, MIN_PASSWORD_LENGTH, NewPassword } from "~/domain/access/password";
import { recordAudit } from "~/models/audit.server";
import { createUser, findUserByEmail } from "~/models/user.server";
import { getPrincipal, startSession } from "~/services/auth.server";
import { safeRedirect } from "~/services/safeRedirect";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getPrincipal(request))?.kind === "user") throw redirect("/");
  return null;
}

const SignUp = z.object({
  name: z.string({ required_error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Use at most 80 characters"),
  email: Email,
  password: NewPassword,
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: SignUp });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const { name, email, password, redirectTo } = submission.value;
  // Same answer whether or not the email is taken, so this form cannot be used to find out who has an account.
  if (await findUserByEmail(email)) {
    return submission.reply({ formErrors: ["We could not create an account with those details. If you already have one, sign in instead."], hideFields: ["password"] });
  }
  const user = await createUser({ name, email, password });
  await recordAudit({ action: "sign-up", actorId: user.id, actorLabel: email, ip: context.clientIp });
  return startSession(request, context, { userId: user.id }, safeRedirect(redirectTo, "/orgs/new"));
}

export default function SignUpPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof SignUp>>({ lastResult });
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field field={fields.name} label="Your name" autoComplete="name" hint="Other people in your council's plans will see this name." />
        <Field field={fields.email} label="Email address" type="email" autoComplete="email" />
        <Field
          field={fields.password}
          label="Choose a password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three or four unrelated words work well.`}
        />
        <button type="submit" className="button">
          Create account
        </button>
      </Form>
      <p>
        Already have an account? <Link to={`/login?${searchParams}`}>Sign in</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Create an account – POET Action Planner" }];
