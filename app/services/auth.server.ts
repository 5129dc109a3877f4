// Who is asking: the signed session cookie, its database session, and the guards every loader,
// action and socket uses. Outside your councils the answer is 404, never 403 (nothing leaks).
import { createCookie, redirect } from "@remix-run/node";
import { can, canInPlan, type Actor, type Permission, type Role } from "~/domain/access/permissions";
import { findCouncilForMember } from "~/models/organisation.server";
import { createSessionRecord, deleteSession, findSession, findSessionForPlan, SESSION_DAYS } from "~/models/session.server";
import { findWorkspaceForGuest, findWorkspaceForMember } from "~/models/workspace.server";
import { appSettings } from "./appSettings.server";
import { oncePerRequest } from "./requestScope.server";
import { safeRedirect } from "./safeRedirect";

/** `sessionExpiresAt`: when the login session ends (a live page's socket is closed then). */
export type UserPrincipal = { kind: "user"; sessionId: string; sessionExpiresAt: Date; user: { id: string; email: string; name: string } };
export type GuestPrincipal = { kind: "guest"; sessionId: string; sessionExpiresAt: Date; guest: { id: string; displayName: string; workspaceId: string } };
export type Principal = UserPrincipal | GuestPrincipal;

function sessionCookie() {
  const settings = appSettings();
  return createCookie("poet_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: settings.secureCookies,
    path: "/",
    secrets: [settings.sessionSecret],
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** The principal for a raw Cookie header (pages and collaboration sockets share this). */
export async function principalFromCookieHeader(cookieHeader: string | null | undefined): Promise<Principal | null> {
  if (!cookieHeader) return null;
  const sessionId: unknown = await sessionCookie().parse(cookieHeader);
  if (typeof sessionId !== "string") return null;
  const session = await findSession(sessionId);
  if (!session) return null;
  const sessionExpiresAt = session.expiresAt;
  if (session.user) return { kind: "user", sessionId, sessionExpiresAt, user: session.user };
  if (session.guest) return { kind: "guest", sessionId, sessionExpiresAt, guest: { id: session.guest.id, displayName: session.guest.displayName, workspaceId: session.guest.workspaceId } };
  return null;
}

/** Who is asking; the root, layout and page loaders of one page request share one lookup (requestScope). */
export function getPrincipal(request: Request): Promise<Principal | null> {
  const cookieHeader = request.headers.get("Cookie");
  return oncePerRequest(`principal:${cookieHeader ?? ""}`, () => principalFromCookieHeader(cookieHeader));
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}

/** A signed-in user (not a guest), or a redirect to sign in that comes back here. */
export async function requireUser(request: Request): Promise<UserPrincipal> {
  const principal = await getPrincipal(request);
  if (principal?.kind !== "user") loginRedirect(request);
  return principal;
}

export function notFound(what = "We could not find that page."): never {
  throw new Response(what, { status: 404 });
}

export function forbidden(why: string): never {
  throw new Response(why, { status: 403 });
}

/** The council and role of a member who holds the permission; 404 for non-members, 403 for a missing permission. */
export async function requireCouncil(request: Request, slug: string | undefined, permission: Permission) {
  const principal = await requireUser(request);
  const userId = principal.user.id;
  const access = slug ? await oncePerRequest(`council:${slug}:${userId}`, () => findCouncilForMember(slug, userId)) : null;
  if (!access) notFound();
  if (!can(access.role, permission)) forbidden(`Your role in ${access.org.name} does not allow this. Ask an owner if you need it.`);
  return { ...principal, org: access.org, role: access.role };
}

export type WorkspaceAccess = {
  principal: Principal;
  actor: Actor;
  /** An archived plan is read-only for everyone (see canInPlan). */
  archived: boolean;
  workspace: { id: string; name: string; orgId: string; org: { id: string; slug: string; name: string } };
};

/** Whether this visitor may do this in this plan (their role, and the plan's archived state). */
export function mayInPlan(access: WorkspaceAccess, permission: Permission): boolean {
  return canInPlan(access.actor, permission, access);
}

/** Resolves access to one workspace for a member of its council or a guest of that workspace. */
export async function workspaceAccessFor(principal: Principal, workspaceId: string): Promise<WorkspaceAccess | null> {
  if (principal.kind === "user") {
    const found = await findWorkspaceForMember(workspaceId, principal.user.id);
    return found ? { principal, actor: found.role as Role, archived: found.workspace.archivedAt !== null, workspace: found.workspace } : null;
  }
  const workspace = await findWorkspaceForGuest(workspaceId, principal.guest.workspaceId);
  return workspace ? { principal, actor: "guest", archived: workspace.archivedAt !== null, workspace } : null;
}

/**
 * A collaboration socket's whole access check from its Cookie header: the principal and their access to the
 * plan, read in one database round trip (findSessionForPlan) with the same rules as getPrincipal and
 * workspaceAccessFor. `principal: null`: no live session; `access: null`: no access to this plan.
 */
export async function socketAccessFromCookieHeader(
  cookieHeader: string | null | undefined,
  workspaceId: string,
): Promise<{ principal: null; access: null } | { principal: Principal; access: WorkspaceAccess | null }> {
  const none = { principal: null, access: null } as const;
  if (!cookieHeader) return none;
  const sessionId: unknown = await sessionCookie().parse(cookieHeader);
  if (typeof sessionId !== "string") return none;
  const found = await findSessionForPlan(sessionId, workspaceId);
  if (!found) return none;
  const { session, workspace, role } = found;
  const sessionExpiresAt = session.expiresAt;
  let principal: Principal;
  if (session.user) principal = { kind: "user", sessionId, sessionExpiresAt, user: session.user };
  else if (session.guest) principal = { kind: "guest", sessionId, sessionExpiresAt, guest: { id: session.guest.id, displayName: session.guest.displayName, workspaceId: session.guest.workspaceId } };
  else return none;
  if (!workspace) return { principal, access: null };
  if (principal.kind === "user") {
    return role ? { principal, access: { principal, actor: role as Role, archived: workspace.archivedAt !== null, workspace: { id: workspace.id, name: workspace.name, orgId: workspace.orgId, org: workspace.org } } } : { principal, access: null };
  }
  if (principal.guest.workspaceId !== workspaceId) return { principal, access: null };
  return { principal, access: { principal, actor: "guest", archived: workspace.archivedAt !== null, workspace: { id: workspace.id, name: workspace.name, orgId: workspace.orgId, org: workspace.org } } };
}

export async function requireWorkspace(request: Request, workspaceId: string | undefined, permission: Permission): Promise<WorkspaceAccess> {
  const principal = await getPrincipal(request);
  if (!principal) loginRedirect(request);
  const access = workspaceId ? await workspaceAccessFor(principal, workspaceId) : null;
  if (!access) notFound();
  if (!can(access.actor, permission)) forbidden("Your role does not allow this. Ask the facilitator or an owner if you need it.");
  if (!mayInPlan(access, permission)) forbidden(`“${access.workspace.name}” is archived, so it can be read but not changed. A facilitator or owner can restore it from the council’s page.`);
  return access;
}

export function displayNameOf(principal: Principal): string {
  return principal.kind === "user" ? principal.user.name : principal.guest.displayName;
}

/** Starts a database session and redirects with its cookie. */
export async function startSession(
  request: Request,
  context: { clientIp: string },
  owner: { userId: string } | { guestId: string; expiresAt: Date },
  redirectTo: string,
) {
  const record = await createSessionRecord({ ...owner, userAgent: request.headers.get("User-Agent") ?? "", ip: context.clientIp });
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await sessionCookie().serialize(record.id, "guestId" in owner ? { expires: owner.expiresAt } : {}) } });
}

/** Ends this browser's session and returns the header that clears its cookie. */
export async function endSession(request: Request): Promise<HeadersInit> {
  const principal = await getPrincipal(request);
  if (principal) await deleteSession(principal.sessionId);
  return { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) };
}

/**
 * For JSON endpoints a page calls with fetch: an access check's redirect to sign in becomes `signedOut` (an
 * answer the page can show), since the page cannot follow it to a login page. Refusals (404, 403) still throw.
 */
export async function accessOrSignedOut<T>(check: Promise<T>, signedOut: () => Response): Promise<T | Response> {
  try {
    return await check;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) return signedOut();
    throw thrown;
  }
}
