// Collections for tests: opened through the real service, answered through the real forms or service.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { adult2014, generateDemoRound, type Respondent, type Survey } from "~/domain/poet";
import { db } from "~/models/db.server";
import { openCollection } from "~/services/collect/openCollection.server";
import { submitResponse } from "~/services/collect/submitResponse.server";
import { startTestApp, type RunningApp } from "./app-server";
import { Visitor } from "./visitor";
import { createWorld, PASSWORD, type World } from "./world";

type Member = "owner" | "facilitator";

/**
 * The set-up every collect test file shares: the real app on this file's database, a world of two
 * councils, and one member of council A signed in through the real form (its owner or facilitator).
 * Call it at the top of a describe block; the fields are there from beforeAll on.
 */
export function collectTestApp<R extends Member>(role: R): { running: RunningApp; world: World } & Record<R, Visitor> {
  const app = {} as { running: RunningApp; world: World } & Record<R, Visitor>;
  beforeAll(async () => {
    app.running = await startTestApp();
    app.world = await createWorld();
    (app as Record<R, Visitor>)[role] = await new Visitor(app.running.baseUrl).signIn(app.world[role].email, PASSWORD);
  });
  afterAll(async () => app.running?.close());
  return app;
}

export async function openTestCollection(orgId: string, options: { survey?: Survey; name?: string; questionSetVersion?: string } = {}) {
  return openCollection({
    orgId,
    name: options.name ?? `Reviews ${randomBytes(2).toString("hex")}`,
    questionSetVersion: options.questionSetVersion ?? adult2014.version,
    survey: options.survey ?? "holder",
    opensAt: new Date(Date.now() - 60_000),
    closesAt: null,
    contactRetentionUntil: null,
    actor: null,
  });
}

/** Synthetic people for a form, drawn by the demo generator (same seed, same people). */
export function syntheticPeople(survey: Survey, count: number, seed = 7): Respondent[] {
  return generateDemoRound({ seed, respondents: count * 3 }).respondents.filter((r) => r.survey === survey).slice(0, count);
}

/** Sends people straight through the service, as the last page of the form does. */
export async function sendPeople(collectionId: string, people: Respondent[]) {
  for (const person of people) {
    const result = await submitResponse({
      collectionId,
      source: "link",
      personalCodeId: null,
      answers: person.answers,
      about: { ageBand: person.ageBand ?? undefined, supportReason: person.supportReason ?? undefined, budgetManagement: person.budgetManagement ?? undefined },
      draftId: null,
      contact: null,
    });
    expect(result.status).toBe("sent");
  }
}

/** Answers a form one question per page with plain form posts, as a browser without JavaScript does. */
export async function answerByForm(visitor: Visitor, code: string, answers: Record<string, string>, options: { wording?: "standard" | "easy"; about?: Record<string, string>; contact?: Record<string, string>; total: number }) {
  const start = await visitor.post(`/survey/${code}`, { wording: options.wording ?? "standard", layout: "one", website: "" });
  expect(start.status).toBe(302);
  expect(start.headers.get("location")).toBe(`/survey/${code}/1`);
  const codes = Object.keys(answers);
  for (let step = 1; step <= options.total; step++) {
    const page = await visitor.get(`/survey/${code}/${step}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Question ${step} of ${options.total}`);
    const question = html.match(/name="q_([A-Z_]+)"/)?.[1];
    const form: Record<string, string> = { intent: "next" };
    if (question && codes.includes(question)) form[`q_${question}`] = answers[question]!;
    const next = await visitor.post(`/survey/${code}/${step}`, form);
    expect(next.status).toBe(302);
  }
  const about = Object.fromEntries(Object.entries(options.about ?? {}).map(([k, v]) => [`about_${k}`, v]));
  const contact = Object.fromEntries(Object.entries(options.contact ?? {}).map(([k, v]) => [`contact_${k}`, v]));
  return visitor.post(`/survey/${code}/about`, { intent: "send", website: "", about_ageBand: "", about_supportReason: "", about_budgetManagement: "", ...about, ...contact });
}

export async function respondentsOf(roundId: string) {
  return db().respondent.findMany({ where: { roundId }, orderBy: { externalId: "asc" } });
}
