// Limits on guessing, counted from the audit log so they hold across app instances and restarts.
import { countRecentAudit, latestRecentAudit, oldestRecentAudit, type AuditAction } from "~/models/audit.server";

type Rule = { action: AuditAction; windowMinutes: number; max: number };
/** The real brute-force protection: one account gets a few guesses, then waits out the window. */
export const SIGN_IN_PER_ACCOUNT: Rule = { action: "sign-in-failed", windowMinutes: 15, max: 5 };
export const JOIN_CODE_PER_IP: Rule = { action: "join-code-failed", windowMinutes: 10, max: 10 };

/**
 * A whole office can share one address, so an address is slowed down, never locked out: after `burst`
 * failures within the window it gets one more try every `spacingSeconds` (a token bucket refilled at
 * that rate), which still stops one machine spraying guesses across many accounts.
 */
type Throttle = { action: AuditAction; windowMinutes: number; burst: number; spacingSeconds: number };
export const SIGN_IN_PER_ADDRESS: Throttle = { action: "sign-in-failed", windowMinutes: 15, burst: 30, spacingSeconds: 10 };

/** Minutes until another try is allowed, or 0 when the limit is not reached. */
export async function minutesBlocked(rule: Rule, match: { actorLabel?: string; ip?: string }): Promise<number> {
  const since = new Date(Date.now() - rule.windowMinutes * 60_000);
  if ((await countRecentAudit(rule.action, since, match)) < rule.max) return 0;
  const oldest = await oldestRecentAudit(rule.action, since, match);
  const freeAt = (oldest?.at.getTime() ?? Date.now()) + rule.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
}

/** Seconds this address must wait before its next try, or 0 when it may try now. */
export async function secondsThrottled(throttle: Throttle, ip: string): Promise<number> {
  const since = new Date(Date.now() - throttle.windowMinutes * 60_000);
  if ((await countRecentAudit(throttle.action, since, { ip })) < throttle.burst) return 0;
  const latest = await latestRecentAudit(throttle.action, since, { ip });
  if (!latest) return 0;
  const wait = latest.at.getTime() + throttle.spacingSeconds * 1000 - Date.now();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export function tryAgainIn(minutes: number): string {
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Survey limits count a keyed hash of the address (see collect/surveyAccess), never the address itself.
export const SURVEY_START_PER_ADDRESS: Rule = { action: "survey-started", windowMinutes: 60, max: 40 };
export const SURVEY_SEND_PER_ADDRESS: Rule = { action: "survey-response-sent", windowMinutes: 60, max: 20 };
export const SURVEY_CODE_PER_ADDRESS: Rule = { action: "survey-code-failed", windowMinutes: 10, max: 10 };

export function networkTryAgainIn(seconds: number): string {
  return `Too many sign-in attempts from your network; try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
