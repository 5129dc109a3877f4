// Answers on their way, kept on the server so a person can stop and come back later — by the cookie
// on their device, their personal code, or the resume code we show them. Works with no JavaScript.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { formatSurveyCode, type About, type Layout, type Wording } from "~/domain/collect";
import { db } from "~/models/db.server";
import { appSettings } from "../appSettings.server";

const DRAFT_DAYS = 30;

function draftCookie() {
  const settings = appSettings();
  return createCookie("poet_survey", { httpOnly: true, sameSite: "lax", secure: settings.secureCookies, path: "/survey", secrets: [settings.sessionSecret], maxAge: DRAFT_DAYS * 86_400 });
}

const Stored = z.record(z.string());
export type Draft = { id: string; collectionId: string; resumeCode: string; codeId: string | null; answers: Record<string, string>; about: About; wording: Wording; layout: Layout };

function toDraft(row: { id: string; collectionId: string; resumeCode: string; codeId: string | null; answers: string; about: string; wording: string; layout: string }): Draft {
  return {
    id: row.id,
    collectionId: row.collectionId,
    resumeCode: row.resumeCode,
    codeId: row.codeId,
    answers: Stored.parse(JSON.parse(row.answers)),
    about: Stored.parse(JSON.parse(row.about)) as About,
    wording: row.wording === "easy" ? "easy" : "standard",
    layout: row.layout === "all" ? "all" : "one",
  };
}

/** The draft this browser is filling in for this collection, or null. */
export async function draftFromRequest(request: Request, collectionId: string): Promise<Draft | null> {
  const id: unknown = await draftCookie().parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const row = await db().surveyDraft.findFirst({ where: { id, collectionId } });
  return row ? toDraft(row) : null;
}

/** The Set-Cookie header that ties this browser to a draft. */
export function draftCookieHeader(draftId: string): Promise<string> {
  return draftCookie().serialize(draftId);
}

/** Starts a draft (or picks up the one already kept for this personal code) with the chosen wording and layout. */
export async function startDraft(input: { collectionId: string; codeId: string | null; wording: Wording; layout: Layout }): Promise<Draft> {
  if (input.codeId) {
    const existing = await db().surveyDraft.findUnique({ where: { codeId: input.codeId } });
    if (existing) return toDraft(await db().surveyDraft.update({ where: { id: existing.id }, data: { wording: input.wording, layout: input.layout } }));
  }
  const row = await db().surveyDraft.create({
    data: { id: randomBytes(18).toString("base64url"), collectionId: input.collectionId, codeId: input.codeId, resumeCode: formatSurveyCode("resume", randomBytes(10)), wording: input.wording, layout: input.layout },
  });
  return toDraft(row);
}

/** A draft found by the resume code a person typed, with its collection's open code to go back to. */
export async function findDraftByResumeCode(resumeCode: string) {
  const row = await db().surveyDraft.findUnique({ where: { resumeCode }, include: { collection: { select: { openCode: true } }, } });
  return row ? { draft: toDraft(row), openCode: row.collection.openCode } : null;
}

/** The draft kept for a personal code, if any. */
export async function findDraftByCode(codeId: string): Promise<Draft | null> {
  const row = await db().surveyDraft.findUnique({ where: { codeId } });
  return row ? toDraft(row) : null;
}

/** Saves answers and "about you" choices into the draft (merging; an empty value clears one). */
export async function saveDraft(draft: Draft, change: { answers?: Record<string, string>; about?: About; wording?: Wording; layout?: Layout }): Promise<Draft> {
  const answers = { ...draft.answers, ...change.answers };
  const about: Record<string, string> = { ...draft.about, ...change.about };
  for (const [k, v] of Object.entries(answers)) if (v === "") delete answers[k];
  for (const [k, v] of Object.entries(about)) if (v === "") delete about[k];
  const row = await db().surveyDraft.update({
    where: { id: draft.id },
    data: { answers: JSON.stringify(answers), about: JSON.stringify(about), wording: change.wording ?? draft.wording, layout: change.layout ?? draft.layout },
  });
  return toDraft(row);
}
