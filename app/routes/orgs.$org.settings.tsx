// Council settings: what each action status is called here and how far along it counts, the Making it Real
// wording (question wording has its own page, orgs.$org.question-wording), and the disclosure threshold
// (groups smaller than it have their figures withheld).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { parseMirWordingCsv } from "~/domain/mir";
import { clearMirWording, officialWordingCount, saveMirWording } from "~/models/mirWording.server";
import { decodeText } from "~/services/poetFile/decodeText.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { OutcomeNotice } from "~/components/forms";
import { ACTION_STATUSES } from "~/domain/workspace/schema";
import { saveStaleAfterDays, saveStatusSettings, staleAfterDaysFor, statusSettingsFor } from "~/models/tracking.server";
import { recordAudit } from "~/models/audit.server";
import { disclosureThresholdFor, dontKnowAliasesFor, saveDisclosureThreshold, saveDontKnowAliases } from "~/models/organisation.server";
import { parseDontKnowAliases } from "~/domain/poet/dontKnowAliases";
import { requireCouncil } from "~/services/auth.server";
import { PeerNamingForm } from "~/components/rounds/PeerNamingForm";
import { db } from "~/models/db.server";
import { LogoSettings } from "~/components/report/LogoSettings";
import { hasLogo, removeLogo, uploadLogo } from "~/services/councilLogo.server";
import { formEncoding, formProblemResponse, readForm, tryReadForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:members");
  return {
    org,
    statuses: await statusSettingsFor(org.id),
    officialCount: await officialWordingCount(org.id),
    disclosureThreshold: await disclosureThresholdFor(org.id),
    dontKnowAliases: await dontKnowAliasesFor(org.id),
    hasLogo: await hasLogo(org.id),
    staleAfterDays: await staleAfterDaysFor(org.id),
    namedToPeers: (await db().organisation.findUnique({ where: { id: org.id }, select: { namedToPeers: true } }))?.namedToPeers ?? false,
  };
}

// Below 5, single people become recognisable in small councils; above 100, whole support-reason groups vanish.
const DisclosureThreshold = z.coerce
  .number({ invalid_type_error: "The threshold must be a whole number of people from 5 to 100" })
  .int("The threshold must be a whole number of people from 5 to 100")
  .min(5, "The threshold must be at least 5 people: below that, single people can be recognised")
  .max(100, "The threshold must be at most 100 people");

const Setting = z.object({
  label: z.string().trim().min(1, "Give every status a name").max(40, "Keep status names under 40 characters"),
  percent: z.coerce.number({ invalid_type_error: "Percent must be a whole number from 0 to 100" }).int("Percent must be a whole number from 0 to 100").min(0, "Percent must be from 0 to 100").max(100, "Percent must be from 0 to 100"),
});

const StaleAfter = z.object({
  staleAfterDays: z.coerce
    .number({ invalid_type_error: "Enter a whole number of days from 7 to 365, for example 30" })
    .int("Enter a whole number of days from 7 to 365, for example 30")
    .min(7, "Enter a whole number of days from 7 to 365: fewer than 7 would flag most actions between meetings")
    .max(365, "Enter a whole number of days from 7 to 365"),
});

const MAX_WORDING_BYTES = 1024 * 1024;

type Outcome = { ok: boolean; message: string; problems?: string[] };

async function uploadWording(orgId: string, request: Request): Promise<Outcome> {
  const tooLarge = "That file is larger than 1 MB, which is far more than the statements need. Check it is the wording CSV.";
  const read = await tryReadForm(request, { maxBytes: MAX_WORDING_BYTES + 16 * 1024 });
  if (!read.ok && read.problem === "too-large") return { ok: false, message: tooLarge };
  if (!read.ok) throw formProblemResponse(read.problem);
  const file = read.form.get("wording");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose the CSV file with your official wording (columns id, theme, kind, text)." };
  if (file.size > MAX_WORDING_BYTES) return { ok: false, message: tooLarge };
  const parsed = parseMirWordingCsv(decodeText(new Uint8Array(await file.arrayBuffer())).text);
  if (!parsed.ok) return { ok: false, message: "Nothing was changed: the file has problems.", problems: parsed.problems.slice(0, 50).map((p) => p.message) };
  await saveMirWording(orgId, parsed.statements);
  return { ok: true, message: `Loaded the official wording of ${parsed.statements.length} statements. Plans now show it instead of our summaries.` };
}

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome> {
  const { org, user } = await requireCouncil(request, params.org, "manage:members");
  const multipart = formEncoding(request) === "multipart";
  if (multipart && new URL(request.url).searchParams.has("logo")) {
    const outcome = await uploadLogo(org.id, request);
    if (outcome.ok) await recordAudit({ orgId: org.id, action: "logo-changed", actorId: user.id, actorLabel: user.email, detail: "logo uploaded", ip: context.clientIp });
    return outcome;
  }
  if (multipart) return uploadWording(org.id, request);
  const form = await readForm(request);
  if (form.get("intent") === "disclosure") {
    const parsed = DisclosureThreshold.safeParse(form.get("disclosureThreshold"));
    if (!parsed.success) return { ok: false, message: `Nothing was saved. ${parsed.error.issues[0]!.message}.` };
    await saveDisclosureThreshold(org.id, parsed.data);
    await recordAudit({ orgId: org.id, action: "disclosure-changed", actorId: user.id, actorLabel: user.email, detail: `groups under ${parsed.data} people withheld`, ip: context.clientIp });
    return { ok: true, message: `Saved. Groups of fewer than ${parsed.data} people now have their figures withheld on every page.` };
  }
  if (form.get("intent") === "dont-know") {
    const parsed = parseDontKnowAliases(String(form.get("dontKnowAliases") ?? ""));
    if (!parsed.ok) return { ok: false, message: `Nothing was saved. ${parsed.message}` };
    await saveDontKnowAliases(org.id, parsed.aliases);
    await recordAudit({ orgId: org.id, action: "dont-know-labels-changed", actorId: user.id, actorLabel: user.email, detail: parsed.aliases.join(", ") || "none", ip: context.clientIp });
    return {
      ok: true,
      message: parsed.aliases.length
        ? `Saved. Files you import from now on read ${parsed.aliases.map((a) => `"${a}"`).join(", ")} as "don't know" (left out of the count). Rounds already imported are unchanged.`
        : "Saved. Only the usual labels are read as \"don't know\" from now on.",
    };
  }
  if (form.get("intent") === "peer-naming") {
    const named = form.get("named") === "yes";
    await db().organisation.update({ where: { id: org.id }, data: { namedToPeers: named } });
    await recordAudit({ orgId: org.id, action: "peer-naming-changed", actorId: user.id, actorLabel: user.email, detail: named ? "named to other councils" : "not named to other councils", ip: context.clientIp });
    return { ok: true, message: named ? "Saved. Councils comparing with your shared rounds now see your council's name." : "Saved. Other councils no longer see your council's name." };
  }
  if (form.get("intent") === "remove-logo") {
    await removeLogo(org.id);
    await recordAudit({ orgId: org.id, action: "logo-changed", actorId: user.id, actorLabel: user.email, detail: "logo removed", ip: context.clientIp });
    return { ok: true, message: "Logo removed. Board papers show your council's name only." };
  }
  if (form.get("intent") === "clear-wording") {
    const removed = await clearMirWording(org.id);
    return { ok: true, message: removed ? "Official wording removed: plans show our summaries again." : "There was no official wording to remove." };
  }
  if (form.get("intent") === "stale-after") {
    const parsed = StaleAfter.safeParse({ staleAfterDays: form.get("staleAfterDays") || undefined });
    if (!parsed.success) return { ok: false, message: `Nothing was saved. ${parsed.error.issues[0]!.message}.` };
    await saveStaleAfterDays(org.id, parsed.data.staleAfterDays);
    return { ok: true, message: `Saved. Open actions with no progress update for ${parsed.data.staleAfterDays} days are now flagged stale.` };
  }
  const problems: string[] = [];
  const settings = ACTION_STATUSES.map((status) => {
    const parsed = Setting.safeParse({ label: form.get(`${status}.label`), percent: form.get(`${status}.percent`) });
    if (!parsed.success) {
      problems.push(`${status.replace("-", " ")}: ${parsed.error.issues[0]!.message}`);
      return null;
    }
    return { status, ...parsed.data };
  });
  if (problems.length) return { ok: false, message: `Nothing was saved. ${problems.join(". ")}.` };
  await saveStatusSettings(org.id, settings.filter((s) => s !== null));
  return { ok: true, message: "Saved. Plans and the dashboard now use these names and percents." };
}

export default function CouncilSettings() {
  const { org, statuses, officialCount, disclosureThreshold, dontKnowAliases, hasLogo, namedToPeers, staleAfterDays } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Council settings</h1>
      {outcome ? <OutcomeNotice outcome={outcome} /> : null}
      <p>
        <Link to={`/orgs/${org.slug}/sign-in`}>Sign in with your council account</Link>: let staff sign in through your identity provider (for example
        Microsoft Entra ID).
      </p>
      <h2>Action statuses</h2>
      <p>Choose what each status is called in your council and how far along an action in that status counts. People can still give their own percent in a progress update. RAG ratings are separate.</p>
      <Form method="post">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Name shown</th>
              <th scope="col">Percent done</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.status}>
                <th scope="row">{s.status.replace("-", " ")}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`${s.status}-label`}>{`Name for ${s.status.replace("-", " ")}`}</label>
                  <input id={`${s.status}-label`} name={`${s.status}.label`} defaultValue={s.label} maxLength={40} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${s.status}-percent`}>{`Percent done for ${s.status.replace("-", " ")}`}</label>
                  <input id={`${s.status}-percent`} name={`${s.status}.percent`} type="number" min={0} max={100} defaultValue={s.percent} inputMode="numeric" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="button">
          Save statuses
        </button>
      </Form>
      <h2>Stale actions</h2>
      <p>An open action is flagged stale when nobody has added a progress update for this many days. The flag shows beside the owner’s RAG rating and on the dashboard.</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="stale-after" />
        <div className="field">
          <label htmlFor="stale-after-days">Days without an update</label>
          <input id="stale-after-days" name="staleAfterDays" type="number" min={7} max={365} inputMode="numeric" defaultValue={staleAfterDays} />
        </div>
        <button type="submit" className="button">
          Save stale setting
        </button>
      </Form>
      <PeerNamingForm named={namedToPeers} />
      <h2>Small groups</h2>
      <p>
        When fewer people than this answered a question in a group, pages show the row but not the answers (&ldquo;fewer than {disclosureThreshold}: not
        shown&rdquo;), so nobody in a small group can be recognised from what they said. Links between the process and outcomes need at least this many people
        on each side.
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="disclosure" />
        <div className="field">
          <label htmlFor="disclosureThreshold">Withhold figures for fewer than this many people</label>
          <p className="hint" id="disclosure-hint">
            A whole number from 5 to 100. The usual choice is 10.
          </p>
          <input id="disclosureThreshold" name="disclosureThreshold" type="number" min={5} max={100} defaultValue={disclosureThreshold} inputMode="numeric" aria-describedby="disclosure-hint" />
        </div>
        <button type="submit" className="button">
          Save threshold
        </button>
      </Form>
      <h2>Your labels for &ldquo;don&rsquo;t know&rdquo;</h2>
      <p>
        Imports already read &ldquo;don&rsquo;t know&rdquo;, &ldquo;N/A&rdquo;, &ldquo;Not applicable&rdquo;, &ldquo;Prefer not to say&rdquo;, &ldquo;-&rdquo; and &ldquo;No
        response&rdquo; as no real answer, left out of the count. If your council&rsquo;s forms write it another way, add those labels here.
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="dont-know" />
        <div className="field">
          <label htmlFor="dontKnowAliases">Other labels that mean &ldquo;don&rsquo;t know&rdquo;</label>
          <p className="hint" id="dont-know-hint">
            One a line, for example &ldquo;Not known&rdquo;. Case, spaces and punctuation do not matter. A label that is already an answer (such as &ldquo;No&rdquo;)
            cannot be added. Files imported from now on use the list.
          </p>
          <textarea id="dontKnowAliases" name="dontKnowAliases" rows={4} defaultValue={dontKnowAliases.join("\n")} aria-describedby="dont-know-hint" />
        </div>
        <button type="submit" className="button">
          Save labels
        </button>
      </Form>
      <h2>Question wording</h2>
      <p>
        The children&rsquo;s services and personal health budget questions use our approximate wording until you load your council&rsquo;s official wording.{" "}
        <Link to={`/orgs/${org.slug}/question-wording`}>Load or check your question wording</Link>.
      </p>
      <h2>Making it Real wording</h2>
      <p>
        {officialCount
          ? `Your plans show your official wording for ${officialCount} statements, and our short summaries for the rest.`
          : "Your plans show our short summaries of the Making it Real statements. If you have TLAP's official wording, load it here."}
      </p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="wording">Official wording (CSV)</label>
          <p className="hint" id="wording-hint">
            Columns: id, theme, kind, text. For example: WF-I2, WF, I, “I am listened to…”.
          </p>
          <input id="wording" name="wording" type="file" accept=".csv,text/csv" aria-describedby="wording-hint" />
        </div>
        <button type="submit" className="button">
          Load wording
        </button>
      </Form>
      {officialCount ? (
        <Form method="post">
          <input type="hidden" name="intent" value="clear-wording" />
          <button type="submit" className="button button--secondary">
            Go back to our summaries
          </button>
        </Form>
      ) : null}
      <LogoSettings orgSlug={org.slug} councilName={org.name} hasLogo={hasLogo} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Council settings – POET Action Planner" }];
