import { db } from "./db.server";

export type AuditAction =
  | "sign-in"
  | "sign-in-failed"
  | "sign-out"
  | "sign-up"
  | "password-changed"
  | "password-reset-issued"
  | "password-reset-used"
  | "council-created"
  | "role-changed"
  | "member-removed"
  | "invite-created"
  | "invite-revoked"
  | "invite-accepted"
  | "join-code-created"
  | "join-code-ended"
  | "join-code-failed"
  | "guest-joined"
  | "guest-removed"
  | "guest-readmitted"
  | "guest-rejoin-refused"
  | "join-code-replaced"
  | "round-imported"
  | "round-updated"
  | "round-archived"
  | "round-unarchived"
  | "round-deleted"
  | "round-sharing-changed"
  | "peer-naming-changed"
  | "dont-know-labels-changed"
  | "question-wording-loaded"
  | "question-wording-reverted"
  | "plan-exported"
  | "plan-page-changed"
  | "disclosure-changed"
  | "logo-changed"
  | "collection-opened"
  | "collection-closed"
  | "collection-cut"
  | "survey-codes-created"
  | "survey-started"
  | "survey-code-failed"
  | "survey-response-sent"
  | "survey-response-withdrawn"
  | "survey-honeypot"
  | "hear-back-deleted"
  | "plan-renamed"
  | "plan-archived"
  | "plan-restored"
  | "identity-linked"
  | "identity-provider-changed"
  | "identity-provider-removed"
  | "self-assessment-saved"
  | "plan-deleted";

export type AuditInput = { orgId?: string | null; actorId?: string | null; actorLabel: string; action: AuditAction; detail?: string; ip?: string };

export async function recordAudit(event: AuditInput): Promise<void> {
  await db().auditEvent.create({
    data: { orgId: event.orgId ?? null, actorId: event.actorId ?? null, actorLabel: event.actorLabel, action: event.action, detail: event.detail ?? "", ip: event.ip ?? "" },
  });
}

/** How many times this action happened since a moment, for one actor label or IP: rate limits read this. */
export async function countRecentAudit(action: AuditAction, since: Date, match: { actorLabel?: string; ip?: string }): Promise<number> {
  return db().auditEvent.count({ where: { action, at: { gte: since }, ...match } });
}

export async function oldestRecentAudit(action: AuditAction, since: Date, match: { actorLabel?: string; ip?: string }) {
  return db().auditEvent.findFirst({ where: { action, at: { gte: since }, ...match }, orderBy: { at: "asc" }, select: { at: true } });
}

export async function latestRecentAudit(action: AuditAction, since: Date, match: { actorLabel?: string; ip?: string }) {
  return db().auditEvent.findFirst({ where: { action, at: { gte: since }, ...match }, orderBy: { at: "desc" }, select: { at: true } });
}

/** The council's events, plus its members' own sign-ins and failed sign-ins (which belong to no council). */
export async function listAudit(orgId: string, take = 200) {
  const members = await db().membership.findMany({ where: { orgId }, select: { user: { select: { id: true, email: true } } } });
  const ids = members.map((m) => m.user.id);
  const emails = members.map((m) => m.user.email);
  return db().auditEvent.findMany({
    where: { OR: [{ orgId }, { orgId: null, actorId: { in: ids } }, { orgId: null, action: "sign-in-failed", actorLabel: { in: emails } }] },
    orderBy: { at: "desc" },
    take,
  });
}
