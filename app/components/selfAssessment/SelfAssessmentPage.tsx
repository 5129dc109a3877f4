// The self-assessment stage's page: the stage bar, the saved result with last year's beside it, and every
// Making it Real statement by theme with the group's ratings, evidence and comments, all following the live document.
import { Link, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo } from "react";
import { useDocValue } from "~/collab/useDocValue";
import { useWorkspaceDoc } from "~/collab/useWorkspaceDoc";
import { ConnectionStatus } from "~/components/workshop/ConnectionStatus";
import type { WorkshopMe } from "~/components/workshop/types";
import { useAnnouncer, useHydrated } from "~/components/workshop/useWorkshopState";
import { mirThemes, type MirStatement } from "~/domain/mir";
import { myRating, readActions, readSelfAssessment, type MirRating } from "~/domain/workspace";
import { AssessmentResult } from "./AssessmentResult";
import { StageBar } from "./StageBar";
import { StatementItem } from "./StatementItem";
import type { AssessmentAnswer, EarlierYear, PlanFinding } from "./types";

type Props = {
  workspace: { id: string; name: string; org: { slug: string; name: string } };
  me: WorkshopMe;
  ratingKey: string;
  state: string;
  statements: MirStatement[];
  findings: PlanFinding[];
  earlier: EarlierYear | null;
  earlierFor: number;
  defaultYear: number;
  /** The outcome of a form sent without JavaScript (live posts are announced where they were made). */
  answer: AssessmentAnswer | null;
};

export function SelfAssessmentPage({ workspace, me, ratingKey, state, statements, findings, earlier, earlierFor, defaultYear, answer }: Props) {
  const { doc, connection } = useWorkspaceDoc(workspace.id, state);
  const live = useHydrated();
  const [message, announce] = useAnnouncer();
  const ids = useMemo(() => statements.map((s) => s.id), [statements]);
  const read = useCallback(
    (d: typeof doc) => ({
      view: readSelfAssessment(d, ids),
      mine: Object.fromEntries(ids.map((id) => [id, myRating(d, id, ratingKey)])) as Record<string, MirRating | null>,
      actions: readActions(d).map((a) => ({ id: a.id, title: a.title, mirIds: a.mirIds })),
    }),
    [ids, ratingKey],
  );
  const { view, mine, actions } = useDocValue(doc, read);
  const findingById = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  const stage = view.stage;
  const open = stage?.open === true;
  const takingPart = me.canEdit && (!live || connection.status !== "refused");

  // A new year opened elsewhere: fetch that year's comparison (the page's own data is for the year it loaded with).
  const revalidator = useRevalidator();
  const stageYear = stage?.year ?? defaultYear;
  useEffect(() => {
    if (live && stageYear !== earlierFor && revalidator.state === "idle") revalidator.revalidate();
  }, [live, stageYear, earlierFor, revalidator]);

  // Announce the stage opening and finishing to everyone as it happens.
  const stageKey = stage ? `${stage.open}/${stage.year}/${stage.finishedAt ?? ""}` : "";
  useEffect(() => {
    if (!live || !stage) return;
    if (stage.open) announce(`The self-assessment for ${stage.year} is open for rating.`);
    else if (stage.finishedAt) announce(`The self-assessment for ${stage.year} is finished. The result is shown at the top of the page.`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stageKey]);

  return (
    <div className="self-assessment">
      <p className="breadcrumb">
        {me.guest ? workspace.org.name : <Link to={`/orgs/${workspace.org.slug}`}>{workspace.org.name}</Link>}
        {" · "}
        <Link to={`/w/${workspace.id}`}>{workspace.name}: live workshop</Link>
      </p>
      <h1>Making it Real self-assessment</h1>
      <p className="lead">
        Where is the council on each Making it Real statement? Everyone in the workshop rates it: <strong>not yet</strong>, <strong>getting there</strong> or <strong>doing well</strong>,
        with the POET findings that show it and what people say.
      </p>
      <ConnectionStatus connection={connection} live={live} />
      {answer ? (
        <p className={answer.ok ? "notice notice--success" : "notice notice--error"} role={answer.ok ? "status" : "alert"}>
          {answer.message}
        </p>
      ) : null}
      <StageBar stage={stage} me={me} defaultYear={defaultYear} ratingsCount={Object.values(view.statements).reduce((n, s) => n + s.total, 0)} announce={announce} />
      {view.result ? (
        <AssessmentResult
          workspaceId={workspace.id}
          result={view.result}
          statements={statements}
          earlier={earlier && earlierFor === view.result.year ? earlier : null}
          actions={actions}
          canEdit={takingPart}
          announce={announce}
        />
      ) : null}
      {mirThemes.map((theme) => {
        const inTheme = statements.filter((s) => s.theme === theme.id);
        if (inTheme.length === 0) return null;
        return (
          <section key={theme.id} className="sa-theme" aria-labelledby={`theme-${theme.id}`}>
            <h2 id={`theme-${theme.id}`}>{theme.title}</h2>
            <ol className="sa-statements">
              {inTheme.map((s) => (
                <StatementItem
                  key={s.id}
                  statement={s}
                  assessment={view.statements[s.id]!}
                  mine={mine[s.id] ?? null}
                  open={open}
                  canRate={takingPart}
                  canFacilitate={me.canFacilitate && takingPart}
                  findings={findings}
                  findingById={findingById}
                  earlier={earlier && earlierFor === stageYear ? { year: earlier.year, rating: earlier.ratings[s.id] ?? null } : null}
                  announce={announce}
                />
              ))}
            </ol>
          </section>
        );
      })}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </div>
  );
}
