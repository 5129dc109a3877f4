// Everything the live workshop page needs: the person, the round's findings and the document state.
import { toBase64 } from "~/collab/base64";
import { docValue } from "~/collab/docValue";
import type { FindingView, RoundLink, WorkshopMe } from "~/components/workshop/types";
import { actionSuggestion } from "~/domain/poet/actionSuggestion";
import type { Finding } from "~/domain/poet/finding";
import { ALL_GROUP, findGroup } from "~/domain/poet/groups";
import { findQuestion } from "~/domain/poet/questionSet";
import { linkedFindingIds, notesOf, type OwnerChoice } from "~/domain/workspace";
import * as Y from "yjs";
import type { WorkspaceAccess } from "./auth.server";
import { displayNameOf, mayInPlan } from "./auth.server";
import type { CollabControl } from "./collabControl";
import { sharedReads } from "./sharedReads.server";
import { anonymousVoterKey, participantKeyOf } from "./voting.server";
import { readWorkspaceState } from "./workspaceState.server";

const RANK: Record<string, number> = { weakness: 0, strength: 1 };

/** The person's participant key, name and rights in this workshop. */
export function workshopMe(access: WorkspaceAccess): WorkshopMe {
  const { principal } = access;
  const key = participantKeyOf(access);
  return {
    key,
    anonymousVoterKey: anonymousVoterKey(access.workspace.id, key),
    name: displayNameOf(principal),
    guest: principal.kind === "guest",
    canEdit: mayInPlan(access, "edit:workspace"),
    canFacilitate: mayInPlan(access, "facilitate:workspace"),
  };
}

/** The newest round's weaknesses then strengths, plus any other finding an action links to. */
async function findingsFor(access: WorkspaceAccess, linked: Set<string>): Promise<{ rounds: RoundLink[]; findings: FindingView[] }> {
  const { workspace } = access;
  const rounds = await sharedReads.listWorkspaceRounds(workspace.id, workspace.orgId);
  const links = rounds.map((r) => ({ id: r.id, name: r.name, synthetic: r.isSynthetic, href: `/orgs/${workspace.org.slug}/rounds/${r.id}` }));
  // Guests read the evidence in easy read first (they can switch to the standard wording there).
  const roundLinks = access.principal.kind === "guest" ? links.map((r) => ({ ...r, href: `${r.href}?view=easy` })) : links;
  const newest = links[0];
  if (!newest) return { rounds: roundLinks, findings: [] };
  const evidence = await sharedReads.loadRoundEvidence(workspace.orgId, newest.id);
  const all = evidence?.analysis.findings ?? [];
  const questions = evidence ? await sharedReads.questionSetFor(workspace.orgId, evidence.questionSetVersion) : undefined;
  const shown = (f: Finding) => f.classification in RANK || linked.has(f.id);
  // The board opens on "Everyone": each question a shown finding is about keeps its everyone-finding as the
  // head of its group (even when that one is in line with England), with the groups' findings folded under it.
  const asked = new Set(all.filter(shown).map((f) => f.question));
  const chosen = all.filter((f) => shown(f) || (f.group === ALL_GROUP.id && asked.has(f.question)));
  chosen.sort((a, b) => (RANK[a.classification] ?? 2) - (RANK[b.classification] ?? 2));
  return {
    rounds: roundLinks,
    findings: chosen.map((f) => {
      const question = questions ? findQuestion(questions, f.question) : undefined;
      return {
        id: f.id,
        classification: f.classification,
        sentence: f.sentence,
        easyRead: f.easyRead,
        groupId: f.group,
        groupLabel: findGroup(f.group)?.label ?? f.group,
        questionId: f.question,
        question: question?.text ?? f.question,
        suggestion: question ? actionSuggestion(question, f.group, f.classification) : f.sentence,
        href: `${newest.href}/findings/${encodeURIComponent(f.id)}`,
      };
    }),
  };
}

/**
 * Gives every shown finding an (empty) shared note before anyone types: two people opening a missing
 * note at once would each create one, and whichever lost would lose their words. Writes nothing when
 * every note already exists, and is only called for people who may edit.
 */
async function ensureNotes(collab: CollabControl, workspaceId: string, findingIds: string[]): Promise<void> {
  await collab.withDocument(
    workspaceId,
    (doc) => {
      const notes = notesOf(doc);
      for (const id of findingIds) if (!(notes.get(id) instanceof Y.Text)) notes.set(id, new Y.Text());
    },
    { source: "server", actorId: null, actorName: "Workshop set-up" },
  );
}

/** The council's members to offer as owners: for its signed-in members only (guests see no staff list). */
export async function ownerChoicesFor(access: WorkspaceAccess): Promise<OwnerChoice[]> {
  if (access.principal.kind !== "user") return [];
  const members = await sharedReads.listMembers(access.workspace.orgId);
  return members.map((m) => ({ id: m.user.id, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/**
 * What the page needs from the live document: the same for everyone who opens this version of the plan,
 * so a room arriving together encodes it once (docValue); who may see it is checked per request before.
 */
function planSnapshot(doc: Y.Doc) {
  return {
    state: toBase64(Y.encodeStateAsUpdate(doc)),
    linked: linkedFindingIds(doc),
    noteIds: new Set([...notesOf(doc).entries()].flatMap(([id, note]) => (note instanceof Y.Text ? [id] : []))),
  };
}

/** The workshop page's data. */
export async function loadWorkshop(access: WorkspaceAccess, collab: CollabControl) {
  const workspaceId = access.workspace.id;
  const { state: raw, linked, noteIds } = await collab.readDocument(workspaceId, (doc) => docValue(doc, planSnapshot));
  const [{ rounds, findings }, statuses, statements, owners] = await Promise.all([
    findingsFor(access, linked),
    sharedReads.statusSettingsFor(access.workspace.orgId),
    sharedReads.mirStatementsFor(access.workspace.orgId),
    ownerChoicesFor(access),
  ]);
  // Only someone who can type a note needs it to exist: a viewer's visit writes nothing.
  const missing = mayInPlan(access, "edit:workspace") && findings.some((f) => !noteIds.has(f.id));
  const state = missing ? (await ensureNotes(collab, workspaceId, findings.map((f) => f.id)), toBase64(await readWorkspaceState(collab, workspaceId))) : raw;
  const statusLabels = Object.fromEntries(statuses.map((s) => [s.status, s.label]));
  return { me: workshopMe(access), rounds, findings, state, statusLabels, statements, owners };
}
