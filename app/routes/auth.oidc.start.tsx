// "Sign in with your council's account": the person gives their work email; if their council has set up its
// identity provider for that domain, they go there to sign in and come back signed in here (ADR 025).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { domainOfEmail } from "~/domain/access/identityProvider";
import { Email } from "~/domain/access/password";
import { identityProviderForDomain } from "~/models/identityProvider.server";
import { getPrincipal } from "~/services/auth.server";
import { startSignIn } from "~/services/oidc.server";
import { safeRedirect } from "~/services/safeRedirect";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "user") throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const CouncilSignIn = z.object({ email: Email, redirectTo: z.string().max(2000).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: CouncilSignIn });
  if (submission.status !== "success") return submission.reply();
  const { email, redirectTo } = submission.value;
  const domain = domainOfEmail(email)!;
  const provider = await identityProviderForDomain(domain);
  if (!provider) {
    return submission.reply({
      formErrors: [`No council here signs in people with @${domain} addresses through its own provider. Sign in with your password instead, or ask your council's owner to set it up.`],
    });
  }
  try {
    const { location, cookie } = await startSignIn(request, provider, redirectTo ?? "/", email);
    return redirect(location, { headers: { "Set-Cookie": cookie } });
  } catch {
    return submission.reply({
      formErrors: [`${provider.org.name}'s sign-in service is not answering at the moment. Try again in a few minutes, or sign in with your password.`],
    });
  }
}

export default function CouncilSignInPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof CouncilSignIn>>({ lastResult });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="narrow">
      <h1>Sign in with your council account</h1>
      <p>If your council has set this up, you can use the same account you use for your council's other systems (for example Microsoft).</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field field={fields.email} label="Your work email address" type="email" autoComplete="username" hint="For example sam.jones@northmoor.gov.uk" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Continue to your council's sign-in
        </button>
      </Form>
      <p>
        <Link to={`/login${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}>Sign in with a password instead</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in with your council account – POET Action Planner" }];
