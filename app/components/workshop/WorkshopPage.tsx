// The live workshop: findings beside the action board, presence, facilitator tools. Without JavaScript
// it is a read-only plan with a plain status form per action.
import { Link } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import type { MirStatement } from "~/domain/mir";
import { useRemoteAnnouncements } from "~/collab/announcements";
import { usePeers } from "~/collab/presence";
import { useDocValue } from "~/collab/useDocValue";
import { useUndo } from "~/collab/useUndo";
import { useWorkspaceDoc } from "~/collab/useWorkspaceDoc";
import { readSession, type OwnerChoice } from "~/domain/workspace";
import { SelfAssessmentBanner } from "~/components/selfAssessment/SelfAssessmentBanner";
import { ActionBoard } from "./ActionBoard";
import { BoardShortcuts, KeyboardHelp, SkipToNewAction } from "./BoardShortcuts";
import { FacilitatorPanel } from "./FacilitatorPanel";
import { FindingsPanel } from "./FindingsPanel";
import { FocusBanner } from "./FocusBanner";
import { IdeasRound } from "./IdeasRound";
import { OfflineShell } from "./OfflineShell";
import { TimerBar } from "./TimerBar";
import { VoteResults } from "./VoteResults";
import type { FindingView, RoundLink, WorkshopMe } from "./types";
import { OWNER_CHOICES_ID, WorkshopContext, type Workshop } from "./WorkshopContext";
import { WorkshopToolbar } from "./WorkshopToolbar";
import { UnsavedWorkPanel } from "./UnsavedWorkPanel";
import { useAnnouncer, useHydrated, usePreference, usePresenceIdentity, useShownRefusal } from "./useWorkshopState";

type Props = {
  workspace: { id: string; name: string; org: { slug: string; name: string } };
  canManageCodes: boolean;
  saved: "status" | null;
  me: WorkshopMe;
  rounds: RoundLink[];
  findings: FindingView[];
  statusLabels: Record<string, string>;
  statements: MirStatement[];
  owners: OwnerChoice[];
  state: string;
};

export function WorkshopPage({ workspace, canManageCodes, saved, me, rounds, findings, state, statusLabels, statements, owners }: Props) {
  const { doc, provider, connection, refusedChange, unsaved, dismissUnsaved } = useWorkspaceDoc(workspace.id, state);
  const live = useHydrated();
  const awareness = provider?.awareness ?? null;
  const session = useDocValue(doc, readSession);
  const peers = usePeers(awareness);
  const [easyRead, setEasyRead] = usePreference("poet-workshop-easy-read");
  const [following, setFollowing] = usePreference("poet-workshop-follow");
  const [message, announce] = useAnnouncer();
  usePresenceIdentity(awareness, me);
  useRemoteAnnouncements(doc, awareness, announce, statusLabels);
  const editable = live && me.canEdit && connection.status !== "refused" && (!session.locked || me.canFacilitate);
  const undo = useUndo(doc, live && me.canEdit, session.locked && !me.canFacilitate);
  const refusal = useShownRefusal(refusedChange, session.locked);
  const setEditing = useCallback((editing: { actionId: string; field: string } | null) => awareness?.setLocalStateField("editing", editing), [awareness]);
  const findingById = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  const statementById = useMemo(() => new Map(statements.map((s) => [s.id, s])), [statements]);

  const workshop: Workshop = { workspaceId: workspace.id, doc, awareness, me, editable, live, session, peers, findings, findingById, easyRead, statusLabels, statements, statementById, owners, setEditing, announce };
  const newestRound = rounds[0];

  return (
    <WorkshopContext.Provider value={workshop}>
      {/* Where this person is working (the card or finding holding focus), for "follow the facilitator". */}
      <div
        className={`workshop${easyRead ? " workshop--easy-read" : ""}`}
        onFocus={(event) => {
          const at = (event.target as HTMLElement).closest("article[id]")?.id;
          // Only the facilitator's place is followed (FocusBanner); nobody else publishes where they are, so a
          // vote cannot be matched to whoever was on that card at the time.
          if (me.canFacilitate && at && awareness?.getLocalState()?.at !== at) awareness?.setLocalStateField("at", at);
        }}
      >
        <SkipToNewAction />
        <BoardShortcuts />
        <OfflineShell />
        <p className="breadcrumb">{me.guest ? workspace.org.name : <Link to={`/orgs/${workspace.org.slug}`}>{workspace.org.name}</Link>}</p>
        <h1>{workspace.name}</h1>
        <p className="workshop__links">
          {newestRound ? (
            <>
              Working from <a href={newestRound.href}>{newestRound.name}</a>
              {newestRound.synthetic ? <span className="tag tag--synthetic">Synthetic data</span> : null}
            </>
          ) : (
            "No POET round is linked to this plan yet."
          )}
          {" · "}
          <Link to={`/w/${workspace.id}/plan`}>Tracking and reports</Link>
          {" · "}
          <Link to={`/w/${workspace.id}/self-assessment`}>Making it Real self-assessment</Link>
          {canManageCodes ? (
            <>
              {" · "}
              <Link to={`/w/${workspace.id}/access`}>Join codes and guests</Link>
              {me.canFacilitate ? (
                <>
                  {" · "}
                  <a href={`/w/${workspace.id}/present`} target="_blank" rel="noopener">
                    Room screen (opens in a new tab)
                  </a>
                </>
              ) : null}
            </>
          ) : null}
        </p>
        {!live ? (
          <p className="notice">
            {me.canEdit
              ? "This is the plan as it stands. Turn on JavaScript to work on it live with everyone; you can still change each action's status below."
              : "This is the plan as it stands. You can read it but not change it."}
          </p>
        ) : null}
        {saved === "status" && !live ? <p className="notice notice--success" role="status">Status saved. Everyone in the workshop can see it.</p> : null}
        <WorkshopToolbar connection={connection} undo={undo} easyRead={easyRead} setEasyRead={setEasyRead} following={following} setFollowing={setFollowing} />
        <KeyboardHelp />
        {refusal ? (
          <p className="notice notice--error workshop__refused" role="alert">
            {refusal.reason}
          </p>
        ) : null}
        {unsaved ? <UnsavedWorkPanel unsaved={unsaved} findingName={(id) => findingById.get(id)?.sentence ?? "a finding"} locked={session.locked} onDismiss={dismissUnsaved} announce={announce} /> : null}
        {session.locked ? (
          <p className="notice notice--warning workshop__lock" role="status">
            {me.canFacilitate ? "You have locked the board: only facilitators can change it." : "The facilitator has locked the board for a moment. You can read but not change it."}
          </p>
        ) : null}
        <TimerBar />
        <FocusBanner following={following} />
        <SelfAssessmentBanner doc={doc} workspaceId={workspace.id} />
        {live && me.canFacilitate ? <FacilitatorPanel /> : null}
        <VoteResults />
        <IdeasRound workspaceId={workspace.id} />
        <div className="workshop__layout">
          <FindingsPanel />
          <ActionBoard />
        </div>
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {message}
        </div>
        {owners.length ? (
          <datalist id={OWNER_CHOICES_ID}>
            {owners.map((o) => (
              <option key={o.id} value={o.name} />
            ))}
          </datalist>
        ) : null}
      </div>
    </WorkshopContext.Provider>
  );
}
