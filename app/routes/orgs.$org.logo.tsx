// The council's logo for its own members (the settings page shows it); another council gets "not found".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCouncil } from "~/services/auth.server";
import { findLogo, logoResponse } from "~/services/councilLogo.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCouncil(request, params.org, "read:council");
  const logo = await findLogo(access.org.id);
  if (!logo) notFound("This council has not uploaded a logo.");
  return logoResponse(logo);
}
