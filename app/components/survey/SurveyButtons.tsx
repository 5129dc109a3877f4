// The buttons under every questionnaire page. "Next" comes first so pressing Enter moves on.
export function SurveyButtons({ last, easy }: { last: boolean; easy: boolean }) {
  return (
    <div className="survey-buttons">
      <button type="submit" name="intent" value={last ? "send" : "next"} className="button survey-button">
        {last ? (easy ? "Send my answers" : "Send my answers") : easy ? "Next" : "Next question"}
      </button>
      <button type="submit" name="intent" value="back" className="button button--secondary survey-button">
        Back
      </button>
      <button type="submit" name="intent" value="save" className="button button--secondary survey-button">
        Save and come back later
      </button>
    </div>
  );
}

/** Switches the wording without losing the answer on this page. */
export function WordingSwitch({ easy }: { easy: boolean }) {
  return (
    <p className="survey-switch">
      <button type="submit" name="intent" value={easy ? "wording-standard" : "wording-easy"} className="link-button">
        {easy ? "Use standard wording" : "Use easy read wording"}
      </button>
    </p>
  );
}

export function SurveyProblem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <h2>There is a problem</h2>
      <p>{message}</p>
    </div>
  );
}
