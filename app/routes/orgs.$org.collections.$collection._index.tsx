// One collection, for the council: how to share it (open link, personal codes and letters), counts
// so far by way in and by group, and closing it — which freezes its round for plans.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { can } from "~/domain/access/permissions";
import { formName } from "~/domain/collect";
import { notFound, requireCouncil } from "~/services/auth.server";
import { collectionOverview } from "~/services/collect/collectionPage.server";
import { countHearBackContacts } from "~/services/collect/hearBack.server";
import { cutCollectionRound, roundsCutFrom } from "~/services/collect/cutRound.server";
import { closeCollection } from "~/services/collect/openCollection.server";
import { createPersonalCodes, MAX_CODES_AT_ONCE } from "~/services/collect/personalCodes.server";
import { longDateInEngland } from "~/domain/tracking/today";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireCouncil(request, params.org, "read:round");
  const overview = await collectionOverview(org.id, params.collection ?? "", new URL(request.url).origin);
  if (!overview) notFound("We could not find that collection.");
  const canSeeContacts = can(role, "read:hearback");
  const hearBackCount = canSeeContacts ? await countHearBackContacts(org.id, overview.id) : 0;
  const cuts = (await roundsCutFrom(org.id, overview.id)).map((r) => ({ id: r.id, name: r.name, people: r.respondentCount }));
  return { org: { slug: org.slug, name: org.name }, collection: overview, canManage: can(role, "manage:collection"), canSeeContacts, hearBackCount, cuts };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("cut"), name: z.string(), from: z.string(), to: z.string() }),
  z.object({
    intent: z.literal("codes"),
    count: z.coerce
      .number({ invalid_type_error: "Enter how many codes to make, as a number" })
      .int("Enter a whole number")
      .min(1, "Make at least 1 code")
      .max(MAX_CODES_AT_ONCE, `Make at most ${MAX_CODES_AT_ONCE} codes at a time`),
  }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org, user } = await requireCouncil(request, params.org, "manage:collection");
  const overview = await collectionOverview(org.id, params.collection ?? "", "");
  if (!overview) notFound("We could not find that collection.");
  const parsed = Intent.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Something in the form was not right." }, { status: 400 });
  const here = `/orgs/${org.slug}/collections/${overview.id}`;
  if (parsed.data.intent === "close") {
    await closeCollection(org.id, overview.id, user, context.clientIp);
    return redirect(here);
  }
  if (parsed.data.intent === "cut") {
    const cut = await cutCollectionRound(org.id, overview.id, parsed.data, user, context.clientIp);
    if (cut.status === "refused") return json({ error: cut.message }, { status: 400 });
    return redirect(`/orgs/${org.slug}/rounds/${cut.roundId}`);
  }
  if (overview.state === "closed") return json({ error: "This collection is closed, so new codes would not work." }, { status: 409 });
  await createPersonalCodes(org.id, overview.id, parsed.data.count, user, context.clientIp);
  return redirect(`${here}/letters`);
}

const STATE_TEXT = { open: "Open: taking answers", "not-yet-open": "Not open yet", closed: "Closed: its round is final and can feed action plans" } as const;

export default function CollectionPage() {
  const { org, collection: c, canManage, canSeeContacts, hearBackCount, cuts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const date = (iso: string) => longDateInEngland(iso);
  return (
    <>
      <p>
        <Link to={`/orgs/${org.slug}/collections`}>All collections</Link>
      </p>
      <h1>{c.name}</h1>
      <p className="lead">
        {STATE_TEXT[c.state]} · {formName(c.survey)} · opens {date(c.opensAt)}
        {c.closedAt ? ` · closed ${date(c.closedAt)}` : c.closesAt ? ` · closes ${date(new Date(new Date(c.closesAt).getTime() - 1).toISOString())}` : " · open-ended"}
      </p>
      {result?.error ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{result.error}</p>
        </div>
      ) : null}
      <section aria-labelledby="so-far">
        <h2 id="so-far">{`Answers so far: ${c.total}`}</h2>
        <p>
          <Link to={`/orgs/${org.slug}/rounds/${c.roundId}`}>{c.state === "closed" ? "See the findings" : "See the findings so far"}</Link>
        </p>
        <h3>By way in</h3>
        <CountTable heading="Way in" rows={c.bySource} />
        {c.byGroup.map((group) => (
          <details key={group.title} className="disclosure">
            <summary>By {group.title.toLowerCase()}</summary>
            <CountTable heading={group.title} rows={group.rows} caption={`Answers by ${group.title.toLowerCase()}`} />
          </details>
        ))}
      </section>
      <section aria-labelledby="share">
        <h2 id="share">Ways in</h2>
        <h3>Open link</h3>
        <p>Put this on the council's website. Anyone with it can answer; it is protected against scripted flooding without tracking people.</p>
        <label htmlFor="open-link">Open link address</label>
        <input id="open-link" className="copy-field" readOnly value={c.openLink} />
        <h3>Personal codes</h3>
        <p>
          {c.codes.made} made · {c.codes.used} used · {c.codes.withdrawn} withdrawn. Each code works once, for one person whose review is due. Print it as a letter with a QR code.
        </p>
        {c.codes.made > c.codes.used ? (
          <p>
            <Link to={`/orgs/${org.slug}/collections/${c.id}/letters`}>Print letters for the unused codes</Link>
          </p>
        ) : null}
        {canManage && c.state !== "closed" ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="codes" />
            <label htmlFor="code-count">How many new codes</label>
            <input id="code-count" name="count" type="number" min={1} max={500} defaultValue={10} inputMode="numeric" />
            <button type="submit" className="button">
              Make codes and print letters
            </button>
          </Form>
        ) : null}
        <h3>Assisted in a review</h3>
        {canManage ? (
          <p>
            {c.state === "open" ? <Link to={`/assist/${org.slug}/${c.id}`} reloadDocument>
                Record answers in a review
              </Link> : "Answers can be recorded in reviews while the collection is open."} It works on a laptop or tablet with no signal: answers are kept on the device and sent when the connection is back.
          </p>
        ) : (
          <p>Owners and facilitators can record answers with a person during a review.</p>
        )}
        <h3>Paper</h3>
        {canManage ? (
          <p>
            <Link to={`/orgs/${org.slug}/collections/${c.id}/paper`}>Print the paper form</Link> ·{" "}
            {c.state === "open" ? <Link to={`/orgs/${org.slug}/collections/${c.id}/enter`}>Type in answers from paper</Link> : "Answers from paper can be typed in while the collection is open."}
          </p>
        ) : (
          <p>Owners and facilitators can print the paper form and type in answers from it.</p>
        )}
      </section>
      {canSeeContacts ? (
        <p>
          <Link to={`/orgs/${org.slug}/collections/${c.id}/hear-back`}>People who asked to hear back</Link> ({hearBackCount})
        </p>
      ) : null}
      {!c.closesAt && (cuts.length > 0 || canManage) ? (
        <section aria-labelledby="cut-heading">
          <h2 id="cut-heading">Cut into rounds by date range</h2>
          <p>This collection has no closing date. Cut it into rounds, such as one per quarter: the answers that arrived in the months you choose move into a new round of their own, which can feed action plans. Later answers keep coming in here.</p>
          {cuts.length ? (
            <ul>
              {cuts.map((r) => (
                <li key={r.id}>
                  <Link to={`/orgs/${org.slug}/rounds/${r.id}`}>{r.name}</Link>
                  {` (${r.people} ${r.people === 1 ? "answer" : "answers"})`}
                </li>
              ))}
            </ul>
          ) : null}
          {canManage ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cut" />
              <div className="field">
                <label htmlFor="cut-name">Name of the new round</label>
                <input id="cut-name" name="name" required maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="cut-from">First month</label>
                <input id="cut-from" name="from" type="month" required />
              </div>
              <div className="field">
                <label htmlFor="cut-to">Last month</label>
                <input id="cut-to" name="to" type="month" required />
              </div>
              <button type="submit" className="button">
                Cut into a round
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {canManage && c.state !== "closed" ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">Close the collection</h2>
          <p>Closing stops all answers, by every way in, for good. Its round then stays as it is and can feed action plans like an imported round.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button button--danger">
              Close the collection
            </button>
          </Form>
        </section>
      ) : null}
      {c.state === "closed" ? <Notice>This collection is closed. People who try to answer are told so.</Notice> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.collection.name ?? "Collection"} – ${data?.org.name ?? "Council"} – POET Action Planner` }];

/** Answers counted by one way of grouping them (way in, or one of the question set's groups). */
function CountTable({ heading, rows, caption }: { heading: string; rows: readonly { label: string; count: number | string }[]; caption?: string }) {
  return (
    <table className="table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
