import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "~/domain/access/permissions";
import { recordAudit } from "~/models/audit.server";
import { acceptInvite, findInvite } from "~/models/invite.server";
import { getPrincipal, requireUser } from "~/services/auth.server";

const WHY: Record<string, string> = {
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn by the council.",
  expired: "This invitation has expired.",
  unknown: "This invitation link is not valid. Check that you copied all of it.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { state, invite } = await findInvite(params.token ?? "");
  const principal = await getPrincipal(request);
  return {
    state,
    why: WHY[state] ?? null,
    council: state === "valid" ? invite!.org.name : null,
    role: state === "valid" ? ROLE_LABELS[invite!.role as Role] : null,
    signedInAs: principal?.kind === "user" ? principal.user.name : null,
    here: new URL(request.url).pathname,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const accepted = await acceptInvite(params.token ?? "", user.id);
  if (!accepted) throw redirect(`/invite/${params.token}`);
  await recordAudit({ orgId: accepted.org.id, action: "invite-accepted", actorId: user.id, actorLabel: user.email, detail: accepted.role, ip: context.clientIp });
  return redirect(`/orgs/${accepted.org.slug}`);
}

export default function AcceptInvite() {
  const data = useLoaderData<typeof loader>();
  if (data.state !== "valid") {
    return (
      <div className="narrow">
        <h1>This invitation cannot be used</h1>
        <p>{data.why} Ask the person who invited you for a new link.</p>
      </div>
    );
  }
  const back = new URLSearchParams({ redirectTo: data.here });
  return (
    <div className="narrow">
      <h1>Join {data.council}</h1>
      <p>
        You have been invited to join {data.council} as <strong>{data.role}</strong>.
      </p>
      {data.signedInAs ? (
        <Form method="post">
          <button type="submit" className="button">
            Join as {data.signedInAs}
          </button>
        </Form>
      ) : (
        <p>
          <Link className="button" to={`/signup?${back}`}>
            Create an account to join
          </Link>{" "}
          or <Link to={`/login?${back}`}>sign in</Link> if you already have one.
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Invitation – POET Action Planner" }];
