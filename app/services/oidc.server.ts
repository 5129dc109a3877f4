// Signing in with a council's own identity provider (OpenID Connect, authorization code flow with PKCE).
// The browser's part of the flow (state, nonce, PKCE verifier, where to go back to) lives in a short-lived
// signed cookie scoped to the callback path; the provider's metadata is read once per setting (ADR 025).
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { DEFAULT_ROLES, domainOfEmail, type DefaultRole } from "~/domain/access/identityProvider";
import { writeTransaction } from "~/models/db.server";
import { identityProviderById, type IdentityProviderRecord } from "~/models/identityProvider.server";
import { appSettings } from "./appSettings.server";
import { safeRedirect } from "./safeRedirect";

export const CALLBACK_PATH = "/auth/oidc/callback";
const FLOW_MINUTES = 10;

/** Where the provider sends people back: this app's own address as the browser reached it. */
export function callbackUrlFor(request: Request): string {
  return new URL(CALLBACK_PATH, new URL(request.url).origin).href;
}

function flowCookie() {
  const settings = appSettings();
  return createCookie("poet_oidc", { httpOnly: true, sameSite: "lax", secure: settings.secureCookies, path: "/auth/oidc", secrets: [settings.sessionSecret], maxAge: FLOW_MINUTES * 60 });
}

type Flow = { provider: string; state: string; nonce: string; verifier: string; redirectTo: string };

const configurations = new Map<string, { key: string; config: oidc.Configuration }>();

/** The provider's metadata, read from its discovery document (kept until the council changes the setting). */
async function configurationFor(provider: IdentityProviderRecord): Promise<oidc.Configuration> {
  const key = `${provider.issuer}|${provider.clientId}|${provider.updatedAt.getTime()}`;
  const cached = configurations.get(provider.id);
  if (cached?.key === key) return cached.config;
  const issuer = new URL(provider.issuer);
  // Plain http is accepted only for a provider on this machine (IssuerUrl refuses it anywhere else).
  const options = issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
  const config = await oidc.discovery(issuer, provider.clientId, provider.clientSecret, undefined, options);
  configurations.set(provider.id, { key, config });
  return config;
}

export class SignInProblem extends Error {}

function describe(error: unknown): string {
  if (error instanceof SignInProblem) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/** Checks a saved setting by reading the provider's discovery document; null when it answers, else what went wrong. */
export async function checkProviderReachable(provider: IdentityProviderRecord): Promise<string | null> {
  try {
    configurations.delete(provider.id);
    await configurationFor(provider);
    return null;
  } catch (error) {
    return `We could not read ${provider.issuer}/.well-known/openid-configuration (${describe(error)}). Check the issuer URL with your IT team.`;
  }
}

/** The provider's sign-in page for this person, and the cookie that remembers the flow. */
export async function startSignIn(request: Request, provider: IdentityProviderRecord, redirectTo: string, loginHint: string): Promise<{ location: string; cookie: string }> {
  const config = await configurationFor(provider);
  const flow: Flow = { provider: provider.id, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), redirectTo: safeRedirect(redirectTo) };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrlFor(request),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    login_hint: loginHint,
  });
  return { location: url.href, cookie: await flowCookie().serialize(flow) };
}

export function clearFlowCookie(): Promise<string> {
  return flowCookie().serialize("", { maxAge: 0 });
}

export type Claims = { sub: string; email?: unknown; email_verified?: unknown; preferred_username?: unknown; upn?: unknown; name?: unknown };

/** Finishes the flow: checks state, nonce and PKCE, swaps the code for tokens, and returns the provider and the person's claims. */
export async function finishSignIn(request: Request): Promise<{ provider: IdentityProviderRecord & { org: { id: string; name: string; slug: string } }; claims: Claims; redirectTo: string }> {
  const url = new URL(request.url);
  const flow = (await flowCookie().parse(request.headers.get("Cookie"))) as Flow | null;
  if (!flow || typeof flow !== "object" || typeof flow.state !== "string") {
    throw new SignInProblem("This sign-in took longer than 10 minutes, or was started in another browser. Start again from the sign-in page.");
  }
  const providerError = url.searchParams.get("error");
  if (providerError) {
    const why = url.searchParams.get("error_description");
    throw new SignInProblem(
      providerError === "access_denied"
        ? "Sign-in was cancelled at your council's sign-in page. Start again if you meant to sign in."
        : `Your council's sign-in page refused the sign-in (${providerError}${why ? `: ${why.slice(0, 200)}` : ""}). Try again, or ask your IT team.`,
    );
  }
  const provider = await identityProviderById(flow.provider);
  if (!provider || !provider.enabled) throw new SignInProblem("Your council has switched off signing in through its own provider. Sign in with your password instead.");
  const config = await configurationFor(provider);
  // The address the provider redirected to, rebuilt from the registered callback so a proxy's rewrite cannot change it.
  const current = new URL(callbackUrlFor(request));
  current.search = url.search;
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
  } catch (error) {
    throw new SignInProblem(`Your council's sign-in could not be completed (${describe(error)}). Start again; if it keeps happening, ask your IT team to check this app's settings there.`);
  }
  const claims = tokens.claims() as Claims | undefined;
  if (!claims?.sub) throw new SignInProblem("Your council's sign-in did not say who you are. Ask your IT team to check this app's settings there.");
  return { provider, claims, redirectTo: flow.redirectTo };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The email the provider vouches for: `email`, else an email-shaped username (Entra ID's `preferred_username` or `upn`). */
export function emailFromClaims(claims: Claims): string | null {
  const candidates = [text(claims.email), text(claims.preferred_username), text(claims.upn)];
  const found = candidates.find((value) => value && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value));
  return found ? found.toLowerCase() : null;
}

export type ResolvedPerson = { user: { id: string; email: string; name: string }; outcome: "signed-in" | "linked" | "created" };

/**
 * Who this is here. An account already linked to this provider signs in (if still a member of the council);
 * otherwise the account with that email is linked, but only when it belongs to this council alone or to none
 * (a provider may never take over an account another council relies on); otherwise a new account is made in
 * this council with the council's default role.
 */
export async function resolvePerson(provider: IdentityProviderRecord & { org: { id: string; name: string } }, claims: Claims): Promise<ResolvedPerson> {
  const email = emailFromClaims(claims);
  if (!email) throw new SignInProblem("Your council's sign-in did not tell us your email address. Ask your IT team to release the email claim to this app.");
  if (claims.email_verified === false) throw new SignInProblem(`Your council's sign-in says ${email} is not verified yet. Verify it there, then try again.`);
  const domain = domainOfEmail(email);
  if (!domain || !provider.domains.includes(domain)) {
    throw new SignInProblem(`Your council's sign-in signed you in as ${email}, but ${provider.org.name} uses it only for addresses ending ${provider.domains.map((d) => `@${d}`).join(", ")}. Sign in with your password instead.`);
  }
  const name = text(claims.name)?.slice(0, 100) ?? email.split("@")[0]!;
  const role: DefaultRole = (DEFAULT_ROLES as readonly string[]).includes(provider.defaultRole) ? (provider.defaultRole as DefaultRole) : "viewer";
  return writeTransaction(async (tx) => {
    const linked = await tx.externalIdentity.findUnique({ where: { issuer_subject: { issuer: provider.issuer, subject: claims.sub } }, select: { user: { select: { id: true, email: true, name: true } } } });
    if (linked) {
      const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: provider.org.id, userId: linked.user.id } } });
      if (!member) throw new SignInProblem(`You are no longer a member of ${provider.org.name}. Ask one of its owners to invite you again.`);
      return { user: linked.user, outcome: "signed-in" as const };
    }
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, memberships: { select: { orgId: true } } } });
    if (existing) {
      const others = existing.memberships.filter((m) => m.orgId !== provider.org.id);
      if (others.length > 0) {
        throw new SignInProblem(`An account for ${email} already exists and is used in another council too, so it cannot be signed in through ${provider.org.name}'s provider. Sign in with your password instead.`);
      }
      if (existing.memberships.length === 0) await tx.membership.create({ data: { orgId: provider.org.id, userId: existing.id, role } });
      await tx.externalIdentity.create({ data: { userId: existing.id, issuer: provider.issuer, subject: claims.sub } });
      return { user: { id: existing.id, email: existing.email, name: existing.name }, outcome: "linked" as const };
    }
    // No password: this person signs in through the council's provider (an owner's reset link can add one).
    const user = await tx.user.create({ data: { email, name, passwordHash: "" }, select: { id: true, email: true, name: true } });
    await tx.membership.create({ data: { orgId: provider.org.id, userId: user.id, role } });
    await tx.externalIdentity.create({ data: { userId: user.id, issuer: provider.issuer, subject: claims.sub } });
    return { user, outcome: "created" as const };
  });
}
