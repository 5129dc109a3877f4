import type { Role } from "~/domain/access/permissions";
import { storedDontKnowAliases } from "~/domain/poet/dontKnowAliases";
import { db, writeTransaction } from "./db.server";

export type CouncilAccess = { org: { id: string; slug: string; name: string; isDemo: boolean }; role: Role };

/** The council with this slug and the user's role in it, or null when the user is not a member (scope in the query). */
export async function findCouncilForMember(slug: string, userId: string): Promise<CouncilAccess | null> {
  // Every council page asks this for its visitor: one raw query (a Prisma model query is compiled anew each time).
  const [row] = await db().$queryRaw<{ id: string; slug: string; name: string; isDemo: unknown; role: string }[]>`
    SELECT o."id" AS "id", o."slug" AS "slug", o."name" AS "name", o."isDemo" AS "isDemo", m."role" AS "role"
    FROM "Membership" m
    JOIN "Organisation" o ON o."id" = m."orgId"
    WHERE m."userId" = ${userId} AND o."slug" = ${slug}`;
  // isDemo: a boolean on PostgreSQL, 0 or 1 on SQLite.
  return row ? { org: { id: row.id, slug: row.slug, name: row.name, isDemo: row.isDemo === true || Number(row.isDemo) === 1 }, role: row.role as Role } : null;
}

export async function listCouncilsForUser(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true, isDemo: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role as Role }));
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "council";
}

/** Creates a council with the user as its first owner, choosing a free slug. */
export async function createCouncil(name: string, ownerId: string) {
  const base = slugify(name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    if (await db().organisation.findUnique({ where: { slug }, select: { id: true } })) continue;
    return db().organisation.create({ data: { slug, name, memberships: { create: { userId: ownerId, role: "owner" } } } });
  }
  throw new Error(`Could not find a free address for the council "${name}"`);
}

export async function listMembers(orgId: string) {
  return db().membership.findMany({
    where: { orgId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export class LastOwnerError extends Error {
  constructor() {
    super("A council needs at least one owner. Make someone else an owner first.");
  }
}

/** Changes a member's role in this council; refuses to leave it without an owner. Returns the old role. */
export async function changeRole(orgId: string, membershipId: string, role: Role): Promise<{ from: Role; userId: string } | null> {
  return writeTransaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId } });
    if (!membership) return null;
    if (membership.role === "owner" && role !== "owner") {
      const owners = await tx.membership.count({ where: { orgId, role: "owner" } });
      if (owners <= 1) throw new LastOwnerError();
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    return { from: membership.role as Role, userId: membership.userId };
  });
}

/** Removes a member (or lets one leave); refuses to remove the last owner. */
export async function removeMember(orgId: string, membershipId: string): Promise<{ userId: string } | null> {
  return writeTransaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId } });
    if (!membership) return null;
    if (membership.role === "owner" && (await tx.membership.count({ where: { orgId, role: "owner" } })) <= 1) throw new LastOwnerError();
    await tx.membership.delete({ where: { id: membership.id } });
    return { userId: membership.userId };
  });
}

/** The council's disclosure threshold: groups with fewer people have their figures withheld (default 10). */
export async function disclosureThresholdFor(orgId: string): Promise<number> {
  const org = await db().organisation.findUnique({ where: { id: orgId }, select: { disclosureThreshold: true } });
  return org?.disclosureThreshold ?? 10;
}

/** The council's own labels for "don't know" (settings, owners), read as don't know when importing. */
export async function dontKnowAliasesFor(orgId: string): Promise<string[]> {
  const org = await db().organisation.findUnique({ where: { id: orgId }, select: { dontKnowAliases: true } });
  return storedDontKnowAliases(org?.dontKnowAliases ?? "");
}

/** Replaces the council's "don't know" labels (already checked by parseDontKnowAliases). */
export async function saveDontKnowAliases(orgId: string, aliases: readonly string[]): Promise<void> {
  await db().organisation.update({ where: { id: orgId }, data: { dontKnowAliases: aliases.join("\n") } });
}

/** Sets the council's disclosure threshold (scope in the query: only this council's row changes). */
export async function saveDisclosureThreshold(orgId: string, threshold: number): Promise<void> {
  await db().organisation.update({ where: { id: orgId }, data: { disclosureThreshold: threshold } });
}
