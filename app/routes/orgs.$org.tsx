// The council layout: its name and the council navigation. Each child route checks access itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { can } from "~/domain/access/permissions";
import { requireCouncil } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireCouncil(request, params.org, "read:council");
  return { org, role, canSeeAudit: can(role, "read:audit"), canManage: can(role, "manage:members") };
}

export default function CouncilLayout() {
  const { org, canSeeAudit, canManage } = useLoaderData<typeof loader>();
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
