// Where the stage is (not started, open for a year, finished) and the facilitator's controls to open and finish it.
import { useFetcher } from "@remix-run/react";
import type { WorkshopMe } from "~/components/workshop/types";
import { dateTimeInEngland } from "~/domain/tracking/today";
import type { AssessmentStage } from "~/domain/workspace";
import type { AssessmentAnswer } from "./types";
import { useAnswer } from "./useAnswer";

type Props = { stage: AssessmentStage | null; me: WorkshopMe; defaultYear: number; ratingsCount: number; announce: (message: string) => void };

export function StageBar({ stage, me, defaultYear, ratingsCount, announce }: Props) {
  const openFetcher = useFetcher<AssessmentAnswer>();
  const finishFetcher = useFetcher<AssessmentAnswer>();
  const openProblem = useAnswer(openFetcher, announce);
  const finishProblem = useAnswer(finishFetcher, announce);
  const status = !stage
    ? "Not started. The facilitator opens the self-assessment when the group is ready."
    : stage.open
      ? `Open for rating: the self-assessment for ${stage.year}. ${ratingsCount} ${ratingsCount === 1 ? "rating" : "ratings"} given so far.`
      : stage.finishedAt
        ? `Finished: the self-assessment for ${stage.year} was saved on ${dateTimeInEngland(stage.finishedAt)}.`
        : `Saving the self-assessment for ${stage.year}…`;
  return (
    <section className="sa-stage" aria-labelledby="stage-heading">
      <h2 id="stage-heading" className="visually-hidden">
        Stage
      </h2>
      <p data-testid="stage-status">
        <strong>{status}</strong>
      </p>
      {me.canFacilitate && stage?.open ? (
        <finishFetcher.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="finish" />
          <p className="hint" id="finish-hint">
            Finishing closes rating and saves the group’s rating of each statement for {stage.year}: the agreed rating where you set one, otherwise the most common rating.
          </p>
          <button type="submit" className="button" aria-describedby="finish-hint">
            Finish and save the ratings
          </button>
          {finishProblem ? <p className="field-error" role="alert">{finishProblem.message}</p> : null}
        </finishFetcher.Form>
      ) : null}
      {me.canFacilitate && !stage?.open ? (
        <openFetcher.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="open" />
          <label htmlFor="assessment-year">Year this self-assessment is for</label>
          <input id="assessment-year" name="year" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={stage?.year ?? defaultYear} required aria-describedby="open-hint" className="sa-year" />
          <p className="hint" id="open-hint">
            Opening the same year again lets the group carry on; another year starts with no ratings.
          </p>
          <button type="submit" className="button">
            {stage ? "Open the self-assessment again" : "Open the self-assessment"}
          </button>
          {openProblem ? <p className="field-error" role="alert">{openProblem.message}</p> : null}
        </openFetcher.Form>
      ) : null}
    </section>
  );
}
