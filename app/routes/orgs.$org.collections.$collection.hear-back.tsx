// The only page that shows contact details: people who asked to hear what the council did. Owners
// only. Nothing here is linked to anyone's answers, and the list is deleted on the retention date.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { findCollection } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { deleteContactsNow, listHearBackContacts } from "~/services/collect/hearBack.server";
import { longDateInEngland } from "~/domain/tracking/today";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "read:hearback");
  const collection = await findCollection(org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  const contacts = await listHearBackContacts(org.id, collection.roundId);
  return {
    org: { slug: org.slug, name: org.name },
    collection: { id: collection.id, name: collection.name, retention: collection.contactRetentionUntil?.toISOString() ?? null },
    contacts: contacts.map((c) => ({ key: c.id, name: c.name, email: c.email, phone: c.phone })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org, user } = await requireCouncil(request, params.org, "read:hearback");
  const collection = await findCollection(org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  await deleteContactsNow(org.id, collection.id, user, context.clientIp);
  return redirect(`/orgs/${org.slug}/collections/${collection.id}/hear-back`);
}

export default function HearBackList() {
  const { org, collection, contacts } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/orgs/${org.slug}/collections/${collection.id}`}>Back to {collection.name}</Link>
      </p>
      <h1>People who asked to hear back</h1>
      <p className="lead">
        Use these details only to tell people what the council did with what they said. They are not linked to anyone's answers.
        {collection.retention ? ` They will be deleted on ${longDateInEngland(collection.retention)}.` : " Delete them when they are no longer needed."}
      </p>
      {contacts.length === 0 ? (
        <p>Nobody has asked to hear back yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Contact details left to hear back</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.key}>
                  <td>{c.name || "Not given"}</td>
                  <td>{c.email || "Not given"}</td>
                  <td>{c.phone || "Not given"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contacts.length ? (
        <Form method="post">
          <button type="submit" className="button button--danger">
            Delete all these contact details now
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Hear back – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
