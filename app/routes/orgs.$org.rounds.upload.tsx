// The progress upload's endpoint: the import form sent by XMLHttpRequest from /orgs/:org/rounds/new,
// answered in JSON with the same outcome and status codes the page's plain form post shows. A GET (a
// bookmark, a reload) goes to the import page.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireCouncil } from "~/services/auth.server";
import { importFromRequest } from "~/services/importUpload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "create:round");
  return redirect(`/orgs/${org.slug}/rounds/new`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { answer, status } = await importFromRequest(request, params.org, context.clientIp);
  return json(answer, { status });
}
