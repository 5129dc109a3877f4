// One question as a group of large radio buttons, "don't know" always last. Plain HTML: it works
// without JavaScript, by keyboard (arrow keys move within the group) and with a screen reader
// (the fieldset's legend names the group).
export type QuestionView = { code: string; text: string; choices: { value: string; label: string }[] };

export function QuestionFieldset({ question, easy, current, heading, number }: { question: QuestionView; easy: boolean; current: string | undefined; heading: "h1" | "h2"; number?: string }) {
  const name = `q_${question.code}`;
  const Heading = heading;
  return (
    <fieldset className="survey-question" aria-describedby={`${name}-hint`}>
      <legend>
        {number ? <span className="survey-progress">{number}</span> : null}
        <Heading className="survey-legend" id={heading === "h1" ? "survey-heading" : undefined} tabIndex={heading === "h1" ? -1 : undefined}>
          {question.text}
        </Heading>
      </legend>
      <p className="hint" id={`${name}-hint`}>
        {easy ? "Choose one answer. You can leave it out." : "Choose one answer, or leave it blank to skip it."}
      </p>
      <div className="survey-choices">
        {question.choices.map((choice) => {
          const id = `${name}-${choice.value.replace(/\W+/g, "-")}`;
          return (
            <div className="survey-choice" key={choice.value}>
              <input type="radio" id={id} name={name} value={choice.value} defaultChecked={current === choice.value} />
              <label htmlFor={id}>{choice.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
