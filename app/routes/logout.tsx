import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { endSession, getPrincipal } from "~/services/auth.server";
import { disconnectEndedSessions } from "~/services/revocation.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "user") await recordAudit({ action: "sign-out", actorId: principal.user.id, actorLabel: principal.user.email, ip: context.clientIp });
  const headers = await endSession(request);
  // This browser's other tabs on a workshop stop being live too, on whichever instance they are connected to.
  if (principal) disconnectEndedSessions(context.collab, [principal.sessionId], "signedOut");
  // Nothing of this person's stays on the device: the offline copies of workshop pages, the plans' local
  // copies in IndexedDB and the offline worker itself (ADR 020).
  const cleared = new Headers(headers);
  cleared.set("Clear-Site-Data", '"cache", "storage"');
  return redirect("/", { headers: cleared });
}
