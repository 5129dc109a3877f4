// What a public survey page needs from its code: the collection, whether it takes answers, the
// personal code if it is one, and this browser's draft. No sign-in: the code is the only key.
import { createHmac } from "node:crypto";
import { collectionState, formQuestions, parseSurveyCode, type ResponseSource } from "~/domain/collect";
import type { Survey } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { findCollectionByCode } from "~/models/collection.server";
import { appSettings } from "../appSettings.server";
import { draftFromRequest, findDraftByCode } from "./surveyDraft.server";

export function surveyNotFound(): never {
  throw new Response("We could not find a survey with that code. Check the letter or link you were given, or type your code at /survey.", { status: 404 });
}

/** Everything a survey page needs for the code in its URL; 404 for a code that opens nothing. */
export async function loadSurvey(request: Request, codeParam: string | undefined) {
  const parsed = parseSurveyCode(codeParam ?? "");
  if (!parsed || parsed.kind === "resume") surveyNotFound();
  const found = await findCollectionByCode(parsed.kind, parsed.code);
  if (!found) surveyNotFound();
  const { collection, personalCode } = found;
  const questionSet = await questionSetFor(collection.orgId, collection.questionSetVersion);
  if (!questionSet) throw new Error(`Collection ${collection.id} uses unknown question set ${collection.questionSetVersion}`);
  const survey = collection.survey as Survey;
  // A personal code's draft belongs to the code, whichever device opens it; an open link's to the browser.
  const draft = personalCode ? await findDraftByCode(personalCode.id) : await draftFromRequest(request, collection.id);
  return {
    code: parsed.code,
    collection,
    personalCode,
    source: (personalCode ? "code" : "link") satisfies ResponseSource as ResponseSource,
    state: collectionState(collection, new Date()),
    survey,
    questions: formQuestions(questionSet, survey),
    draft,
  };
}

export type SurveyContext = Awaited<ReturnType<typeof loadSurvey>>;

/** A keyed hash of an address, so per-address limits work without the log holding anyone's address. */
export function addressKey(ip: string): string {
  return `addr:${createHmac("sha256", appSettings().sessionSecret).update(ip).digest("hex").slice(0, 16)}`;
}
