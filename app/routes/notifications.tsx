import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { dateTimeInEngland } from "~/domain/tracking/today";
import { listNotifications, markRead, markUnread } from "~/models/notification.server";
import { requireUser } from "~/services/auth.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const notifications = await listNotifications(user.id);
  return {
    notifications: notifications.map((n) => ({ id: n.id, message: n.message, href: `/w/${n.workspaceId}/actions/${n.actionId}`, at: n.createdAt.toISOString(), read: n.readAt !== null })),
  };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("read"), id: z.string().max(64) }),
  z.object({ intent: z.literal("unread"), id: z.string().max(64) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const parsed = Intent.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return { ok: false };
  const v = parsed.data;
  if (v.intent === "read-all") await markRead(user.id);
  else if (v.intent === "read") await markRead(user.id, v.id);
  else await markUnread(user.id, v.id);
  return { ok: true };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="narrow">
      <h1>Notifications</h1>
      <p>{unread ? `${unread} unread. When an action you helped shape changes, you hear about it here.` : "You are up to date. When an action you helped shape changes, you hear about it here."}</p>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button button--secondary">
            Mark all as read
          </button>
        </Form>
      ) : null}
      <ul className="plain-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
            <p>
              {n.read ? null : <strong>New: </strong>}
              <Link to={n.href}>{n.message}</Link>
            </p>
            {/* A div, not a p: a form inside a paragraph is invalid HTML, which breaks hydration. */}
            <div className="row-between">
              <time className="muted" dateTime={n.at}>
                {dateTimeInEngland(n.at)}
              </time>
              <Form method="post">
                <input type="hidden" name="intent" value={n.read ? "unread" : "read"} />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button link-button--ink">
                  {n.read ? "Mark as unread" : "Mark as read"}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications – POET Action Planner" }];
