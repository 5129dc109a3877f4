// The rules every questionnaire page shares: only an open collection with a draft takes answers,
// and where each button leads. Routes stay thin.
import { redirect } from "@remix-run/node";
import type { SurveyContext } from "./surveyAccess.server";
import type { Draft } from "./surveyDraft.server";

/** The draft for a page that takes answers, or a redirect to the start page (which says why). */
export function requireDraft(ctx: SurveyContext): Draft {
  if (ctx.state !== "open" || ctx.personalCode?.usedAt || !ctx.draft) throw redirect(`/survey/${ctx.code}`);
  return ctx.draft;
}

/** The page a step leads to: steps are question numbers, then "about" (the last page, which sends). */
export function stepAfter(ctx: SurveyContext, step: number | "about", intent: "next" | "back"): string {
  const base = `/survey/${ctx.code}`;
  const total = ctx.questions.length;
  if (step === "about") return intent === "back" ? `${base}/${total}` : `${base}/about`;
  if (intent === "back") return step <= 1 ? base : `${base}/${step - 1}`;
  return step >= total ? `${base}/about` : `${base}/${step + 1}`;
}

/** Reads a step from the URL: a question number within the form, or "about"; null for anything else. */
export function parseStep(ctx: SurveyContext, text: string | undefined): number | "about" | null {
  if (text === "about") return "about";
  if (!text || !/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= ctx.questions.length ? n : null;
}
