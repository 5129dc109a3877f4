import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { createJoinCode, endJoinCode, listGuests, listJoinCodes, listRemovedGuests, readmitGuest, removeGuest, replaceJoinCode } from "~/models/joinCode.server";
import { displayNameOf, requireWorkspace } from "~/services/auth.server";
import { disconnectRemovedGuest } from "~/services/revocation.server";
import { dateTimeInEngland, timeInEngland } from "~/domain/tracking/today";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspace(request, params.workspace, "manage:joincode");
  const [codes, guests, removed] = await Promise.all([listJoinCodes(workspace.id), listGuests(workspace.id), listRemovedGuests(workspace.id)]);
  const now = Date.now();
  return {
    workspace,
    origin: new URL(request.url).origin,
    codes: codes.map((c) => ({ id: c.id, code: c.code, expiresAt: c.expiresAt.toISOString(), usable: !c.endedAt && c.expiresAt.getTime() > now })),
    guests: guests.map((g) => ({ id: g.id, displayName: g.displayName, code: g.joinCode.code, joinedAt: g.createdAt.toISOString() })),
    removed: removed.map((g) => ({ id: g.id, displayName: g.displayName, code: g.joinCode.code, removedAt: (g.removedAt ?? g.createdAt).toISOString() })),
  };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create-code"), hours: z.coerce.number().int().min(1).max(72) }),
  z.object({ intent: z.literal("end-code"), codeId: z.string() }),
  z.object({ intent: z.literal("replace-code"), codeId: z.string() }),
  z.object({ intent: z.literal("remove-guest"), guestId: z.string() }),
  z.object({ intent: z.literal("readmit-guest"), guestId: z.string() }),
]);

type Outcome = { ok: boolean; message: string; replace?: { codeId: string; code: string } };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome> {
  const { workspace, principal } = await requireWorkspace(request, params.workspace, "manage:joincode");
  const submission = parseWithZod(await readForm(request), { schema: Intent });
  if (submission.status !== "success") return { ok: false, message: "Choose how long the code should work: between 1 and 72 hours." };
  const v = submission.value;
  const actor = { orgId: workspace.orgId, actorId: principal.kind === "user" ? principal.user.id : null, actorLabel: displayNameOf(principal), ip: context.clientIp };
  if (v.intent === "create-code") {
    const code = await createJoinCode(workspace.id, actor.actorId ?? "", v.hours);
    await recordAudit({ ...actor, action: "join-code-created", detail: `${code.code} for ${workspace.name}, ${v.hours} h` });
    return { ok: true, message: `New code ${code.code}: it works for ${v.hours} hour${v.hours === 1 ? "" : "s"}.` };
  }
  if (v.intent === "end-code") {
    const ended = await endJoinCode(workspace.id, v.codeId);
    if (ended) await recordAudit({ ...actor, action: "join-code-ended", detail: v.codeId });
    return { ok: ended, message: ended ? "Code ended: nobody new can join with it. People already here stay until you remove them." : "That code had already ended." };
  }
  if (v.intent === "replace-code") {
    const replaced = await replaceJoinCode(workspace.id, v.codeId, actor.actorId ?? "");
    if (!replaced) return { ok: false, message: "That code had already ended. Create a new one below." };
    await recordAudit({ ...actor, action: "join-code-replaced", detail: `${replaced.old} → ${replaced.code} for ${workspace.name}` });
    return { ok: true, message: `Code ${replaced.old} no longer works. Give people the new code ${replaced.code}: it works until the same time.` };
  }
  if (v.intent === "readmit-guest") {
    const readmitted = await readmitGuest(workspace.id, v.guestId);
    if (!readmitted) return { ok: false, message: "That guest can already join again." };
    await recordAudit({ ...actor, action: "guest-readmitted", detail: readmitted.displayName });
    return { ok: true, message: `${readmitted.displayName} can join again with a working code.` };
  }
  const removed = await removeGuest(workspace.id, v.guestId);
  if (!removed) return { ok: false, message: "That guest had already left or been removed." };
  disconnectRemovedGuest(context.collab, v.guestId);
  await recordAudit({ ...actor, action: "guest-removed", detail: removed.displayName });
  return {
    ok: true,
    message: `${removed.displayName} has been removed and cannot join again from their browser. Anyone who has code ${removed.code} could still join from another browser: replace the code to stop that.`,
    replace: { codeId: removed.joinCodeId, code: removed.code },
  };
}

export default function WorkshopAccess() {
  const { workspace, origin, codes, guests, removed } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const live = codes.filter((c) => c.usable);
  const replaceable = outcome?.replace && live.some((c) => c.id === outcome.replace?.codeId) ? outcome.replace : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/w/${workspace.id}`}>{workspace.name}</Link>
      </p>
      <h1>Join codes and guests</h1>
      {outcome ? (
        <Notice tone={outcome.ok ? "success" : "warning"}>
          <p>{outcome.message}</p>
          {replaceable ? <ReplaceCodeButton codeId={replaceable.codeId} code={replaceable.code} /> : null}
        </Notice>
      ) : null}
      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">Codes people can join with</h2>
        <p>
          People go to <strong>{origin}/join</strong> and type the code. They join this plan only, as co-producers, with the name they choose.
        </p>
        {live.length === 0 ? <p>No code is working right now.</p> : null}
        <ul className="plain-list">
          {live.map((c) => (
            <li key={c.id} className="row-between">
              <span>
                <strong className="join-code">{c.code}</strong> · works until {dateTimeInEngland(c.expiresAt)}
              </span>
              <span className="inline-form">
                <ReplaceCodeButton codeId={c.id} code={c.code} />
                <Form method="post">
                  <input type="hidden" name="intent" value="end-code" />
                  <input type="hidden" name="codeId" value={c.id} />
                  <button type="submit" className="button button--secondary">
                    End code<span className="visually-hidden"> {c.code}</span>
                  </button>
                </Form>
              </span>
            </li>
          ))}
        </ul>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="create-code" />
          <label htmlFor="code-hours">Code works for</label>
          <select id="code-hours" name="hours" defaultValue="4">
            <option value="2">2 hours</option>
            <option value="4">4 hours</option>
            <option value="8">8 hours</option>
            <option value="24">1 day</option>
            <option value="72">3 days</option>
          </select>
          <button type="submit" className="button">
            Create a join code
          </button>
        </Form>
      </section>
      <section aria-labelledby="guests-heading">
        <h2 id="guests-heading">Guests in this plan</h2>
        {guests.length === 0 ? <p>No guests have joined.</p> : null}
        <ul className="plain-list">
          {guests.map((g) => (
            <li key={g.id} className="row-between">
              <span>{`${g.displayName} · joined with ${g.code} at ${timeInEngland(g.joinedAt)}`}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove-guest" />
                <input type="hidden" name="guestId" value={g.id} />
                <button type="submit" className="button button--danger">
                  Remove<span className="visually-hidden"> {g.displayName}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      {removed.length > 0 ? (
        <section aria-labelledby="removed-heading">
          <h2 id="removed-heading">Removed guests</h2>
          <p>They cannot join this plan again from the browser they used, with any code, until you let them back in.</p>
          <ul className="plain-list">
            {removed.map((g) => (
              <li key={g.id} className="row-between">
                <span>{`${g.displayName} · joined with ${g.code} · removed at ${timeInEngland(g.removedAt)}`}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="readmit-guest" />
                  <input type="hidden" name="guestId" value={g.id} />
                  <button type="submit" className="button button--secondary">
                    Let back in<span className="visually-hidden"> {g.displayName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Ends a code and gives a new one that works until the same time (after removing someone who had it). */
function ReplaceCodeButton({ codeId, code }: { codeId: string; code: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="replace-code" />
      <input type="hidden" name="codeId" value={codeId} />
      <button type="submit" className="button button--secondary">
        Replace code<span className="visually-hidden"> {code}</span>
      </button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Join codes and guests – POET Action Planner" }];
