// "You said, we did": who may see a plan's public page, and the plain and easy-read words it uses for
// how far an action has got and what changed at the next survey.
import { z } from "zod";
import type { RoundChange } from "./roundChange";

export const PUBLIC_PAGE_MODES = ["off", "unlisted", "public"] as const;
export type PublicPageMode = (typeof PUBLIC_PAGE_MODES)[number];
export const publicPageModeSchema = z.enum(PUBLIC_PAGE_MODES);

export const PUBLIC_PAGE_LABELS: Record<PublicPageMode, { label: string; hint: string }> = {
  off: { label: "Off", hint: "Nobody outside the council can see it." },
  unlisted: { label: "Unlisted link", hint: "Anyone with the link can see it; search engines are asked not to list it. You choose who gets the link." },
  public: { label: "Public", hint: "Anyone can see it, and search engines may list it." },
};

/** A stored mode read defensively: anything unknown counts as off (closed is the safe side). */
export function publicPageMode(value: string): PublicPageMode {
  const parsed = publicPageModeSchema.safeParse(value);
  return parsed.success ? parsed.data : "off";
}

/** How far an action has got, in easy-read words (statuses are the document's fixed keys). */
export const EASY_STATUS: Readonly<Record<string, string>> = {
  "not-started": "We have not started yet",
  "in-progress": "We have started",
  blocked: "It is stuck. We are working on it",
  complete: "We have done it",
};

export function easyStatus(status: string): string {
  return EASY_STATUS[status] ?? "We are checking this";
}

/** What changed at the next survey, in easy-read words. */
export function easyChange(change: Pick<RoundChange, "verdict" | "before" | "after">): string {
  const figures = `${Math.round(change.before.percent)} in 100 before, ${Math.round(change.after.percent)} in 100 now.`;
  switch (change.verdict) {
    case "significant-rise":
      return `More people said good things this time. ${figures}`;
    case "significant-fall":
      return `Fewer people said good things this time. ${figures}`;
    case "no-clear-change":
      return `About the same as last time. ${figures}`;
    case "too-few":
      return "Not enough people answered to tell.";
  }
}
