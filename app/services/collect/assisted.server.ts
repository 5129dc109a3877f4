// Answers recorded with a person during a review (docs/decisions/022). The device keeps each one with
// its own random key until the server has it; the key becomes the respondent's reference in the round,
// so however often a flaky connection makes the device send it again, it is stored exactly once.
import { formQuestions } from "~/domain/collect";
import type { Survey } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { recordAudit } from "~/models/audit.server";
import { submitResponse } from "./submitResponse.server";
import { readSurveyForm } from "./surveyForm.server";

/** A device's key for one recorded answer: a UUID or similar random token. */
export const ASSISTED_KEY = /^[A-Za-z0-9-]{16,64}$/;

export type AssistedResult =
  | { status: "sent"; message: string }
  | { status: "already-sent"; message: string }
  | { status: "closed"; message: string }
  | { status: "invalid"; message: string };

type CollectionForAssist = { id: string; name: string; orgId: string; survey: string; questionSetVersion: string };

/** The questions of the collection's form, in the council's wording, in the order of the paper form and the assisted page. */
export async function assistQuestions(collection: { orgId: string; survey: string; questionSetVersion: string }) {
  return formQuestions((await questionSetFor(collection.orgId, collection.questionSetVersion))!, collection.survey as Survey);
}

/**
 * Stores one recorded answer (the form's fields as name/value pairs) under the device's key, or says why
 * not. "already-sent" means the key was stored before: the device may forget it.
 */
export async function recordAssisted(collection: CollectionForAssist, key: string, fields: readonly (readonly [string, string])[], actor: { id: string; email: string }, ip?: string): Promise<AssistedResult> {
  if (!ASSISTED_KEY.test(key)) return { status: "invalid", message: "These answers have no valid key, so they were not stored. Record them again." };
  const formData = new FormData();
  for (const [name, value] of fields) if (typeof name === "string" && typeof value === "string") formData.append(name, value);
  const form = readSurveyForm(formData, await assistQuestions(collection), collection.survey);
  if (form.problems.length) return { status: "invalid", message: form.problems.join("; ") };
  const answers = Object.fromEntries(Object.entries(form.answers).filter(([, v]) => v !== ""));
  const about = Object.fromEntries(Object.entries(form.about).filter(([, v]) => v !== ""));
  const result = await submitResponse({ collectionId: collection.id, source: "assisted", personalCodeId: null, answers, about, draftId: null, contact: null, externalId: `assisted-${key}` });
  if (result.status === "duplicate") return { status: "already-sent", message: "These answers had already arrived, so they were not stored again." };
  if (result.status !== "sent") return { status: "closed", message: result.message };
  // Like every way in: the log says that an answer came and how, never what it said.
  // Kept out of the council's own log (orgId null), like the other ways in, so times cannot be paired with contacts.
  await recordAudit({ orgId: null, action: "survey-response-sent", actorId: actor.id, actorLabel: "assisted in a review", detail: collection.name, ip });
  return { status: "sent", message: "Sent." };
}
