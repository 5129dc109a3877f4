// The council layout: its name and the council navigation. Each child route checks access itself.
// A workshop guest of this council gets no council navigation, only the way back to their workshop:
// the evidence pages of their plan are all of the council they may read (each page checks that).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { can } from "~/domain/access/permissions";
import { findGuestCouncil } from "~/models/workspaceRound.server";
import { getPrincipal, requireCouncil } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  const guestOf = principal?.kind === "guest" && params.org ? await findGuestCouncil(params.org, principal.guest.workspaceId) : null;
  if (guestOf) return { kind: "guest" as const, org: guestOf.org, workspace: guestOf.workspace };
  const { org, role } = await requireCouncil(request, params.org, "read:council");
  return { kind: "member" as const, org, role, canSeeAudit: can(role, "read:audit"), canManage: can(role, "manage:members") };
}

export default function CouncilLayout() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "guest") {
    return (
      <>
        <nav aria-label="Your workshop" className="subnav">
          <p className="subnav__title">{data.org.name}</p>
          <ul>
            <li>
              <Link to={`/w/${data.workspace.id}`}>Back to the workshop: {data.workspace.name}</Link>
            </li>
          </ul>
        </nav>
        <Outlet />
      </>
    );
  }
  const { org, canSeeAudit, canManage } = data;
  const base = `/orgs/${org.slug}`;
  return (
    <>
      <nav aria-label={`${org.name}`} className="subnav">
        <p className="subnav__title">{org.name}</p>
        <ul>
          <li>
            <NavLink to={base} end>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/dashboard`}>Dashboard</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/collections`}>Collect answers</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/members`}>Members</NavLink>
          </li>
          {canSeeAudit ? (
            <li>
              <NavLink to={`${base}/audit`}>Audit log</NavLink>
            </li>
          ) : null}
          {canManage ? (
            <li>
              <NavLink to={`${base}/settings`}>Settings</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
