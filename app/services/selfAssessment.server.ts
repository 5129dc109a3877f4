// The Making it Real self-assessment stage (docs/decisions/021): every change is a server edit made here, after
// checking who may make it, so ratings are counted once per person and only a facilitator sets a consensus or
// saves the result. The result is saved per plan and year and carried into the plan and the board report.
import { mirThemes, type MirStatement } from "~/domain/mir";
import { todayInEngland } from "~/domain/tracking/today";
import {
  addComment,
  createAction,
  finishStage,
  movement,
  openStage,
  readActions,
  readSelfAssessment,
  setConsensus,
  setEvidence,
  setRating,
  type MirRating,
  type Movement,
  type SavedResult,
} from "~/domain/workspace";
import { recordAudit } from "~/models/audit.server";
import { mirStatementsFor } from "~/models/mirWording.server";
import { loadRoundEvidence } from "~/models/round.server";
import { earlierSelfAssessment, findSelfAssessment, latestSelfAssessment, saveSelfAssessment, type SavedAssessment, type SavedRating } from "~/models/selfAssessment.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { displayNameOf, mayInPlan, type WorkspaceAccess } from "./auth.server";
import type { CollabControl, ServerOrigin } from "./collabControl";
import { anonymousVoterKey, participantKeyOf } from "./voting.server";

export type AssessmentCommand =
  | { intent: "open"; year: number }
  | { intent: "rate"; statementId: string; rating: MirRating | null }
  | { intent: "consensus"; statementId: string; rating: MirRating | null }
  | { intent: "evidence"; statementId: string; findingId: string; linked: boolean }
  | { intent: "comment"; statementId: string; text: string }
  | { intent: "finish" }
  | { intent: "suggest-action"; statementId: string };

export type AssessmentOutcome = { ok: true; message: string; actionId?: string } | { ok: false; status: 400 | 403 | 404 | 409 | 500; message: string };

/**
 * The key one person's ratings carry: opaque like an anonymous vote's, and different from it (ratings and votes
 * cannot be joined up), the same every time so a second rating replaces the first.
 */
export function ratingKeyOf(access: WorkspaceAccess): string {
  return anonymousVoterKey(access.workspace.id, `mir-self-assessment:${participantKeyOf(access)}`);
}

const originOf = (access: WorkspaceAccess, name?: string): ServerOrigin => ({
  source: "server",
  actorId: access.principal.kind === "user" ? access.principal.user.id : null,
  actorName: name ?? displayNameOf(access.principal),
});
// Ratings carry no actor, like anonymous votes: nothing about the edit ties a rating to a person.
const RATING_ORIGIN: ServerOrigin = { source: "server", actorId: null, actorName: "Making it Real self-assessment" };

/** The findings of the plan's newest round: the evidence people can link to a statement. */
export async function planFindings(access: WorkspaceAccess): Promise<{ id: string; sentence: string; easyRead: string; classification: string; href: string }[]> {
  const { workspace } = access;
  const rounds = await listWorkspaceRounds(workspace.id, workspace.orgId);
  const newest = rounds[0];
  if (!newest) return [];
  const evidence = await loadRoundEvidence(workspace.orgId, newest.id);
  const base = `/orgs/${workspace.org.slug}/rounds/${newest.id}/findings`;
  return (evidence?.analysis.findings ?? [])
    .filter((f) => f.classification === "weakness" || f.classification === "strength")
    .map((f) => ({ id: f.id, sentence: f.sentence, easyRead: f.easyRead, classification: f.classification, href: `${base}/${encodeURIComponent(f.id)}${access.principal.kind === "guest" ? "?view=easy" : ""}` }));
}

function refuse(status: 400 | 403 | 404 | 409 | 500, message: string): AssessmentOutcome {
  return { ok: false, status, message };
}

/** Carries out one command for this person, or says why not. */
export async function runAssessmentCommand(access: WorkspaceAccess, collab: CollabControl, command: AssessmentCommand, ip = ""): Promise<AssessmentOutcome> {
  const facilitator = mayInPlan(access, "facilitate:workspace");
  if (!mayInPlan(access, "edit:workspace")) return refuse(403, "Your role lets you read the self-assessment but not take part in it.");
  const statements = await mirStatementsFor(access.workspace.orgId);
  const statement = "statementId" in command ? statements.find((s) => s.id === command.statementId) : undefined;
  if ("statementId" in command && !statement) return refuse(404, "That Making it Real statement is not in this self-assessment. Reload the page and try again.");
  const ids = statements.map((s) => s.id);
  const workspaceId = access.workspace.id;

  switch (command.intent) {
    case "open": {
      if (!facilitator) return refuse(403, "Only a facilitator can open the self-assessment.");
      await collab.withDocument(workspaceId, (doc) => openStage(doc, command.year), originOf(access));
      return { ok: true, message: `The self-assessment for ${command.year} is open. Everyone in the workshop can rate each statement now.` };
    }
    case "consensus": {
      if (!facilitator) return refuse(403, "Only a facilitator can set the group’s agreed rating.");
      return whileOpen(collab, workspaceId, ids, originOf(access), (doc) => setConsensus(doc, command.statementId, command.rating), command.rating ? "Agreed rating set." : "Agreed rating cleared: the group’s votes decide.");
    }
    case "rate": {
      const key = ratingKeyOf(access);
      return whileOpen(collab, workspaceId, ids, RATING_ORIGIN, (doc) => setRating(doc, command.statementId, key, command.rating), command.rating ? "Your rating is saved." : "Your rating is taken back.");
    }
    case "evidence": {
      if (command.linked && !(await planFindings(access)).some((f) => f.id === command.findingId)) return refuse(404, "That finding is not in this plan’s evidence. Choose one from the list.");
      return whileOpen(collab, workspaceId, ids, originOf(access), (doc) => setEvidence(doc, command.statementId, command.findingId, command.linked), command.linked ? "Finding linked as evidence." : "Evidence link removed.");
    }
    case "comment": {
      const comment = { by: displayNameOf(access.principal), text: command.text, at: new Date().toISOString() };
      return whileOpen(collab, workspaceId, ids, originOf(access), (doc) => addComment(doc, command.statementId, comment), "Your comment is added.");
    }
    case "finish": {
      if (!facilitator) return refuse(403, "Only a facilitator can finish the self-assessment.");
      return finish(access, collab, statements, ip);
    }
    case "suggest-action": {
      const saved = await latestSelfAssessment(workspaceId);
      const rated = saved?.ratings.find((r) => r.statementId === command.statementId);
      if (!rated || rated.rating !== "not-yet") return refuse(409, "Actions are suggested for statements the group rated “Not yet”. This one was not.");
      let outcome: AssessmentOutcome = refuse(500, "The action could not be created.");
      await collab.withDocument(
        workspaceId,
        (doc) => {
          const existing = readActions(doc).find((a) => a.mirIds.includes(command.statementId));
          if (existing) {
            outcome = { ok: true, message: "This statement already has an action in the plan.", actionId: existing.id };
            return;
          }
          const id = createAction(doc, {
            title: suggestedActionTitle(statement!),
            mirIds: [command.statementId],
            findingIds: rated.evidence,
            createdBy: displayNameOf(access.principal),
          });
          outcome = { ok: true, message: "Action created and linked to the statement.", actionId: id };
        },
        originOf(access),
      );
      return outcome;
    }
  }
}

/** An editable plain sentence to start an action from a statement rated "not yet". */
export function suggestedActionTitle(statement: Pick<MirStatement, "text">): string {
  return `Work towards: ${statement.text.replace(/\.$/, "")}`;
}

async function whileOpen(collab: CollabControl, workspaceId: string, ids: string[], origin: ServerOrigin, change: Parameters<CollabControl["withDocument"]>[1], message: string): Promise<AssessmentOutcome> {
  let open = false;
  await collab.withDocument(
    workspaceId,
    (doc) => {
      open = readSelfAssessment(doc, ids).stage?.open === true;
      if (open) change(doc);
    },
    origin,
  );
  return open ? { ok: true, message } : refuse(409, "The self-assessment is not open. The facilitator opens it from this page.");
}

async function finish(access: WorkspaceAccess, collab: CollabControl, statements: readonly MirStatement[], ip: string): Promise<AssessmentOutcome> {
  const workspaceId = access.workspace.id;
  const ids = statements.map((s) => s.id);
  const finishedAt = new Date();
  let year: number | null = null;
  let ratings: SavedRating[] = [];
  // First close the stage (so no rating can arrive after the count) and count in the same step.
  await collab.withDocument(
    workspaceId,
    (doc) => {
      const view = readSelfAssessment(doc, ids);
      if (!view.stage?.open) return;
      year = view.stage.year;
      ratings = ids.flatMap((id) => {
        const s = view.statements[id]!;
        return s.rating && s.decidedBy ? [{ statementId: id, rating: s.rating, decidedBy: s.decidedBy, counts: s.counts, evidence: s.evidence, comments: s.comments }] : [];
      });
      doc.getMap("selfAssessment").set("stage", { open: false, year, finishedAt: null });
    },
    originOf(access),
  );
  if (year === null) return refuse(409, "The self-assessment is not open, so there is nothing to finish.");
  const finishedYear: number = year;
  try {
    await saveSelfAssessment({ workspaceId, orgId: access.workspace.orgId, year: finishedYear, finishedAt, finishedById: access.principal.kind === "user" ? access.principal.user.id : null, ratings });
  } catch {
    await collab.withDocument(workspaceId, (doc) => openStage(doc, finishedYear), originOf(access));
    return refuse(500, "The ratings could not be saved, so the self-assessment is still open. Try finishing again.");
  }
  const result: SavedResult = { year: finishedYear, finishedAt: finishedAt.toISOString(), ratings: Object.fromEntries(ratings.map((r) => [r.statementId, { rating: r.rating, decidedBy: r.decidedBy }])) };
  await collab.withDocument(workspaceId, (doc) => finishStage(doc, result), originOf(access));
  await recordAudit({
    orgId: access.workspace.orgId,
    action: "self-assessment-saved",
    actorId: access.principal.kind === "user" ? access.principal.user.id : null,
    actorLabel: access.principal.kind === "user" ? access.principal.user.email : displayNameOf(access.principal),
    detail: `${access.workspace.name}: Making it Real self-assessment ${finishedYear}, ${ratings.length} of ${ids.length} statements rated`,
    ip,
  });
  return { ok: true, message: `The self-assessment for ${finishedYear} is finished and saved: ${ratings.length} of ${ids.length} statements rated.` };
}

export type ComparedRating = { statementId: string; theme: string; text: string; rating: MirRating | null; decidedBy: SavedRating["decidedBy"] | null; earlier: MirRating | null; movement: Movement | null; evidence: string[]; comments: number };
export type ComparedAssessment = {
  year: number;
  finishedAt: string;
  earlier: { year: number; planName: string; samePlan: boolean } | null;
  rows: ComparedRating[];
  moved: Record<Movement, number>;
  notYet: number;
};

/** A saved result set beside an earlier year's, statement by statement, in theme order. */
export function compareAssessments(current: SavedAssessment, earlier: SavedAssessment | null, statements: readonly MirStatement[]): ComparedAssessment {
  const mine = new Map(current.ratings.map((r) => [r.statementId, r]));
  const before = new Map((earlier?.ratings ?? []).map((r) => [r.statementId, r.rating]));
  const themeOrder = new Map(mirThemes.map((t, i) => [t.id, i]));
  const rows = [...statements]
    .sort((a, b) => (themeOrder.get(a.theme) ?? 9) - (themeOrder.get(b.theme) ?? 9))
    .map((s) => {
      const r = mine.get(s.id);
      const earlierRating = before.get(s.id) ?? null;
      return {
        statementId: s.id,
        theme: mirThemes.find((t) => t.id === s.theme)?.title ?? s.theme,
        text: s.text,
        rating: r?.rating ?? null,
        decidedBy: r?.decidedBy ?? null,
        earlier: earlierRating,
        movement: r ? movement(r.rating, earlierRating) : null,
        evidence: r?.evidence ?? [],
        comments: r?.comments.length ?? 0,
      };
    });
  const moved = { up: 0, down: 0, same: 0 };
  for (const row of rows) if (row.movement) moved[row.movement]++;
  return {
    year: current.year,
    finishedAt: current.finishedAt,
    earlier: earlier ? { year: earlier.year, planName: earlier.planName, samePlan: earlier.workspaceId === current.workspaceId } : null,
    rows,
    moved,
    notYet: rows.filter((r) => r.rating === "not-yet").length,
  };
}

/** The plan's latest saved self-assessment beside the year before it, or null when it has none. */
export async function comparedSelfAssessment(access: WorkspaceAccess, year?: number): Promise<ComparedAssessment | null> {
  const { workspace } = access;
  const current = year === undefined ? await latestSelfAssessment(workspace.id) : await findSelfAssessment(workspace.id, year);
  if (!current) return null;
  const [earlier, statements] = await Promise.all([earlierSelfAssessment(workspace.id, workspace.orgId, current.year), mirStatementsFor(workspace.orgId)]);
  return compareAssessments(current, earlier, statements);
}

/** The year a new self-assessment starts on: this year in England. */
export function defaultAssessmentYear(): number {
  return Number(todayInEngland().slice(0, 4));
}

export type SelfAssessmentSummary = { year: number; notYet: number; withoutAction: number } | null;

/** For the plan page: the latest result's "not yet" statements and how many of them no action answers yet. */
export async function selfAssessmentSummary(access: WorkspaceAccess, actions: readonly { mirIds: readonly string[] }[]): Promise<SelfAssessmentSummary> {
  const latest = await latestSelfAssessment(access.workspace.id);
  if (!latest) return null;
  const notYet = latest.ratings.filter((r) => r.rating === "not-yet").map((r) => r.statementId);
  const answered = new Set(actions.flatMap((a) => a.mirIds));
  return { year: latest.year, notYet: notYet.length, withoutAction: notYet.filter((id) => !answered.has(id)).length };
}
