// A council's identity provider and the accounts linked to it (ADR 025).
import type { DefaultRole } from "~/domain/access/identityProvider";
import { db, writeTransaction } from "./db.server";

export type IdentityProviderRecord = {
  id: string;
  orgId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  defaultRole: string;
  enabled: boolean;
  updatedAt: Date;
  domains: string[];
};

function shape(row: { id: string; orgId: string; issuer: string; clientId: string; clientSecret: string; defaultRole: string; enabled: boolean; updatedAt: Date; domains: { domain: string }[] }): IdentityProviderRecord {
  return { ...row, domains: row.domains.map((d) => d.domain).sort() };
}

export async function identityProviderFor(orgId: string): Promise<IdentityProviderRecord | null> {
  const row = await db().identityProvider.findUnique({ where: { orgId }, include: { domains: { select: { domain: true } } } });
  return row ? shape(row) : null;
}

export async function identityProviderById(id: string): Promise<(IdentityProviderRecord & { org: { id: string; name: string; slug: string } }) | null> {
  const row = await db().identityProvider.findUnique({ where: { id }, include: { domains: { select: { domain: true } }, org: { select: { id: true, name: true, slug: true } } } });
  return row ? { ...shape(row), org: row.org } : null;
}

/** The enabled provider covering an email domain, with its council's name. */
export async function identityProviderForDomain(domain: string) {
  const row = await db().identityDomain.findUnique({ where: { domain }, select: { provider: { include: { domains: { select: { domain: true } }, org: { select: { id: true, name: true, slug: true } } } } } });
  if (!row || !row.provider.enabled) return null;
  return { ...shape(row.provider), org: row.provider.org };
}

/** Domains another council already covers (each domain belongs to one council). */
export async function domainsTakenElsewhere(orgId: string, domains: string[]): Promise<string[]> {
  const rows = await db().identityDomain.findMany({ where: { domain: { in: domains }, provider: { orgId: { not: orgId } } }, select: { domain: true } });
  return rows.map((r) => r.domain).sort();
}

export type SaveProvider = { issuer: string; clientId: string; clientSecret: string | null; defaultRole: DefaultRole; enabled: boolean; domains: string[] };

/** Creates or replaces the council's provider (a null secret keeps the stored one) and returns it as saved. */
export async function saveIdentityProvider(orgId: string, input: SaveProvider): Promise<IdentityProviderRecord> {
  return writeTransaction(async (tx) => {
    const existing = await tx.identityProvider.findUnique({ where: { orgId }, select: { id: true, clientSecret: true } });
    const data = { issuer: input.issuer, clientId: input.clientId, clientSecret: input.clientSecret ?? existing?.clientSecret ?? "", defaultRole: input.defaultRole, enabled: input.enabled };
    const provider = existing ? await tx.identityProvider.update({ where: { orgId }, data }) : await tx.identityProvider.create({ data: { orgId, ...data } });
    await tx.identityDomain.deleteMany({ where: { providerId: provider.id } });
    await tx.identityDomain.createMany({ data: input.domains.map((domain) => ({ domain, providerId: provider.id })) });
    return { ...provider, domains: [...input.domains].sort() };
  });
}

export async function removeIdentityProvider(orgId: string): Promise<boolean> {
  const { count } = await db().identityProvider.deleteMany({ where: { orgId } });
  return count > 0;
}

export async function linkedAccountCount(issuer: string): Promise<number> {
  return db().externalIdentity.count({ where: { issuer } });
}
