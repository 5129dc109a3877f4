// First-run demo: a fictional council, a facilitator account, a synthetic POET round imported through
// the same code as the web page, and an action plan working from it. Never runs in production.
import { hash } from "@node-rs/argon2";
import * as Y from "yjs";
import { createAction } from "~/domain/workspace";
import { adult2014, generateDemoRound, respondentsToCsv } from "~/domain/poet";
import { db } from "~/models/db.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { projectWorkspace } from "~/services/projectWorkspace.server";

export const DEMO = {
  orgSlug: "demo",
  orgName: "Northmoor Council (demo)",
  email: "facilitator@northmoor.example",
  name: "Demo Facilitator",
  password: "northmoor-demo-2026",
  workspaceName: "Action plan 2026 (demo)",
  roundName: "POET 2026 (synthetic)",
  seed: 2026,
  respondents: 812,
} as const;

export type DemoSignIn = { orgName: string; email: string; password: string };

/** Creates the demo council once (when the database has no councils) and returns its sign-in. */
export async function seedDemo(): Promise<DemoSignIn | null> {
  const client = db();
  const existing = await client.organisation.findUnique({ where: { slug: DEMO.orgSlug } });
  if (!existing) {
    if ((await client.organisation.count()) > 0) return null;
    const passwordHash = await hash(DEMO.password);
    const { org, user } = await client.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: { slug: DEMO.orgSlug, name: DEMO.orgName, isDemo: true } });
      const user = await tx.user.upsert({ where: { email: DEMO.email }, update: {}, create: { email: DEMO.email, name: DEMO.name, passwordHash } });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
      return { org, user };
    });
    const { respondents } = generateDemoRound({ seed: DEMO.seed, respondents: DEMO.respondents });
    const csv = new TextEncoder().encode(respondentsToCsv(adult2014, respondents));
    const imported = await importPoetRound({
      orgId: org.id,
      importedBy: { id: user.id, email: user.email },
      roundName: DEMO.roundName,
      fileName: "northmoor-poet-2026-synthetic.csv",
      bytes: csv,
      isSynthetic: true,
    });
    if (imported.status !== "imported") throw new Error(`The demo POET round did not import: ${JSON.stringify(imported).slice(0, 500)}`);
    const workspace = await client.workspace.create({
      data: { orgId: org.id, name: DEMO.workspaceName, createdById: user.id, rounds: { create: { roundId: imported.roundId } } },
    });
    await seedSamplePlan(workspace.id, { actorId: user.id, actorName: user.name });
  }
  return { orgName: DEMO.orgName, email: DEMO.email, password: DEMO.password };
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A few actions answering the demo round's weaknesses and strengths, stored as one document update and projected. */
async function seedSamplePlan(workspaceId: string, author: { actorId: string; actorName: string }) {
  const doc = new Y.Doc();
  const samples = [
    { title: "Tell people their budget amount before planning starts", owner: DEMO.name, due: daysFromNow(-14), status: "in-progress", rag: "amber", findingIds: ["P_KNEW_AMOUNT~all"], mirIds: ["IA-I3"] },
    { title: "Ask about feeling safe at every review", owner: "Priya Shah", due: daysFromNow(60), status: "not-started", rag: "green", findingIds: ["O_SAFE~all"], mirIds: ["AC-I3"] },
    { title: "Easy-read letter explaining personal budgets", owner: "", due: daysFromNow(90), status: "not-started", rag: "green", findingIds: ["P_KNEW_AMOUNT~all"], mirIds: ["IA-I2"] },
    { title: "Share how we include people's views in planning", owner: "Sam Okafor", due: daysFromNow(-30), status: "complete", rag: "green", findingIds: ["P_VIEWS_INCLUDED~all"], mirIds: ["AC-I1"] },
  ] as const;
  for (const sample of samples) createAction(doc, { ...sample, findingIds: [...sample.findingIds], mirIds: [...sample.mirIds], createdBy: DEMO.name });
  await db().docUpdate.create({ data: { workspaceId, data: new Uint8Array(Y.encodeStateAsUpdate(doc)), authorId: author.actorId, authorName: author.actorName } });
  await projectWorkspace(workspaceId, doc, () => ({ ...author, at: new Date() }));
}
