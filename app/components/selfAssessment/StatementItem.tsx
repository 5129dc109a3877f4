// One Making it Real statement: the group's ratings so far and its rating, last year's, and (while the stage is
// open) this person's rating, the facilitator's agreed rating, evidence and comments.
import { useFetcher } from "@remix-run/react";
import { useCallback, useRef } from "react";
import type { MirStatement } from "~/domain/mir";
import { MIR_RATING_LABELS, MIR_RATINGS, MOVEMENT_LABELS, movement, type MirRating, type StatementAssessment } from "~/domain/workspace";
import type { AssessmentAnswer, PlanFinding } from "./types";
import { useAnswer } from "./useAnswer";

type Props = {
  statement: MirStatement;
  assessment: StatementAssessment;
  mine: MirRating | null;
  open: boolean;
  canRate: boolean;
  canFacilitate: boolean;
  findings: readonly PlanFinding[];
  findingById: ReadonlyMap<string, PlanFinding>;
  earlier: { year: number; rating: MirRating | null } | null;
  announce: (message: string) => void;
};

export function StatementItem({ statement, assessment, mine, open, canRate, canFacilitate, findings, findingById, earlier, announce }: Props) {
  const rate = useFetcher<AssessmentAnswer>();
  const agree = useFetcher<AssessmentAnswer>();
  const evidence = useFetcher<AssessmentAnswer>();
  const comment = useFetcher<AssessmentAnswer>();
  const commentForm = useRef<HTMLFormElement>(null);
  const rateProblem = useAnswer(rate, announce);
  const agreeProblem = useAnswer(agree, announce);
  const evidenceProblem = useAnswer(evidence, announce);
  const clearComment = useCallback(() => commentForm.current?.reset(), []);
  const commentProblem = useAnswer(comment, announce, clearComment);
  const id = statement.id;
  const textId = `statement-${id}-text`;
  const { counts, rating, decidedBy } = assessment;
  const moved = rating && earlier ? movement(rating, earlier.rating) : null;
  const unlinked = findings.filter((f) => !assessment.evidence.includes(f.id));
  const detailsCount = assessment.evidence.length + assessment.comments.length;

  return (
    <li id={`statement-${id}`} className="sa-statement" data-statement={id}>
      <h3 id={textId} className="sa-statement__text">
        {statement.text}
      </h3>
      <p className="sa-statement__tally">
        {`Ratings: ${MIR_RATINGS.map((r) => `${MIR_RATING_LABELS[r]} ${counts[r]}`).join(", ")}.`}
      </p>
      <p className="sa-statement__group">
        Group rating:{" "}
        {rating ? (
          <>
            <strong className={`sa-rating sa-rating--${rating}`} data-testid="group-rating">
              {MIR_RATING_LABELS[rating]}
            </strong>{" "}
            {decidedBy === "consensus" ? "(agreed by the group)" : "(most common rating)"}
          </>
        ) : (
          <span data-testid="group-rating">not rated yet</span>
        )}
        {earlier ? (
          <span className="sa-statement__earlier">
            {" · "}
            {earlier.rating ? `${earlier.year}: ${MIR_RATING_LABELS[earlier.rating]}` : `Not rated in ${earlier.year}`}
            {moved ? ` · ${MOVEMENT_LABELS[moved]}` : ""}
          </span>
        ) : null}
      </p>

      {open && canRate ? (
        <rate.Form method="post" className="sa-rate" aria-labelledby={`rate-${id}-label ${textId}`} role="group">
          <input type="hidden" name="intent" value="rate" />
          <input type="hidden" name="statementId" value={id} />
          <p id={`rate-${id}-label`} className="sa-rate__label">
            Your rating{mine ? `: ${MIR_RATING_LABELS[mine]}` : ""}
          </p>
          <div className="button-row">
            {MIR_RATINGS.map((r) => (
              <button key={r} type="submit" name="rating" value={r} className={`button button--small sa-choice${mine === r ? " sa-choice--chosen" : ""}`} aria-pressed={mine === r}>
                {MIR_RATING_LABELS[r]}
              </button>
            ))}
            {mine ? (
              <button type="submit" name="rating" value="" className="button button--secondary button--small">
                Take my rating back
              </button>
            ) : null}
          </div>
          {rateProblem ? <p className="field-error" role="alert">{rateProblem.message}</p> : null}
        </rate.Form>
      ) : null}

      {open && canFacilitate ? (
        <agree.Form method="post" className="inline-form sa-agree">
          <input type="hidden" name="intent" value="consensus" />
          <input type="hidden" name="statementId" value={id} />
          <label htmlFor={`agree-${id}`}>Agreed rating (facilitator)</label>
          <select id={`agree-${id}`} name="rating" defaultValue={assessment.consensus ?? ""} key={assessment.consensus ?? ""}>
            <option value="">None: the most common rating decides</option>
            {MIR_RATINGS.map((r) => (
              <option key={r} value={r}>
                {MIR_RATING_LABELS[r]}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            Set<span className="visually-hidden"> the agreed rating for “{statement.text}”</span>
          </button>
          {agreeProblem ? <p className="field-error" role="alert">{agreeProblem.message}</p> : null}
        </agree.Form>
      ) : null}

      <details className="sa-details">
        <summary>
          Evidence and comments ({detailsCount})<span className="visually-hidden"> for “{statement.text}”</span>
        </summary>
        <h4>Evidence from POET</h4>
        {assessment.evidence.length ? (
          <ul className="sa-evidence">
            {assessment.evidence.map((fid) => {
              const finding = findingById.get(fid);
              return (
                <li key={fid}>
                  {finding ? <a href={finding.href}>{finding.sentence}</a> : <span>A finding that is no longer in the plan’s newest round</span>}
                  {open && canRate ? (
                    <evidence.Form method="post" className="sa-inline">
                      <input type="hidden" name="intent" value="evidence" />
                      <input type="hidden" name="statementId" value={id} />
                      <input type="hidden" name="findingId" value={fid} />
                      <input type="hidden" name="linked" value="no" />
                      <button type="submit" className="link-button">
                        Remove<span className="visually-hidden"> this evidence</span>
                      </button>
                    </evidence.Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">No findings linked yet.</p>
        )}
        {open && canRate ? (
          findings.length ? (
            <evidence.Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="evidence" />
              <input type="hidden" name="statementId" value={id} />
              <input type="hidden" name="linked" value="yes" />
              <label htmlFor={`evidence-${id}`}>Link a finding as evidence</label>
              <select id={`evidence-${id}`} name="findingId" defaultValue="">
                <option value="">Choose a finding</option>
                {unlinked.map((f) => (
                  <option key={f.id} value={f.id}>
                    {`${f.classification === "weakness" ? "To act on" : "Strength"}: ${f.sentence}`}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary button--small">
                Link
              </button>
              {evidenceProblem ? <p className="field-error" role="alert">{evidenceProblem.message}</p> : null}
            </evidence.Form>
          ) : (
            <p className="muted">This plan has no POET findings to link yet.</p>
          )
        ) : null}
        <h4>Comments</h4>
        {assessment.comments.length ? (
          <ul className="sa-comments">
            {assessment.comments.map((c, i) => (
              <li key={`${c.at}-${i}`}>
                <strong>{c.by || "Someone"}:</strong> {c.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No comments yet.</p>
        )}
        {open && canRate ? (
          <comment.Form method="post" className="stack sa-comment-form" ref={commentForm}>
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="statementId" value={id} />
            <label htmlFor={`comment-${id}`}>Your comment</label>
            <textarea id={`comment-${id}`} name="text" rows={2} maxLength={2000} required />
            <button type="submit" className="button button--secondary button--small">
              Add comment
            </button>
            {commentProblem ? <p className="field-error" role="alert">{commentProblem.message}</p> : null}
          </comment.Form>
        ) : null}
      </details>
    </li>
  );
}
