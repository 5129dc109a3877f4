import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { createCouncil } from "~/models/organisation.server";
import { requireUser } from "~/services/auth.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

const NewCouncil = z.object({
  name: z.string({ required_error: "Enter the council's name" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: NewCouncil });
  if (submission.status !== "success") return submission.reply();
  const org = await createCouncil(submission.value.name, user.id);
  await recordAudit({ orgId: org.id, action: "council-created", actorId: user.id, actorLabel: user.email, detail: org.name, ip: context.clientIp });
  return redirect(`/orgs/${org.slug}`);
}

export default function NewCouncilPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof NewCouncil>>({ lastResult });
  return (
    <div className="narrow">
      <h1>Set up your council</h1>
      <p>You will be its first owner. You can invite colleagues, co-production partners and providers next.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.name} label="Council name" hint="For example: Westshire County Council" autoComplete="organization" />
        <button type="submit" className="button">
          Create council
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Set up your council – POET Action Planner" }];
