// The plan's "you said, we did" page settings, and finding a published plan by the key in its address.
import { randomBytes } from "node:crypto";
import { publicPageMode, type PublicPageMode } from "~/domain/tracking/publicPlan";
import { db } from "./db.server";

const published = { id: true, name: true, orgId: true, createdAt: true, publicPage: true, publicToken: true, publicShowNames: true, org: { select: { id: true, slug: true, name: true } } } as const;

/** A new unguessable address for an unlisted page (192 random bits). */
export function newPublicToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The plan a public address names: a public plan by its id, or an unlisted or public plan by its token.
 * Null when the page is off or the key matches nothing (the page then answers 404).
 */
export async function findPublishedPlan(key: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) return null;
  const plan = await db().workspace.findFirst({ where: { OR: [{ id: key, publicPage: "public" }, { publicToken: key, publicPage: { in: ["public", "unlisted"] } }] }, select: published });
  if (!plan) return null;
  return { ...plan, mode: publicPageMode(plan.publicPage), byToken: plan.publicToken === key };
}

/** The page settings of one plan of this council. */
export async function publicPageSettings(workspaceId: string, orgId: string) {
  const plan = await db().workspace.findFirst({ where: { id: workspaceId, orgId }, select: { publicPage: true, publicToken: true, publicShowNames: true } });
  return plan ? { mode: publicPageMode(plan.publicPage), token: plan.publicToken, showNames: plan.publicShowNames } : null;
}

/** Saves the page settings; an unlisted page gets its token the first time, or a new one when asked. */
export async function savePublicPageSettings(workspaceId: string, orgId: string, input: { mode: PublicPageMode; showNames: boolean; newLink: boolean }) {
  const current = await publicPageSettings(workspaceId, orgId);
  if (!current) return null;
  const token = input.newLink || (!current.token && input.mode !== "off") ? newPublicToken() : current.token;
  await db().workspace.updateMany({ where: { id: workspaceId, orgId }, data: { publicPage: input.mode, publicShowNames: input.showNames, publicToken: token } });
  return { mode: input.mode, token, showNames: input.showNames };
}
