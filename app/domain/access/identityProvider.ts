// The parts of a council's identity-provider setting a person types: the issuer URL and the email domains it
// covers. Pure parsing with messages that say what was wrong and how to fix it (ADR 025).
import { z } from "zod";

export const DEFAULT_ROLES = ["viewer", "member"] as const;
export type DefaultRole = (typeof DEFAULT_ROLES)[number];

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Whether an issuer at this host may be reached over plain http (only this machine: a provider run for tests or trials). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

export type DomainsResult = { ok: true; domains: string[] } | { ok: false; message: string };

/** "northmoor.gov.uk, @care.northmoor.gov.uk" → ["northmoor.gov.uk", "care.northmoor.gov.uk"]. */
export function parseEmailDomains(text: string): DomainsResult {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, ""))
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, message: "Enter at least one email domain, for example northmoor.gov.uk" };
  if (parts.length > 20) return { ok: false, message: `That is ${parts.length} domains; at most 20 can be covered. Keep the ones your staff's email addresses end with.` };
  for (const part of parts) {
    if (part.includes("@")) return { ok: false, message: `“${part}” looks like an email address. Enter only the part after the @, for example ${part.split("@").pop()}` };
    if (!DOMAIN.test(part)) return { ok: false, message: `“${part}” is not an email domain. Enter domains like northmoor.gov.uk, separated by commas.` };
  }
  return { ok: true, domains: [...new Set(parts)] };
}

/** The domain of an email address, lower case; null when it has none. */
export function domainOfEmail(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

export const IssuerUrl = z
  .string({ required_error: "Enter the issuer URL your identity provider gives you" })
  .trim()
  .max(500, "That address is too long for an issuer URL")
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter the issuer as a full web address, for example https://login.microsoftonline.com/<tenant id>/v2.0" });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
      ctx.addIssue({ code: "custom", message: "The issuer must start with https:// (sign-in details must never travel unencrypted)." });
      return z.NEVER;
    }
    if (url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: "Leave out anything after ? or # in the issuer URL." });
      return z.NEVER;
    }
    return url.href.replace(/\/$/, "");
  });
