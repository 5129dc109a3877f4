import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { endSession, getPrincipal } from "~/services/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "user") await recordAudit({ action: "sign-out", actorId: principal.user.id, actorLabel: principal.user.email, ip: context.clientIp });
  return redirect("/", { headers: await endSession(request) });
}
