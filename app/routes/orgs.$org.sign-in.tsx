// An owner sets up signing in with the council's identity provider (OpenID Connect, e.g. Microsoft Entra ID):
// issuer, client id and secret, the email domains it covers, and the role new people start with (ADR 025).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { DEFAULT_ROLES, IssuerUrl, parseEmailDomains } from "~/domain/access/identityProvider";
import { recordAudit } from "~/models/audit.server";
import { domainsTakenElsewhere, identityProviderFor, linkedAccountCount, removeIdentityProvider, saveIdentityProvider } from "~/models/identityProvider.server";
import { requireCouncil } from "~/services/auth.server";
import { callbackUrlFor, checkProviderReachable } from "~/services/oidc.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:members");
  const provider = await identityProviderFor(org.id);
  return {
    org: { name: org.name, slug: org.slug },
    callbackUrl: callbackUrlFor(request),
    provider: provider
      ? { issuer: provider.issuer, clientId: provider.clientId, hasSecret: provider.clientSecret !== "", domains: provider.domains.join(", "), defaultRole: provider.defaultRole, enabled: provider.enabled, linked: await linkedAccountCount(provider.issuer) }
      : null,
  };
}

const ProviderForm = z.object({
  issuer: IssuerUrl,
  clientId: z.string({ required_error: "Enter the client (application) id your identity provider gave this app" }).trim().min(1, "Enter the client (application) id your identity provider gave this app").max(300, "That client id is too long"),
  clientSecret: z.string().max(2000, "That client secret is too long").optional(),
  domains: z.string({ required_error: "Enter at least one email domain, for example northmoor.gov.uk" }).max(2000, "That list of domains is too long"),
  defaultRole: z.enum(DEFAULT_ROLES, { errorMap: () => ({ message: "Choose the role new people start with: viewer or co-producer" }) }),
  enabled: z.literal("on").optional(),
});

type Outcome = { ok: boolean; message: string; values?: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome> {
  const { org, user } = await requireCouncil(request, params.org, "manage:members");
  const form = await readForm(request);
  const audit = { orgId: org.id, actorId: user.id, actorLabel: user.email, ip: context.clientIp };
  if (form.get("intent") === "remove") {
    const removed = await removeIdentityProvider(org.id);
    if (removed) await recordAudit({ ...audit, action: "identity-provider-removed" });
    return { ok: true, message: removed ? "Removed. People sign in with their password again; accounts made through the provider need an owner's reset link to set one." : "There was no identity provider to remove." };
  }
  const raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const values = { issuer: raw.issuer ?? "", clientId: raw.clientId ?? "", domains: raw.domains ?? "", defaultRole: raw.defaultRole ?? "viewer", enabled: raw.enabled ?? "" };
  const parsed = ProviderForm.safeParse({ ...raw, clientSecret: raw.clientSecret || undefined, enabled: raw.enabled || undefined });
  if (!parsed.success) return { ok: false, message: `Nothing was saved. ${parsed.error.issues[0]!.message}.`, values };
  const domains = parseEmailDomains(parsed.data.domains);
  if (!domains.ok) return { ok: false, message: `Nothing was saved. ${domains.message}.`, values };
  const existing = await identityProviderFor(org.id);
  const secret = parsed.data.clientSecret?.trim() || null;
  if (!secret && !existing?.clientSecret) return { ok: false, message: "Nothing was saved. Enter the client secret your identity provider gave this app.", values };
  const taken = await domainsTakenElsewhere(org.id, domains.domains);
  if (taken.length) return { ok: false, message: `Nothing was saved. Another council here already signs in ${taken.map((d) => `@${d}`).join(", ")} through its own provider; each domain can belong to one council. Remove ${taken.length === 1 ? "it" : "them"} from the list.`, values };
  const saved = await saveIdentityProvider(org.id, { issuer: parsed.data.issuer, clientId: parsed.data.clientId, clientSecret: secret, defaultRole: parsed.data.defaultRole, enabled: parsed.data.enabled === "on", domains: domains.domains });
  await recordAudit({ ...audit, action: "identity-provider-changed", detail: `${parsed.data.issuer} for ${domains.domains.join(", ")}${parsed.data.enabled === "on" ? "" : " (switched off)"}` });
  const unreachable = await checkProviderReachable(saved);
  if (unreachable) return { ok: false, message: `Saved, but it will not work yet: ${unreachable}` };
  return { ok: true, message: saved.enabled ? `Saved. People with ${saved.domains.map((d) => `@${d}`).join(", ")} addresses can now use “Sign in with your council account”.` : "Saved, switched off: nobody can sign in through it until you switch it on." };
}

export default function CouncilSignInSettings() {
  const { org, callbackUrl, provider } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const shown = outcome?.values ?? (provider ? { issuer: provider.issuer, clientId: provider.clientId, domains: provider.domains, defaultRole: provider.defaultRole, enabled: provider.enabled ? "on" : "" } : { issuer: "", clientId: "", domains: "", defaultRole: "viewer", enabled: "on" });
  const formKey = JSON.stringify(shown);
  return (
    <div className="narrow">
      <h1>Sign in with your council account</h1>
      <p>
        Let people at {org.name} sign in with the account they use for the council&rsquo;s other systems (OpenID Connect, for example Microsoft Entra ID).
        Passwords keep working for everyone else.
      </p>
      {outcome ? (
        <Notice tone={outcome.ok ? "success" : "warning"}>
          <p>{outcome.message}</p>
        </Notice>
      ) : null}
      <h2>Register this app with your identity provider</h2>
      <p>Ask your IT team to register a web application with this redirect address, then copy its issuer, client id and client secret below.</p>
      <p>
        <code className="callback-url">{callbackUrl}</code>
      </p>
      <h2>Your identity provider</h2>
      {provider ? <p>{provider.linked === 1 ? "1 account has signed in through it." : `${provider.linked} accounts have signed in through it.`}</p> : null}
      <Form method="post" className="stack" key={formKey}>
        <div className="field">
          <label htmlFor="issuer">Issuer URL</label>
          <p className="hint" id="issuer-hint">
            For Microsoft Entra ID: https://login.microsoftonline.com/&lt;your tenant id&gt;/v2.0
          </p>
          <input id="issuer" name="issuer" type="url" defaultValue={shown.issuer} aria-describedby="issuer-hint" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="clientId">Client (application) id</label>
          <input id="clientId" name="clientId" defaultValue={shown.clientId} required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="clientSecret">Client secret</label>
          <p className="hint" id="secret-hint">
            {provider?.hasSecret ? "A secret is saved and never shown. Leave this empty to keep it, or type a new one to replace it." : "Shown once by your identity provider when it is created."}
          </p>
          <input id="clientSecret" name="clientSecret" type="password" aria-describedby="secret-hint" autoComplete="new-password" />
        </div>
        <div className="field">
          <label htmlFor="domains">Email domains it covers</label>
          <p className="hint" id="domains-hint">
            Separated by commas, for example northmoor.gov.uk, care.northmoor.gov.uk. Only people whose address ends with one of these can sign in through it.
          </p>
          <input id="domains" name="domains" defaultValue={shown.domains} aria-describedby="domains-hint" required autoComplete="off" />
        </div>
        <fieldset className="field">
          <legend>Role for someone signing in for the first time</legend>
          <div className="field field--choice">
            <input type="radio" id="role-viewer" name="defaultRole" value="viewer" defaultChecked={shown.defaultRole !== "member"} />
            <label htmlFor="role-viewer">Viewer (reads everything, changes nothing)</label>
          </div>
          <div className="field field--choice">
            <input type="radio" id="role-member" name="defaultRole" value="member" defaultChecked={shown.defaultRole === "member"} />
            <label htmlFor="role-member">Co-producer (also edits plans)</label>
          </div>
        </fieldset>
        <div className="field field--choice">
          <input type="checkbox" id="enabled" name="enabled" defaultChecked={shown.enabled === "on"} />
          <label htmlFor="enabled">Switched on</label>
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Save and check
        </button>
      </Form>
      {provider ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button button--danger">
            Remove the identity provider
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in with your council account – POET Action Planner" }];
