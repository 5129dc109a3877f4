// Limits on guessing, counted from the audit log so they hold across app instances and restarts.
import { countRecentAudit, oldestRecentAudit, type AuditAction } from "~/models/audit.server";

type Rule = { action: AuditAction; windowMinutes: number; max: number };
export const SIGN_IN_PER_ACCOUNT: Rule = { action: "sign-in-failed", windowMinutes: 15, max: 5 };
export const SIGN_IN_PER_IP: Rule = { action: "sign-in-failed", windowMinutes: 15, max: 30 };
export const JOIN_CODE_PER_IP: Rule = { action: "join-code-failed", windowMinutes: 10, max: 10 };

/** Minutes until another try is allowed, or 0 when the limit is not reached. */
export async function minutesBlocked(rule: Rule, match: { actorLabel?: string; ip?: string }): Promise<number> {
  const since = new Date(Date.now() - rule.windowMinutes * 60_000);
  if ((await countRecentAudit(rule.action, since, match)) < rule.max) return 0;
  const oldest = await oldestRecentAudit(rule.action, since, match);
  const freeAt = (oldest?.at.getTime() ?? Date.now()) + rule.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
}

export function tryAgainIn(minutes: number): string {
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Survey limits count a keyed hash of the address (see collect/surveyAccess), never the address itself.
export const SURVEY_START_PER_ADDRESS: Rule = { action: "survey-started", windowMinutes: 60, max: 40 };
export const SURVEY_SEND_PER_ADDRESS: Rule = { action: "survey-response-sent", windowMinutes: 60, max: 20 };
export const SURVEY_CODE_PER_ADDRESS: Rule = { action: "survey-code-failed", windowMinutes: 10, max: 10 };
