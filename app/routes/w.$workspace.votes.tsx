// Dot votes from the live board (no page: answers with JSON). The board sends them with plain fetch, never a
// Remix fetcher, so a vote whose request fails (the network drops as it is sent) is an answer the board tells
// the person about, not the error page in place of the board (ADR 027). The server keeps the rules and writes
// the vote itself (app/services/voting.server.ts).
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { accessOrSignedOut, requireWorkspace } from "~/services/auth.server";
import { castVoteAs } from "~/services/voting.server";
import { tryReadForm } from "~/services/readForm.server";

const VoteForm = z.object({
  actionId: z.string().min(1).max(64),
  delta: z.enum(["1", "-1"]),
  /** How many votes the person saw on the action when they pressed (so a retried vote counts once). */
  from: z.string().regex(/^\d{1,3}$/).transform(Number),
});

export async function loader() {
  return json({ error: "Send votes here with POST." }, { status: 405 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await accessOrSignedOut(requireWorkspace(request, params.workspace, "edit:workspace"), () =>
    json({ error: "Your vote was not counted because you are no longer signed in. Reload the page to sign in or join again." }, { status: 401 }),
  );
  if (access instanceof Response) return access;
  const posted = await tryReadForm(request);
  const vote = VoteForm.safeParse(posted.ok ? Object.fromEntries(posted.form) : null);
  if (!vote.success) return json({ error: "That vote was not understood. Reload the page and try again." }, { status: 400 });
  const { actionId, delta, from } = vote.data;
  return json({ vote: await castVoteAs(access, context.collab, actionId, delta === "1" ? 1 : -1, from) }, { headers: { "Cache-Control": "no-store" } });
}
