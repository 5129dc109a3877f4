// Question wording (docs/decisions/028): an owner loads the council's official wording of a question set
// (code, standard, easy read), sees which questions still use our approximate wording, and can go back to
// ours. Every page that shows a question for this council then shows its wording; other councils' do not change.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { OutcomeNotice } from "~/components/forms";
import { getQuestionSet, questionSets } from "~/domain/poet";
import { approximateCodes, MAX_WORDING_CHARACTERS } from "~/domain/poet/questionWording";
import { questionWordingFor, revertQuestionWording, saveQuestionWording } from "~/models/questionWording.server";
import { requireCouncil } from "~/services/auth.server";
import { readQuestionWordingFile } from "~/services/questionWordingFile.server";
import { formProblemResponse, tryReadForm } from "~/services/readForm.server";

const MAX_WORDING_BYTES = 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:members");
  const sets = await Promise.all(
    Object.values(questionSets).map(async (set) => {
      const official = await questionWordingFor(org.id, set.version);
      const byCode = new Map(official.map((w) => [w.code, w]));
      const stillApproximate = new Set(approximateCodes(set, official));
      return {
        version: set.version,
        title: set.title,
        shortTitle: set.shortTitle,
        approximate: set.wordingApproximate,
        loaded: official.length,
        stillApproximate: stillApproximate.size,
        questions: set.questions.map((q) => {
          const own = byCode.get(q.code);
          return { code: q.code, standard: own?.standard ?? q.text, easyRead: own?.easyRead ?? q.easyRead, status: own ? "official" : stillApproximate.has(q.code) ? "approximate" : "ours" } as const;
        }),
      };
    }),
  );
  return { org, sets };
}

type Outcome = { ok: boolean; version: string; message: string; problems?: string[]; more?: number };

const SetVersion = z
  .string({ required_error: "Choose the question set the wording is for" })
  .refine((v) => getQuestionSet(v) !== undefined, (v) => ({ message: `'${v}' is not a question set we know — choose one of: ${Object.keys(questionSets).join(", ")}` }));

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome> {
  const { org, user } = await requireCouncil(request, params.org, "manage:members");
  const actor = { id: user.id, email: user.email };
  const tooLarge = "Nothing was changed: that file is larger than 1 MB, far more than a question set's wording needs. Check it is the wording file (columns code, standard, easy_read).";
  const read = await tryReadForm(request, { maxBytes: MAX_WORDING_BYTES + 16 * 1024 });
  if (!read.ok && read.problem === "too-large") return { ok: false, version: "", message: tooLarge };
  if (!read.ok) throw formProblemResponse(read.problem);
  const form = read.form;
  const version = SetVersion.safeParse(form.get("questionSet") ?? undefined);
  if (!version.success) return { ok: false, version: "", message: `Nothing was changed. ${version.error.issues[0]!.message}.` };
  const questionSet = getQuestionSet(version.data)!;
  if (form.get("intent") === "revert") {
    const removed = await revertQuestionWording(org.id, questionSet.version, actor, context.clientIp);
    return {
      ok: true,
      version: questionSet.version,
      message: removed
        ? `Went back to our wording for ${questionSet.shortTitle}: ${removed} question${removed === 1 ? "" : "s"}${questionSet.wordingApproximate ? ", marked approximate again" : ""}.`
        : `There was no official wording for ${questionSet.shortTitle} to remove.`,
    };
  }
  const file = form.get("wording");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, version: questionSet.version, message: `Nothing was changed. Choose the CSV or Excel file with your wording of ${questionSet.shortTitle} (columns code, standard, easy_read).` };
  }
  if (file.size > MAX_WORDING_BYTES) return { ok: false, version: "", message: tooLarge };
  const parsed = await readQuestionWordingFile(questionSet, new Uint8Array(await file.arrayBuffer()), file.name);
  if (!parsed.ok) {
    return {
      ok: false,
      version: questionSet.version,
      message: `Nothing was changed: ${file.name} has ${parsed.problems.length === 1 ? "a problem" : `${parsed.problems.length} problems`}. Fix ${parsed.problems.length === 1 ? "it" : "them"} and load the file again.`,
      problems: parsed.problems.slice(0, 50).map((p) => p.message),
      more: Math.max(0, parsed.problems.length - 50),
    };
  }
  await saveQuestionWording(org.id, questionSet.version, parsed.rows, actor, context.clientIp);
  const left = questionSet.questions.length - parsed.rows.length;
  return {
    ok: true,
    version: questionSet.version,
    message:
      `Loaded your wording of ${parsed.rows.length} question${parsed.rows.length === 1 ? "" : "s"} of ${questionSet.shortTitle}. Surveys, paper and assisted forms, findings and workshops now show it.` +
      (left > 0 ? ` ${left} question${left === 1 ? " still uses" : "s still use"} our wording (listed below).` : ""),
  };
}

const STATUS = { official: "Your wording", approximate: "Our approximate wording", ours: "Our wording" } as const;

export default function QuestionWording() {
  const { org, sets } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Question wording</h1>
      <p>
        Each question set has codes that never change. The wording of the children&rsquo;s services and personal health budget questions is ours, written from
        published descriptions, and marked approximate until you load your council&rsquo;s official wording. Loading a file replaces the wording you loaded before
        for that set; questions it leaves out keep ours. Only your council sees your wording. <Link to={`/orgs/${org.slug}/settings`}>Back to council settings</Link>
      </p>
      {outcome ? <OutcomeNotice outcome={outcome} /> : null}
      {sets.map((set) => {
        const id = set.version;
        return (
          <section key={id} aria-labelledby={`${id}-heading`} className="stack">
            <h2 id={`${id}-heading`}>{set.shortTitle}</h2>
            <p>
              {set.title} (<code>{set.version}</code>).{" "}
              {set.loaded
                ? `Your wording is loaded for ${set.loaded} of ${set.questions.length} questions.`
                : set.approximate
                  ? "Every question uses our approximate wording."
                  : "Every question uses our wording."}{" "}
              {set.approximate && set.loaded ? (set.stillApproximate ? `${set.stillApproximate} still use our approximate wording.` : "None is marked approximate now.") : null}
            </p>
            <Form method="post" encType="multipart/form-data" className="stack">
              <input type="hidden" name="questionSet" value={id} />
              <div className="field">
                <label htmlFor={`${id}-file`}>Official wording of {set.shortTitle} (CSV or Excel)</label>
                <p className="hint" id={`${id}-hint`}>
                  Columns <code>code</code>, <code>standard</code>, <code>easy_read</code>: one row per question, for example {set.questions[0]!.code}, then its wording. Up to{" "}
                  {MAX_WORDING_CHARACTERS} characters each. Nothing is changed if any row has a problem.
                </p>
                <input id={`${id}-file`} name="wording" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${id}-hint`} />
              </div>
              <button type="submit" className="button">
                Load wording for {set.shortTitle}
              </button>
            </Form>
            {set.loaded ? (
              <Form method="post">
                <input type="hidden" name="questionSet" value={id} />
                <input type="hidden" name="intent" value="revert" />
                <button type="submit" className="button button--secondary">
                  Go back to our wording for {set.shortTitle}
                </button>
              </Form>
            ) : null}
            <details>
              <summary>The {set.questions.length} questions and the wording shown</summary>
              <ul className="wording-list">
                {set.questions.map((q) => (
                  <li key={q.code}>
                    <p>
                      <code>{q.code}</code> <span className={q.status === "approximate" ? "tag tag--warning" : "tag"}>{STATUS[q.status]}</span>
                    </p>
                    <p>{q.standard}</p>
                    <p className="hint">Easy read: {q.easyRead}</p>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Question wording – POET Action Planner" }];
