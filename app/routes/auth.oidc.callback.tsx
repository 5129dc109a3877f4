// Where a council's identity provider sends people back. Checks the flow (state, nonce, PKCE), finds or
// makes the person's account in that council, and signs them in; any problem is said plainly (ADR 025).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/models/audit.server";
import { startSession } from "~/services/auth.server";
import { clearFlowCookie, finishSignIn, resolvePerson, SignInProblem } from "~/services/oidc.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    const { provider, claims, redirectTo } = await finishSignIn(request);
    const { user, outcome } = await resolvePerson(provider, claims);
    const via = `through ${provider.org.name}'s identity provider`;
    if (outcome === "created") await recordAudit({ orgId: provider.org.id, action: "sign-up", actorId: user.id, actorLabel: user.email, detail: `account created ${via}`, ip: context.clientIp });
    if (outcome === "linked") await recordAudit({ orgId: provider.org.id, action: "identity-linked", actorId: user.id, actorLabel: user.email, detail: `account linked ${via}`, ip: context.clientIp });
    await recordAudit({ orgId: provider.org.id, action: "sign-in", actorId: user.id, actorLabel: user.email, detail: via, ip: context.clientIp });
    const response = await startSession(request, context, { userId: user.id }, outcome === "signed-in" ? redirectTo : `/orgs/${provider.org.slug}`);
    response.headers.append("Set-Cookie", await clearFlowCookie());
    return response;
  } catch (error) {
    if (error instanceof Response) throw error;
    const problem = error instanceof SignInProblem ? error.message : "Something went wrong finishing your sign-in. Start again; if it keeps happening, sign in with your password.";
    if (!(error instanceof SignInProblem)) console.error("[oidc] sign-in callback failed", error);
    return new Response(JSON.stringify({ problem }), { status: 400, headers: { "Content-Type": "application/json; charset=utf-8", "Set-Cookie": await clearFlowCookie() } });
  }
}

export default function SignInProblemPage() {
  const { problem } = useLoaderData<{ problem: string }>();
  return (
    <div className="narrow">
      <h1>We could not sign you in</h1>
      <div className="notice notice--warning" role="alert">
        <p>{problem}</p>
      </div>
      <p>
        <Link to="/auth/oidc/start">Try your council account again</Link> or <Link to="/login">sign in with a password</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign-in problem – POET Action Planner" }];
