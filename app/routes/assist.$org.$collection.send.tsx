// Where an assisted-review device sends each answer it kept (docs/decisions/022): JSON in, JSON out.
// The answer's key makes sending it again harmless: the first send stores it, later ones say "already-sent".
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { findCollection } from "~/models/collection.server";
import { accessOrSignedOut, requireCouncil } from "~/services/auth.server";
import { recordAssisted } from "~/services/collect/assisted.server";

const Body = z.object({
  key: z.string(),
  fields: z.array(z.tuple([z.string().max(100), z.string().max(200)])).max(200),
});

export async function loader() {
  return json({ message: "Send answers here with POST." }, { status: 405 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The device keeps the answer: it needs to know "sign in again", not a login page.
  const access = await accessOrSignedOut(requireCouncil(request, params.org, "manage:collection"), () =>
    json({ status: "signed-out", message: "Sign in again to send answers." }, { status: 401 }),
  );
  if (access instanceof Response) return access;
  const collection = await findCollection(access.org.id, params.collection ?? "");
  if (!collection) return json({ status: "invalid", message: "We could not find that collection." }, { status: 404 });
  const body = Body.safeParse(await request.json().catch(() => null));
  if (!body.success) return json({ status: "invalid", message: "These answers were not in the expected form, so they were not stored." }, { status: 400 });
  const result = await recordAssisted({ ...collection, orgId: access.org.id }, body.data.key, body.data.fields, access.user, context.clientIp);
  const status = result.status === "closed" ? 409 : result.status === "invalid" ? 400 : 200;
  return json(result, { status });
}
