// The logo of the council this plan belongs to, for anyone who may read the plan (its report shows it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireWorkspace } from "~/services/auth.server";
import { findLogo, logoResponse } from "~/services/councilLogo.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const logo = await findLogo(access.workspace.orgId);
  if (!logo) notFound("This council has not uploaded a logo.");
  return logoResponse(logo);
}
