import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { Email } from "~/domain/access/password";
import { recordAudit } from "~/models/audit.server";
import { verifyLogin } from "~/models/user.server";
import { getPrincipal, startSession } from "~/services/auth.server";
import { minutesBlocked, networkTryAgainIn, secondsThrottled, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, tryAgainIn } from "~/services/rateLimit.server";
import { safeRedirect } from "~/services/safeRedirect";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "user") throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const SignIn = z.object({
  email: Email,
  password: z.string({ required_error: "Enter your password" }).max(200),
  redirectTo: z.string().optional(),
});
const WRONG = "That email and password do not match an account. Check them and try again.";

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: SignIn });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const { email, password, redirectTo } = submission.value;
  const blocked = await minutesBlocked(SIGN_IN_PER_ACCOUNT, { actorLabel: email });
  if (blocked > 0) return submission.reply({ formErrors: [tryAgainIn(blocked)], hideFields: ["password"] });
  const throttled = await secondsThrottled(SIGN_IN_PER_ADDRESS, context.clientIp);
  if (throttled > 0) return submission.reply({ formErrors: [networkTryAgainIn(throttled)], hideFields: ["password"] });
  const user = await verifyLogin(email, password);
  if (!user) {
    await recordAudit({ action: "sign-in-failed", actorLabel: email, ip: context.clientIp });
    return submission.reply({ formErrors: [WRONG], hideFields: ["password"] });
  }
  await recordAudit({ action: "sign-in", actorId: user.id, actorLabel: user.email, ip: context.clientIp });
  return startSession(request, context, { userId: user.id }, safeRedirect(redirectTo));
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof SignIn>>({
    lastResult,
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field field={fields.email} label="Email address" type="email" autoComplete="username" />
        <Field field={fields.password} label="Password" type="password" autoComplete="current-password" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Sign in
        </button>
      </Form>
      <p>
        <Link to={`/auth/oidc/start${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}>Sign in with your council account</Link> (for example
        Microsoft), if your council has set it up.
      </p>
      <p>
        New here? <Link to={`/signup${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}>Create an account</Link>.
      </p>
      <p>Forgotten your password? Ask an owner of your council for a reset link.</p>
      <p>
        Joining a workshop? <Link to="/join">Join with a code</Link> — you do not need an account.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in – POET Action Planner" }];
