// Reads a posted questionnaire page once, with zod at the boundary: answers, "about you", the optional
// contact details, the trap field and what the person asked for (next, back, save, send).
import { z } from "zod";
import { aboutFields, aboutKey, checkAbout, checkAnswers, type About } from "~/domain/collect";
import type { Question } from "~/domain/poet";

const Intent = z.enum(["next", "back", "save", "send", "wording-easy", "wording-standard"]).catch("next");
const Contact = z.object({
  name: z.string().trim().max(100, "Use at most 100 characters for the name."),
  email: z.union([z.literal(""), z.string().trim().max(200).email("Enter an email address like name@example.com, or leave it empty.")]),
  phone: z.union([z.literal(""), z.string().trim().regex(/^[+()\d\s-]{7,20}$/, "Enter a phone number using digits, like 01234 567890, or leave it empty.")]),
});

export type SurveyForm = {
  intent: z.infer<typeof Intent>;
  answers: Record<string, string>;
  /** Every "about you" field present on the page, "" where the person prefers not to say. */
  about: About;
  contact: { name: string; email: string; phone: string } | null;
  contactErrors: Record<string, string>;
  /** What was typed, to fill the fields again when it needs correcting. */
  contactValues: { name: string; email: string; phone: string };
  trapped: boolean;
  problems: string[];
};

/** Reads the fields of a survey page; questions not on the page are left alone. */
export function readSurveyForm(form: FormData, questions: readonly Question[], survey: string): SurveyForm {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const given: Record<string, string> = {};
  for (const q of questions) if (form.has(`q_${q.code}`)) given[q.code] = text(`q_${q.code}`);
  const { answers, problems } = checkAnswers(questions, given);
  const about: About = {};
  const fields = aboutFields(survey);
  const checked = checkAbout(survey, Object.fromEntries(fields.map((f) => [f.key, text(`about_${f.key}`)])));
  for (const field of fields) if (form.has(`about_${field.key}`)) about[aboutKey(field)] = checked[aboutKey(field)] ?? "";
  const contactInput = { name: text("contact_name"), email: text("contact_email"), phone: text("contact_phone") };
  const parsed = Contact.safeParse(contactInput);
  const contactErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) contactErrors[String(issue.path[0])] ??= issue.message;
  const hasContact = parsed.success && (parsed.data.email !== "" || parsed.data.phone !== "");
  if (parsed.success && parsed.data.name !== "" && !hasContact) contactErrors.email = "To hear back, add an email address or a phone number — or clear the name.";
  return {
    intent: Intent.parse(text("intent")),
    answers: Object.fromEntries(Object.keys(given).map((code) => [code, answers[code] ?? ""])),
    about,
    contact: hasContact && parsed.success ? parsed.data : null,
    contactErrors,
    contactValues: contactInput,
    trapped: text("website") !== "",
    problems,
  };
}
