// The reads a crowd of page requests makes alike: a council's or a plan's data that does not depend on who
// asks. Each joins the same read in flight in another GET request that arrived no later (joinedRead in
// requestScope.server), so a room opening the workshop, the plan table or the dashboard together reads each
// once or a few times instead of once per person. Every caller has checked the visitor's access to that
// council or plan before, and every key names the council or plan (and every other argument), so one
// council's read is never another's. Values are shared: read them, never change them in place.
import { listCouncilPlans, completionsByMonth, listCouncilActions, type CouncilPlan } from "~/models/dashboard.server";
import { milestonesOfPlans } from "~/models/milestone.server";
import { mirStatementsFor } from "~/models/mirWording.server";
import { listMembers } from "~/models/organisation.server";
import { questionSetFor } from "~/models/questionWording.server";
import { loadRoundEvidence } from "~/models/round.server";
import { listPlanActions, staleAfterDaysFor, statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds, type WorkspaceRound } from "~/models/workspaceRound.server";
import { findingChanges, type RoundChoice } from "./roundChanges.server";
import { joinedRead } from "./requestScope.server";

const ids = (plans: readonly { id: string }[]) => plans.map((p) => p.id).join(",");

export const sharedReads = {
  statusSettingsFor: (orgId: string) => joinedRead(`statusSettings:${orgId}`, () => statusSettingsFor(orgId)),
  staleAfterDaysFor: (orgId: string) => joinedRead(`staleAfterDays:${orgId}`, () => staleAfterDaysFor(orgId)),
  mirStatementsFor: (orgId: string) => joinedRead(`mirStatements:${orgId}`, () => mirStatementsFor(orgId)),
  listMembers: (orgId: string) => joinedRead(`members:${orgId}`, () => listMembers(orgId)),
  questionSetFor: (orgId: string, version: string) => joinedRead(`questionSet:${orgId}:${version}`, () => questionSetFor(orgId, version)),
  /** The evidence is also kept per round revision by round.server (and shared there): not frozen here. */
  loadRoundEvidence: (orgId: string, roundId: string) => joinedRead(`roundEvidence:${orgId}:${roundId}`, () => loadRoundEvidence(orgId, roundId), { freeze: false }),
  listWorkspaceRounds: (workspaceId: string, orgId: string) => joinedRead(`workspaceRounds:${orgId}:${workspaceId}`, () => listWorkspaceRounds(workspaceId, orgId)),
  listPlanActions: (workspaceId: string) => joinedRead(`planActions:${workspaceId}`, () => listPlanActions(workspaceId)),
  milestonesOfPlans: (workspaceIds: string[]) => joinedRead(`milestones:${workspaceIds.join(",")}`, () => milestonesOfPlans(workspaceIds)),
  listCouncilPlans: (orgId: string) => joinedRead(`councilPlans:${orgId}`, () => listCouncilPlans(orgId)),
  listCouncilActions: (plans: readonly CouncilPlan[]) => joinedRead(`councilActions:${plans.map((p) => `${p.id}=${p.name}`).join(",")}`, () => listCouncilActions(plans)),
  completionsByMonth: (plans: readonly CouncilPlan[]) => joinedRead(`completions:${ids(plans)}`, () => completionsByMonth(plans)),
  findingChanges: (orgId: string, rounds: readonly WorkspaceRound[], findingIds: readonly string[], choice: RoundChoice = {}) =>
    joinedRead(`findingChanges:${orgId}:${ids(rounds)}:${[...new Set(findingIds)].sort().join(",")}:${choice.from ?? ""}:${choice.to ?? ""}`, () => findingChanges(orgId, rounds, findingIds, choice)),
};
