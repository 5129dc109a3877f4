// The last step of any way in: refuse scripted flooding on the open link (trap field, per-address
// limit), send the draft's answers as one respondent, and note it in the audit log without answers.
import { recordAudit } from "~/models/audit.server";
import { minutesBlocked, SURVEY_SEND_PER_ADDRESS, tryAgainIn } from "../rateLimit.server";
import type { Draft } from "./surveyDraft.server";
import { addressKey, type SurveyContext } from "./surveyAccess.server";
import { submitResponse, type SubmitResult } from "./submitResponse.server";

export type SendResult = SubmitResult | { status: "limited"; message: string } | { status: "trapped" };

/** Sends a finished draft as one person's answers. */
export async function sendSurvey(ctx: SurveyContext, draft: Draft, options: { contact: { name: string; email: string; phone: string } | null; trapped: boolean; ip: string; linkOrigin: string }): Promise<SendResult> {
  const address = addressKey(options.ip);
  if (options.trapped) {
    await recordAudit({ orgId: null, action: "survey-honeypot", actorLabel: "open link", detail: ctx.collection.name, ip: address });
    return { status: "trapped" };
  }
  if (ctx.source === "link") {
    const blocked = await minutesBlocked(SURVEY_SEND_PER_ADDRESS, { ip: address });
    if (blocked) return { status: "limited", message: `Many answers have been sent from this connection in the last hour. ${tryAgainIn(blocked)} Your answers are saved.` };
  }
  const result = await submitResponse({
    collectionId: ctx.collection.id,
    source: ctx.source,
    personalCodeId: ctx.personalCode?.id ?? null,
    answers: draft.answers,
    about: draft.about,
    draftId: draft.id,
    contact: options.contact,
    linkOrigin: options.linkOrigin,
  });
  // The audit log says that an answer came and how, never what it said or who left contact details.
  if (result.status === "sent") await recordAudit({ orgId: null, action: "survey-response-sent", actorLabel: ctx.source === "code" ? "personal code" : "open link", detail: ctx.collection.name, ip: address });
  return result;
}
