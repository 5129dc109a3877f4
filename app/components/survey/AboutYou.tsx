// The optional "about you" questions (the set's groups) and the optional way to hear back.
// Every one has "prefer not to say" chosen unless the person picks something else.
import { aboutFields, aboutKey, aboutQuestion, type About, type Wording } from "~/domain/collect";

export function AboutYou({ survey, wording, about, headingLevel }: { survey: string; wording: Wording; about: About; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <>
      {aboutFields(survey).map((field) => {
        const name = `about_${field.key}`;
        const choices = [...field.values.map((v) => ({ value: v.id, label: v.label })), { value: "", label: wording === "easy" ? "I do not want to say" : "Prefer not to say" }];
        return (
          <fieldset className="survey-question" key={field.key}>
            <legend>
              <Heading className="survey-legend">{aboutQuestion(field, wording)}</Heading>
            </legend>
            <div className="survey-choices">
              {choices.map((choice) => {
                const id = `${name}-${choice.value || "none"}`;
                return (
                  <div className="survey-choice" key={id}>
                    <input type="radio" id={id} name={name} value={choice.value} defaultChecked={(about[aboutKey(field)] ?? "") === choice.value} />
                    <label htmlFor={id}>{choice.label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export function HearBack({ wording, errors, values }: { wording: Wording; errors?: Record<string, string>; values?: Record<"name" | "email" | "phone", string> }) {
  const easy = wording === "easy";
  return (
    <fieldset className="survey-question">
      <legend>
        <h2 className="survey-legend">{easy ? "Do you want to hear what the council does? (you do not have to)" : "Hear what the council does (optional)"}</h2>
      </legend>
      <p>
        {easy
          ? "If you want, leave an email address or phone number. The council will only use it to tell you what they did. It is kept apart from your answers. Nobody can see what you answered."
          : "Leave an email address or phone number only if you want the council to tell you what it did with what people said. It is stored apart from your answers, never linked to them, and deleted when the council no longer needs it."}
      </p>
      {(["name", "email", "phone"] as const).map((key) => {
        const labels = { name: easy ? "Your name (you do not have to)" : "Name (optional)", email: easy ? "Email address" : "Email address (optional)", phone: easy ? "Phone number" : "Phone number (optional)" };
        const types = { name: "text", email: "email", phone: "tel" };
        const auto = { name: "name", email: "email", phone: "tel" };
        const error = errors?.[key];
        return (
          <div className={error ? "field field--error" : "field"} key={key}>
            <label htmlFor={`contact-${key}`}>{labels[key]}</label>
            {error ? (
              <p className="field-error" id={`contact-${key}-error`}>
                <span className="visually-hidden">Error: </span>
                {error}
              </p>
            ) : null}
            <input id={`contact-${key}`} name={`contact_${key}`} defaultValue={values?.[key] ?? ""} type={types[key]} autoComplete={auto[key]} aria-invalid={error ? true : undefined} aria-describedby={error ? `contact-${key}-error` : undefined} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** A field people never see or reach; scripts that fill every field give themselves away. */
export function Honeypot() {
  return (
    <div className="survey-trap" aria-hidden="true">
      <label htmlFor="website">Leave this empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
