import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "~/domain/access/permissions";
import { Email } from "~/domain/access/password";
import { recordAudit } from "~/models/audit.server";
import { createInvite, INVITE_DAYS, listPendingInvites, revokeInvite } from "~/models/invite.server";
import { changeRole, LastOwnerError, listMembers, removeMember } from "~/models/organisation.server";
import { issuePasswordReset, RESET_HOURS } from "~/models/passwordReset.server";
import { requireCouncil } from "~/services/auth.server";
import { disconnectMember } from "~/services/revocation.server";
import { mailConfigured, sendMail } from "~/services/mail.server";
import { dateInEngland } from "~/domain/tracking/today";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role, user } = await requireCouncil(request, params.org, "read:members");
  const manage = can(role, "manage:members");
  const [members, invites] = await Promise.all([listMembers(org.id), manage ? listPendingInvites(org.id) : Promise.resolve([])]);
  return {
    org,
    me: user.id,
    manage,
    members: members.map((m) => ({ id: m.id, role: m.role as Role, name: m.user.name, email: m.user.email, userId: m.user.id })),
    invites: invites.map((i) => ({ id: i.id, role: i.role as Role, email: i.email, expiresAt: i.expiresAt.toISOString() })),
  };
}

const RoleField = z.enum(ROLES, { message: "Choose a role" });
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), role: RoleField, email: Email.optional() }),
  z.object({ intent: z.literal("revoke-invite"), inviteId: z.string() }),
  z.object({ intent: z.literal("change-role"), membershipId: z.string(), role: RoleField }),
  z.object({ intent: z.literal("remove"), membershipId: z.string() }),
  z.object({ intent: z.literal("leave"), membershipId: z.string() }),
  z.object({ intent: z.literal("reset-password"), membershipId: z.string() }),
]);

type Outcome = { ok: boolean; message: string; link?: string };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome> {
  // Membership first: a stranger learns nothing from whether the body could be read.
  await requireCouncil(request, params.org, "read:council");
  const form = await readForm(request);
  const leaving = form.get("intent") === "leave";
  const { org, role, user } = await requireCouncil(request, params.org, leaving ? "read:council" : "manage:members");
  const submission = parseWithZod(form, { schema: Intent });
  if (submission.status !== "success") return { ok: false, message: Object.values(submission.error ?? {}).flat().join(" ") || "That request was not complete." };
  const v = submission.value;
  const audit = (action: Parameters<typeof recordAudit>[0]["action"], detail: string) =>
    recordAudit({ orgId: org.id, action, actorId: user.id, actorLabel: user.email, detail, ip: context.clientIp });
  const origin = new URL(request.url).origin;
  const members = await listMembers(org.id);
  const target = "membershipId" in v ? members.find((m) => m.id === v.membershipId) : undefined;
  if ("membershipId" in v && !target) throw new Response("That person is not a member of this council.", { status: 404 });
  try {
    switch (v.intent) {
      case "invite": {
        const { token } = await createInvite({ orgId: org.id, role: v.role, email: v.email ?? "", createdById: user.id });
        await audit("invite-created", `${ROLE_LABELS[v.role]}${v.email ? ` for ${v.email}` : ""}`);
        const link = `${origin}/invite/${token}`;
        const mailed = v.email && mailConfigured()
          ? await sendMail({ to: v.email, subject: `${user.name} invited you to ${org.name} on POET Action Planner`, text: `${user.name} has invited you to join ${org.name} as ${ROLE_LABELS[v.role].toLowerCase()}.\n\nOpen this link to accept (it works once and for ${INVITE_DAYS} days):\n${link}\n` })
          : null;
        const how = mailed?.sent ? `We emailed it to ${v.email}. You can also send the link yourself` : `${mailed ? `${mailed.reason} ` : ""}Send this link to the person you are inviting`;
        return { ok: true, message: `Invitation created. ${how}; it works once and for ${INVITE_DAYS} days.`, link };
      }
      case "revoke-invite":
        return (await revokeInvite(org.id, v.inviteId))
          ? (await audit("invite-revoked", v.inviteId), { ok: true, message: "Invitation withdrawn. Its link no longer works." })
          : { ok: false, message: "That invitation was already used, withdrawn or expired." };
      case "change-role": {
        const changed = await changeRole(org.id, v.membershipId, v.role);
        if (!changed) return { ok: false, message: "That person is not a member of this council." };
        await audit("role-changed", `${target!.user.email}: ${changed.from} → ${v.role}`);
        await disconnectMember(context.collab, org.id, changed.userId, "roleChanged");
        return { ok: true, message: `${target!.user.name} is now ${ROLE_LABELS[v.role].toLowerCase()}.` };
      }
      case "remove":
      case "leave": {
        if (v.intent === "leave" && target!.user.id !== user.id) return { ok: false, message: "You can only leave for yourself." };
        const removed = await removeMember(org.id, v.membershipId);
        if (!removed) return { ok: false, message: "That person is not a member of this council." };
        await audit("member-removed", target!.user.email);
        await disconnectMember(context.collab, org.id, removed.userId, v.intent === "leave" ? "left" : "removed");
        if (v.intent === "leave") throw redirect("/");
        return { ok: true, message: `${target!.user.name} has been removed from ${org.name}.` };
      }
      case "reset-password": {
        if (role !== "owner") return { ok: false, message: "Only an owner can issue a password reset link." };
        const token = await issuePasswordReset(target!.user.id, user.id);
        await audit("password-reset-issued", target!.user.email);
        const link = `${origin}/reset/${token}`;
        const mailed = mailConfigured()
          ? await sendMail({ to: target!.user.email, subject: "Reset your POET Action Planner password", text: `${user.name} (${org.name}) has issued you a password reset link. It works once and for ${RESET_HOURS} hours:\n${link}\n\nIf you did not ask for this, you can ignore it; your password stays as it is.\n` })
          : null;
        const how = mailed?.sent ? `We emailed it to ${target!.user.email}` : `${mailed ? `${mailed.reason} ` : ""}Give it to them in person or by a channel you trust`;
        return { ok: true, message: `Reset link for ${target!.user.name}. ${how}; it works once and for ${RESET_HOURS} hours.`, link };
      }
    }
  } catch (error) {
    if (error instanceof LastOwnerError) return { ok: false, message: error.message };
    throw error;
  }
}

export default function Members() {
  const { org, me, manage, members, invites } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <h1>Members of {org.name}</h1>
      {outcome ? (
        <Notice tone={outcome.ok ? "success" : "warning"}>
          <p>{outcome.message}</p>
          {outcome.link ? (
            <p>
              <label htmlFor="shared-link">Link</label>
              <input id="shared-link" className="copy-field" readOnly value={outcome.link} onFocus={(e) => e.currentTarget.select()} />
            </p>
          ) : null}
        </Notice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Members and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.userId === me ? " (you)" : ""}
              </td>
              <td data-label="Email">{m.email}</td>
              <td>
                {manage ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                      Role for {m.name}
                    </label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--secondary">
                      Save<span className="visually-hidden"> role for {m.name}</span>
                    </button>
                  </Form>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              <td className="actions-cell">
                {manage && m.userId !== me ? (
                  <>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="reset-password" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button type="submit" className="button button--secondary">
                        Password reset link<span className="visually-hidden"> for {m.name}</span>
                      </button>
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button type="submit" className="button button--danger">
                        Remove<span className="visually-hidden"> {m.name}</span>
                      </button>
                    </Form>
                  </>
                ) : null}
                {m.userId === me ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="leave" />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <button type="submit" className="button button--secondary">
                      Leave this council
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="role-help">
        {ROLES.map((r) => (
          <div key={r}>
            <dt>{ROLE_LABELS[r]}</dt>
            <dd>{ROLE_DESCRIPTIONS[r]}</dd>
          </div>
        ))}
      </dl>
      {manage ? (
        <>
          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite someone</h2>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="invite" />
              <div className="field">
                <label htmlFor="invite-role">Role</label>
                <select id="invite-role" name="role" defaultValue="member">
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="invite-email">Their email (optional, for your records)</label>
                <input id="invite-email" name="email" type="email" autoComplete="off" />
              </div>
              <button type="submit" className="button">
                Create invitation link
              </button>
            </Form>
          </section>
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading">Pending invitations</h2>
            {invites.length === 0 ? <p>None.</p> : null}
            <ul className="plain-list">
              {invites.map((i) => (
                <li key={i.id} className="row-between">
                  <span>
                    {ROLE_LABELS[i.role]}
                    {i.email ? ` for ${i.email}` : ""} · expires {dateInEngland(i.expiresAt)}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-invite" />
                    <input type="hidden" name="inviteId" value={i.id} />
                    <button type="submit" className="button button--secondary">
                      Withdraw<span className="visually-hidden"> invitation{i.email ? ` for ${i.email}` : ""}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Members – ${data?.org.name ?? "Council"} – POET Action Planner` }];
