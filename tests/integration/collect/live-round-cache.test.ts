// The live round page keeps a collected round's people counted between looks and moves the counts by what
// changed (docs/decisions/030). Whatever it keeps, a person reading the page must see exactly what a
// fresh count of the round's respondents says: after answers arrive, after a withdrawal, and after another
// app instance (its own database client) adds or removes answers behind this one's back.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRoundFindings, roundFindingsBody } from "~/components/evidence/roundFindingsHtml.server";
import { adult2014, analyseRound, nationalBenchmarks, type Respondent, type RoundAnalysis } from "~/domain/poet";
import { db, providerOf, type Db } from "~/models/db.server";
import { disclosureThresholdFor } from "~/models/organisation.server";
import { questionSetFor } from "~/models/questionWording.server";
import { loadRoundEvidence } from "~/models/round.server";
import { forgetRoundPeople, roundPeopleStats } from "~/models/roundPeople.server";
import { createPersonalCodes } from "~/services/collect/personalCodes.server";
import { submitResponse, withdrawResponse } from "~/services/collect/submitResponse.server";
import { findingView } from "~/services/evidencePage.server";
import { collectTestApp, openTestCollection, sendPeople, syntheticPeople } from "../../support/collect";

/** A second database client on the same database: what another app instance writes with. */
async function otherInstance(url: string): Promise<Db> {
  if (providerOf(url) === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([import("~/generated/prisma-sqlite/client"), import("@prisma/adapter-better-sqlite3")]);
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("~/generated/prisma-postgresql/client"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

/** The round's findings worked out afresh from every respondent row it has now. */
async function freshAnalysis(orgId: string, roundId: string): Promise<RoundAnalysis> {
  const rows = await db().respondent.findMany({ where: { roundId } });
  const respondents: Respondent[] = rows.map((r) => ({
    id: r.externalId,
    survey: r.survey,
    ageBand: r.ageBand || null,
    supportReason: r.supportReason || null,
    budgetManagement: r.budgetManagement || null,
    answers: JSON.parse(r.answers) as Record<string, string>,
  }));
  return analyseRound(adult2014, { kind: "respondents", respondents }, nationalBenchmarks[adult2014.version]!, { disclosureThreshold: await disclosureThresholdFor(orgId) });
}

type PageData = { groups: RoundAnalysis["groups"]; findingsHtml: string };

describe("the live round page's kept counts", () => {
  const app = collectTestApp("owner");
  let other: Db;
  beforeAll(async () => {
    other = await otherInstance(process.env.TEST_DATABASE_URL!);
  });
  afterAll(async () => other?.$disconnect());

  /** Every group's page as its owner reads it, against the fresh count: same groups, and the findings and links as the fresh count shows them. */
  async function expectPageEqualsFresh(orgSlug: string, orgId: string, roundId: string, people: number) {
    const counted = await freshAnalysis(orgId, roundId);
    const fresh = JSON.parse(JSON.stringify(counted)) as RoundAnalysis;
    const questionSet = (await questionSetFor(orgId, adult2014.version))!;
    const shows = (group: string) => renderRoundFindings(roundFindingsBody(counted, { group, easy: false, orgSlug, roundId, aggregate: false, questionSet }, findingView(questionSet)));
    const route = encodeURIComponent("routes/orgs.$org.rounds.$round._index");
    const html = await (await app.owner.get(`/orgs/${orgSlug}/rounds/${roundId}`)).text();
    expect(html).toContain(`Still collecting: ${people} answers so far.`);
    expect(html).toContain(`<div id="round-findings">${shows("all")}</div>`);
    expect(fresh.groups.length).toBeGreaterThan(2);
    for (const group of fresh.groups) {
      const page = (await (await app.owner.get(`/orgs/${orgSlug}/rounds/${roundId}?group=${encodeURIComponent(group.id)}&_data=${route}`)).json()) as PageData;
      expect(page.groups).toEqual(fresh.groups);
      expect(page.findingsHtml).toBe(shows(group.id));
    }
    // This process's own kept counts (the test calls the model directly) agree as well.
    const evidence = await loadRoundEvidence(orgId, roundId);
    expect(JSON.parse(JSON.stringify(evidence!.analysis))).toEqual(fresh);
  }

  it("match a fresh count after answers arrive, after withdrawals, and after another instance's writes", async () => {
    forgetRoundPeople();
    const org = app.world.a.org;
    const collection = await openTestCollection(org.id);
    const people = syntheticPeople("holder", 120, 41);
    await sendPeople(collection.id, people.slice(0, 60));
    const codes = await createPersonalCodes(org.id, collection.id, 3, app.world.owner);
    for (const [i, code] of codes.entries()) {
      const personal = await db().surveyCode.findUniqueOrThrow({ where: { code } });
      const person = people[60 + i]!;
      const about = { ageBand: person.ageBand ?? undefined, supportReason: person.supportReason ?? undefined, budgetManagement: person.budgetManagement ?? undefined };
      expect((await submitResponse({ collectionId: collection.id, source: "code", personalCodeId: personal.id, answers: person.answers, about, draftId: null, contact: null })).status).toBe("sent");
    }
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 63);
    expect(roundPeopleStats()).toMatchObject({ fullReads: 1, rowsFetched: 63 });

    // New answers: only they are read.
    await sendPeople(collection.id, people.slice(63, 100));
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 100);
    expect(roundPeopleStats()).toMatchObject({ fullReads: 1, rowsFetched: 100, rowsDropped: 0 });

    // Two people take their answers back: the findings are as if they never gave them.
    expect(await withdrawResponse(codes[0]!)).toEqual({ status: "withdrawn" });
    expect(await withdrawResponse(codes[2]!)).toEqual({ status: "withdrawn" });
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 98);
    expect(roundPeopleStats()).toMatchObject({ fullReads: 1, rowsFetched: 100, rowsDropped: 2 });

    // Another instance stores an answer and removes one (its own client, its own transactions).
    const newcomer = people[100]!;
    const gone = await db().respondent.findFirstOrThrow({ where: { roundId: collection.roundId }, select: { id: true } });
    await other.$transaction([
      other.respondent.create({
        data: {
          id: randomBytes(12).toString("hex"),
          roundId: collection.roundId,
          externalId: `app-${randomBytes(8).toString("hex")}`,
          survey: "holder",
          ageBand: newcomer.ageBand ?? "",
          supportReason: newcomer.supportReason ?? "",
          budgetManagement: newcomer.budgetManagement ?? "",
          answers: JSON.stringify(newcomer.answers),
          source: "link",
          collectedMonth: new Date().toISOString().slice(0, 7),
        },
      }),
      other.poetRound.update({ where: { id: collection.roundId }, data: { respondentCount: { increment: 1 }, revision: { increment: 1 } } }),
    ]);
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 99);
    await other.$transaction([
      other.respondent.delete({ where: { id: gone.id } }),
      other.poetRound.update({ where: { id: collection.roundId }, data: { respondentCount: { decrement: 1 }, revision: { increment: 1 } } }),
    ]);
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 98);
    expect(roundPeopleStats()).toMatchObject({ fullReads: 1, rowsFetched: 101, rowsDropped: 3 });

    // Many looks at once at a new revision share one piece of work and all see the same findings.
    await sendPeople(collection.id, people.slice(101, 120));
    const looks = await Promise.all(Array.from({ length: 6 }, () => loadRoundEvidence(org.id, collection.roundId)));
    expect(new Set(looks).size).toBe(1);
    expect(roundPeopleStats()).toMatchObject({ fullReads: 1, rowsFetched: 120 });
    await expectPageEqualsFresh(org.slug, org.id, collection.roundId, 117);
  });
});
