// Council settings: what each action status is called here and how far along it counts.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { ACTION_STATUSES } from "~/domain/workspace/schema";
import { saveStatusSettings, statusSettingsFor } from "~/models/tracking.server";
import { requireCouncil } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:members");
  return { org, statuses: await statusSettingsFor(org.id) };
}

const Setting = z.object({
  label: z.string().trim().min(1, "Give every status a name").max(40, "Keep status names under 40 characters"),
  percent: z.coerce.number({ invalid_type_error: "Percent must be a whole number from 0 to 100" }).int("Percent must be a whole number from 0 to 100").min(0, "Percent must be from 0 to 100").max(100, "Percent must be from 0 to 100"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "manage:members");
  const form = await request.formData();
  const problems: string[] = [];
  const settings = ACTION_STATUSES.map((status) => {
    const parsed = Setting.safeParse({ label: form.get(`${status}.label`), percent: form.get(`${status}.percent`) });
    if (!parsed.success) {
      problems.push(`${status.replace("-", " ")}: ${parsed.error.issues[0]!.message}`);
      return null;
    }
    return { status, ...parsed.data };
  });
  if (problems.length) return { ok: false, message: `Nothing was saved. ${problems.join(". ")}.` };
  await saveStatusSettings(org.id, settings.filter((s) => s !== null));
  return { ok: true, message: "Saved. Plans and the dashboard now use these names and percents." };
}

export default function CouncilSettings() {
  const { statuses } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Action statuses</h1>
      <p>Choose what each status is called in your council and how far along an action in that status counts. People can still give their own percent in a progress update. RAG ratings are separate.</p>
      {outcome ? <Notice tone={outcome.ok ? "success" : "warning"}>{outcome.message}</Notice> : null}
      <Form method="post">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Name shown</th>
              <th scope="col">Percent done</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.status}>
                <th scope="row">{s.status.replace("-", " ")}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`${s.status}-label`}>{`Name for ${s.status.replace("-", " ")}`}</label>
                  <input id={`${s.status}-label`} name={`${s.status}.label`} defaultValue={s.label} maxLength={40} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${s.status}-percent`}>{`Percent done for ${s.status.replace("-", " ")}`}</label>
                  <input id={`${s.status}-percent`} name={`${s.status}.percent`} type="number" min={0} max={100} defaultValue={s.percent} inputMode="numeric" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="button">
          Save statuses
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Action statuses – POET Action Planner" }];
